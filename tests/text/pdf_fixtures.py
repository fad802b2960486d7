"""Small SOP tables rendered to PDF with reportlab, then extracted as text by pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ACTORS = ["Kepala Bidang", "Kasubag Program", "Staf"]
STEPS = [
    ("Menerima disposisi dan memerintahkan penyusunan konsep laporan", "Surat masuk",
     "15 menit", "Disposisi"),
    ("Kasubag Program menyusun konsep laporan kinerja triwulan", "Disposisi, data kinerja",
     "1 hari kerja", "Konsep laporan"),
    ("Memeriksa konsep laporan. Jika setuju diparaf, jika tidak dikembalikan kepada Kasubag "
     "Program untuk diperbaiki", "Konsep laporan", "30 Menit", "Konsep yang telah diparaf"),
    ("Menandatangani laporan", "Laporan final", "1 jam", "Laporan yang telah ditandatangani"),
]  # fmt: skip
TITLE = "SOP PENYUSUNAN LAPORAN KINERJA"


def render_sop_pdf(path: Path) -> None:
    style = getSampleStyleSheet()["BodyText"]
    style.fontSize, style.leading = 8, 10

    def cell(text: str) -> Paragraph:
        return Paragraph(text, style)

    head = ["No", "Kegiatan", "Pelaksana", "", "", "Mutu Baku", "", "", "Keterangan"]
    sub = ["", "", *[cell(actor) for actor in ACTORS], "Kelengkapan", "Waktu", "Output", ""]
    rows = [
        [str(no), cell(kegiatan), "", "", "", cell(kelengkapan), waktu, cell(output), ""]
        for no, (kegiatan, kelengkapan, waktu, output) in enumerate(STEPS, start=1)
    ]
    table = Table([head, sub, *rows], colWidths=[30, 190, 70, 70, 50, 110, 70, 110, 70])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))  # fmt: skip
    document = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    document.build([Paragraph(TITLE, style), Spacer(1, 12), table])


def export_text(pdf: Path, *, layout: bool) -> str:
    """Like `pdftotext [-layout]`: pages joined by form feeds."""
    with pdfplumber.open(pdf) as document:
        return "\f".join(page.extract_text(layout=layout) or "" for page in document.pages)
