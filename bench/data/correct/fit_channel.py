"""Fit the OCR channel: how often Tesseract prints each glyph for each true glyph.

    .venv/bin/python -m bench.data.correct.fit_channel [--splits train,train_general,dev]

Every garbled word of the fitting pages (printed core, gold core, lower-case) is aligned glyph by
glyph (rapidfuzz `Levenshtein.editops`); the counts give, per true glyph, the chance it is
printed as itself, as another glyph, or lost, and per printed glyph the chance it is an extra
mark. An edit costs -ln(P(edit) / P(glyph printed right)) in units of `NATS_PER_EDIT`, so a
confusion Tesseract makes all the time (e -> c) is cheap and one it never makes costs about a
full edit. The odds are those within garbled words: what matters is how a word that is
wrong was garbled, when its candidates are weighed. Writes
corpus/lexicon/channel.json, which ingest/correct/channel.py reads. Only the review's fitting
pages are used (no held-out split).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter

from rapidfuzz.distance import Levenshtein

from bench.correct import core, load_records
from ingest.correct.channel import CHANNEL_FILE
from ingest.correct.lexicon import LEXICON_DIR

# Add-k smoothing of every count, and the fewest observations of a pair to list it (rarer pairs
# fall back to a full edit).
SMOOTHING = 0.5
MIN_PAIR_COUNT = 3
# Costs are -ln(odds) / NATS_PER_EDIT, clipped to [FLOOR, CEILING]: ~an unseen confusion of a
# common glyph costs 1.0, the hand-set scale of ingest/correct/distance.py, where nothing costs
# more than a full edit.
NATS_PER_EDIT = 6.0
FLOOR, CEILING = 0.05, 1.0


def count_edits(pairs: list[tuple[str, str]]) -> tuple[Counter, Counter, Counter, Counter, Counter]:
    """(true glyph counts, printed glyph counts, substitutions (printed, true), lost true glyphs,
    extra printed glyphs) over the aligned pairs."""
    true_glyphs, printed_glyphs = Counter(), Counter()
    substituted, lost, extra = Counter(), Counter(), Counter()
    for printed, gold in pairs:
        true_glyphs.update(gold)
        printed_glyphs.update(printed)
        for operation, printed_at, gold_at in Levenshtein.editops(printed, gold):
            if operation == "replace":
                substituted[printed[printed_at], gold[gold_at]] += 1
            elif operation == "insert":  # a true glyph the print lacks
                lost[gold[gold_at]] += 1
            else:  # "delete": a printed glyph with no true one
                extra[printed[printed_at]] += 1
    return true_glyphs, printed_glyphs, substituted, lost, extra


def _cost(edit_count: float, right_count: float) -> float:
    odds = (edit_count + SMOOTHING) / (right_count + SMOOTHING)
    return round(min(CEILING, max(FLOOR, -math.log(odds) / NATS_PER_EDIT)), 3)


def fit(pairs: list[tuple[str, str]]) -> dict:
    true_glyphs, printed_glyphs, substituted, lost, extra = count_edits(pairs)
    changed_true = Counter()
    for (_, true), count in substituted.items():
        changed_true[true] += count
    right = {glyph: true_glyphs[glyph] - changed_true[glyph] - lost[glyph] for glyph in true_glyphs}
    substitutions = [
        [printed, true, _cost(count, right.get(true, 0))]
        for (printed, true), count in sorted(substituted.items())
        if count >= MIN_PAIR_COUNT and true in right
    ]
    insertions = {g: _cost(n, right[g]) for g, n in sorted(lost.items()) if n >= MIN_PAIR_COUNT}
    # An extra printed glyph against how often that glyph is printed as itself.
    deletions = {
        glyph: _cost(count, max(printed_glyphs[glyph] - count, 0))
        for glyph, count in sorted(extra.items())
        if count >= MIN_PAIR_COUNT
    }
    return {"substitutions": substitutions, "insertions": insertions, "deletions": deletions,
            "pairs": len(pairs)}  # fmt: skip


def garbled_pairs(splits: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for split in splits:
        for record in load_records(split):
            printed, gold = core(record["raw"]), core(record["gold"])
            if record["kind"] == "garbled" and printed and gold and " " not in printed + gold:
                pairs.append((printed, gold))
    return pairs


def _readable(channel: dict) -> str:
    """JSON with one substitution per line (the file is read in reviews of a refit)."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in channel["substitutions"]]
    head = {key: value for key, value in channel.items() if key != "substitutions"}
    body = json.dumps(head, ensure_ascii=False)[:-1]
    return body + ',\n"substitutions": [\n' + ",\n".join(lines) + "\n]}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,train_general,dev")
    arguments = parser.parse_args()
    channel = fit(garbled_pairs(arguments.splits.split(",")))
    path = LEXICON_DIR / CHANNEL_FILE
    path.write_text(_readable(channel), encoding="utf-8")
    cheapest = sorted(channel["substitutions"], key=lambda entry: entry[2])[:15]
    print(f"{channel['pairs']} garbled words; {len(channel['substitutions'])} confusions, "
          f"cheapest: {cheapest}")  # fmt: skip
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
