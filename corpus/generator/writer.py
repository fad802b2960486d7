"""Write samples to disk: PDFs, phone-scan JPGs, image-only PDFs, each with its gold beside it.

The only module of the generator doing file I/O (with `render.draw_pdf`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Literal

import jsonschema
import numpy as np
import pypdfium2 as pdfium
from pydantic import BaseModel
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from corpus.generator.content import draft_document
from corpus.generator.degrade import LEVELS, DegradeLevel, degrade_page, jpeg_bytes
from corpus.generator.errors import CorpusError
from corpus.generator.render import draw_pdf, layout_document
from corpus.generator.style import choose_style
from exports.json import document_to_dict, document_to_json, load_schema
from models.sop import Document, Sop, Source, SourceKind

SampleKind = Literal["pdf", "scan", "scanpdf"]
Split = Literal["train", "test"]
SPLIT_START = {"train": 0, "test": 1000}  # train: seeds 0-99 (tuning); test: 1000+ (held out)
TRAIN_SIZE = 100
DEFAULT_DPI = 150


class SampleRecord(BaseModel):
    """One written sample, as listed in manifest.jsonl."""

    name: str
    split: Split
    seed: int
    kind: SampleKind
    degrade: DegradeLevel
    files: list[str]  # in page order, relative to the output folder
    gold: str
    pages: int
    image_sizes: list[tuple[int, int]] = []  # (width, height) per scan page
    quarter_turns: list[int] = []


def split_seeds(split: Split, count: int, start: int = 0) -> range:
    """Seeds of a split; the train split holds exactly seeds 0-99."""
    first = SPLIT_START[split] + start
    if split == "train" and first + count > TRAIN_SIZE:
        raise CorpusError(
            f"the train split holds seeds 0-{TRAIN_SIZE - 1}; ask for at most "
            f"{TRAIN_SIZE - start} seeds from start {start}, or use --split test"
        )
    return range(first, first + count)


def sample_name(split: Split, seed: int, kind: SampleKind) -> str:
    return f"{split}-{seed:04d}-{kind}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def strip_boxes(sops: list[Sop]) -> list[Sop]:
    """Scans keep each symbol's page but not its box: PDF points mean nothing after the warp."""
    return [
        sop.model_copy(update={"steps": [
            step.model_copy(update={"symbols": [s.model_copy(update={"bbox": None}) for s in step.symbols]})
            for step in sop.steps
        ]})
        for sop in sops
    ]  # fmt: skip


def write_gold(sops: list[Sop], first_file: Path, kind: SourceKind, pages: int, gold_path: Path) -> None:  # fmt: skip
    """The gold Document, validated against the published sop/1 schema before it is written."""
    source = Source(path=first_file.name, sha256=sha256(first_file.read_bytes()), kind=kind, pages=pages)  # fmt: skip
    document = Document(source=source, sops=sops)
    jsonschema.validate(document_to_dict(document), load_schema())
    gold_path.write_text(document_to_json(document), encoding="utf-8")


def rasterise(pdf_path: Path, dpi: int) -> list[np.ndarray]:
    """RGB page images of a PDF through pdfium (no poppler)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [page.render(scale=dpi / 72).to_numpy()[:, :, :3].copy() for page in pdf]
    finally:
        pdf.close()


def image_pdf(jpegs: list[bytes], path: Path, dpi: int) -> None:
    """An image-only PDF (like CamScanner's): one JPEG per page, embedded as is."""
    canvas = Canvas(str(path), invariant=1)
    for data in jpegs:
        reader = ImageReader(io.BytesIO(data))
        width, height = (side * 72 / dpi for side in reader.getSize())
        canvas.setPageSize((width, height))
        canvas.drawImage(reader, 0, 0, width, height)
        canvas.showPage()
    canvas.save()


def _scans(images: list[np.ndarray], seed: int, kind: SampleKind, degrade: DegradeLevel) -> tuple[list[bytes], list[tuple[int, int]], list[int]]:  # fmt: skip
    rng = np.random.default_rng([seed, 1 if kind == "scan" else 2])
    settings = LEVELS[degrade]
    jpegs, sizes, turns = [], [], []
    for image in images:
        scan, turn = degrade_page(image, settings, rng)
        jpegs.append(jpeg_bytes(scan, settings, rng))
        sizes.append((scan.shape[1], scan.shape[0]))
        turns.append(turn)
    return jpegs, sizes, turns


def write_seed(seed: int, split: Split, kinds: list[SampleKind], degrade: DegradeLevel, out: Path, dpi: int = DEFAULT_DPI) -> list[SampleRecord]:  # fmt: skip
    """Every requested kind of sample for one seed; the born-digital PDF is rendered once."""
    out.mkdir(parents=True, exist_ok=True)
    draft = draft_document(seed)
    pages, sops = layout_document(draft, choose_style(seed))
    title = " / ".join(sop.nama or "" for sop in sops)
    records = []
    with tempfile.TemporaryDirectory() as scratch:
        pdf_name = sample_name(split, seed, "pdf")
        pdf_path = (out if "pdf" in kinds else Path(scratch)) / f"{pdf_name}.pdf"
        draw_pdf(pages, pdf_path, title=title)
        if "pdf" in kinds:
            write_gold(sops, pdf_path, "pdf", len(pages), out / f"{pdf_name}.gold.json")
            records.append(SampleRecord(name=pdf_name, split=split, seed=seed, kind="pdf", degrade="clean", files=[pdf_path.name], gold=f"{pdf_name}.gold.json", pages=len(pages)))  # fmt: skip
        images = rasterise(pdf_path, dpi) if {"scan", "scanpdf"} & set(kinds) else []
    for kind in (k for k in kinds if k != "pdf"):
        records.append(_write_scan(images, seed, split, kind, degrade, out, dpi, strip_boxes(sops)))
    return records


def _write_scan(images: list[np.ndarray], seed: int, split: Split, kind: SampleKind, degrade: DegradeLevel, out: Path, dpi: int, sops: list[Sop]) -> SampleRecord:  # fmt: skip
    name = sample_name(split, seed, kind)
    jpegs, sizes, turns = _scans(images, seed, kind, degrade)
    if kind == "scan":
        files = [out / f"{name}-p{index}.jpg" for index in range(1, len(jpegs) + 1)]
        for path, data in zip(files, jpegs, strict=True):
            path.write_bytes(data)
        source_kind: SourceKind = "image"
    else:
        files = [out / f"{name}.pdf"]
        image_pdf(jpegs, files[0], dpi)
        source_kind = "pdf"
    write_gold(sops, files[0], source_kind, len(jpegs), out / f"{name}.gold.json")
    return SampleRecord(name=name, split=split, seed=seed, kind=kind, degrade=degrade, files=[f.name for f in files], gold=f"{name}.gold.json", pages=len(jpegs), image_sizes=sizes, quarter_turns=turns)  # fmt: skip


def write_manifest(records: list[SampleRecord], out: Path) -> Path:
    """manifest.jsonl of the folder: earlier records are kept unless a sample is rewritten."""
    path = out / "manifest.jsonl"
    merged: dict[str, SampleRecord] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = SampleRecord.model_validate(json.loads(line))
                merged[record.name] = record
    merged.update({record.name: record for record in records})
    ordered = sorted(merged.values(), key=lambda record: (record.split, record.seed, record.kind))
    lines = [json.dumps(record.model_dump(mode="json"), ensure_ascii=False) for record in ordered]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def generate_corpus(out: Path, seeds: range, split: Split, kinds: list[SampleKind], degrade: DegradeLevel, dpi: int = DEFAULT_DPI, workers: int = 1) -> list[SampleRecord]:  # fmt: skip
    """Write every seed's samples (in parallel when workers > 1) and the manifest."""
    job = partial(write_seed, split=split, kinds=kinds, degrade=degrade, out=out, dpi=dpi)
    if workers > 1:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        with ProcessPoolExecutor(max_workers=workers) as pool:
            batches = list(pool.map(job, seeds))
    else:
        batches = [job(seed) for seed in seeds]
    records = [record for batch in batches for record in batch]
    write_manifest(records, out)
    return records
