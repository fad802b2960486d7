"""Small SOP fixtures rendered with reportlab (born-digital PDF) and degraded with OpenCV (scans).

Deliberately independent of corpus/generator so these stage tests do not move with the corpus.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from models.normalise import make_actors, parse_waktu
from models.sop import Sop, Step, Transition

FONT, SIZE, LEADING = "Helvetica", 8, 9.5
ACTORS = ["Kepala Bidang", "Kasubag Umum", "Staf"]
STEPS = [  # no, kegiatan, lane, kelengkapan, waktu, output
    (1, "Menerima surat masuk dan mencatat di agenda", 2, "Surat masuk", "15 menit", "Agenda"),
    (2, "Memeriksa kelengkapan berkas permohonan", 1, "Berkas", "1 jam", "Berkas lengkap"),
    (3, "Mendisposisikan surat kepada Kasubag", 0, "Surat, Lembar disposisi", "1 hari",
     "Disposisi"),
    (4, "Menyusun konsep surat balasan", 2, "Disposisi", "2 hari kerja", "Konsep surat"),
    (5, "Memaraf konsep surat balasan", 1, "Konsep surat", "2 hari kerja", "Paraf"),
    (6, "Menandatangani surat balasan", 0, "Konsep surat", "30 menit", "Surat balasan"),
]  # fmt: skip


def gold_sop() -> Sop:
    actors = make_actors(ACTORS)
    steps = []
    for index, (no, kegiatan, lane, kelengkapan, waktu, output) in enumerate(STEPS):
        kind = "start" if index == 0 else "end" if index == len(STEPS) - 1 else "process"
        nxt = [Transition(to=no + 1)] if index < len(STEPS) - 1 else []
        steps.append(Step(no=no, kegiatan=kegiatan, pelaksana=[actors[lane].id], kind=kind,
                          kelengkapan=kelengkapan, waktu=parse_waktu(waktu), output=output,
                          next=nxt))  # fmt: skip
    return Sop(
        id="800-01-2024", nama="Pengelolaan Surat Masuk", unit="SEKRETARIAT",
        nomor="800/01/2024", tanggal_pembuatan="2 Januari 2024", tanggal_revisi=None,
        tanggal_efektif="5 Januari 2024", disahkan_oleh="Kepala Dinas Komunikasi",
        dasar_hukum=["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                     "Peraturan Menteri PANRB Nomor 35 Tahun 2012"],
        kualifikasi_pelaksana=["Memahami tata naskah dinas"],
        keterkaitan=["SOP Pengelolaan Surat Keluar"],
        peralatan_perlengkapan=["Komputer", "Printer"],
        peringatan="Jika SOP tidak dilaksanakan maka surat tidak terkelola",
        pencatatan_pendataan="Disimpan sebagai arsip elektronik",
        actors=actors, steps=steps,
    )  # fmt: skip


def _text(canvas: Canvas, text: str, left: float, top: float, width: float) -> None:
    y = top - LEADING
    for paragraph in text.split("\n"):
        for line in simpleSplit(paragraph, FONT, SIZE, width - 6):
            canvas.drawString(left + 3, y, line)
            y -= LEADING


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))


def _identity_page(canvas: Canvas, sop: Sop, width: float, height: float) -> None:
    top, left, right, mid = height - 40, 40, width - 40, width / 2
    keys = [("Nomor SOP", sop.nomor), ("Tanggal Pembuatan", sop.tanggal_pembuatan),
            ("Tanggal Revisi", sop.tanggal_revisi), ("Tanggal Efektif", sop.tanggal_efektif),
            ("Disahkan oleh", sop.disahkan_oleh), ("Nama SOP", sop.nama)]  # fmt: skip
    row = 22
    canvas.rect(left, top - row * len(keys), right - left, row * len(keys))
    canvas.line(mid, top, mid, top - row * len(keys))
    _text(canvas, f"PEMERINTAH KOTA CONTOH\n{sop.unit}", left, top - 40, mid - left)
    for i, (key, value) in enumerate(keys):
        y = top - row * i
        canvas.line(mid, y, right, y)
        canvas.line(mid + 130, y, mid + 130, y - row)
        _text(canvas, key, mid, y - 4, 130)
        _text(canvas, value or "-", mid + 130, y - 4, right - mid - 130)
    sections = [("Dasar Hukum", _numbered(sop.dasar_hukum), "Kualifikasi Pelaksana",
                 _numbered(sop.kualifikasi_pelaksana)),
                ("Keterkaitan", _numbered(sop.keterkaitan), "Peralatan/Perlengkapan",
                 _numbered(sop.peralatan_perlengkapan)),
                ("Peringatan", sop.peringatan, "Pencatatan dan Pendataan",
                 sop.pencatatan_pendataan)]  # fmt: skip
    y = top - row * len(keys)
    for key_a, value_a, key_b, value_b in sections:
        for size in (18, 50):
            canvas.rect(left, y - size, right - left, size)
            canvas.line(mid, y, mid, y - size)
            texts = (key_a, key_b) if size == 18 else (value_a or "", value_b or "")
            _text(canvas, texts[0], left, y - 3, mid - left)
            _text(canvas, texts[1], mid, y - 3, right - mid)
            y -= size


def _procedure_page(canvas: Canvas, sop: Sop, width: float, height: float) -> None:
    widths = [25, 190] + [75] * len(sop.actors) + [95, 55, 80, 60]
    xs = [40.0]
    for w in widths:
        xs.append(xs[-1] + w)
    a0, a1 = 2, 2 + len(sop.actors)
    top, head1, head2, numbers, row_h = height - 60, 18, 26, 12, 38
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(40, height - 45, f"Prosedur {sop.nama}")
    canvas.setFont(FONT, SIZE)
    y_head = top - head1 - head2
    y_body = y_head - numbers
    bottom = y_body - row_h * len(sop.steps)
    canvas.rect(xs[0], bottom, xs[-1] - xs[0], top - bottom)
    canvas.line(xs[a0], top - head1, xs[a1 + 3], top - head1)
    for y in [y_head, y_body] + [y_body - row_h * i for i in range(1, len(sop.steps))]:
        if y == y_body - row_h * 4:  # steps 4 and 5 share one merged Waktu cell
            canvas.line(xs[0], y, xs[a1 + 1], y)
            canvas.line(xs[a1 + 2], y, xs[-1], y)
        else:
            canvas.line(xs[0], y, xs[-1], y)
    for i, x in enumerate(xs[1:-1], start=1):
        joined_head = a0 < i < a1 or a1 < i < a1 + 3
        canvas.line(x, bottom, x, top - head1 if joined_head else top)
    headers = ["No", "Kegiatan", *[a.label for a in sop.actors], "Kelengkapan", "Waktu",
               "Output", "Keterangan"]  # fmt: skip
    for i, label in enumerate(headers):
        single = i < a0 or i == len(headers) - 1
        _text(canvas, label, xs[i], (top - 8) if single else (top - head1 - 3), widths[i])
        _text(canvas, f"({i + 1})", xs[i], y_head + 1, widths[i])
    _text(canvas, "Pelaksana", xs[a0], top - 3, xs[a1] - xs[a0])
    _text(canvas, "Mutu Baku", xs[a1], top - 3, xs[a1 + 3] - xs[a1])
    centres = []
    for index, step in enumerate(sop.steps):
        y = y_body - row_h * index
        lane = [a.id for a in sop.actors].index(step.pelaksana[0])
        cx, cy = (xs[a0 + lane] + xs[a0 + lane + 1]) / 2, y - row_h / 2
        centres.append((cx, cy))
        if step.kind in ("start", "end"):
            canvas.roundRect(cx - 25, cy - 8, 50, 16, 8)
        else:
            canvas.rect(cx - 25, cy - 10, 50, 20)
        values = [
            str(step.no),
            step.kegiatan,
            *[""] * len(sop.actors),
            step.kelengkapan,
            step.waktu.text if step.waktu else "",
            step.output,
            step.keterangan,
        ]
        for col, value in enumerate(values):
            if value and not (col == a1 + 1 and step.no == 5):
                _text(canvas, value, xs[col], y - 3, widths[col])
    for (x0, y0), (x1, y1) in itertools.pairwise(centres):
        canvas.line(x0, y0 - 10, x0, (y0 + y1) / 2)
        canvas.line(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
        canvas.line(x1, (y0 + y1) / 2, x1, y1 + 10)


def render_pdf(path: Path, sop: Sop | None = None) -> Sop:
    """Identity page + procedure page; returns the gold SOP that was drawn."""
    sop = sop or gold_sop()
    width, height = landscape(A4)
    canvas = Canvas(str(path), pagesize=(width, height))
    canvas.setFont(FONT, SIZE)
    _identity_page(canvas, sop, width, height)
    canvas.showPage()
    canvas.setFont(FONT, SIZE)
    _procedure_page(canvas, sop, width, height)
    canvas.showPage()
    canvas.save()
    return sop


def pdf_page_image(path: Path, index: int, dpi: int = 200) -> np.ndarray:
    document = pypdfium2.PdfDocument(str(path))
    image = np.asarray(document[index].render(scale=dpi / 72).to_pil().convert("RGB"))
    document.close()
    return cv2.cvtColor(image, cv2.COLOR_RGB2BGR)


def phone_photo(sheet: np.ndarray, *, seed: int = 0, rotate: int = 0) -> np.ndarray:
    """The sheet on a darker desk, in perspective, with a shadow, noise and JPEG-like blur."""
    rng = np.random.default_rng(seed)
    height, width = sheet.shape[:2]
    pad = int(0.12 * max(height, width))
    canvas_h, canvas_w = height + 2 * pad, width + 2 * pad
    desk = np.full((canvas_h, canvas_w, 3), (70, 90, 110), np.uint8)
    jitter = lambda: rng.uniform(-0.04, 0.04) * width  # noqa: E731
    target = np.float32([[pad + jitter(), pad + jitter()], [pad + width + jitter(), pad + jitter()],
                         [pad + width + jitter(), pad + height + jitter()],
                         [pad + jitter(), pad + height + jitter()]])  # fmt: skip
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(sheet, matrix, (canvas_w, canvas_h))
    inside = cv2.warpPerspective(np.full((height, width), 255, np.uint8), matrix,
                                 (canvas_w, canvas_h))  # fmt: skip
    photo = np.where(inside[..., None] > 0, warped, desk)
    shade = np.linspace(1.0, 0.6, canvas_w)[None, :, None]
    photo = np.clip(photo * shade + rng.normal(0, 6, photo.shape), 0, 255).astype(np.uint8)
    photo = cv2.GaussianBlur(photo, (3, 3), 0)
    if rotate:
        photo = np.ascontiguousarray(np.rot90(photo, k=rotate // 90))
    return photo
