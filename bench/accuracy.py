"""Field agreement of the scan/PDF pipeline on the synthetic corpus, per input kind.

    .venv/bin/python -m bench.accuracy [--count 30] [--split test] [--degrade mild]
                                        [--samples DIR] [--baselines] [--show N]

Scores with `corpus.scoring.compare_documents` on the held-out TEST split (seeds 1000+) unless
told otherwise. Per kind (born-digital pdf, phone-scan jpg, image-only pdf): field agreement on
the issue's fields (kegiatan, kelengkapan, waktu, output, identity), step-count exactness, and the
flowchart fields reported apart. `--baselines` adds a competent user's pdfplumber
`extract_tables()` glue on the PDFs and img2table (TesseractOCR ind) cells on the scans.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.scan_common import ingest_sample_files
from corpus.generator.__main__ import generate_corpus
from corpus.generator.samples import Sample, load_samples
from corpus.generator.writer import split_seeds
from corpus.scoring import IDENTITY_LIST_FIELDS, IDENTITY_TEXT_FIELDS, Agreement, compare_documents

STEP_FIELDS = ("kegiatan", "kelengkapan", "waktu", "output")
ISSUE_FIELDS = STEP_FIELDS + IDENTITY_TEXT_FIELDS + IDENTITY_LIST_FIELDS
FLOW_FIELDS = ("pelaksana", "kind", "next")
KIND_NAMES = {"pdf": "born-digital PDF", "scan": "phone-scan JPG", "scanpdf": "image-only PDF"}


def samples_for(args: argparse.Namespace) -> list[Sample]:
    if args.samples:
        return load_samples(Path(args.samples))
    folder = Path(tempfile.mkdtemp(prefix="sop-bench-"))
    seeds = split_seeds(args.split, args.count)
    generate_corpus(folder, seeds, args.split, ["pdf", "scan", "scanpdf"], args.degrade,
                    workers=args.workers)  # fmt: skip
    return load_samples(folder)


def score(samples: list[Sample]) -> tuple[dict[str, Agreement], dict[str, float]]:
    per_kind: dict[str, Agreement] = defaultdict(Agreement)
    seconds: dict[str, float] = defaultdict(float)
    for sample in samples:
        started = time.perf_counter()
        sops, _ = ingest_sample_files(sample.paths)
        seconds[sample.record.kind] += time.perf_counter() - started
        gold = sample.gold().sops
        per_kind[sample.record.kind] = per_kind[sample.record.kind].merge(
            compare_documents(sops, gold, sample.record.name)
        )
    return per_kind, seconds


def print_table(
    per_kind: dict[str, Agreement], seconds: dict[str, float], pages: dict[str, int]
) -> None:
    print("| input kind | SOPs | field agreement | step count exact | " +
          " | ".join(STEP_FIELDS) + " | identity | pelaksana | kind | next | s/page |")  # fmt: skip
    print("|" + "---|" * (10 + len(STEP_FIELDS)))
    for kind, agreement in per_kind.items():
        identity = agreement.overall(IDENTITY_TEXT_FIELDS + IDENTITY_LIST_FIELDS)
        cells = [f"{agreement.rate(f):.3f}" for f in STEP_FIELDS]
        flows = [f"{agreement.rate(f):.3f}" for f in FLOW_FIELDS]
        exact = agreement.step_count_exact / max(agreement.sops, 1)
        print(f"| {KIND_NAMES.get(kind, kind)} | {agreement.sops} | "
              f"{agreement.overall(ISSUE_FIELDS):.3f} | {exact:.0%} | " + " | ".join(cells)
              + f" | {identity:.3f} | " + " | ".join(flows)
              + f" | {seconds[kind] / max(pages[kind], 1):.2f} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--split", default="test", choices=["train", "test"])
    parser.add_argument("--degrade", default="mild", choices=["clean", "mild", "hard"])
    parser.add_argument("--samples", help="Score an existing corpus folder instead.")
    parser.add_argument("--workers", type=int, default=2, help="For generating the corpus.")
    parser.add_argument("--baselines", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="Print N mismatches per kind.")
    args = parser.parse_args()
    samples = samples_for(args)
    per_kind, seconds = score(samples)
    pages: dict[str, int] = defaultdict(int)
    for sample in samples:
        pages[sample.record.kind] += sample.record.pages
    print(f"{len(samples)} samples, split {args.split}, degrade {args.degrade}\n")
    print_table(per_kind, seconds, pages)
    for kind, agreement in per_kind.items():
        for line in agreement.mismatches[: args.show]:
            print(f"  [{kind}] {line}")
    if args.baselines:
        from bench.baselines import print_baselines

        print_baselines(samples, per_kind)


if __name__ == "__main__":
    main()
