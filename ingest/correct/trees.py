"""Gradient-boosted decision trees evaluated with numba, from node arrays.

The learned review (review.py) is a scikit-learn HistGradientBoostingClassifier fitted
offline (bench/data/correct/fit_review.py). Only its trees ship, as flat node arrays in JSON, so
the runtime needs numpy and numba (already used for the OCR distance) but not scikit-learn. The
score equals scikit-learn's `decision_function`: the baseline log-odds plus `rate` times the
leaf reached in each tree (a row goes left when its feature is <= the node's threshold; the
exported leaves already include the learning rate, so `rate` is 1). tests/correct/test_review.py
checks the equality on a freshly fitted model.

Scoring is the review's largest single cost, so the trees are re-laid out once as complete
binary trees (`CompleteTrees`): every row then takes exactly `depth` steps per tree with no
data-dependent branch (a mispredicted branch per level cost more than the comparisons), and
the kernel walks four rows side by side so their independent steps overlap. A leaf above the
full depth is copied to every slot below it, so whichever way a padded node sends a row, it
reaches the same value: the scores are the node walk's, bit for bit (same leaves, added in
the same tree order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from numba import njit

LEAF = -1


@dataclass(frozen=True)
class CompleteTrees:
    """The trees as complete binary trees of one depth: node slot s has children 2s+1, 2s+2."""

    feature: np.ndarray  # int64 [tree, inner slot]: the feature compared (0 at padded slots)
    threshold: np.ndarray  # float64 [tree, inner slot]
    leaf: np.ndarray  # float64 [tree, leaf slot]: the value reached
    depth: int


@dataclass(frozen=True)
class TreeEnsemble:
    """All trees' nodes in one set of arrays; `roots[t]` is the first node of tree t."""

    feature: np.ndarray  # int64: the feature a node splits on, LEAF at leaves
    threshold: np.ndarray  # float64
    left: np.ndarray  # int64: child node numbers (absolute), unused at leaves
    right: np.ndarray
    value: np.ndarray  # float64: the leaf value
    roots: np.ndarray  # int64
    init: float  # the prior's log-odds
    rate: float  # the learning rate
    complete: CompleteTrees = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "complete", _complete(self))

    @classmethod
    def from_dict(cls, data: dict) -> TreeEnsemble:
        return cls(
            feature=np.asarray(data["feature"], dtype=np.int64),
            threshold=np.asarray(data["threshold"], dtype=np.float64),
            left=np.asarray(data["left"], dtype=np.int64),
            right=np.asarray(data["right"], dtype=np.int64),
            value=np.asarray(data["value"], dtype=np.float64),
            roots=np.asarray(data["roots"], dtype=np.int64),
            init=float(data["init"]),
            rate=float(data["rate"]),
        )

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """Raw scores (log-odds) of each row."""
        rows = np.ascontiguousarray(rows, dtype=np.float64)
        trees = self.complete
        kernel = _complete_kernel(trees.depth)
        return kernel(rows, trees.feature, trees.threshold, trees.leaf, self.init, self.rate)

    def node_scores(self, rows: np.ndarray) -> np.ndarray:
        """`scores` by walking the node arrays one branch at a time (the reference the complete
        layout is tested against)."""
        rows = np.ascontiguousarray(rows, dtype=np.float64)
        return _scores(rows, self.feature, self.threshold, self.left, self.right, self.value,
                       self.roots, self.init, self.rate)  # fmt: skip

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.scores(rows)))


def _complete(trees: TreeEnsemble) -> CompleteTrees:
    """Level by level, all trees at once: the node at each slot (a leaf above the full depth
    stands in both of its would-be children's slots)."""
    level = [trees.roots]
    slots: list[np.ndarray] = []
    while any((trees.feature[nodes] != LEAF).any() for nodes in level):
        slots += level
        inner = [trees.feature[nodes] != LEAF for nodes in level]
        level = [child for nodes, split in zip(level, inner, strict=True)
                 for child in (np.where(split, trees.left[nodes], nodes),
                               np.where(split, trees.right[nodes], nodes))]  # fmt: skip
    depth = len(level).bit_length() - 1
    inner_nodes = np.stack(slots, axis=1) if slots else np.zeros((len(trees.roots), 0), np.int64)
    split = trees.feature[inner_nodes] != LEAF
    return CompleteTrees(
        feature=np.where(split, trees.feature[inner_nodes], 0),
        threshold=np.where(split, trees.threshold[inner_nodes], 0.0),
        leaf=trees.value[np.stack(level, axis=1)],
        depth=depth,
    )


@njit(cache=True)
def _scores(rows, feature, threshold, left, right, value, roots, init, rate):
    result = np.full(rows.shape[0], init)
    for row in range(rows.shape[0]):
        total = 0.0
        for root in roots:
            node = root
            while feature[node] != LEAF:
                node = left[node] if rows[row, feature[node]] <= threshold[node] else right[node]
            total += value[node]
        result[row] += rate * total
    return result


@cache
def _complete_kernel(depth: int) -> Callable[..., np.ndarray]:
    """`_complete_scores` compiled for one depth: a constant depth lets the level loop unroll
    (a third faster than a depth read at run time)."""

    inner = 2**depth - 1

    @njit(cache=True)
    def complete_scores(rows, feature, threshold, leaf, init, rate):
        """Scores over complete trees, four rows at a time. A step is 2s+2 minus whether the
        row goes left (not <=, so a NaN goes right as in the node walk)."""
        count, trees = rows.shape[0], feature.shape[0]
        result = np.full(count, init)
        start = 0
        while start + 4 <= count:
            x0, x1, x2, x3 = rows[start], rows[start + 1], rows[start + 2], rows[start + 3]
            t0 = t1 = t2 = t3 = 0.0
            for tree in range(trees):
                f, th = feature[tree], threshold[tree]
                s0 = s1 = s2 = s3 = 0
                for _ in range(depth):
                    s0 = 2 * s0 + 2 - (x0[f[s0]] <= th[s0])
                    s1 = 2 * s1 + 2 - (x1[f[s1]] <= th[s1])
                    s2 = 2 * s2 + 2 - (x2[f[s2]] <= th[s2])
                    s3 = 2 * s3 + 2 - (x3[f[s3]] <= th[s3])
                values = leaf[tree]
                t0 += values[s0 - inner]
                t1 += values[s1 - inner]
                t2 += values[s2 - inner]
                t3 += values[s3 - inner]
            result[start] += rate * t0
            result[start + 1] += rate * t1
            result[start + 2] += rate * t2
            result[start + 3] += rate * t3
            start += 4
        for row in range(start, count):
            x, total = rows[row], 0.0
            for tree in range(trees):
                slot = 0
                for _ in range(depth):
                    slot = 2 * slot + 2 - (x[feature[tree, slot]] <= threshold[tree, slot])
                total += leaf[tree, slot - inner]
            result[row] += rate * total
        return result

    return complete_scores
