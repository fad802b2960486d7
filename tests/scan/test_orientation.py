"""Stage test: the 180-degree decision. Upright pages are settled by their header wording
(no second reading); an upside-down photo is turned and read like an upright one."""

import numpy as np
import pytest

from corpus.scoring import compare_documents
from ingest import recipe
from ingest.layout_to_sop import pages_to_sops
from ingest.page import Page
from ingest.pipeline import SCAN_RECIPE
from ingest.settings import PipelineSettings
from tests.scan.fixtures import pdf_page_image, phone_photo, render_pdf


@pytest.fixture(scope="module")
def procedure_sheet(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, object]:
    path = tmp_path_factory.mktemp("orientation") / "sop.pdf"
    gold = render_pdf(path)
    return pdf_page_image(path, 1), gold


def _until_orientation(image: np.ndarray) -> Page:
    settings = PipelineSettings()
    page = Page(number=1, source="photo.jpg", image=image)
    for step in SCAN_RECIPE[: SCAN_RECIPE.index(recipe.turn_if_upside_down)]:
        page = step(page, settings)
    return page


def test_an_upright_page_is_settled_by_its_header(procedure_sheet) -> None:
    sheet, _ = procedure_sheet
    page = _until_orientation(phone_photo(sheet, seed=1))
    assert recipe.reads_as_sop_table(page, PipelineSettings())
    assert recipe.turn_if_upside_down(page, PipelineSettings()) is page


def test_an_upside_down_photo_is_turned_and_read(procedure_sheet) -> None:
    sheet, gold = procedure_sheet
    page = _until_orientation(phone_photo(sheet, seed=4, rotate=180))
    assert not recipe.reads_as_sop_table(page, PipelineSettings())
    turned = recipe.turn_if_upside_down(page, PipelineSettings())
    assert recipe.reads_as_sop_table(turned, PipelineSettings())
    for step in SCAN_RECIPE[SCAN_RECIPE.index(recipe.turn_if_upside_down) + 1 :]:
        turned = step(turned, PipelineSettings())
    sops, _ = pages_to_sops([turned])
    agreement = compare_documents(sops, [gold])
    assert agreement.step_count_exact == 1, agreement.mismatches
    assert agreement.overall(("kegiatan", "kelengkapan", "output", "waktu")) >= 0.8
