"""The completeness score (0-100): a weighted share of what each rule family found complete.

A family's share is (checked - failed) / checked; a family with nothing to check counts as
complete, except that an SOP without steps gets 0 for every step-based family. Extraction
confidence has no weight: it measures the reader, not the SOP.
"""

from __future__ import annotations

from models.quality.findings import Family, FamilyResult

WEIGHTS: dict[Family, int] = {
    "identity": 25,  # share of the 10 required identity fields filled (+3: lists without empty items)
    "fields": 30,  # share of required step cells filled (4 per step + kelengkapan after the first)
    "flow": 20,  # share of numbering / terminator / lane / flowchart rules passed
    "wording": 10,  # share of kegiatan starting with an active verb and no subject
    "time": 10,  # share of waktu that are measurable, plausible durations
    "continuity": 5,  # share of step links whose output reappears in the next kelengkapan
    "extraction": 0,
}
STEP_FAMILIES: set[Family] = {"fields", "flow", "wording", "time", "continuity"}


def family_share(result: FamilyResult) -> float:
    if result.checked == 0:
        return 1.0
    return max(0.0, (result.checked - result.failed) / result.checked)


def completeness_score(results: list[FamilyResult], has_steps: bool) -> int:
    merged: dict[Family, FamilyResult] = {}
    for result in results:
        known = merged.get(result.family)
        merged[result.family] = result if known is None else FamilyResult(
            family=result.family, checked=known.checked + result.checked,
            failed=known.failed + result.failed,
        )  # fmt: skip
    total = 0.0
    for family, weight in WEIGHTS.items():
        share = family_share(merged.get(family, FamilyResult(family=family)))
        if family in STEP_FAMILIES and not has_steps:
            share = 0.0
        total += weight * share
    return round(total)
