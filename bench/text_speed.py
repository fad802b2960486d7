"""Text-ingestion speed: documents per second of `ingest_file` over the seeds repeated.

Run: .venv/bin/python -m bench.text_speed [--documents 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ingest.pipeline import ingest_file

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def measure(documents: int) -> tuple[int, float]:
    seeds = sorted(SEEDS.glob("*.txt"))
    started = time.perf_counter()
    for index in range(documents):
        result = ingest_file(seeds[index % len(seeds)])
        if result.status == "failed":
            raise SystemExit(f"{result.path} failed: {result.error}")
    return documents, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    arguments = parser.parse_args()
    count, seconds = measure(arguments.documents)
    print(f"{count} documents in {seconds:.2f} s: {count / seconds:.1f} documents/s, "
          f"{1000 * seconds / count:.2f} ms/doc")  # fmt: skip


if __name__ == "__main__":
    main()
