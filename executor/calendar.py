"""The working calendar: deadlines from a Mutu Baku waktu, and elapsed time in the same clock.

Two clocks. *Working time* runs only inside working hours on working days (not weekends, not
holidays): used for menit, jam (below 24) and "hari kerja". *Calendar time* always runs: used for
"hari" without "kerja", minggu, bulan and "1 x 24 jam"-style wordings (24 jam or more), which
offices write to mean a calendar day.
"""

from __future__ import annotations

import calendar as month_calendar
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from executor.errors import CalendarFileError
from models.sop import Waktu

Clock = Literal["working", "calendar"]

# National holidays fixed by date every year (UU/Keppres): Tahun Baru, Hari Buruh, Hari Lahir
# Pancasila, Hari Kemerdekaan, Natal. Moving holidays (Idul Fitri, Nyepi, Waisak...) and cuti
# bersama change yearly: they come from the holiday file.
FIXED_NATIONAL_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (5, 1), (6, 1), (8, 17), (12, 25))
_MAX_DAYS_SCANNED = 3660  # ten years: a deadline further than that is a data error, not a wait


class CalendarSettings(BaseModel):
    """Working days and hours. Defaults: Monday-Friday 08:00-16:00 WIB (UTC+7)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    work_start: time = time(8, 0)
    work_end: time = time(16, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0 ... Friday=4
    utc_offset_hours: float = 7.0  # WIB; Indonesia has no daylight saving, a fixed offset is exact
    fixed_holidays: tuple[tuple[int, int], ...] = FIXED_NATIONAL_HOLIDAYS
    holidays: frozenset[date] = frozenset()

    @property
    def tz(self) -> timezone:
        return timezone(timedelta(hours=self.utc_offset_hours))


def parse_holidays(text: str, origin: str = "holiday file") -> frozenset[date]:
    """One ISO date per line (YYYY-MM-DD), anything after it is a name; '#' starts a comment."""
    days: set[date] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        match = re.match(r"(\d{4}-\d{2}-\d{2})\b", content)
        if not match:
            raise CalendarFileError(
                f"{origin}:{number}: {line.strip()!r} does not start with a date; write one "
                "holiday per line as YYYY-MM-DD followed by an optional name."
            )
        try:
            days.add(date.fromisoformat(match[1]))
        except ValueError as error:
            raise CalendarFileError(f"{origin}:{number}: {error}; fix the date.") from error
    return frozenset(days)


def load_calendar(holiday_file: Path | None = None) -> CalendarSettings:
    """The default calendar, plus the holidays of `holiday_file` when given."""
    if holiday_file is None:
        return CalendarSettings()
    try:
        text = holiday_file.read_text(encoding="utf-8")
    except OSError as error:
        raise CalendarFileError(
            f"Cannot read holiday file {holiday_file}: {error.strerror}. Give an existing file."
        ) from error
    return CalendarSettings(holidays=parse_holidays(text, str(holiday_file)))


def is_working_day(day: date, settings: CalendarSettings) -> bool:
    if day.weekday() not in settings.workdays or day in settings.holidays:
        return False
    return (day.month, day.day) not in settings.fixed_holidays


def clock_of(waktu: Waktu) -> Clock:
    """Which clock a time standard runs on (see the module docstring)."""
    if waktu.unit in ("menit", "jam"):
        hours = (waktu.value or 0) / (60 if waktu.unit == "menit" else 1)
        return "calendar" if hours >= 24 else "working"
    return "working" if waktu.hari_kerja and waktu.unit == "hari" else "calendar"


def deadline(start: datetime, waktu: Waktu | None, settings: CalendarSettings) -> datetime | None:
    """When a step that became ready at `start` must be done; None when waktu is no duration."""
    if waktu is None or waktu.value is None or waktu.unit is None:
        return None
    value = waktu.value
    if clock_of(waktu) == "working":
        if waktu.unit == "hari":
            return _add_working_days(start, value, settings)
        minutes = value if waktu.unit == "menit" else value * 60
        return _add_working_minutes(start, minutes, settings)
    if waktu.unit == "bulan":
        return _add_months(start, value)
    days = {"menit": 1 / 1440, "jam": 1 / 24, "hari": 1, "minggu": 7}[waktu.unit] * value
    return start + timedelta(days=days)


def _window(day: date, settings: CalendarSettings) -> tuple[datetime, datetime]:
    tz = settings.tz
    return (
        datetime.combine(day, settings.work_start, tz),
        datetime.combine(day, settings.work_end, tz),
    )


def _add_working_minutes(start: datetime, minutes: float, settings: CalendarSettings) -> datetime:
    remaining = timedelta(minutes=minutes)
    cursor = start.astimezone(settings.tz)
    for _ in range(_MAX_DAYS_SCANNED):
        opens, closes = _window(cursor.date(), settings)
        if is_working_day(cursor.date(), settings) and cursor < closes:
            cursor = max(cursor, opens)
            if cursor + remaining <= closes:
                return cursor + remaining
            remaining -= closes - cursor
        cursor = _window(cursor.date() + timedelta(days=1), settings)[0]
    raise CalendarFileError("No working time found in ten years: check workdays and holidays.")


def _add_working_days(start: datetime, days: float, settings: CalendarSettings) -> datetime:
    """Whole working days keep the clock time (ready Monday 10:00 + 1 hari kerja = Tuesday 10:00);
    a fraction of a day is working hours. Work started outside hours starts at the next opening."""
    cursor = _add_working_minutes(start, 0, settings)
    whole = int(days)
    for _ in range(whole):
        cursor += timedelta(days=1)
        while not is_working_day(cursor.date(), settings):
            cursor += timedelta(days=1)
    working_day_minutes = _minutes_between(settings.work_start, settings.work_end)
    return _add_working_minutes(cursor, (days - whole) * working_day_minutes, settings)


def _minutes_between(first: time, second: time) -> float:
    return (second.hour * 60 + second.minute) - (first.hour * 60 + first.minute)


def _add_months(start: datetime, months: float) -> datetime:
    whole = int(months)
    month_index = start.month - 1 + whole
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day) + timedelta(days=30 * (months - whole))


def working_seconds(start: datetime, end: datetime, settings: CalendarSettings) -> float:
    """Seconds of working time between two instants (0 when end is not after start)."""
    total = 0.0
    day = start.astimezone(settings.tz).date()
    last = end.astimezone(settings.tz).date()
    while day <= last:
        if is_working_day(day, settings):
            opens, closes = _window(day, settings)
            overlap = min(closes, end) - max(opens, start)
            total += max(overlap.total_seconds(), 0.0)
        day += timedelta(days=1)
    return total


def elapsed_seconds(
    start: datetime, end: datetime, clock: Clock, settings: CalendarSettings
) -> float:
    if clock == "working":
        return working_seconds(start, end, settings)
    return max((end - start).total_seconds(), 0.0)
