import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from cli.main import app
from exports.json import load_schema
from tests.conftest import CORPUS_SEEDS, SHARED_SEEDS

runner = CliRunner()
SEED = CORPUS_SEEDS / "000_3c03b19de9e6dc6e.txt"


def test_bundled_seeds_are_the_shared_seeds():
    if not SHARED_SEEDS.exists():
        pytest.skip(
            "../shared is beside the clone in CI; a bare checkout has only the bundled copy"
        )
    shared_names = sorted(path.name for path in SHARED_SEEDS.glob("*.txt"))
    assert shared_names == sorted(path.name for path in CORPUS_SEEDS.glob("*.txt"))
    for name in shared_names:
        assert (CORPUS_SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_output_paths_follow_files_and_folders(tmp_path: Path):
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "b.txt").write_bytes(SEED.read_bytes())
    single = tmp_path / "x" / "y" / "case.txt"
    single.parent.mkdir(parents=True)
    single.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(folder), str(single), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "a" / "b.txt.json").is_file()
    assert (out / "case.txt.json").is_file()
    for written in (out / "a" / "b.txt.json", out / "case.txt.json"):
        jsonschema.validate(json.loads(written.read_text()), load_schema())
    summary = json.loads((out / "summary.json").read_text())
    assert [row["status"] for row in summary] == ["partial", "partial"]  # seed 000 has repairs
    assert all(row["sops"] == 3 for row in summary)
    csv_lines = (out / "summary.csv").read_text().splitlines()
    assert csv_lines[0].startswith("path,output,status,sops,steps,problems,seconds")
    assert len(csv_lines) == 3


def test_bad_files_fail_alone_and_the_batch_finishes(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(os.urandom(4096))
    (folder / "news.txt").write_text("Hujan deras mengguyur Jakarta sejak pagi hari.\n" * 5)
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown kind inside a folder: skipped
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(folder), str(folder / "notes.docx"), "-o", str(out)])
    assert result.exit_code == 1
    rows = {Path(row["path"]).name: row for row in json.loads((out / "summary.json").read_text())}
    assert set(rows) == {"empty.txt", "junk.txt", "news.txt", "good.txt", "notes.docx"}
    assert rows["good.txt"]["status"] != "failed"
    for name in ("empty.txt", "junk.txt", "news.txt", "notes.docx"):
        assert rows[name]["status"] == "failed"
        assert rows[name]["error"] and "Traceback" not in rows[name]["error"]
    assert "empty" in rows["empty.txt"]["error"]
    assert "not readable text" in rows["junk.txt"]["error"]
    assert "no SOP found" in rows["news.txt"]["error"]
    assert "Supported inputs" in rows["notes.docx"]["error"]
    assert (out / "good.txt.json").is_file()


def test_usage_errors_exit_2(tmp_path: Path):
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "-o", str(tmp_path)])
    assert missing.exit_code == 2
    no_out = runner.invoke(app, ["ingest", str(SEED)])
    assert no_out.exit_code == 2


def test_console_script_runs_with_two_workers(tmp_path: Path):
    out = tmp_path / "out"
    sop = Path(sys.executable).parent / "sop"
    completed = subprocess.run(
        [str(sop), "ingest", str(CORPUS_SEEDS), "-o", str(out), "--workers", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert "sop ingest summary" in completed.stdout
    names = sorted(path.name for path in out.glob("*.txt.json"))
    assert names == sorted(f"{seed.name}.json" for seed in CORPUS_SEEDS.glob("*.txt"))
