"""Baselines for bench/accuracy: what a competent user gets from off-the-shelf table tools.

* pdfplumber glue (born-digital PDFs): `extract_tables()`, header keywords -> columns, one step
  per row whose first cell is a number. Scored on the step fields and step count only.
* img2table (phone scans): `TesseractOCR(lang="ind")`; a gold cell (kegiatan, kelengkapan, waktu,
  output of every step) counts as recovered when some extracted cell holds the same text
  (compared like corpus/scoring: case, spacing, end punctuation ignored). Ours is counted the
  same way over the values it extracted.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pdfplumber

from bench.scan_common import ingest_sample_files
from corpus.generator.samples import Sample
from corpus.scoring import Agreement, compare_documents, normalise_text
from models.normalise import parse_waktu
from models.sop import Sop, Step

STEP_FIELDS = ("kegiatan", "kelengkapan", "waktu", "output")
_KEYWORDS = {"kegiatan": ("kegiatan", "aktivitas", "uraian"), "kelengkapan": ("kelengkapan", "persyaratan"),
             "waktu": ("waktu",), "output": ("output", "hasil", "keluaran")}  # fmt: skip


def _columns(header_rows: list[list[str | None]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in header_rows:
        for index, cell in enumerate(row):
            text = (cell or "").lower()
            for role, words in _KEYWORDS.items():
                if role not in found and any(word in text for word in words):
                    found[role] = index
    return found


def pdfplumber_sops(path: str) -> list[Sop]:
    """One SOP with one step per numbered row of every table that has a Kegiatan header."""
    steps: list[Step] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                numbered = [
                    i for i, row in enumerate(table) if re.fullmatch(r"\d+", (row[0] or "").strip())
                ]
                if not numbered:
                    continue
                columns = _columns(table[: numbered[0]])
                if "kegiatan" not in columns:
                    continue
                for i in numbered:
                    row = table[i]
                    value = {
                        role: (row[c] or "").replace("\n", " ").strip() or None
                        for role, c in columns.items()
                    }
                    steps.append(Step(no=int(row[0]), kegiatan=value.get("kegiatan"),
                                      kelengkapan=value.get("kelengkapan"), output=value.get("output"),
                                      waktu=parse_waktu(value.get("waktu"))))  # fmt: skip
    return [Sop(id="baseline", nama=None, steps=steps)] if steps else []


def _gold_cells(sops: list[Sop]) -> list[str]:
    cells = []
    for sop in sops:
        for step in sop.steps:
            values = [
                step.kegiatan,
                step.kelengkapan,
                step.output,
                step.waktu.text if step.waktu else None,
            ]
            cells += [normalise_text(v) for v in values if v]
    return cells


def _recovered(gold: list[str], pool: set[str]) -> int:
    return sum(1 for cell in gold if cell in pool)


def img2table_cells(paths: list) -> set[str] | None:
    try:
        from img2table.document import Image
        from img2table.ocr import TesseractOCR
    except ImportError:
        return None
    ocr = TesseractOCR(lang="ind")
    pool: set[str] = set()
    for path in paths:
        for table in Image(str(path)).extract_tables(ocr=ocr):
            for row in table.content.values():
                pool.update(normalise_text(cell.value) for cell in row if cell.value)
    return pool


def _our_cells(paths: list) -> set[str]:
    sops, _ = ingest_sample_files(paths)
    return set(_gold_cells(sops))


def print_baselines(samples: list[Sample], ours: dict[str, Agreement]) -> None:
    plumber = Agreement()
    for sample in (s for s in samples if s.record.kind == "pdf"):
        plumber = plumber.merge(
            compare_documents(pdfplumber_sops(str(sample.paths[0])), sample.gold().sops)
        )
    print("\nBorn-digital PDFs, step fields: ours vs pdfplumber extract_tables() glue\n")
    print(
        "| tool | "
        + " | ".join(STEP_FIELDS)
        + " | step fields | step count exact |\n|---|---|---|---|---|---|---|"
    )
    for name, agreement in (("ours", ours.get("pdf", Agreement())), ("pdfplumber glue", plumber)):
        rates = " | ".join(f"{agreement.rate(f):.3f}" for f in STEP_FIELDS)
        exact = agreement.step_count_exact / max(agreement.sops, 1)
        print(f"| {name} | {rates} | {agreement.overall(STEP_FIELDS):.3f} | {exact:.0%} |")
    counts: dict[str, int] = defaultdict(int)
    for sample in (s for s in samples if s.record.kind == "scan"):
        gold = _gold_cells(sample.gold().sops)
        pool = img2table_cells(sample.paths)
        if pool is None:
            print("\nimg2table not installed (pip install '.[bench]'): no scan baseline")
            return
        counts["gold"] += len(gold)
        counts["img2table"] += _recovered(gold, pool)
        counts["ours"] += _recovered(gold, _our_cells(sample.paths))
    print("\nPhone-scan JPGs: step cells recovered (kegiatan, kelengkapan, waktu, output)\n")
    print("| tool | cells recovered | share |\n|---|---|---|")
    for name in ("ours", "img2table"):
        print(
            f"| {name} | {counts[name]} / {counts['gold']} | {counts[name] / max(counts['gold'], 1):.3f} |"
        )
