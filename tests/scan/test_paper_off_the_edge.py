"""Stage test: a photo in perspective whose paper runs off the edges (no sheet outline to warp
to) is rectified from the table frame's quadrilateral and read in full."""

from pathlib import Path

import cv2
import numpy as np

from corpus.scoring import compare_documents
from ingest.image.binarise import to_gray
from ingest.image.sheet import corner_error, find_sheet, find_table_frame, is_keystoned
from ingest.pipeline import ingest_file
from tests.scan.fixtures import pdf_page_image, render_pdf


def _keystoned_close_up(sheet: np.ndarray) -> np.ndarray:
    """Camera tilted towards the top of the sheet and close enough that the paper fills the
    photo and runs off its left, right and bottom edges; light falling off to the right."""
    height, width = sheet.shape[:2]
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    target = np.float32([[0.06 * width, 0.02 * height], [0.92 * width, -0.01 * height],
                         [1.05 * width, 1.04 * height], [-0.04 * width, 1.03 * height]])  # fmt: skip
    matrix = cv2.getPerspectiveTransform(source, target)
    photo = cv2.warpPerspective(sheet, matrix, (width, height), borderValue=(60, 80, 100))
    shade = np.linspace(1.0, 0.75, width)[None, :, None]
    return np.clip(photo * shade, 0, 255).astype(np.uint8)


def test_the_table_frame_sets_the_perspective_when_the_paper_runs_off_the_photo(
    tmp_path: Path,
) -> None:
    gold = render_pdf(tmp_path / "sop.pdf")
    photo = _keystoned_close_up(pdf_page_image(tmp_path / "sop.pdf", 1))
    gray = to_gray(photo)
    assert find_sheet(gray, 0.2) is None  # no usable sheet outline
    frame = find_table_frame(gray, 0.15)
    assert frame is not None and corner_error(frame) > 1.0  # the frame is seen in perspective
    path = tmp_path / "close-up.jpg"
    cv2.imwrite(str(path), photo)
    result = ingest_file(path)
    assert result.document is not None, result.error
    agreement = compare_documents(result.document.sops, [gold])
    assert agreement.step_count_exact == 1, agreement.mismatches
    assert agreement.overall(("kegiatan", "kelengkapan", "output", "waktu")) >= 0.9


def test_a_flat_scan_is_not_warped_to_its_frame(tmp_path: Path) -> None:
    render_pdf(tmp_path / "sop.pdf")
    flat = to_gray(pdf_page_image(tmp_path / "sop.pdf", 1))
    frame = find_table_frame(flat, 0.15)
    assert frame is not None and not is_keystoned(frame, 1.0)
