"""Split line ink into straight runs and join them the way a reader follows an arrow.

SOP flowcharts route arrows as horizontal/vertical polylines. Two runs belong to the same arrow
when one ends on the other (a bend, or a T where arrows merge or fan out); two runs that cross
each other in their middles (a loop-back channel crossing a forward arrow) are different arrows.
"""

from __future__ import annotations

import cv2
import numpy as np
from pydantic import BaseModel


class Run(BaseModel):
    """A straight run of ink: `horizontal` runs span left..right at `middle` (y), vertical ones
    span top..bottom at `middle` (x)."""

    horizontal: bool
    start: float
    end: float
    middle: float


def straight_runs(free: np.ndarray, stroke: float) -> list[Run]:
    length = max(5, round(2.5 * stroke))
    runs: list[Run] = []
    for horizontal in (True, False):
        kernel = np.ones((1, length) if horizontal else (length, 1), np.uint8)
        opened = cv2.morphologyEx(free, cv2.MORPH_OPEN, kernel)
        count, _, stats, centroids = cv2.connectedComponentsWithStats(opened, connectivity=8)
        for label in range(1, count):
            x, y, w, h, _ = stats[label]
            if horizontal:
                runs.append(
                    Run(horizontal=True, start=x, end=x + w - 1, middle=centroids[label][1])
                )
            else:
                runs.append(
                    Run(horizontal=False, start=y, end=y + h - 1, middle=centroids[label][0])
                )
    return runs


def _inside(value: float, start: float, end: float, slack: float) -> bool:
    return start - slack <= value <= end + slack


def _strictly_inside(value: float, start: float, end: float, slack: float) -> bool:
    return start + slack < value < end - slack


def joined(a: Run, b: Run, slack: float) -> bool:
    """Do two runs belong to one arrow? Crossings in the middle of both do not join."""
    if a.horizontal == b.horizontal:
        return (
            abs(a.middle - b.middle) <= slack
            and a.start - slack <= b.end
            and b.start - slack <= a.end
        )
    h, v = (a, b) if a.horizontal else (b, a)
    if not (_inside(v.middle, h.start, h.end, slack) and _inside(h.middle, v.start, v.end, slack)):
        return False
    crossing = _strictly_inside(v.middle, h.start, h.end, slack) and _strictly_inside(
        h.middle, v.start, v.end, slack
    )
    return not crossing


def near_run(run: Run, x: float, y: float, slack: float) -> bool:
    along, across = (x, y) if run.horizontal else (y, x)
    return _inside(along, run.start, run.end, slack) and abs(across - run.middle) <= slack


def across(run: Run, x: float, y: float) -> float:
    """Distance of a point from the run's axis."""
    return abs((y if run.horizontal else x) - run.middle)


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)
