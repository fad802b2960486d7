"""Grey conversion, shadow/illumination flattening and binarisation for line finding."""

from __future__ import annotations

import cv2
import numpy as np


def to_gray(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def flatten_illumination(gray: np.ndarray, kernel_fraction: float) -> np.ndarray:
    """Divide by the paper's own brightness so shadows and uneven light become white.

    The background is the grey image closed with a kernel wider than any stroke (text and lines
    vanish, the slow light gradient stays); dividing by it leaves ink dark on an even white.
    """
    size = max(15, int(max(gray.shape) * kernel_fraction)) | 1
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size // 4 | 1, size // 4 | 1))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), sigmaX=size / 8)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]),
                            interpolation=cv2.INTER_LINEAR)  # fmt: skip
    flat = cv2.divide(gray, np.maximum(background, 1), scale=255)
    return flat


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Binary mask, ink = 255: adaptive threshold against the local mean (survives faint lines)."""
    block = max(15, (max(gray.shape) // 60) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 block, 15)  # fmt: skip
