"""Gradient-boosted decision trees evaluated with numba, from node arrays.

The learned review (review.py) is a scikit-learn HistGradientBoostingClassifier fitted
offline (bench/data/correct/fit_review.py). Only its trees ship, as flat node arrays in JSON, so
the runtime needs numpy and numba (already used for the OCR distance) but not scikit-learn. The
score equals scikit-learn's `decision_function`: the baseline log-odds plus `rate` times the
leaf reached in each tree (a row goes left when its feature is <= the node's threshold; the
exported leaves already include the learning rate, so `rate` is 1). tests/correct/test_review.py checks the equality on a freshly fitted model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

LEAF = -1


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
        return _scores(rows, self.feature, self.threshold, self.left, self.right, self.value,
                       self.roots, self.init, self.rate)  # fmt: skip

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.scores(rows)))


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
