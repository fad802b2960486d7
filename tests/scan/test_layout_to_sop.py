"""Stage test of layout_to_sop: several SOPs in one file, and a page scanned twice."""

from pathlib import Path

from ingest.layout_to_sop import pages_to_sops
from ingest.page import Page
from ingest.pipeline import run_recipe
from ingest.readers.pdf import read_pdf
from ingest.settings import PipelineSettings
from tests.scan.fixtures import gold_sop, render_pdf


def _pages(path: Path) -> list[Page]:
    settings = PipelineSettings()
    return [run_recipe(page, settings) for page in read_pdf(path, settings.pdf)]


def test_two_sops_in_one_file_and_a_repeated_page_give_two_sops_without_duplicates(
    tmp_path: Path,
) -> None:
    first = render_pdf(tmp_path / "a.pdf")
    second = render_pdf(tmp_path / "b.pdf", gold_sop().model_copy(
        update={"nama": "Pengelolaan Surat Keluar", "nomor": "800/02/2024"}))  # fmt: skip
    a, b = _pages(tmp_path / "a.pdf"), _pages(tmp_path / "b.pdf")
    sequence = [a[0], a[1], a[1], b[0], b[1]]  # a's procedure page scanned twice
    pages = [page.model_copy(update={"number": i + 1}) for i, page in enumerate(sequence)]
    sops, problems = pages_to_sops(pages)
    assert [sop.nama for sop in sops] == [first.nama, second.nama]
    assert [len(sop.steps) for sop in sops] == [len(first.steps), len(second.steps)]
    assert any("same steps as an earlier page" in problem for problem in problems)
