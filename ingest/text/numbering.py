"""Step numbers: printed ones are often missing or misread (1,2,3,4,7,-,8; '3' for 8)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.text.rows import RawRow

# Rows of a second scan of the same page read alike (seed 004); different steps do not.
_DUPLICATE_SIMILARITY = 70
_MIN_RESTART_DROP = 2


@dataclass(frozen=True)
class Numbering:
    numbers: list[int]
    repaired: set[int]  # positions whose printed number was missing or wrong
    problem: str | None


def _printed_int(row: RawRow) -> int | None:
    return int(row.printed) if row.printed and row.printed.isdigit() else None


def repair_numbers(rows: list[RawRow], sop_name: str) -> Numbering:
    """Steps are numbered 1..n in printed order; report where the print said otherwise."""
    numbers = list(range(1, len(rows) + 1))
    repaired = {i for i, row in enumerate(rows) if _printed_int(row) != numbers[i]}
    if not repaired:
        return Numbering(numbers, repaired, None)
    printed = ",".join(row.printed or "-" for row in rows)
    problem = f"SOP '{sop_name}': step numbers repaired: printed {printed} -> 1..{len(rows)}"
    return Numbering(numbers, repaired, problem)


def _similar(row: RawRow, earlier: list[RawRow]) -> bool:
    return any(
        fuzz.ratio(row.text.lower(), other.text.lower()) >= _DUPLICATE_SIMILARITY
        for other in earlier
    )


def drop_repeated_scan(rows: list[RawRow]) -> tuple[list[RawRow], int | None]:
    """Rows after a restart of the numbering that repeat earlier rows (a page scanned twice)."""
    for index in range(1, len(rows)):
        current, previous = _printed_int(rows[index]), _printed_int(rows[index - 1])
        if current is None or previous is None or current > previous - _MIN_RESTART_DROP:
            continue
        tail = rows[index:]
        alike = sum(_similar(row, rows[:index]) for row in tail)
        if alike * 2 >= len(tail):
            return rows[:index], len(tail)
    return rows, None
