"""Time rules: waktu parseable and plausible; the nominal duration reported as information.

(Named timing, not time, so it never shadows the standard library module.)
"""

from __future__ import annotations

from models.quality.duration import format_working_time, nominal_duration, working_minutes
from models.quality.findings import SOP_LOCATION, FamilyResult, Finding, step_location
from models.quality.rules import finding
from models.quality.settings import QualitySettings
from models.sop import Sop, Step


def _waktu_finding(step: Step, settings: QualitySettings) -> Finding | None:
    if step.waktu is None:
        return None  # reported by step_waktu_missing
    location = step_location(step.no)
    minutes = working_minutes(step.waktu, settings.calendar)
    if minutes is None:
        message = (f"Waktu langkah {step.no} ('{step.waktu.text}') bukan durasi yang terukur; "
                   "tulis angka dan satuan (mis. '1 hari kerja').")  # fmt: skip
        return finding("waktu_unparseable", location, message)
    max_minutes = settings.max_step_working_days * settings.calendar.minutes_per_working_day
    if not settings.min_step_minutes <= minutes <= max_minutes:
        message = (f"Waktu langkah {step.no} ('{step.waktu.text}') tidak wajar "
                   f"({format_working_time(minutes, settings.calendar)}); periksa angka dan satuannya.")  # fmt: skip
        return finding("waktu_implausible", location, message)
    return None


def _duration_finding(sop: Sop, settings: QualitySettings) -> Finding:
    duration = nominal_duration(sop, settings.calendar)
    happy = format_working_time(duration.happy_minutes, settings.calendar)
    message = f"Durasi nominal jalur utama: {happy}"
    if duration.revision_loops:
        revised = format_working_time(duration.with_revisions_minutes, settings.calendar)
        message += f"; dengan setiap perbaikan sekali: {revised}"
    if duration.untimed_steps:
        untimed = ", ".join(str(no) for no in duration.untimed_steps)
        message += f" (tanpa waktu terukur: langkah {untimed})"
    return finding("nominal_duration", SOP_LOCATION, message + ".")


def check_time(sop: Sop, settings: QualitySettings) -> FamilyResult:
    findings = [f for step in sop.steps if (f := _waktu_finding(step, settings)) is not None]
    checked = sum(1 for step in sop.steps if step.waktu is not None)
    failed = len(findings)
    if sop.steps:
        findings.append(_duration_finding(sop, settings))
    return FamilyResult(family="time", findings=findings, checked=checked, failed=failed)
