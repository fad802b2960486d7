"""The committed samples in corpus/samples: complete, valid, and still what the generator makes."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from corpus.generator.content import draft_document
from corpus.generator.render import layout_document
from corpus.generator.samples import load_samples
from corpus.generator.style import choose_style
from corpus.generator.writer import sha256, strip_boxes
from exports.json import document_to_dict, load_schema

SAMPLES = Path(__file__).parents[2] / "corpus" / "samples"
REGENERATE = "regenerate corpus/samples with the commands in corpus/generator/README.md"


def test_the_committed_set_holds_every_kind_and_stays_small() -> None:
    samples = load_samples(SAMPLES)
    kinds = [sample.record.kind for sample in samples]
    assert kinds.count("pdf") >= 3 and kinds.count("scan") >= 1 and kinds.count("scanpdf") >= 1
    assert all(sample.record.split == "test" for sample in samples)
    assert sum(path.stat().st_size for path in SAMPLES.iterdir()) < 5_000_000


def test_each_sample_has_valid_gold_for_its_own_file() -> None:
    for sample in load_samples(SAMPLES):
        gold = sample.gold()
        jsonschema.validate(document_to_dict(gold), load_schema())
        assert gold.source.path == sample.paths[0].name
        assert gold.source.sha256 == sha256(sample.paths[0].read_bytes()), REGENERATE


def test_the_gold_is_what_the_generator_draws_today() -> None:
    for sample in load_samples(SAMPLES):
        seed = sample.record.seed
        _, sops = layout_document(draft_document(seed), choose_style(seed))
        if sample.record.kind != "pdf":
            sops = strip_boxes(sops)
        assert sample.gold().sops == sops, f"{sample.record.name}: {REGENERATE}"
