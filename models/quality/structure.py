"""Procedure table rules: numbering, terminators, the cells of each step, actor lanes."""

from __future__ import annotations

import re

from models.normalise import clean_cell
from models.quality.findings import (
    SOP_LOCATION,
    FamilyResult,
    Finding,
    actor_location,
    step_location,
    tally_by_rule,
)
from models.quality.rules import finding
from models.sop import Sop, Step

STRUCTURE_RULES = [
    "step_numbering", "step_number_printed", "first_step_not_start", "last_step_not_end",
    "actor_lane_unused", "pelaksana_unknown",
]  # fmt: skip


def _numbering_findings(steps: list[Step]) -> list[Finding]:
    for expected, step in enumerate(steps, 1):
        if step.no != expected:
            message = (
                f"Nomor langkah tidak urut: langkah ke-{expected} bernomor {step.no}; "
                f"langkah harus bernomor 1 sampai {len(steps)} tanpa lompatan."
            )
            return [finding("step_numbering", step_location(step.no), message)]
    return []


def _printed_number_findings(steps: list[Step]) -> list[Finding]:
    findings = []
    for step in steps:
        provenance = step.provenance.get("no")
        if provenance is None:
            continue
        printed = clean_cell(provenance.raw)
        digits = re.sub(r"\D", "", printed or "")
        if printed is None:
            message = f"Nomor langkah {step.no} tidak tercetak di dokumen asli; tambahkan nomornya."
        elif digits != str(step.no):
            message = (
                f"Nomor langkah tercetak '{printed}', seharusnya {step.no}; perbaiki nomornya."
            )
        else:
            continue
        findings.append(finding("step_number_printed", step_location(step.no), message))
    return findings


def _terminator_findings(steps: list[Step]) -> list[Finding]:
    findings = []
    first, last = steps[0], steps[-1]
    if first.kind != "start":
        message = "Langkah pertama bukan simbol mulai (terminator); awali dengan simbol mulai."
        findings.append(finding("first_step_not_start", step_location(first.no), message))
    if last.kind != "end":
        message = (
            "Langkah terakhir bukan simbol selesai (terminator); akhiri dengan simbol selesai."
        )
        findings.append(finding("last_step_not_end", step_location(last.no), message))
    return findings


def _lane_findings(sop: Sop) -> list[Finding]:
    used = {actor for step in sop.steps for actor in step.pelaksana}
    used |= {symbol.actor for step in sop.steps for symbol in step.symbols}
    known = {actor.id for actor in sop.actors}
    if not used:  # no lane marked at all (text exports): step_pelaksana_missing says it per step
        return []
    findings = [
        finding("actor_lane_unused", actor_location(actor.id),
                f"Pelaksana '{actor.label}' tidak mengerjakan satu langkah pun; hapus kolomnya atau isi perannya.")
        for actor in sop.actors if actor.id not in used
    ]  # fmt: skip
    for step in sop.steps:
        for actor_id in step.pelaksana:
            if actor_id not in known:
                message = f"Pelaksana '{actor_id}' tidak ada di kolom Pelaksana SOP ini."
                findings.append(finding("pelaksana_unknown", step_location(step.no), message))
    return findings


def check_structure(sop: Sop) -> FamilyResult:
    if not sop.steps:
        return tally_by_rule("flow", STRUCTURE_RULES, [])
    findings = _numbering_findings(sop.steps) + _printed_number_findings(sop.steps)
    findings += _terminator_findings(sop.steps) + _lane_findings(sop)
    return tally_by_rule("flow", STRUCTURE_RULES, findings)


# ---------------------------------------------------------------- cells of each step
def _missing_cells(step: Step, is_first: bool) -> list[tuple[str, str]]:
    """(rule id, column name) for each required cell the step leaves empty."""
    missing = []
    if clean_cell(step.kegiatan) is None:
        missing.append(("step_kegiatan_missing", "Kegiatan"))
    if not step.pelaksana:
        missing.append(("step_pelaksana_missing", "Pelaksana"))
    if step.waktu is None:
        missing.append(("step_waktu_missing", "Waktu"))
    if clean_cell(step.output) is None:
        missing.append(("step_output_missing", "Output"))
    if not is_first and clean_cell(step.kelengkapan) is None:
        missing.append(("step_kelengkapan_missing", "Kelengkapan"))
    return missing


def check_fields(sop: Sop) -> FamilyResult:
    """Every step has kegiatan, pelaksana, waktu and output; every step but the first kelengkapan."""
    if not sop.steps:
        message = "SOP tidak memiliki langkah prosedur; tabel prosedur tidak ditemukan atau kosong."
        return FamilyResult(family="fields", findings=[finding("steps_missing", SOP_LOCATION, message)],
                            checked=1, failed=1)  # fmt: skip
    findings = []
    for index, step in enumerate(sop.steps):
        for rule_id, column in _missing_cells(step, is_first=index == 0):
            message = f"Kolom {column} langkah {step.no} kosong."
            findings.append(finding(rule_id, step_location(step.no), message))
    checked = 5 * len(sop.steps) - 1
    return FamilyResult(family="fields", findings=findings, checked=checked, failed=len(findings))
