"""Decision exit labels: the printed words next to a diamond's exits, and the kegiatan fallback."""

from __future__ import annotations

import re
from typing import Literal

from ingest.page import Word
from models.geometry import BBox

When = Literal["ya", "tidak"]

_NO_WORDS = {
    "tidak", "t", "tdk", "tak", "no", "n", "belum", "salah", "ditolak", "tolak", "kurang",
    "revisi", "perbaikan", "gagal",
}  # fmt: skip
_YES_WORDS = {
    "ya", "y", "iya", "yes", "lengkap", "setuju", "sesuai", "benar", "ok", "oke", "diterima",
    "disetujui", "valid", "lulus", "memenuhi", "sah", "lanjut",
}  # fmt: skip
_TEXT_NO = re.compile(r"\b(?:jika|apabila|bila|kalau)\s+(?:tidak|belum|ditolak|salah|kurang)\b")
_STEP_REFERENCE = re.compile(
    r"\b(?:langkah|kegiatan|tahap|nomor|no\.?)\s*(?:ke\s*)?-?\s*(\d{1,2})\b"
)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.casefold())


def when_of_label(text: str | None) -> When | None:
    """'Ya', 'Y', 'YA', 'Lengkap', 'Setuju?' -> ya; 'Tidak', 'T', 'Tidak Lengkap' -> tidak."""
    tokens = _tokens(text or "")
    if any(token in _NO_WORDS for token in tokens):
        return "tidak"
    if any(token in _YES_WORDS for token in tokens):
        return "ya"
    return None


_PRINTED_LABELS = ("Ya", "Tidak", "Lengkap", "Setuju", "Sesuai", "Belum", "Ditolak", "Sah", "Benar",
                   "Valid", "Diterima", "Disetujui", "Revisi")  # fmt: skip
_MAX_SLIP_PER_LETTER = 0.45  # 'TIDAX', 'Tldak', 'Tiaa' (a stem lost in a line): two slips
_MIN_LEAD = 0.8


def label_of_reading(text: str) -> str | None:
    """An OCR reading of one exit label -> the label word, allowing OCR slips in words of three
    letters or more ('TIDAX' -> 'TIDAK'); None when it is no exit label."""
    text = text.strip(" .,:;'\"|")
    tokens = re.findall(r"[A-Za-z]+", text)
    if len(tokens) > 2:
        return None  # a label is one word or two ('Tidak Lengkap'); more is noise read as text
    split_word = len(tokens) == 2 and min(map(len, tokens)) == 1  # 'Lengiu p', 'O y'
    if not split_word and when_of_label(text) is not None:
        return text
    token = "".join(ch for ch in text if ch.isalpha())
    if len(token) < 3:
        return None
    from ingest.correct.distance import ocr_distance  # here: ingest.correct is heavy to import

    ranked = sorted((ocr_distance(token.lower(), word.lower()), word) for word in _PRINTED_LABELS)
    (cost, best), (rival, _) = ranked[0], ranked[1]
    # Short words are easy to reach from any three letters: one slip only.
    budget = _MAX_SLIP_PER_LETTER * len(best) if len(best) >= 5 else 0.35 * len(best)
    if cost > budget or rival - cost < _MIN_LEAD:
        return None
    return best.upper() if token.isupper() else best


def _distance(box: BBox, x: float, y: float) -> float:
    dx = max(box.left - x, 0.0, x - box.right)
    dy = max(box.top - y, 0.0, y - box.bottom)
    return (dx * dx + dy * dy) ** 0.5


def label_words(words: list[Word], exits: list[tuple[float, float]], reach: float,
                inside: list[BBox]) -> list[str | None]:  # fmt: skip
    """For each exit point, the nearest label word within `reach` that no other exit is nearer to.
    Words inside symbols (the question in a diamond) are not exit labels."""
    labels: list[str | None] = [None] * len(exits)
    best: list[float] = [reach] * len(exits)
    for word in words:
        if word.bbox is None or when_of_label(word.text) is None:
            continue
        centre = (word.bbox.center_x, word.bbox.center_y)
        if any(box.contains_point(*centre) for box in inside):
            continue
        distances = [_distance(word.bbox, x, y) for x, y in exits]
        nearest = min(range(len(exits)), key=lambda i: distances[i])
        if distances[nearest] < best[nearest]:
            best[nearest] = distances[nearest]
            labels[nearest] = word.text.strip()
    return labels


def text_says_no_exit(kegiatan: str | None) -> bool:
    """'Jika tidak lengkap dikembalikan kepada ...': the step is a decision with a 'tidak' exit."""
    return bool(_TEXT_NO.search((kegiatan or "").casefold()))


def text_step_reference(kegiatan: str | None) -> int | None:
    """'... kembali ke langkah 2' -> 2 (only after a 'jika tidak' clause)."""
    text = (kegiatan or "").casefold()
    match = _TEXT_NO.search(text)
    if not match:
        return None
    reference = _STEP_REFERENCE.search(text, match.end())
    return int(reference.group(1)) if reference else None


def text_return_actor(kegiatan: str | None) -> str | None:
    """'jika tidak ... dikembalikan kepada Kasubag' -> 'kasubag' (the lane the loop goes back to)."""
    text = (kegiatan or "").casefold()
    match = _TEXT_NO.search(text)
    if not match:
        return None
    back = re.search(
        r"(?:kembalikan|kembali)\s+(?:lagi\s+)?(?:kepada|ke)\s+([a-z .]+)", text[match.end() :]
    )
    return back.group(1).strip(" .") if back else None
