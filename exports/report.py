"""The archive report: every SOP with its score, per-unit totals, frequent failures, two charts.

`build_report` is pure (SOPs in, `ArchiveReport` out); `report_html` / `report_csv` render it;
`write_report` writes OUT/report.html (self-contained: inline CSS and SVG, no script, no external
asset) and OUT/report.csv.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path
from statistics import mean
from string import Template

from pydantic import BaseModel

from exports.report_svg import bar_chart_svg, histogram_svg
from models.quality import (
    RULES,
    QualitySettings,
    SopCheck,
    check_sop,
    format_working_time,
    nominal_duration,
)
from models.sop import Sop

TEMPLATE_PATH = Path(__file__).parent / "report_template.html"
NO_UNIT = "(tanpa unit)"
SCORE_BINS = [f"{low}-{low + 9}" for low in range(0, 90, 10)] + ["90-100"]
CSV_FIELDS = [
    "file", "sop", "nama", "unit", "score", "steps", "duration_minutes",
    "duration_with_revisions_minutes", "duration", "errors", "warnings", "failed_rules",
]  # fmt: skip


class SopRow(BaseModel):
    file: str
    sop: str
    nama: str | None
    unit: str
    score: int
    steps: int
    duration_minutes: float
    duration_with_revisions_minutes: float
    duration: str
    errors: int
    warnings: int
    failed_rules: list[str]


class UnitTotal(BaseModel):
    unit: str
    sops: int
    mean_score: float
    min_score: int
    steps: int
    errors: int


class RuleCount(BaseModel):
    rule: str
    severity: str
    sops: int  # SOPs with at least one finding of this rule
    findings: int


class ArchiveReport(BaseModel):
    source: str
    generated: str
    rows: list[SopRow]
    units: list[UnitTotal]
    rules: list[RuleCount]
    score_histogram: list[int]


def sop_row(file: str, sop: Sop, check: SopCheck, settings: QualitySettings) -> SopRow:
    duration = nominal_duration(sop, settings.calendar)
    text = format_working_time(duration.happy_minutes, settings.calendar)
    if duration.revision_loops:
        text += f" (dengan perbaikan: {format_working_time(duration.with_revisions_minutes, settings.calendar)})"
    return SopRow(
        file=file, sop=sop.id, nama=sop.nama, unit=sop.unit or NO_UNIT, score=check.score,
        steps=len(sop.steps), duration_minutes=round(duration.happy_minutes, 1),
        duration_with_revisions_minutes=round(duration.with_revisions_minutes, 1), duration=text,
        errors=check.count("error"), warnings=check.count("warning"), failed_rules=check.failed_rules,
    )  # fmt: skip


def _unit_totals(rows: list[SopRow]) -> list[UnitTotal]:
    by_unit: dict[str, list[SopRow]] = {}
    for row in rows:
        by_unit.setdefault(row.unit, []).append(row)
    totals = [
        UnitTotal(unit=unit, sops=len(group), mean_score=round(mean(r.score for r in group), 1),
                  min_score=min(r.score for r in group), steps=sum(r.steps for r in group),
                  errors=sum(r.errors for r in group))
        for unit, group in by_unit.items()
    ]  # fmt: skip
    return sorted(totals, key=lambda total: (total.mean_score, total.unit))


def _rule_counts(rows: list[SopRow], finding_counts: Counter[str]) -> list[RuleCount]:
    sops = Counter(rule for row in rows for rule in row.failed_rules)
    counts = [RuleCount(rule=rule, severity=RULES[rule].severity, sops=count,
                        findings=finding_counts[rule]) for rule, count in sops.items()]  # fmt: skip
    return sorted(counts, key=lambda c: (-c.sops, -c.findings, c.rule))


def build_report(
    entries: Iterable[tuple[str, Sop]], *, source: str, generated: str,
    settings: QualitySettings | None = None,
) -> ArchiveReport:  # fmt: skip
    """`entries`: (file the SOP came from, SOP)."""
    settings = settings or QualitySettings()
    rows: list[SopRow] = []
    finding_counts: Counter[str] = Counter()
    for file, sop in entries:
        check = check_sop(sop, settings)
        rows.append(sop_row(file, sop, check, settings))
        finding_counts.update(f.rule for f in check.findings)
    histogram = [0] * len(SCORE_BINS)
    for row in rows:
        histogram[min(row.score // 10, len(SCORE_BINS) - 1)] += 1
    return ArchiveReport(
        source=source, generated=generated, rows=sorted(rows, key=lambda r: (r.score, r.file, r.sop)),
        units=_unit_totals(rows), rules=_rule_counts(rows, finding_counts), score_histogram=histogram,
    )  # fmt: skip


# ---------------------------------------------------------------- CSV
def report_csv(report: ArchiveReport) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in report.rows:
        record = row.model_dump()
        record["failed_rules"] = ";".join(row.failed_rules)
        writer.writerow(record)
    return buffer.getvalue()


# ---------------------------------------------------------------- HTML
def _score_class(score: float) -> str:
    return "low" if score < 60 else "mid" if score < 80 else "high"


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                         for i, c in enumerate(cells)) + "</tr>"
        for cells in rows
    )  # fmt: skip
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _score_cell(score: float) -> str:
    return f'<span class="{_score_class(score)}">{score:g}</span>'


def _sop_table(report: ArchiveReport) -> str:
    rows = [[escape(r.file), escape(r.sop), escape(r.nama or "-"), escape(r.unit),
             _score_cell(r.score), str(r.steps), escape(r.duration), str(r.errors), str(r.warnings),
             " ".join(f"<code>{escape(rule)}</code>" for rule in r.failed_rules)]
            for r in report.rows]  # fmt: skip
    headers = ["Berkas", "SOP", "Nama", "Unit", "Skor", "Langkah", "Durasi nominal", "Error",
               "Peringatan", "Aturan gagal"]  # fmt: skip
    return _table(headers, rows, numeric={4, 5, 7, 8})


def _unit_table(report: ArchiveReport) -> str:
    rows = [[escape(u.unit), str(u.sops), _score_cell(u.mean_score), _score_cell(u.min_score),
             str(u.steps), str(u.errors)] for u in report.units]  # fmt: skip
    headers = ["Unit", "SOP", "Skor rata-rata", "Skor terendah", "Langkah", "Error"]
    return _table(headers, rows, numeric={1, 2, 3, 4, 5})


def _rule_table(report: ArchiveReport) -> str:
    rows = [[f"<code>{escape(c.rule)}</code>", escape(c.severity), str(c.sops), str(c.findings),
             escape(RULES[c.rule].checks)] for c in report.rules]  # fmt: skip
    return _table(["Aturan", "Tingkat", "SOP gagal", "Temuan", "Yang diperiksa"], rows, {2, 3})


def _cards(report: ArchiveReport) -> str:
    scores = [row.score for row in report.rows]
    figures = [("SOP", str(len(scores))), ("Unit", str(len(report.units))),
               ("Skor rata-rata", f"{mean(scores):.1f}" if scores else "-"),
               ("SOP skor < 60", str(sum(1 for s in scores if s < 60))),
               ("SOP dengan error", str(sum(1 for r in report.rows if r.errors)))]  # fmt: skip
    return "".join(
        f'<div class="card">{escape(label)}<b>{value}</b></div>' for label, value in figures
    )


def report_html(report: ArchiveReport) -> str:
    rules = [(c.rule, c.sops) for c in report.rules[:15]]
    return Template(TEMPLATE_PATH.read_text(encoding="utf-8")).substitute(
        title="Laporan Kelengkapan SOP", source=escape(report.source),
        generated=escape(report.generated), cards=_cards(report),
        score_chart=histogram_svg(SCORE_BINS, report.score_histogram, title="Sebaran skor"),
        rule_chart=bar_chart_svg(rules, title="SOP gagal per aturan"),
        unit_table=_unit_table(report), rule_table=_rule_table(report), sop_table=_sop_table(report),
    )  # fmt: skip


def write_report(report: ArchiveReport, out_dir: Path) -> tuple[Path, Path]:
    """Writes OUT/report.html and OUT/report.csv; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = out_dir / "report.html", out_dir / "report.csv"
    html_path.write_text(report_html(report), encoding="utf-8")
    csv_path.write_text(report_csv(report), encoding="utf-8")
    return html_path, csv_path
