"""An SOP without steps (its procedure table missed or absent) is never reported as ok."""

from pathlib import Path

import cv2

from ingest.pipeline import ingest_file
from tests.scan.fixtures import pdf_page_image, render_pdf


def test_an_identity_block_without_a_procedure_table_is_partial(tmp_path: Path) -> None:
    pdf = tmp_path / "sop.pdf"
    render_pdf(pdf)
    identity_only = tmp_path / "identity.png"
    cv2.imwrite(str(identity_only), pdf_page_image(pdf, 0, dpi=150))
    result = ingest_file(identity_only)
    assert result.document is not None, result.error
    assert [len(sop.steps) for sop in result.document.sops] == [0]
    assert result.status == "partial"
    assert any("no steps found" in problem for problem in result.document.problems)
