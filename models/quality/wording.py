"""Wording rules: a kegiatan starts with an active verb and names no subject (Permenpan 35/2012)."""

from __future__ import annotations

import re

from models.normalise import clean_cell
from models.quality.findings import FamilyResult, Finding, step_location
from models.quality.rules import finding
from models.sop import Sop, Step

# Active verbs carry the meN- or ber- prefix (me-, mem-, men-, meng-, meny-, ber-, be-).
ACTIVE_PREFIXES = ("me", "ber", "be")
# Terminator wordings that are fine without a prefix.
BARE_VERBS = {"mulai", "selesai"}
# Heads of office titles (DOMAIN.md) that, as the first word, make the actor the subject.
TITLE_WORDS = {
    "kepala", "sekretaris", "kadis", "sekdis", "kaban", "kabag", "kasubag", "kasubbag", "kabid",
    "kasubid", "kasubbid", "kasi", "kasie", "subkor", "koordinator", "camat", "sekcam", "lurah",
    "staf", "staff", "tim", "pegawai", "pelaksana", "operator", "bendahara", "ppk", "kpa", "ppspm",
    "jf", "fungsional", "petugas", "pejabat", "bupati", "walikota", "gubernur", "inspektur",
    "auditor", "analis", "pengelola", "direktur", "asisten", "panitia", "kapus", "kaur", "kasat",
}  # fmt: skip
_DECISION_WORDING = re.compile(r"\b(jika|apabila|bila|kalau)\b.*\b(tidak|belum|salah)\b")


def first_word(text: str) -> str:
    match = re.match(r"\W*([A-Za-z]+)", text)
    return match.group(1).lower() if match else ""


def _subject_words(sop: Sop) -> set[str]:
    words = set(TITLE_WORDS)
    for actor in sop.actors:
        words |= {first_word(actor.label), first_word(actor.jabatan or "")}
    return {word for word in words if word and not word.startswith("me")}


def _wording_findings(step: Step, kegiatan: str, subjects: set[str]) -> list[Finding]:
    word = first_word(kegiatan)
    location = step_location(step.no)
    if word in subjects:
        message = (f"Kegiatan langkah {step.no} diawali subjek '{kegiatan.split()[0]}'; "
                   "tulis tanpa subjek, diawali kata kerja aktif (mis. 'Memeriksa ...').")  # fmt: skip
        return [finding("kegiatan_names_subject", location, message)]
    if word in BARE_VERBS or word.startswith(ACTIVE_PREFIXES):
        return []
    message = (f"Kegiatan langkah {step.no} tidak diawali kata kerja aktif ('{kegiatan.split()[0]}'); "
               "gunakan awalan me-/ber- (mis. 'Menyusun ...').")  # fmt: skip
    return [finding("kegiatan_not_active_verb", location, message)]


def check_wording(sop: Sop) -> FamilyResult:
    subjects = _subject_words(sop)
    findings: list[Finding] = []
    checked = failed = 0
    for step in sop.steps:
        kegiatan = clean_cell(step.kegiatan)
        if kegiatan is None:
            continue  # reported by step_kegiatan_missing
        checked += 1
        wording = _wording_findings(step, kegiatan, subjects)
        failed += bool(wording)
        findings += wording
        if step.kind != "decision" and _DECISION_WORDING.search(kegiatan.lower()):
            message = (f"Langkah {step.no} berisi keputusan dalam teks ('jika ... tidak'); "
                       "gambarkan sebagai simbol keputusan dengan cabang Ya/Tidak.")  # fmt: skip
            findings.append(finding("decision_only_in_text", step_location(step.no), message))
    return FamilyResult(family="wording", findings=findings, checked=checked, failed=failed)
