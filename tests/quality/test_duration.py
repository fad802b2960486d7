"""Working-time conversion and the nominal duration along the happy path and revision loops."""

from __future__ import annotations

import pytest

from models.normalise import parse_waktu
from models.quality import (
    WorkingCalendar,
    check_sop,
    format_working_time,
    nominal_duration,
    working_minutes,
)
from models.sop import Sop, Transition


@pytest.mark.parametrize(
    ("printed", "minutes"),
    [
        ("15 menit", 15),
        ("1jam", 60),
        ("1 x 24 Jam", 480),  # one day, not 24 working hours
        ("1 hari kerja", 480),
        ("1 hari", 480),  # printed days are working days
        ("2 minggu", 10 * 480),
        ("1 bulan", 22 * 480),
        ("Triwulanan", 3 * 22 * 480),
    ],
)
def test_working_minutes_follow_the_documented_calendar(printed: str, minutes: float):
    assert working_minutes(parse_waktu(printed)) == minutes


def test_no_duration_has_no_working_minutes():
    assert working_minutes(parse_waktu("sesuai jadwal")) is None
    assert working_minutes(None) is None


def test_calendar_is_a_setting():
    six_hour_days = WorkingCalendar(hours_per_working_day=6)
    assert working_minutes(parse_waktu("2 hari"), six_hour_days) == 720


def test_format_working_time():
    assert format_working_time(865) == "1 hari kerja 6 jam 25 menit"
    assert format_working_time(0) == "0 menit"


def test_happy_path_and_one_revision_loop(good_sop: Sop):
    duration = nominal_duration(good_sop)
    assert duration.happy_path == [1, 2, 3, 4, 5]
    assert duration.revision_loops == [[3, 4]]  # 'Tidak' at 4 goes back to 3
    assert duration.happy_minutes == 15 + 480 + 120 + 60 + 10
    assert duration.with_revisions_minutes == duration.happy_minutes + 120 + 60
    assert duration.untimed_steps == []


def test_happy_path_skips_a_side_branch(good_sop: Sop):
    # Decision 2 -> 'ya' jumps to 4 over step 3.
    steps = list(good_sop.steps)
    steps[1] = steps[1].model_copy(
        update={
            "kind": "decision",
            "next": [Transition(to=4, when="ya"), Transition(to=3, when="tidak")],
        }
    )
    sop = good_sop.model_copy(update={"steps": steps})
    assert nominal_duration(sop).happy_path == [1, 2, 4, 5]


def test_untimed_steps_are_named_in_the_information_finding(good_sop: Sop):
    steps = list(good_sop.steps)
    steps[2] = steps[2].model_copy(update={"waktu": parse_waktu("sesuai jadwal")})
    sop = good_sop.model_copy(update={"steps": steps})
    assert nominal_duration(sop).untimed_steps == [3]
    info = [f for f in check_sop(sop).findings if f.rule == "nominal_duration"]
    assert len(info) == 1
    assert info[0].severity == "info"
    assert info[0].location == "sop"
    assert "tanpa waktu terukur: langkah 3" in info[0].message
