"""Working time: a Waktu in working minutes, and the nominal duration of an SOP.

Conventions (WorkingCalendar defaults): 1 working day = 8 h = 480 working minutes, whether or
not the SOP prints 'kerja'; 1 minggu = 5 working days; 1 bulan = 22 working days. Hours are
working hours, except whole multiples of 24 ('1 x 24 jam'), which mean days.
"""

from __future__ import annotations

from pydantic import BaseModel

from models.quality.graph import edges, is_back_edge, start_steps, steps_by_no, transitions
from models.quality.settings import WorkingCalendar
from models.sop import Sop, Waktu


def working_minutes(waktu: Waktu | None, calendar: WorkingCalendar | None = None) -> float | None:
    """Working minutes of a time standard; None when it is no duration ('sesuai jadwal', '-')."""
    if waktu is None or waktu.value is None or waktu.unit is None:
        return None
    calendar = calendar or WorkingCalendar()
    day = calendar.minutes_per_working_day
    value = waktu.value
    if waktu.unit == "menit":
        return value
    if waktu.unit == "jam":
        return value / 24 * day if value >= 24 and value % 24 == 0 else value * 60
    if waktu.unit == "hari":
        return value * day
    if waktu.unit == "minggu":
        return value * calendar.working_days_per_week * day
    return value * calendar.working_days_per_month * day


def format_working_time(minutes: float, calendar: WorkingCalendar | None = None) -> str:
    """'2 hari kerja 3 jam 15 menit' (working days of the calendar)."""
    calendar = calendar or WorkingCalendar()
    total = round(minutes)
    days, rest = divmod(total, round(calendar.minutes_per_working_day))
    hours, mins = divmod(rest, 60)
    parts = [f"{days} hari kerja"] if days else []
    parts += [f"{hours} jam"] if hours else []
    parts += [f"{mins} menit"] if mins or not parts else []
    return " ".join(parts)


class NominalDuration(BaseModel):
    happy_path: list[int]
    happy_minutes: float
    with_revisions_minutes: float
    revision_loops: list[list[int]]
    untimed_steps: list[int]  # steps on the path with no usable waktu (counted as 0)


def happy_path(sop: Sop) -> list[int]:
    """From the first step, follow 'ya' exits, else unconditional, else forward arrows to an end."""
    by_no = steps_by_no(sop)
    outgoing = transitions(sop)
    path: list[int] = []
    current = start_steps(sop)[0] if sop.steps else None
    while current is not None and current not in path:
        path.append(current)
        if by_no[current].kind == "end":
            break
        forward = [t for t in outgoing[current]
                   if t.to in by_no and not is_back_edge(sop, current, t.to)]  # fmt: skip
        preferred = sorted(forward, key=lambda t: {"ya": 0, None: 1}.get(t.when, 2))
        current = preferred[0].to if preferred else None
    return path


def _revision_loops(sop: Sop, path: list[int]) -> list[list[int]]:
    """Each back arrow from a path step: the path steps from its target to its source."""
    graph = edges(sop)
    loops = []
    for position, no in enumerate(path):
        for target in graph.get(no, []):
            if is_back_edge(sop, no, target):
                start = path.index(target) if target in path[: position + 1] else position
                loops.append(path[start : position + 1])
    return loops


def nominal_duration(sop: Sop, calendar: WorkingCalendar | None = None) -> NominalDuration:
    by_no = steps_by_no(sop)
    path = happy_path(sop)
    minutes = {no: working_minutes(by_no[no].waktu, calendar) for no in path}
    loops = _revision_loops(sop, path)
    happy = sum(value or 0.0 for value in minutes.values())
    revisions = sum(minutes[no] or 0.0 for loop in loops for no in loop)
    return NominalDuration(
        happy_path=path, happy_minutes=happy, with_revisions_minutes=happy + revisions,
        revision_loops=loops, untimed_steps=[no for no, value in minutes.items() if value is None],
    )  # fmt: skip
