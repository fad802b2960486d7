"""Stage tests for the direction of arrows: small heads on thin lines, heavy lines whose heads
hardly flare, exit labels touching the loop line, and exit labels OCR'd on scans."""

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.flowchart.arrows import end_flare
from ingest.page import Page, Word
from tests.conftest import require_installed
from tests.flowchart.drawing import Style, draw_plan
from tests.flowchart.test_read_flowchart import (
    assert_matches_plan,
    flows_of,
    loop_plan,
    skip_plan,
)


def _line_into_box(head: int, line: int) -> tuple[np.ndarray, np.ndarray]:
    """A box (the symbol mask) and a horizontal line from the right ending at its side."""
    strokes = np.zeros((60, 120), np.uint8)
    symbols = np.zeros_like(strokes)
    symbols[10:50, 10:50] = 1
    cv2.line(strokes, (50, 30), (110, 30), 255, line)
    if head:
        triangle = np.array([(50, 30), (50 + head, 30 - head // 2), (50 + head, 30 + head // 2)])
        cv2.fillPoly(strokes, [triangle.astype(np.int32)], 255)
    return strokes, symbols


@pytest.mark.parametrize("line", [1, 2])
def test_a_small_head_on_a_thin_line_flares_and_a_bare_end_does_not(line: int) -> None:
    with_head, symbols = _line_into_box(head=7, line=line)
    bare, _ = _line_into_box(head=0, line=line)
    assert end_flare(with_head, symbols, 51, 30, (1, 0), line) >= 1.0
    assert end_flare(bare, symbols, 51, 30, (1, 0), line) == 0.0


def test_a_label_touching_the_line_on_one_side_is_not_a_head() -> None:
    strokes, symbols = _line_into_box(head=0, line=1)
    strokes[18:30, 53:56] = 255  # the stem of a "T" standing on the line
    strokes[18:20, 50:60] = 255
    assert end_flare(strokes, symbols, 51, 30, (1, 0), 1.0) == 0.0


@pytest.mark.parametrize(
    "style",
    [Style(line=1, ruling=1, head=7), Style(line=1, ruling=1, head=6, label_lift=0),
     Style(line=4, head=9), Style(line=3, head=8, label_lift=1, channel_inset=5)],
    ids=["thin-small-heads", "thin-label-touching", "heavy-tiny-heads", "heavy-tight-channel"],
)  # fmt: skip
def test_loop_back_keeps_its_direction(style: Style) -> None:
    drawn = draw_plan(loop_plan(), 3, style)
    assert_matches_plan(drawn, flows_of(drawn))


def test_forward_skip_with_touching_labels_and_small_heads() -> None:
    drawn = draw_plan(skip_plan(), 2, Style(line=1, ruling=1, head=6, label_lift=0))
    assert_matches_plan(drawn, flows_of(drawn))


LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _reprint_in_a_real_font(page: Page, words: list[Word]) -> None:
    """Tesseract does not read OpenCV's stroke font: print the labels as a PDF would."""
    font = ImageFont.truetype(str(LIBERATION), 15)
    picture = Image.fromarray(page.image)
    pen = ImageDraw.Draw(picture)
    for word in words:
        assert word.bbox is not None
        pen.rectangle((word.bbox.left, word.bbox.top, word.bbox.right, word.bbox.bottom - 3),
                      fill=255)  # fmt: skip
        pen.text((word.bbox.left, word.bbox.bottom - 3), word.text, font=font, fill=0, anchor="ls")
    page.image = np.asarray(picture).copy()


def test_scan_exit_labels_are_read_by_ocr_when_the_lanes_hold_no_words() -> None:
    require_installed(LIBERATION.exists(), "fonts-liberation")
    drawn = draw_plan(loop_plan(), 3, Style(line=2, seed=3, label_lift=8))
    for page in drawn.pages:
        lanes = [c for c in page.tables[0].columns if c.role == "actor"]
        left, right = lanes[0].left, lanes[-1].right + 60
        in_lanes = [w for w in page.words if w.bbox and left <= w.bbox.center_x <= right]
        _reprint_in_a_real_font(page, [w for w in in_lanes if w.text in ("Ya", "Tidak")])
        page.words = [w for w in page.words if w not in in_lanes]
    flows = flows_of(drawn)
    assert_matches_plan(drawn, flows)
    # Read from the pixels, not from the text layer: both exits, by their own words.
    assert {t.label for t in flows[4].next} == {"Ya", "Tidak"}
