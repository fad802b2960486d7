"""Words and patterns of SOP text exports: header labels, verbs, titles, durations, noise."""

from __future__ import annotations

import re

from ingest.page import ColumnRole

# Header words of the procedure table, by the column role they name (DOMAIN.md variants + OCR).
HEADER_ROLE_WORDS: dict[str, ColumnRole] = {
    "no": "no", "no.": "no", "kegiatan": "kegiatan", "keglatan": "kegiatan", "aktivitas": "kegiatan",
    "uraian": "kegiatan", "prosedur": "kegiatan", "kelengkapan": "kelengkapan",
    "persyaratan": "kelengkapan", "perlengkapan": "kelengkapan", "waktu": "waktu",
    "output": "output", "keluaran": "output", "keterangan": "keterangan", "ket": "keterangan",
    "ket.": "keterangan",
}  # fmt: skip
# Header words that name no data column.
HEADER_OTHER_WORDS = {"pelaksana", "mutu", "baku", "buku", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)",
                      "(7)", "(8)", "(9)", "pelak", "keglata", "persyaratan/kelengkapan",
                      "persyaratan/perlengkapan", "mutu baku"}  # fmt: skip

DECISION_LABELS = {"ya", "tidak", "y", "t", "lengkap", "benar", "salah", "setuju", "sesuai"}
_DECISION_LABEL_LINE = re.compile(r"^(?:(?:ya|tidak|y|t)\b[\s/]*)+$", re.IGNORECASE)

# Office-title heads that start an actor label (lower case).
TITLE_HEADS = (
    "kadis", "sekdis", "kaban", "kabag", "kasubag", "kasubbag", "kabid", "kasubid", "kasubbid",
    "kasi", "kasie", "subkor", "sekcam", "jf", "ppk", "kpa", "ppspm", "staf", "staff", "kepala",
    "sekretaris", "sub", "koordinator", "subkoordinator", "camat", "lurah", "tim", "fungsional",
    "jabatan", "bendahara", "bupati", "walikota", "gubernur", "inspektur", "auditor", "pejabat",
    "analis", "pengadministrasi", "penyusun", "pengelola", "petugas", "pegawai", "direktur",
    "asisten", "panitia", "operator", "pelaksana", "kapus", "kaur", "kasat", "pimpinan",
)  # fmt: skip

# Indonesian active/passive verb shapes: a kegiatan starts with one ("Menyusun", "Diparaf").
_VERB = re.compile(
    r"^(?:me[mnr]?|meng|meny|ber|di)[a-z]{3,}$",
    re.IGNORECASE,
)
_NOT_VERBS = {"dinas", "direktur", "disposisi", "digital", "dirjen", "divisi", "diklat", "berkas",
              "bersama", "berita", "berkala", "meja", "media", "menit", "menteri", "memo",
              "mekanisme", "metode", "mesin", "merek"}  # fmt: skip

CONDITIONAL = re.compile(r"\b(?:jika|apabila|bila|bilamana|kalau)\b", re.IGNORECASE)
NEGATIVE_CLAUSE = re.compile(
    r"\b(?:jika|apabila|bila|bilamana|kalau)\s+(?:tidak|belum|butuh|perlu|ada|salah|ditolak)\b"
    r"|\bjika\s+tdk\b",
    re.IGNORECASE,
)

# A duration as printed in a Waktu cell (parse_waktu does the reading; this only finds it).
_UNIT = r"(?:menit|mnt|jam|hari(?:\s+kerja)?|hr|minggu|mgg|bulan|bln|tahun)"
_AMOUNT = r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|s\.?d\.?)\s*\d+)?(?:\s*x\s*\d+)?|satu|dua|tiga|empat|" \
          r"lima|enam|tujuh|sepuluh|setengah)"  # fmt: skip
WAKTU = re.compile(
    rf"(?<![\w/])(?:{_AMOUNT}\s*{_UNIT}\b|sehari|sejam|seminggu|sebulan)", re.IGNORECASE
)
# Periodic wordings count as a waktu only when they fill the cell ("Triwulanan").
WAKTU_PERIOD = re.compile(
    r"^(?:triwulan(?:an)?|bulanan|mingguan|harian|tahunan|semesteran|sesuai\s+jadwal)$",
    re.IGNORECASE,
)


def is_waktu_piece(text: str) -> bool:
    return bool(WAKTU.fullmatch(text.strip()) or WAKTU_PERIOD.match(text.strip()))


# Glued cells: a lower-case letter directly followed by a capitalised word ("KinerjaMengumpulkan").
GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def is_verb(word: str) -> bool:
    cleaned = word.strip(".,;:()|[]'\"").lower()
    return cleaned not in _NOT_VERBS and bool(_VERB.match(cleaned))


def starts_with_verb(text: str) -> bool:
    words = text.split()
    return bool(words) and is_verb(words[0])


def is_title_head(word: str) -> bool:
    return word.strip(".,;:()|").lower() in TITLE_HEADS


def is_decision_label_line(text: str) -> bool:
    return bool(_DECISION_LABEL_LINE.match(text.strip()))


def header_role(word: str) -> ColumnRole | None:
    return HEADER_ROLE_WORDS.get(word.strip(":|").lower())


def is_header_word(word: str) -> bool:
    lowered = word.strip(":|").lower()
    return lowered in HEADER_ROLE_WORDS or lowered in HEADER_OTHER_WORDS


def is_header_line(text: str) -> bool:
    """A line made only of header words ("No. Kegiatan", "Pelaksana Mutu Baku", "Keterangan")."""
    words = text.split()
    return bool(words) and all(is_header_word(word) for word in words)
