from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from executor.calendar import (
    CalendarSettings,
    clock_of,
    deadline,
    load_calendar,
    parse_holidays,
    working_seconds,
)
from executor.errors import CalendarFileError
from models.normalise import parse_waktu

DEFAULT = CalendarSettings()
WIB = DEFAULT.tz


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=WIB)


@pytest.mark.parametrize(
    ("waktu", "start", "expected"),
    [
        ("15 menit", "2026-11-20T09:00", "2026-11-20T09:15"),  # inside working hours
        ("15 menit", "2026-11-20T15:50", "2026-11-23T08:05"),  # Friday evening -> Monday
        ("1 jam", "2026-11-21T10:00", "2026-11-23T09:00"),  # ready on Saturday
        ("1 jam", "2026-11-20T06:00", "2026-11-20T09:00"),  # before opening
        ("1 hari kerja", "2026-11-20T10:00", "2026-11-23T10:00"),  # Friday -> Monday
        ("3 hari kerja", "2026-11-19T10:00", "2026-11-24T10:00"),
        ("1 hari", "2026-11-20T10:00", "2026-11-21T10:00"),  # calendar day: Saturday counts
        ("1 x 24 Jam", "2026-11-20T10:00", "2026-11-21T10:00"),  # 24 jam is a calendar day
        ("2 minggu", "2026-11-20T10:00", "2026-12-04T10:00"),
        ("1 bulan", "2026-01-31T10:00", "2026-02-28T10:00"),  # clamped to the month's end
        ("1 hari kerja", "2026-08-14T10:00", "2026-08-18T10:00"),  # 17 Agustus is a holiday
    ],
)
def test_deadlines_on_the_default_calendar(waktu, start, expected):
    assert deadline(at(start), parse_waktu(waktu), DEFAULT) == at(expected)


def test_no_deadline_without_a_duration():
    assert deadline(at("2026-11-20T10:00"), parse_waktu("sesuai jadwal"), DEFAULT) is None
    assert deadline(at("2026-11-20T10:00"), None, DEFAULT) is None


def test_hari_kerja_and_calendar_hari_use_different_clocks():
    assert clock_of(parse_waktu("2 hari kerja")) == "working"
    assert clock_of(parse_waktu("2 hari")) == "calendar"
    assert clock_of(parse_waktu("30 menit")) == "working"


def test_holiday_file_moves_deadlines(tmp_path):
    holidays = tmp_path / "libur.txt"
    holidays.write_text("# libur nasional\n2026-11-23 Cuti bersama\n\n2026-11-24\n")
    calendar = load_calendar(holidays)
    assert calendar.holidays == {date(2026, 11, 23), date(2026, 11, 24)}
    due = deadline(at("2026-11-20T10:00"), parse_waktu("1 hari kerja"), calendar)
    assert due == at("2026-11-25T10:00")


@pytest.mark.parametrize("line", ["23-11-2026 Cuti", "2026-02-30"])
def test_bad_holiday_lines_are_refused_with_the_line_number(line):
    with pytest.raises(CalendarFileError, match=r":2:"):
        parse_holidays(f"2026-01-01\n{line}\n", "libur.txt")


def test_missing_holiday_file_says_so(tmp_path):
    with pytest.raises(CalendarFileError, match="Cannot read holiday file"):
        load_calendar(tmp_path / "nope.txt")


def test_working_seconds_skip_nights_and_weekends():
    assert working_seconds(at("2026-11-20T15:00"), at("2026-11-23T09:00"), DEFAULT) == 2 * 3600
    assert working_seconds(at("2026-11-21T09:00"), at("2026-11-22T17:00"), DEFAULT) == 0


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
    minutes=st.integers(min_value=1, max_value=24 * 60 - 1),  # 24 jam+ is calendar time
)
def test_working_minute_deadlines_leave_exactly_that_much_working_time(start, minutes):
    begin = start.replace(tzinfo=WIB)
    due = deadline(begin, parse_waktu(f"{minutes} menit"), DEFAULT)
    assert due >= begin
    assert working_seconds(begin, due, DEFAULT) == pytest.approx(minutes * 60)
    assert due - begin < timedelta(days=minutes / 480 * 7 + 10)
