"""The hand-written gold files for the five real seeds are valid `sop/1` documents.

They are the ground truth the text-export parser is scored against, so a broken gold file would
silently skew every score: each must parse, match the published schema, describe the seed it
claims to (path and sha256) and hold a consistent flow (contiguous steps, known actors, edges that
land on existing steps).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from exports.json import load_schema
from models.sop import Document, Sop

GOLDEN_DIR = Path(__file__).resolve().parent / "seeds"
REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO / "corpus" / "seeds"
SEED_NAMES = sorted(path.name for path in SEEDS_DIR.glob("*.txt"))
GOLD_PATHS = sorted(GOLDEN_DIR.glob("*.json"))


def _load(path: Path) -> Document:
    return Document.model_validate_json(path.read_text(encoding="utf-8"))


def _sops(path: Path) -> list[Sop]:
    return _load(path).sops


def test_every_seed_has_a_gold_file() -> None:
    assert SEED_NAMES, f"no seeds found in {SEEDS_DIR}"
    missing = [name for name in SEED_NAMES if not (GOLDEN_DIR / f"{name}.json").is_file()]
    assert not missing, f"write a gold file for: {missing}"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_gold_file_matches_the_published_schema(path: Path) -> None:
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), load_schema())


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_gold_file_describes_its_seed(path: Path) -> None:
    document = _load(path)
    seed_name = path.name.removesuffix(".json")
    seed = SEEDS_DIR / seed_name
    assert document.source.path == f"corpus/seeds/{seed_name}"
    assert document.source.kind == "text"
    assert document.source.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert document.sops, "a gold file holds at least one SOP"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_step_numbers_run_from_one_without_gaps(path: Path) -> None:
    for sop in _sops(path):
        assert [step.no for step in sop.steps] == list(range(1, len(sop.steps) + 1)), sop.id


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_pelaksana_refer_to_actors_of_the_same_sop(path: Path) -> None:
    for sop in _sops(path):
        actor_ids = [actor.id for actor in sop.actors]
        assert len(actor_ids) == len(set(actor_ids)), f"{sop.id}: duplicate actor ids"
        for step in sop.steps:
            unknown = set(step.pelaksana) - set(actor_ids)
            assert not unknown, f"{sop.id} step {step.no}: unknown actors {unknown}"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_transitions_land_on_existing_steps(path: Path) -> None:
    for sop in _sops(path):
        numbers = {step.no for step in sop.steps}
        for step in sop.steps:
            targets = {edge.to for edge in step.next}
            assert targets <= numbers, f"{sop.id} step {step.no}: next {targets} not in {numbers}"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.name)
def test_flow_follows_the_gold_conventions(path: Path) -> None:
    """Only the last step ends the flow; a decision has one ya and one tidak exit."""
    for sop in _sops(path):
        *body, last = sop.steps
        assert last.next == [], f"{sop.id}: the last step has no next"
        for step in body:
            assert step.next, f"{sop.id} step {step.no}: every step but the last has next"
            if step.kind == "decision":
                assert sorted(edge.when or "" for edge in step.next) == ["tidak", "ya"], sop.id
                assert next(e.to for e in step.next if e.when == "ya") == step.no + 1, sop.id
            else:
                assert [edge.to for edge in step.next] == [step.no + 1], sop.id
