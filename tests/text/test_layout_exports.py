"""Plain and -layout style exports of a rendered SOP table both become the same SOP."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import ingest_file
from tests.text.pdf_fixtures import ACTORS, STEPS, export_text, render_sop_pdf


@pytest.fixture(scope="module")
def sop_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "sop.pdf"
    render_sop_pdf(path)
    return path


@pytest.mark.parametrize("layout", [True, False], ids=["layout", "plain"])
def test_export_style_gives_the_sop(sop_pdf: Path, tmp_path: Path, layout: bool) -> None:
    text_path = tmp_path / "export.txt"
    text_path.write_text(export_text(sop_pdf, layout=layout), encoding="utf-8")
    result = ingest_file(text_path)
    assert result.document is not None, result.error
    (sop,) = result.document.sops
    assert sop.nama == "PENYUSUNAN LAPORAN KINERJA"
    # Plain text cannot tell a wrapped output line under the last row from kegiatan text: only the
    # -layout style keeps the last row's wrapped output apart.
    checked = len(STEPS) if layout else len(STEPS) - 1
    assert [step.kegiatan for step in sop.steps][:checked] == [step[0] for step in STEPS][:checked]
    assert [step.output for step in sop.steps][:checked] == [step[3] for step in STEPS][:checked]
    assert [step.waktu.text for step in sop.steps] == [step[2] for step in STEPS]
    assert [step.kelengkapan for step in sop.steps] == [step[1] for step in STEPS]
    if layout:
        assert [actor.label for actor in sop.actors] == ACTORS
        assert sop.steps[1].pelaksana == ["kepala-sub-bagian-program"]
    else:
        assert sop.steps[1].pelaksana == ["kepala-sub-bagian"]
    decision = sop.steps[2]
    assert decision.kind == "decision"
    assert {(edge.to, edge.when) for edge in decision.next} == {(4, "ya"), (2, "tidak")}
