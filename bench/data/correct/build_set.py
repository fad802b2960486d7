"""Build the labelled OCR-garble set from real Tesseract output of rendered, degraded SOP text.

Run once (needs Tesseract with `ind`, DejaVu/Liberation fonts):
    .venv/bin/python bench/data/correct/build_set.py
Writes bench/data/correct/synthetic_{dev,heldout}.jsonl. Each record is one OCR token aligned with
the source text: {"raw", "gold", "kind", "field", "conf", "line", "split", "origin"} where kind is
"correct" (OCR equals source), "garbled" (one OCR token for one source word), "glued" (one OCR
token for several source words) or "fragment" (a source word cut into several OCR tokens).
The held-out split uses other source lines (seed 002 + a differently seeded template draw),
another font and its own degradation draws; it was never looked at while tuning.
"""

from __future__ import annotations

import difflib
import json
import random
import re
from pathlib import Path

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "corpus" / "seeds"
FONTS = {
    "dev": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"],
    "heldout": ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"],
}  # fmt: skip
SOURCES = {"dev": ["000", "001"], "heldout": ["002"]}

VERBS = [
    "Menyusun", "Menyiapkan", "Memeriksa", "Menandatangani", "Menyerahkan", "Mengumpulkan",
    "Melaporkan", "Mengevaluasi", "Mengoreksi", "Memverifikasi", "Mendisposisikan", "Mengarsipkan",
    "Menginput", "Mengirimkan", "Menerima", "Membahas", "Menelaah", "Merekapitulasi", "Memaraf",
    "Mengajukan", "Menyampaikan", "Mengolah", "Menganalisis", "Menetapkan", "Mengundang",
]  # fmt: skip
OBJECTS = [
    "konsep laporan kinerja", "dokumen perjanjian kinerja", "surat undangan rapat",
    "lembar disposisi", "data capaian kinerja", "rencana aksi tahunan", "nota dinas",
    "berita acara pemeriksaan", "notulen rapat evaluasi", "kertas kerja reviu",
    "draf keputusan kepala dinas", "laporan keuangan triwulan", "dokumen pelaksanaan anggaran",
    "usulan kegiatan bidang", "formulir permohonan", "rekapitulasi kehadiran pegawai",
    "bukti pengiriman surat", "tanda terima berkas", "hasil pengukuran kinerja",
    "rancangan rencana strategis", "daftar inventaris barang", "surat perintah tugas",
]  # fmt: skip
TAILS = [
    "kepada Kepala Dinas untuk ditandatangani", "untuk diperiksa oleh Sekretaris",
    "dan menyerahkan kepada Kasubag Perencanaan", "sesuai dengan ketentuan yang berlaku",
    "melalui aplikasi esakip", "kepada seluruh bidang", "untuk dilakukan verifikasi",
    "jika tidak sesuai dikembalikan kepada staf untuk diperbaiki", "paling lambat 3 hari kerja",
    "bersama Tim Penyusunan SAKIP", "dalam rangka evaluasi pencapaian kinerja",
    "kepada Kepala Bidang untuk dianalisis", "serta diparaf oleh Kasubag Umum",
    "untuk diteruskan kepada pejabat fungsional", "dan mengarsipkan salinannya",
]  # fmt: skip
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def seed_lines(prefixes: list[str]) -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name[:3] not in prefixes:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            words = _CAMEL_GLUE.sub(" ", line).split()
            if len(words) >= 3 and "http" not in line:
                lines.append(" ".join(words))
    return lines


def template_lines(rng: random.Random, count: int) -> list[str]:
    return [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}" for _ in range(count)]


def wrap(lines: list[str], width: int = 60) -> list[str]:
    wrapped: list[str] = []
    for line in lines:
        current: list[str] = []
        for word in line.split():
            if current and len(" ".join([*current, word])) > width:
                wrapped.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            wrapped.append(" ".join(current))
    return wrapped


def render(lines: list[str], font_path: str, size: int) -> np.ndarray:
    font = ImageFont.truetype(font_path, size)
    height = int(size * 1.6) * len(lines) + 40
    image = Image.new("L", (int(size * 0.62 * 62) + 40, height), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((20, 20 + index * int(size * 1.6)), line, font=font, fill=0)
    return np.array(image)


def degrade(image: np.ndarray, rng: random.Random, scales: tuple[float, float]) -> np.ndarray:
    """A phone scan: low resolution, blur, noise, uneven ink, JPEG artefacts."""
    scale = rng.uniform(*scales)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    kernel = rng.choice([1, 3, 3, 5])
    if kernel > 1:
        small = cv2.GaussianBlur(small, (kernel, kernel), rng.uniform(0.5, 1.3))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(3, 18), small.shape)
    noisy = np.clip(small.astype(float) + noise + rng.uniform(-20, 30), 0, 255).astype(np.uint8)
    quality = rng.randint(10, 40)
    ok, encoded = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE)


def ocr_words(image: np.ndarray) -> list[tuple[str, float, int]]:
    data = pytesseract.image_to_data(
        image, lang="ind", config="--psm 6", output_type=pytesseract.Output.DICT
    )
    words = []
    for text, conf, block, par, line in zip(
        data["text"], data["conf"], data["block_num"], data["par_num"], data["line_num"],
        strict=True,
    ):  # fmt: skip
        if text.strip():
            words.append(
                (text.strip(), max(float(conf), 0.0) / 100, block * 10000 + par * 100 + line)
            )
    return words


def align(source: list[str], ocr: list[tuple[str, float, int]]) -> list[dict]:
    """Token-level alignment; only blocks of plausible size become labelled records."""
    ocr_text = [word for word, _, _ in ocr]
    matcher = difflib.SequenceMatcher(a=ocr_text, b=source, autojunk=False)
    records: list[dict] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            records += [_record(ocr[i], source[j1 + i - i1], "correct") for i in range(i1, i2)]
        elif tag == "replace" and i2 - i1 == j2 - j1:
            records += [_record(ocr[i], source[j1 + i - i1], "garbled") for i in range(i1, i2)]
        elif tag == "replace" and i2 - i1 == 1 and 2 <= j2 - j1 <= 3:
            records.append(_record(ocr[i1], " ".join(source[j1:j2]), "glued"))
        elif tag == "replace" and j2 - j1 == 1 and 2 <= i2 - i1 <= 3:
            records += [_record(ocr[i], source[j1], "fragment") for i in range(i1, i2)]
    return records


def _record(word: tuple[str, float, int], gold: str, kind: str) -> dict:
    text, conf, line = word
    if kind == "garbled" and text == gold:
        kind = "correct"
    return {"raw": text, "gold": gold, "kind": kind, "field": "text", "conf": round(conf, 3),
            "line": line}  # fmt: skip


def build(split: str, seed: int, scales: tuple[float, float]) -> list[dict]:
    rng = random.Random(seed)
    lines = wrap(seed_lines(SOURCES[split]) + template_lines(rng, 220))
    records: list[dict] = []
    for page, start in enumerate(range(0, len(lines), 12)):
        chunk = lines[start : start + 12]
        image = degrade(render(chunk, rng.choice(FONTS[split]), rng.randint(26, 34)), rng, scales)
        for record in align(" ".join(chunk).split(), ocr_words(image)):
            record.update(split=split, origin=f"synthetic-{split}-{seed}-p{page}")
            record["line"] = f"p{page}-{record['line']}"
            records.append(record)
    return records


def main() -> None:
    # (split, seed, resolution scale range, file name): a "normal" and a "heavy" scan quality.
    batches = (
        ("dev", 11, (0.40, 0.68), "synthetic_dev.jsonl"),
        ("heldout", 29, (0.40, 0.68), "synthetic_heldout.jsonl"),
        ("dev", 13, (0.34, 0.46), "synthetic_dev_heavy.jsonl"),
        ("heldout", 31, (0.34, 0.46), "synthetic_heldout_heavy.jsonl"),
    )
    for split, seed, scales, name in batches:
        if (HERE / name).exists():
            continue  # OCR output differs across Tesseract builds: never silently relabel
        records = build(split, seed, scales)
        with (HERE / name).open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        kinds: dict[str, int] = {}
        for record in records:
            kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
        print(split, kinds)


if __name__ == "__main__":
    main()
