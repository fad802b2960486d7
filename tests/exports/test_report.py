"""The archive report: figures, CSV, a self-contained HTML, and a real render in headless Chromium."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from typer.testing import CliRunner

from cli.main import app
from exports.json import document_from_json
from exports.report import SCORE_BINS, build_report, report_csv, report_html, write_report
from models.quality import check_sop
from models.sop import Sop
from tests.conftest import require_installed

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "golden" / "seeds"
ARTIFACTS = REPO / "out" / "test-artifacts"  # git-ignored (out/)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0",
]  # fmt: skip
# Written into a copy of the report: records script errors, console.error calls and failed
# resource loads into the DOM, where --dump-dom can read them.
ERROR_PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) {
  window.__errors.push(String(e.message || (e.target && (e.target.src || e.target.href)) || "error"));
}, true);
var originalError = console.error;
console.error = function () { window.__errors.push([].join.call(arguments, " ")); originalError.apply(console, arguments); };
window.addEventListener("load", function () {
  var probe = document.createElement("pre"); probe.id = "probe-errors";
  probe.textContent = JSON.stringify(window.__errors); document.body.appendChild(probe);
});
</script>"""


def gold_entries() -> list[tuple[str, Sop]]:
    paths = sorted(GOLD_DIR.glob("*.json"))
    assert paths, f"no gold files in {GOLD_DIR}"
    return [(p.name, sop) for p in paths for sop in document_from_json(p.read_text("utf-8")).sops]


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(build_report(gold_entries(), source="gold", generated="2024-01-01"), out)
    return out


def test_report_figures_match_the_checks():
    entries = gold_entries()
    report = build_report(entries, source="gold", generated="2024-01-01")
    scores = sorted(check_sop(sop).score for _, sop in entries)
    assert [row.score for row in report.rows] == scores  # worst first
    assert sum(report.score_histogram) == len(entries)
    assert sum(unit.sops for unit in report.units) == len(entries)
    top = report.rules[0]
    assert top.sops == max(
        sum(1 for r in report.rows if rule.rule in r.failed_rules) for rule in report.rules
    )


def test_csv_has_every_sop_with_unit_score_steps_duration_and_failed_rules():
    entries = gold_entries()
    report = build_report(entries, source="gold", generated="2024-01-01")
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert len(rows) == len(entries)
    by_sop = {(row["file"], row["sop"]): row for row in rows}
    for file, sop in entries:
        row = by_sop[(file, sop.id)]
        assert int(row["steps"]) == len(sop.steps)
        assert int(row["score"]) == check_sop(sop).score
        assert float(row["duration_minutes"]) > 0
        assert row["failed_rules"] == ";".join(check_sop(sop).failed_rules)


def test_html_is_self_contained(report_dir: Path):
    text = (report_dir / "report.html").read_text(encoding="utf-8")
    assert "<svg" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text), "external asset"
    assert "<script" not in text and "<link" not in text


def test_html_escapes_text_from_documents():
    _, sop = gold_entries()[0]
    hostile = sop.model_copy(update={"nama": "<script>alert(1)</script>"})
    text = report_html(build_report([("x.json", hostile)], source="t", generated="t"))
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_score_bins_cover_0_to_100():
    _, sop = gold_entries()[0]
    empty = sop.model_copy(update={"steps": [], "nomor": None})
    report = build_report([("a", empty)], source="t", generated="t")
    assert len(report.score_histogram) == len(SCORE_BINS) == 10
    assert report.score_histogram[report.rows[0].score // 10] == 1


def test_report_command_writes_both_files_and_skips_summary(tmp_path: Path):
    for path in sorted(GOLD_DIR.glob("*.json")):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "summary.json").write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("report.html")
    assert (tmp_path / "rep" / "report.csv").is_file()


def test_report_command_usage_error_on_a_folder_without_json(tmp_path: Path):
    result = CliRunner().invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2


def test_report_command_exit_1_but_report_written_when_a_json_is_broken(tmp_path: Path):
    shutil.copy(sorted(GOLD_DIR.glob("*.json"))[0], tmp_path / "good.json")
    (tmp_path / "broken.json").write_text('{"schema": "sop/1"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "rep")])
    assert result.exit_code == 1
    assert (tmp_path / "rep" / "report.html").is_file()


# ---------------------------------------------------------------- headless Chromium
def _chromium() -> str:
    binary = shutil.which("chromium")
    require_installed(binary is not None, "chromium")
    assert binary is not None
    return binary


def _run_chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    argv = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True)


def page_errors(page: Path, profile: Path) -> list[str]:
    """Errors a page raises when it loads: probe in the DOM plus Chromium's console log."""
    probed = page.with_name(page.stem + ".probed.html")
    probed.write_text(
        page.read_text(encoding="utf-8").replace("<head>", "<head>" + ERROR_PROBE, 1),
        encoding="utf-8",
    )
    run = _run_chromium(probed, profile, "--dump-dom")
    match = re.search(r'<pre id="probe-errors">(.*?)</pre>', run.stdout, re.S)
    assert match, "the error probe did not run: the page did not finish loading"
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(html.unescape(match.group(1))) + console


def test_error_probe_catches_a_broken_page(tmp_path: Path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<html><head></head><body><img src="missing.png"><script>nope();</script></body></html>'
    )
    errors = page_errors(page, tmp_path / "profile")
    assert any("nope" in error for error in errors)
    assert any("missing.png" in error for error in errors)


def test_report_renders_in_chromium_without_errors(report_dir: Path, tmp_path: Path):
    assert page_errors(report_dir / "report.html", tmp_path / "profile") == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "report.png"
    screenshot.unlink(missing_ok=True)
    _run_chromium(report_dir / "report.html", tmp_path / "profile", f"--screenshot={screenshot}",
                  "--window-size=1280,2000")  # fmt: skip
    with Image.open(screenshot) as image:
        assert image.format == "PNG"
        assert image.size == (1280, 2000)
        grey = image.convert("L")
        assert ImageStat.Stat(grey).stddev[0] > 10, "blank screenshot"
        dark = sum(grey.point(lambda v: 255 if v < 128 else 0).histogram()[255:])
        assert dark > 1280 * 2000 * 0.01, "almost nothing drawn"
