"""Step-level flowchart accuracy per input kind, with what is confused with what.

    python -m bench.flowchart_accuracy --corpus out/bench-test            # an existing corpus
    python -m bench.flowchart_accuracy --count 20 --kinds pdf,scan,scanpdf   # generate the test split

Scores `pelaksana`, `kind` and `next` (targets and ya/tidak) of every gold step against the real
pipeline (bench.scan_common), and prints: the agreement table, the kind confusion matrix, the
next error types, and pelaksana at lane level (to tell a flowchart error from a header-label one).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from bench.scan_common import ingest_sample_files
from corpus.generator.samples import Sample, load_samples
from models.sop import Sop, Step

KINDS = ("start", "process", "decision", "end", "missing")


class Tally:
    def __init__(self) -> None:
        self.steps = 0
        self.agree: Counter[str] = Counter()
        self.kinds: Counter[tuple[str, str]] = Counter()
        self.next_errors: Counter[str] = Counter()
        self.lane_errors: Counter[str] = Counter()
        self.examples: list[str] = []

    def rate(self, field: str) -> float:
        return self.agree[field] / self.steps if self.steps else 0.0

    def rate_reached(self, field: str) -> float:
        """Agreement on the steps the table stage handed over (a step the page -> table ->
        cells stage lost never reached the flowchart reader)."""
        reached = self.steps - self.next_errors["step missing"]
        return self.agree[field] / reached if reached else 0.0


def _lanes(sop: Sop, step: Step) -> set[int]:
    order = [actor.id for actor in sop.actors]
    return {order.index(a) for a in step.pelaksana if a in order}


def _next_error(got: Step, want: Step) -> str | None:
    got_next = {(t.to, t.when) for t in got.next}
    want_next = {(t.to, t.when) for t in want.next}
    if got_next == want_next:
        return None
    if {t for t, _ in got_next} == {t for t, _ in want_next}:
        return "right targets, wrong ya/tidak"
    if any(t.source == "sequence" for t in got.next):
        return "unread, step order assumed"
    missing = {t for t, _ in want_next} - {t for t, _ in got_next}
    extra = {t for t, _ in got_next} - {t for t, _ in want_next}
    backward = any(to < want.no for to in missing)
    if missing and extra:
        return "wrong target" + (" (loop-back)" if backward else "")
    return ("missing target" + (" (loop-back)" if backward else "")) if missing else "extra target"


def score_step(
    tally: Tally, got_sop: Sop | None, got: Step | None, gold_sop: Sop, want: Step, where: str
) -> None:
    tally.steps += 1
    got_kind = got.kind if got else "missing"
    tally.kinds[(want.kind, got_kind)] += 1
    if got is None or got_sop is None:
        tally.next_errors["step missing"] += 1
        return
    checks = {
        "pelaksana": set(got.pelaksana) == set(want.pelaksana),
        "lanes": _lanes(got_sop, got) == _lanes(gold_sop, want),
        "kind": got.kind == want.kind,
        "next": _next_error(got, want) is None,
    }
    tally.agree.update(field for field, ok in checks.items() if ok)
    error = _next_error(got, want)
    if error:
        tally.next_errors[error] += 1
        tally.examples.append(f"{where} step {want.no} next: got {sorted((t.to, t.when) for t in got.next)}, "
                              f"want {sorted((t.to, t.when) for t in want.next)}")  # fmt: skip
    if checks["lanes"] and not checks["pelaksana"]:
        # The right lanes under a misread header: an actor label error, not a flowchart one.
        tally.lane_errors["right lane, actor label misread"] += 1
        tally.examples.append(f"{where} step {want.no} pelaksana: got {got.pelaksana}, "
                              f"want {want.pelaksana}")  # fmt: skip
    if not checks["lanes"]:
        got_lanes, want_lanes = _lanes(got_sop, got), _lanes(gold_sop, want)
        tally.lane_errors["lane missed" if want_lanes - got_lanes else "extra lane"] += 1
        tally.examples.append(
            f"{where} step {want.no} lanes: got {sorted(got_lanes)}, want {sorted(want_lanes)}"
        )


def score_sample(sample: Sample, tally: Tally) -> None:
    got_sops, _problems = ingest_sample_files(sample.paths)
    for index, gold_sop in enumerate(sample.gold().sops):
        got_sop = got_sops[index] if index < len(got_sops) else None
        got_steps = {step.no: step for step in got_sop.steps} if got_sop else {}
        for want in gold_sop.steps:
            score_step(tally, got_sop, got_steps.get(want.no), gold_sop, want, sample.record.name)


def print_report(tallies: dict[str, Tally], show: int) -> None:
    print("| input kind | steps | pelaksana | lanes | kind | next | steps missing |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, t in tallies.items():
        print(f"| {kind} | {t.steps} | {t.rate('pelaksana'):.3f} | {t.rate('lanes'):.3f} | "
              f"{t.rate('kind'):.3f} | {t.rate('next'):.3f} | {t.next_errors['step missing']} |")  # fmt: skip
    print("\nOn the steps that reached the flowchart stage:")
    print("| input kind | steps | pelaksana | lanes | kind | next |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, t in tallies.items():
        reached = t.steps - t.next_errors["step missing"]
        print(f"| {kind} | {reached} | {t.rate_reached('pelaksana'):.3f} | "
              f"{t.rate_reached('lanes'):.3f} | {t.rate_reached('kind'):.3f} | "
              f"{t.rate_reached('next'):.3f} |")  # fmt: skip
    for kind, t in tallies.items():
        print(f"\n## {kind}: kind confusion (rows gold, columns read)")
        print("| gold \\ read | " + " | ".join(KINDS) + " |")
        print("|---" * (len(KINDS) + 1) + "|")
        for gold in KINDS[:-1]:
            print(f"| {gold} | " + " | ".join(str(t.kinds[(gold, got)]) for got in KINDS) + " |")
        print(f"next errors: {dict(t.next_errors.most_common()) or 'none'}")
        print(f"lane errors: {dict(t.lane_errors.most_common()) or 'none'}")
        for line in t.examples[:show]:
            print("  ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("out/bench-flowchart"))
    parser.add_argument(
        "--count", type=int, default=20, help="seeds to generate when the corpus is missing"
    )
    parser.add_argument("--kinds", default="pdf,scan,scanpdf")
    parser.add_argument(
        "--limit", type=int, default=0, help="score at most this many samples per kind"
    )
    parser.add_argument("--show", type=int, default=8, help="mismatch examples per kind")
    parser.add_argument(
        "--split", choices=("test", "train"), default="test",
        help="score the held-out test seeds (>= 1000) or the tuning seeds (< 1000)",
    )  # fmt: skip
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    if not (args.corpus / "manifest.jsonl").exists():
        from corpus.generator.__main__ import generate_corpus
        from corpus.generator.writer import split_seeds

        generate_corpus(args.corpus, split_seeds("test", args.count), "test", kinds, "mild")  # type: ignore[arg-type]
    per_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in load_samples(args.corpus):
        held_out = sample.record.seed >= 1000
        if sample.record.kind in kinds and held_out == (args.split == "test"):
            per_kind[sample.record.kind].append(sample)
    tallies: dict[str, Tally] = {}
    for kind in kinds:
        tallies[kind] = Tally()
        for sample in per_kind[kind][: args.limit or None]:
            score_sample(sample, tallies[kind])
    print_report(tallies, args.show)


if __name__ == "__main__":
    main()
