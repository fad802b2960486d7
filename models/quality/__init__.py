"""Completeness checks of an SOP against Permenpan RB 35/2012, and its completeness score.

One module per rule family (identity, structure + flow, wording, continuity, timing,
extraction); `rules.py` is the catalogue (id, severity, what, why); `score.py` the weights.
"""

from models.quality.check import check_document, check_sop
from models.quality.duration import (
    NominalDuration,
    format_working_time,
    nominal_duration,
    working_minutes,
)
from models.quality.findings import Finding, Severity, SopCheck
from models.quality.rules import RULES, Rule
from models.quality.settings import QualitySettings, WorkingCalendar

__all__ = [
    "RULES",
    "Finding",
    "NominalDuration",
    "QualitySettings",
    "Rule",
    "Severity",
    "SopCheck",
    "WorkingCalendar",
    "check_document",
    "check_sop",
    "format_working_time",
    "nominal_duration",
    "working_minutes",
]
