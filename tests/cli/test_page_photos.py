"""`sop ingest` on a folder holding the two page photos of one SOP (a real generated scan)."""

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from corpus.scoring import compare_documents
from ingest.readers.page_photos import group_page_photos
from models.sop import Document

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
PHOTOS = [SAMPLES / "test-1003-scan-p1.jpg", SAMPLES / "test-1003-scan-p2.jpg"]
runner = CliRunner()


def test_page_photos_in_a_folder_are_one_document_in_page_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for photo in reversed(PHOTOS):  # creation order must not matter
        shutil.copy(photo, folder / photo.name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = out / "test-1003-scan.jpg.json"
    assert sorted(p.name for p in out.glob("*.json")) == ["summary.json", written.name]
    document = Document.model_validate_json(written.read_text())
    assert document.source.path == str(folder / PHOTOS[0].name)
    assert document.source.pages == 2
    gold = Document.model_validate_json((SAMPLES / "test-1003-scan.gold.json").read_text())
    agreement = compare_documents(document.sops, gold.sops)
    assert agreement.step_count_exact == len(gold.sops), agreement.mismatches
    assert agreement.overall(("kegiatan", "nama", "nomor")) >= 0.9, agreement.mismatches
    summary = json.loads((out / "summary.json").read_text())
    assert [row["output"] for row in summary] == [str(written)]


def test_a_page_photo_named_directly_stays_a_document_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["ingest", str(PHOTOS[1]), "-o", str(out)])
    document = Document.model_validate_json((out / "test-1003-scan-p2.jpg.json").read_text())
    assert document.source.pages == 1


def test_the_naming_rule() -> None:
    files = [Path(name) for name in ("d/a-p2.jpg", "d/a_p1.jpg", "d/a-p10.jpg", "d/b.pdf",
                                     "d/c-p1.png", "d/c-p3.png", "d/a-p1.png", "d/e.jpg")]  # fmt: skip
    groups = {str(g.name): ([str(p) for p in g.pages], g.problems) for g in
              group_page_photos(sorted(files))}  # fmt: skip
    assert groups["d/a.jpg"] == (["d/a_p1.jpg", "d/a-p2.jpg", "d/a-p10.jpg"], groups["d/a.jpg"][1])
    assert groups["d/a.jpg"][1]  # 1, 2, 10: pages 3..9 missing is reported
    assert groups["d/a.png"] == (["d/a-p1.png"], ())
    assert groups["d/b.pdf"] == (["d/b.pdf"], ())
    assert groups["d/e.jpg"] == (["d/e.jpg"], ())
    assert "expected 1, 2" in groups["d/c.png"][1][0]
