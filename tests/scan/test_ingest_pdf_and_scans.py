"""Stage tests end to end: born-digital PDF, image-only PDF and phone photos -> sop/1 models."""

from pathlib import Path

import cv2
import pytest
from PIL import Image

from corpus.scoring import compare_documents
from ingest.pipeline import ingest_file
from tests.scan.fixtures import pdf_page_image, phone_photo, render_pdf

TEXT_FIELDS = ("kegiatan", "kelengkapan", "output", "waktu", "nama", "nomor", "dasar_hukum")


@pytest.fixture(scope="module")
def born_digital(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("pdf") / "sop.pdf"
    return path, render_pdf(path)


def test_born_digital_pdf_agrees_with_gold_on_every_field_but_the_flowchart(born_digital) -> None:
    path, gold = born_digital
    result = ingest_file(path)
    assert result.document is not None, result.error
    agreement = compare_documents(result.document.sops, [gold])
    fields = [f for f in agreement.total if f not in ("pelaksana", "kind", "next")]
    assert agreement.overall(fields) == 1.0, agreement.mismatches
    assert agreement.step_count_exact == 1
    step = result.document.sops[0].steps[4]
    assert step.waktu is not None and step.waktu.text == "2 hari kerja"  # merged over steps 4-5
    assert step.provenance["kegiatan"].page == 2 and step.provenance["kegiatan"].bbox is not None
    symbols = [symbol for step in result.document.sops[0].steps for symbol in step.symbols]
    assert symbols and all(symbol.page in (1, 2) and symbol.bbox for symbol in symbols)


def test_image_only_pdf_and_rotated_phone_photos_are_read(born_digital, tmp_path: Path) -> None:
    path, gold = born_digital
    pages = [pdf_page_image(path, i, dpi=150) for i in range(2)]
    image_pdf = tmp_path / "camscanner.pdf"
    Image.fromarray(pages[0][..., ::-1]).save(
        image_pdf, save_all=True, append_images=[Image.fromarray(pages[1][..., ::-1])],
        resolution=150,
    )  # fmt: skip
    photo = tmp_path / "photo.jpg"
    cv2.imwrite(str(photo), phone_photo(pdf_page_image(path, 1), seed=3, rotate=270))
    for source in (image_pdf, photo):
        result = ingest_file(source)
        assert result.document is not None, result.error
        agreement = compare_documents(result.document.sops, [gold])
        assert agreement.step_count_exact == 1, agreement.mismatches
        step_fields = ("kegiatan", "kelengkapan", "output", "waktu")
        assert agreement.overall(step_fields) >= 0.7, agreement.mismatches
    pdf_result = ingest_file(image_pdf)
    assert compare_documents(pdf_result.document.sops, [gold]).overall(TEXT_FIELDS) >= 0.8
