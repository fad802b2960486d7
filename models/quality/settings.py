"""Named defaults of the checks. One frozen model; tests and callers override fields by name."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class WorkingCalendar(BaseModel):
    """How printed durations turn into working time (see models.quality.duration).

    A working day is 8 hours (the usual office day, 07.30-16.00 with a break), a week 5 working
    days and a month 22 working days. Printed days count as working days whether or not the SOP
    says 'hari kerja': a step standard is time the office spends, not elapsed calendar time.
    """

    model_config = ConfigDict(frozen=True)

    hours_per_working_day: float = 8.0
    working_days_per_week: float = 5.0
    working_days_per_month: float = 22.0

    @property
    def minutes_per_working_day(self) -> float:
        return self.hours_per_working_day * 60


class QualitySettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    calendar: WorkingCalendar = WorkingCalendar()
    # rapidfuzz token_set_ratio (0-100) above which an output counts as reappearing downstream.
    chain_match_threshold: float = 70.0
    # Extraction confidence below which a value is listed for human review.
    low_confidence: float = 0.6
    # A single step standard outside [1 minute, 6 months of working days] is implausible.
    min_step_minutes: float = 1.0
    max_step_working_days: float = 132.0
