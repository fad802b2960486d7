"""Speed of the scan pipeline against plain OCR, img2table, and one vs two workers.

    .venv/bin/python -m bench.speed [--count 4] [--samples DIR]

In one run, on the same phone-scan pages (JPG) of the held-out test split:
  * seconds per page of the whole pipeline (read, rectify, rulings, per-cell OCR, flowchart);
  * the ratio to one bare `tesseract page.jpg out -l ind` call per page (aim <= 1.0);
  * the ratio to img2table (`TesseractOCR(lang="ind")`, bench-only dependency) when installed;
  * the throughput gain of `sop ingest --workers 2` over one worker on a folder of those pages
    (named `<stem>-p<N>.jpg`, so each document's photos are read as one document, as users
    would run it; the biggest documents are started first).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus.generator.__main__ import generate_corpus
from corpus.generator.samples import load_samples
from corpus.generator.writer import split_seeds
from ingest.pipeline import ingest_file

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def scan_pages(args: argparse.Namespace) -> list[Path]:
    folder = Path(args.samples) if args.samples else Path(tempfile.mkdtemp(prefix="sop-speed-"))
    if not args.samples:
        generate_corpus(
            folder, split_seeds("test", args.count), "test", ["scan"], "mild", workers=2
        )
    return [path for s in load_samples(folder) if s.record.kind == "scan" for path in s.paths]


def seconds_per_page(pages: list[Path], run: Callable[[Path], object]) -> float:
    run(pages[0])  # warm-up: imports, tesserocr's model load, img2table's first call
    started = time.perf_counter()
    for page in pages:
        run(page)
    return (time.perf_counter() - started) / len(pages)


def bare_tesseract(page: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["tesseract", str(page), f"{out}/page", "-l", "ind"], check=True,
                       capture_output=True, timeout=300)  # fmt: skip


def img2table_runner() -> Callable[[Path], object] | None:
    try:
        from img2table.document import Image
        from img2table.ocr import TesseractOCR
    except ImportError:
        return None
    ocr = TesseractOCR(lang="ind")
    return lambda page: Image(str(page)).extract_tables(ocr=ocr)


def batch_seconds(pages: list[Path], workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for page in pages:
            shutil.copy(page, inputs / page.name)
        sop = Path(sys.executable).with_name("sop")
        started = time.perf_counter()
        subprocess.run([str(sop), "ingest", str(inputs), "-o", f"{folder}/out", "--workers",
                        str(workers)], capture_output=True, check=False, timeout=3600)  # fmt: skip
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4, help="Test-split documents to generate.")
    parser.add_argument("--samples", help="Use an existing corpus folder instead.")
    args = parser.parse_args()
    pages = scan_pages(args)
    ours = seconds_per_page(pages, ingest_file)
    tesseract = seconds_per_page(pages, bare_tesseract)
    rows = [("pipeline, s/page", f"{ours:.2f}"),
            ("bare `tesseract page.jpg out -l ind`, s/page", f"{tesseract:.2f}"),
            ("pipeline / bare tesseract", f"{ours / tesseract:.2f}x")]  # fmt: skip
    runner = img2table_runner()
    if runner is not None:
        img2table = seconds_per_page(pages, runner)
        rows += [("img2table TesseractOCR(ind), s/page", f"{img2table:.2f}"),
                 ("pipeline / img2table", f"{ours / img2table:.2f}x")]  # fmt: skip
    else:
        rows.append(("img2table", "not installed (pip install '.[bench]')"))
    one, two = batch_seconds(pages, 1), batch_seconds(pages, 2)
    rows += [("`sop ingest` folder, 1 worker, s", f"{one:.1f}"),
             ("`sop ingest` folder, 2 workers, s", f"{two:.1f}"),
             ("throughput gain, 2 workers", f"{one / two:.2f}x")]  # fmt: skip
    load = os.getloadavg()[0]
    print(
        f"\n{len(pages)} phone-scan pages (JPG), OMP_THREAD_LIMIT=1, load average {load:.1f} "
        f"on {os.cpu_count()} cores (other work on the machine skews the ratios)\n"
    )
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
