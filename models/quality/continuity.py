"""Continuity: what a step produces should be what the next step works on (the document chain)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from models.normalise import clean_cell
from models.quality.findings import FamilyResult, Finding, step_location
from models.quality.graph import edges, is_back_edge, steps_by_no
from models.quality.rules import finding
from models.quality.settings import QualitySettings
from models.sop import Sop

# Words that say nothing about which document it is ('yang sdh diparaf' vs 'yang telah diparaf').
_FILLER = {"yang", "telah", "sudah", "sdh", "dan", "untuk", "dari", "ke", "di", "oleh", "the"}


def _normalised(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return " ".join(word for word in words if word not in _FILLER)


def chain_matches(output: str, kelengkapan: str, threshold: float) -> bool:
    """Fuzzy: the output's words reappear in the kelengkapan (or the other way round)."""
    return fuzz.token_set_ratio(_normalised(output), _normalised(kelengkapan)) >= threshold


def _forward_predecessors(sop: Sop) -> dict[int, list[int]]:
    predecessors: dict[int, list[int]] = {}
    for source, targets in edges(sop).items():
        for target in targets:
            if not is_back_edge(sop, source, target):
                predecessors.setdefault(target, []).append(source)
    return predecessors


def check_continuity(sop: Sop, settings: QualitySettings) -> FamilyResult:
    by_no = steps_by_no(sop)
    findings: list[Finding] = []
    checked = 0
    for no, sources in sorted(_forward_predecessors(sop).items()):
        kelengkapan = clean_cell(by_no[no].kelengkapan)
        outputs = [o for source in sources if (o := clean_cell(by_no[source].output)) is not None]
        if kelengkapan is None or not outputs:
            continue  # missing cells are reported by the field rules
        checked += 1
        if not any(chain_matches(o, kelengkapan, settings.chain_match_threshold) for o in outputs):
            previous = "' / '".join(outputs)
            message = (f"Kelengkapan langkah {no} ('{kelengkapan}') tidak memuat output langkah "
                       f"sebelumnya ('{previous}'); rantai dokumen terputus.")  # fmt: skip
            findings.append(finding("document_chain_break", step_location(no), message))
    return FamilyResult(
        family="continuity", findings=findings, checked=checked, failed=len(findings)
    )
