"""Field agreement of text-export ingestion with the hand-written gold of the five real seeds.

    .venv/bin/python -m bench.seed_accuracy [--mismatches]

Gold: tests/golden/seeds/<seed>.json (typed by hand, see its README). Exact agreement per field
(after case/space folding) and the mean similarity of the free-text fields.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.scoring import STEP_FLOW_FIELDS, STEP_TEXT_FIELDS, compare_documents
from ingest.pipeline import ingest_file
from models.sop import Document

REPO = Path(__file__).resolve().parents[1]
STEP_FIELDS = (*STEP_TEXT_FIELDS, "waktu", *STEP_FLOW_FIELDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mismatches", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    print("| seed | " + " | ".join(STEP_FIELDS) + " | identity | overall | text similarity |")
    print("|---" * (len(STEP_FIELDS) + 4) + "|")
    for seed in sorted((REPO / "corpus" / "seeds").glob("*.txt")):
        gold_path = REPO / "tests" / "golden" / "seeds" / f"{seed.name}.json"
        gold = Document.model_validate_json(gold_path.read_text(encoding="utf-8"))
        result = ingest_file(seed)
        got = result.document.sops if result.document else []
        agreement = compare_documents(got, gold.sops, seed.name[:3])
        identity = [field for field in agreement.total if field not in STEP_FIELDS]
        cells = [f"{agreement.agree[f]}/{agreement.total[f]}" for f in STEP_FIELDS]
        similarity = sum(agreement.similarity[f] for f in STEP_TEXT_FIELDS) / sum(
            agreement.total[f] for f in STEP_TEXT_FIELDS
        )
        print(f"| {seed.name[:3]} | " + " | ".join(cells)
              + f" | {agreement.overall(identity):.3f} | {agreement.overall():.3f}"
              + f" | {similarity:.3f} |")  # fmt: skip
        if args.mismatches:
            for mismatch in agreement.mismatches:
                print(f"    {mismatch}")


if __name__ == "__main__":
    main()
