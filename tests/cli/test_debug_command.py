"""`sop debug`: one overlay PNG per page, the page's size, with the findings drawn on it."""

from pathlib import Path

import cv2
import numpy as np
from typer.testing import CliRunner

from cli.main import app
from ingest.readers.pdf import read_pdf
from ingest.settings import PdfSettings

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
runner = CliRunner()


def test_debug_writes_an_overlay_per_page_over_the_page_image(tmp_path: Path) -> None:
    sample = SAMPLES / "test-1001-pdf.pdf"
    result = runner.invoke(app, ["debug", str(sample), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    plain_pages = read_pdf(sample, PdfSettings())
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        f"{sample.name}.page{page.number}.png" for page in plain_pages
    ]
    for page in plain_pages:
        overlay = cv2.imread(str(tmp_path / f"{sample.name}.page{page.number}.png"))
        assert page.image is not None and overlay is not None
        assert overlay.shape == (*page.image.shape[:2], 3)
        plain = cv2.cvtColor(page.image, cv2.COLOR_GRAY2BGR)
        drawn = np.any(overlay != plain, axis=2)
        assert drawn.mean() > 0.01  # rulings, cells and word boxes cover more than 1 % of it
        red = (overlay[..., 2] > 180) & (overlay[..., 0] < 80) & (overlay[..., 1] < 80)
        assert red.any()  # the rulings were found and drawn


def test_debug_refuses_a_text_export_as_a_usage_error(tmp_path: Path) -> None:
    export = tmp_path / "sop.txt"
    export.write_text("SOP\n", encoding="utf-8")
    result = runner.invoke(app, ["debug", str(export), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert not list(tmp_path.glob("*.png"))
