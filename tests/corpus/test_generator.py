"""The synthetic corpus: deterministic, valid gold, and gold that is exactly what is drawn."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pdfplumber
import pytest
from PIL import Image

from corpus.generator.content import draft_document
from corpus.generator.degrade import LEVELS, degrade_page, expected_scan_size
from corpus.generator.errors import CorpusError
from corpus.generator.render import layout_document
from corpus.generator.samples import load_samples
from corpus.generator.style import choose_style
from corpus.generator.writer import rasterise, split_seeds, write_manifest, write_seed
from exports.json import load_schema
from models.sop import Document, Sop


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    records = write_seed(1000, "test", ["pdf", "scan", "scanpdf"], "mild", out)
    write_manifest(records, out)
    return out


def test_the_same_seed_writes_the_same_files(written: Path, tmp_path: Path) -> None:
    write_seed(1000, "test", ["pdf", "scan", "scanpdf"], "mild", tmp_path)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names, "nothing was written"
    for name in names:
        assert (tmp_path / name).read_bytes() == (written / name).read_bytes(), name


def test_different_seeds_give_different_documents() -> None:
    first, second = draft_document(1000).sops[0].sop, draft_document(1001).sops[0].sop
    assert [s.kegiatan for s in first.steps] != [s.kegiatan for s in second.steps]


def test_every_gold_validates_against_the_published_schema(written: Path) -> None:
    samples = load_samples(written)
    assert {sample.record.kind for sample in samples} == {"pdf", "scan", "scanpdf"}
    for sample in samples:
        payload = json.loads(sample.gold_path.read_text(encoding="utf-8"))
        jsonschema.validate(payload, load_schema())
        gold = Document.model_validate(payload)
        assert gold.source.pages == sample.record.pages == len(rasterise(written / "test-1000-pdf.pdf", 20))  # fmt: skip
        assert all(path.exists() for path in sample.paths)


def _check_flow(sop: Sop) -> None:
    numbers = {step.no for step in sop.steps}
    lane_order = [actor.id for actor in sop.actors]
    assert numbers == set(range(1, len(sop.steps) + 1))
    assert sop.steps[0].kind == "start" and sop.steps[-1].kind == "end"
    for step in sop.steps:
        drawn = [s.actor for s in step.symbols if s.shape != "off_page_connector"]
        assert step.pelaksana == sorted(drawn, key=lane_order.index)
        assert all(edge.to in numbers and edge.source == "layout" for edge in step.next)
        if step.kind == "decision":
            assert sorted(edge.when for edge in step.next) == ["tidak", "ya"]
            assert all(edge.label for edge in step.next)
            assert {s.shape for s in step.symbols} <= {"decision", "off_page_connector"}
        elif step.kind != "end":
            assert [(edge.to, edge.when) for edge in step.next] == [(step.no + 1, None)]


def test_gold_flowcharts_are_consistent_over_many_seeds() -> None:
    kinds = set()
    for seed in range(1000, 1040):
        _, sops = layout_document(draft_document(seed), choose_style(seed))
        for sop in sops:
            _check_flow(sop)
            kinds.update(step.kind for step in sop.steps)
            for step in sop.steps:
                for edge in step.next:  # loops and skips never cross a page
                    if edge.when == "tidak":
                        target = sop.steps[edge.to - 1]
                        assert target.symbols[0].page == step.symbols[0].page
    assert kinds == {"start", "process", "decision", "end"}


def test_the_pdf_text_layer_holds_each_kegiatan_in_its_cell(tmp_path: Path) -> None:
    for seed in (1001, 1002, 5):
        draft = draft_document(seed)
        pages, sops = layout_document(draft, choose_style(seed))
        write_seed(seed, "test", ["pdf"], "clean", tmp_path)
        with pdfplumber.open(tmp_path / f"test-{seed:04d}-pdf.pdf") as pdf:
            assert len(pdf.pages) == len(pages)
            for sop in sops:
                for step in sop.steps:
                    page_index = step.symbols[0].page - 1
                    box = pages[page_index].cells[f"{sop.id}:{step.no}:kegiatan"]
                    cell = pdf.pages[page_index].crop((box.left, box.top, box.right, box.bottom))
                    assert _words(cell.extract_text()) == _words(step.kegiatan)


def test_process_symbols_of_the_gold_are_rectangles_in_the_pdf(written: Path) -> None:
    gold = load_samples(written)[0].gold()
    with pdfplumber.open(written / "test-1000-pdf.pdf") as pdf:
        for step in gold.sops[0].steps:
            for symbol in (s for s in step.symbols if s.shape == "process"):
                assert symbol.bbox is not None and symbol.page is not None
                rects = pdf.pages[symbol.page - 1].rects
                assert any(
                    abs(r["x0"] - symbol.bbox.left) < 0.5 and abs(r["top"] - symbol.bbox.top) < 0.5
                    and abs(r["x1"] - symbol.bbox.right) < 0.5 for r in rects
                ), f"step {step.no}: no rectangle at {symbol.bbox}"  # fmt: skip


def test_scans_have_the_expected_size_and_are_not_blank(written: Path) -> None:
    pages = rasterise(written / "test-1000-pdf.pdf", 150)
    scan = next(s for s in load_samples(written) if s.record.kind == "scan")
    assert len(scan.paths) == len(pages) and scan.paths[0].name == "test-1000-scan-p1.jpg"
    for path, page, turns in zip(scan.paths, pages, scan.record.quarter_turns, strict=True):
        image = np.asarray(Image.open(path).convert("L"))
        want = expected_scan_size(page.shape[1], page.shape[0], LEVELS["mild"], turns)
        assert (image.shape[1], image.shape[0]) == want
        assert image.std() > 20  # ink and desk, not a flat image
        assert 0.002 < (image < 100).mean() < 0.5


def test_degradation_changes_the_image_and_clean_keeps_it() -> None:
    page = rasterise(Path(__file__).parents[2] / "corpus/samples/test-1000-pdf.pdf", 60)[1]
    quiet = {"footer_chance": 0.0, "quarter_turn_chance": 0.0}
    clean, _ = degrade_page(page, LEVELS["clean"].model_copy(update=quiet), np.random.default_rng(0))  # fmt: skip
    mild, _ = degrade_page(page, LEVELS["mild"].model_copy(update=quiet), np.random.default_rng(0))  # fmt: skip
    assert clean.shape == page.shape
    # Clean: only a paper tint, every stroke stays where it was.
    assert np.corrcoef(clean.mean(axis=2).ravel(), page.mean(axis=2).ravel())[0, 1] > 0.99
    assert mild.shape != page.shape  # the desk border
    inner = mild[mild.shape[0] // 3 : mild.shape[0] // 2, mild.shape[1] // 3 : mild.shape[1] // 2]
    original = page[page.shape[0] // 3 : page.shape[0] // 2, page.shape[1] // 3 : page.shape[1] // 2]  # fmt: skip
    assert np.abs(inner.astype(int)[: original.shape[0], : original.shape[1]] - original).mean() > 5


def test_splits_keep_training_and_test_seeds_apart() -> None:
    assert split_seeds("train", 100) == range(0, 100)
    assert split_seeds("test", 3) == range(1000, 1003)
    with pytest.raises(CorpusError, match="train split"):
        split_seeds("train", 50, start=60)
