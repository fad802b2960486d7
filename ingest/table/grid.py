"""Table rulings -> one grid per table -> cells, with merged cells where a border is missing."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.page import Cell, Ruling
from models.geometry import BBox

# A border between two grid slots exists when rulings cover this share of it.
_BORDER_COVERAGE = 0.5


@dataclass(frozen=True)
class Grid:
    """Internal geometry of one table: the x of column borders, the y of row borders, rulings."""

    xs: list[float]
    ys: list[float]
    rulings: list[Ruling]

    @property
    def bbox(self) -> BBox:
        return BBox(left=self.xs[0], top=self.ys[0], right=self.xs[-1], bottom=self.ys[-1])


def _crosses(h: Ruling, v: Ruling, tolerance: float) -> bool:
    return (h.start - tolerance <= v.position <= h.end + tolerance
            and v.start - tolerance <= h.position <= v.end + tolerance)  # fmt: skip


def rulings_to_groups(rulings: list[Ruling], tolerance: float) -> list[list[Ruling]]:
    """Rulings that touch or cross each other, transitively: one group per table."""
    parent = list(range(len(rulings)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, first in enumerate(rulings):
        for j in range(i + 1, len(rulings)):
            second = rulings[j]
            if first.orientation == second.orientation:
                continue
            h, v = (first, second) if first.orientation == "horizontal" else (second, first)
            if _crosses(h, v, tolerance):
                parent[find(i)] = find(j)
    groups: dict[int, list[Ruling]] = {}
    for index, ruling in enumerate(rulings):
        groups.setdefault(find(index), []).append(ruling)
    return list(groups.values())


def cluster_positions(positions: list[float], tolerance: float) -> list[float]:
    """Positions closer than `tolerance` are one border (their mean)."""
    clusters: list[list[float]] = []
    for position in sorted(positions):
        if clusters and position - clusters[-1][-1] <= tolerance:
            clusters[-1].append(position)
        else:
            clusters.append([position])
    return [sum(cluster) / len(cluster) for cluster in clusters]


def group_to_grid(group: list[Ruling], tolerance: float) -> Grid | None:
    """A grid needs two borders each way; anything less is a lone line, not a table."""
    xs = cluster_positions([r.position for r in group if r.orientation == "vertical"], tolerance)
    ys = cluster_positions([r.position for r in group if r.orientation == "horizontal"], tolerance)
    if len(xs) < 2 or len(ys) < 2:
        return None
    return Grid(xs=xs, ys=ys, rulings=group)


def _covered(rulings: list[Ruling], position: float, start: float, end: float,
             tolerance: float) -> bool:  # fmt: skip
    covered = sum(
        max(0.0, min(r.end, end) - max(r.start, start))
        for r in rulings
        if abs(r.position - position) <= tolerance
    )
    return covered >= _BORDER_COVERAGE * (end - start)


def grid_to_cells(grid: Grid, tolerance: float) -> list[Cell]:
    """Grid slots joined across missing borders; each joined group is one (spanning) cell."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    vertical = [r for r in grid.rulings if r.orientation == "vertical"]
    horizontal = [r for r in grid.rulings if r.orientation == "horizontal"]
    owner = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(slot: tuple[int, int]) -> tuple[int, int]:
        while owner[slot] != slot:
            slot = owner[slot]
        return slot

    for r in range(rows):
        for c in range(cols):
            top, bottom, left, right = grid.ys[r], grid.ys[r + 1], grid.xs[c], grid.xs[c + 1]
            if c + 1 < cols and not _covered(vertical, grid.xs[c + 1], top, bottom, tolerance):
                owner[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not _covered(horizontal, grid.ys[r + 1], left, right, tolerance):
                owner[find((r + 1, c))] = find((r, c))
    slots: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in owner:
        slots.setdefault(find(slot), []).append(slot)
    cells = []
    for members in slots.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members)
        c0, c1 = min(c for _, c in members), max(c for _, c in members)
        bbox = BBox(left=grid.xs[c0], top=grid.ys[r0], right=grid.xs[c1 + 1],
                    bottom=grid.ys[r1 + 1])  # fmt: skip
        cells.append(Cell(row=r0, col=c0, row_span=r1 - r0 + 1, col_span=c1 - c0 + 1, bbox=bbox))
    return sorted(cells, key=lambda cell: (cell.row, cell.col))


def rulings_to_grids(rulings: list[Ruling], tolerance: float) -> list[Grid]:
    """Every table on a page, top to bottom."""
    grids = [group_to_grid(group, tolerance) for group in rulings_to_groups(rulings, tolerance)]
    return sorted((g for g in grids if g is not None), key=lambda g: (g.ys[0], g.xs[0]))
