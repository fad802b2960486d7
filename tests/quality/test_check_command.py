"""`sop check`: JSON output shape, exit codes, inputs of every kind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from exports.json import document_to_json
from models.sop import Document, Sop, Source

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "seeds" / "001_82686430311b8e53.txt.json"


def write_document(path: Path, sop: Sop) -> Path:
    document = Document(
        source=Source(path="x.txt", sha256="0" * 64, kind="text", pages=1), sops=[sop]
    )
    path.write_text(document_to_json(document), encoding="utf-8")
    return path


def test_json_output_has_the_documented_shape():
    result = CliRunner().invoke(app, ["check", "--json", str(GOLD)])
    payload = json.loads(result.stdout)
    assert [set(item) for item in payload] == [{"sop", "nama", "score", "findings"}]
    assert payload[0]["sop"] == "pengumpulan-data-kinerja"
    assert 0 <= payload[0]["score"] <= 100
    assert {"rule", "severity", "location", "message"} == set(payload[0]["findings"][0])
    assert result.exit_code == 1  # the gold has error findings (no Nomor SOP)


def test_exit_0_for_a_complete_sop_and_fail_on_never(tmp_path: Path, good_sop: Sop):
    path = write_document(tmp_path / "good.json", good_sop)
    assert CliRunner().invoke(app, ["check", str(path)]).exit_code == 0
    assert CliRunner().invoke(app, ["check", "--fail-on", "never", str(GOLD)]).exit_code == 0


def test_warning_threshold(tmp_path: Path, good_sop: Sop):
    path = write_document(tmp_path / "w.json", good_sop.model_copy(update={"keterkaitan": []}))
    assert (
        CliRunner().invoke(app, ["check", "--fail-on", "warning", str(path)]).exit_code == 0
    )  # info only
    steps = [
        good_sop.steps[0].model_copy(update={"kegiatan": "Laporan ke Kabag"}),
        *good_sop.steps[1:],
    ]
    path = write_document(tmp_path / "w2.json", good_sop.model_copy(update={"steps": steps}))
    assert CliRunner().invoke(app, ["check", str(path)]).exit_code == 0
    assert CliRunner().invoke(app, ["check", "--fail-on", "warning", str(path)]).exit_code == 1


def test_folder_skips_summary_and_reports_a_broken_file(tmp_path: Path):
    shutil.copy(GOLD, tmp_path / "a.json")
    (tmp_path / "summary.json").write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--json", "--fail-on", "never", str(tmp_path)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 1
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--fail-on", "never", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a sop/1 JSON document" in result.stderr


def test_text_output_names_location_rule_and_score():
    result = CliRunner().invoke(app, ["check", str(GOLD)])
    assert "skor" in result.stdout
    assert "nomor: Nomor SOP tidak diisi" in result.stdout
    assert "(identity_field_missing)" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path):
    assert CliRunner().invoke(app, ["check"]).exit_code == 2
    assert CliRunner().invoke(app, ["check", str(tmp_path / "nope.json")]).exit_code == 2
    assert CliRunner().invoke(app, ["check", str(tmp_path)]).exit_code == 2  # empty folder


def test_any_input_is_ingested_first():
    seed = REPO / "corpus" / "seeds" / "003_5673e55a475cea00.txt"
    result = CliRunner().invoke(app, ["check", "--json", "--fail-on", "never", str(seed)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload and all(0 <= item["score"] <= 100 for item in payload)


def test_ingest_summary_has_the_lowest_score_of_the_file(tmp_path: Path):
    from ingest.batch import discover_inputs, ingest_batch
    from ingest.pipeline import ingest_file
    from models.quality import check_document

    seed = REPO / "corpus" / "seeds" / "000_3c03b19de9e6dc6e.txt"
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    rows = ingest_batch(discover_inputs([seed, broken], tmp_path / "out"), tmp_path / "out")
    document = ingest_file(seed).document
    assert document is not None
    assert rows[0].score == min(check.score for check in check_document(document))
    assert rows[1].status == "failed" and rows[1].score is None
    header = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "score" in header.split(",")
