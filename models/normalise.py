"""Pure normalisers from printed text to model values: cell text, waktu, actor titles, ids."""

from __future__ import annotations

import re
import unicodedata

from models.sop import Actor, Waktu, WaktuUnit

_EMPTY_MARKS = {"", "-", "–", "—", "_", ".", "..."}


def clean_cell(text: str | None) -> str | None:
    """Fold whitespace and line breaks; empty or '-' becomes None."""
    if text is None:
        return None
    folded = " ".join(text.split())
    return None if folded in _EMPTY_MARKS else folded


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# ---------------------------------------------------------------- waktu
_NUMBER_WORDS = {
    "setengah": 0.5, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "lima belas": 15, "dua puluh": 20, "tiga puluh": 30, "empat puluh lima": 45, "enam puluh": 60,
}  # fmt: skip
_UNIT_WORDS: dict[str, WaktuUnit] = {
    "menit": "menit", "mnt": "menit", "mins": "menit", "min": "menit", "m": "menit",
    "jam": "jam", "j": "jam",
    "hari": "hari", "hr": "hari", "hri": "hari", "h": "hari",
    "minggu": "minggu", "mgg": "minggu", "pekan": "minggu",
    "bulan": "bulan", "bln": "bulan",
}  # fmt: skip
# Periodic wordings: the standard is one period.
_PERIODS: dict[str, tuple[float, WaktuUnit]] = {
    "harian": (1, "hari"), "mingguan": (1, "minggu"), "bulanan": (1, "bulan"),
    "triwulan": (3, "bulan"), "triwulanan": (3, "bulan"), "semester": (6, "bulan"),
    "semesteran": (6, "bulan"), "tahunan": (12, "bulan"), "tahun": (12, "bulan"),
}  # fmt: skip
# "sehari", "sejam", "seminggu", "sebulan": se- means one.
_SE_PREFIXED = {"sehari": "hari", "sejam": "jam", "seminggu": "minggu", "sebulan": "bulan"}

_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"(?P<a>{_NUMBER})\s*(?:(?:-|s\.?d\.?|sampai)\s*(?P<b>{_NUMBER}))?"
    rf"\s*(?:x\s*(?P<times>{_NUMBER}))?\s*(?P<unit>[a-z]+)"
)


def _to_float(number: str) -> float:
    return float(number.replace(",", "."))


def _words_to_digits(text: str) -> str:
    for word, value in sorted(_NUMBER_WORDS.items(), key=lambda item: -len(item[0])):
        text = re.sub(rf"\b{word}\b", f"{value:g}", text)
    return text


def parse_waktu(text: str | None) -> Waktu | None:
    """'1jam', '30 Menit', '1 x 24 Jam', '3 hari kerja', 'satu hari', 'Triwulanan' -> Waktu.

    Ranges keep the upper bound (a standard is a maximum). Unknown text keeps `text`, value null.
    """
    printed = clean_cell(text)
    if printed is None:
        return None
    lowered = printed.lower()
    hari_kerja = bool(re.search(r"hari\s*kerja|\bhk\b", lowered))
    normalised = _words_to_digits(lowered)
    for word, unit in _SE_PREFIXED.items():
        if re.search(rf"\b{word}\b", normalised):
            return Waktu(value=1, unit=unit, text=printed, hari_kerja=hari_kerja)
    for match in _DURATION.finditer(normalised):
        unit = _UNIT_WORDS.get(match["unit"])
        if unit is None and match["unit"] in _PERIODS:
            continue
        if unit is None:
            continue
        value = _to_float(match["b"] or match["a"])
        if match["times"]:  # "1 x 24 jam": the multiplier stands before the unit
            value = _to_float(match["a"]) * _to_float(match["times"])
        return Waktu(value=value, unit=unit, text=printed, hari_kerja=hari_kerja)
    for word, (value, unit) in _PERIODS.items():
        if re.search(rf"\b{word}\b", normalised):
            return Waktu(value=value, unit=unit, text=printed, hari_kerja=hari_kerja)
    return Waktu(value=None, unit=None, text=printed, hari_kerja=hari_kerja)


# ---------------------------------------------------------------- actors
# Head abbreviations of Indonesian office titles (DOMAIN.md), matched case-insensitively.
TITLE_ABBREVIATIONS = {
    "kadis": "Kepala Dinas", "sekdis": "Sekretaris Dinas", "kaban": "Kepala Badan",
    "kabag": "Kepala Bagian", "kasubag": "Kepala Sub Bagian", "kasubbag": "Kepala Sub Bagian",
    "kasub bag": "Kepala Sub Bagian", "kabid": "Kepala Bidang", "kasubid": "Kepala Sub Bidang",
    "kasubbid": "Kepala Sub Bidang", "kasi": "Kepala Seksi", "kasie": "Kepala Seksi",
    "subkor": "Sub Koordinator", "sekcam": "Sekretaris Camat", "jf": "Jabatan Fungsional",
    "ppk": "Pejabat Pembuat Komitmen", "kpa": "Kuasa Pengguna Anggaran",
    "ppspm": "Pejabat Penandatangan Surat Perintah Membayar", "staff": "Staf", "kapus": "Kepala Pusat",
    "kasubdit": "Kepala Sub Direktorat", "kaur": "Kepala Urusan", "kasat": "Kepala Satuan",
}  # fmt: skip
# Labels that already are titles: jabatan is the label itself.
FULL_TITLE_HEADS = (
    "kepala", "sekretaris", "sub koordinator", "subkoordinator", "koordinator", "camat", "lurah",
    "staf", "pelaksana", "operator", "tim", "jabatan fungsional", "fungsional", "bendahara",
    "bupati", "walikota", "gubernur", "inspektur", "auditor", "pejabat", "analis", "pengadministrasi",
    "penyusun", "pengelola", "petugas", "pegawai", "direktur", "asisten", "panitia", "kuasa",
)  # fmt: skip


def fold_label(label: str) -> str:
    """A printed header label with line breaks and hyphenation folded."""
    return " ".join(re.sub(r"-\s*\n\s*", "", label).split())


def expand_title(label: str) -> str | None:
    """'Kasubag Perencanaan' -> 'Kepala Sub Bagian Perencanaan'; None when no title is known."""
    folded = fold_label(label)
    lowered = folded.lower()
    for abbreviation, title in sorted(TITLE_ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        match = re.match(rf"{abbreviation}\b\.?", lowered)
        if match:
            rest = folded[match.end() :].strip()
            return f"{title} {rest}".strip()
    if lowered.startswith(FULL_TITLE_HEADS):
        return " ".join(word if word.isupper() and len(word) > 1 else word.capitalize()
                        for word in folded.split())  # fmt: skip
    return None


def make_actor(label: str) -> Actor:
    """Actor with a stable id (slug of the expanded title, else of the label)."""
    folded = fold_label(label)
    jabatan = expand_title(folded)
    return Actor(id=slug(jabatan or folded), label=folded, jabatan=jabatan)


def make_actors(labels: list[str]) -> list[Actor]:
    """Actors in lane order; a repeated id gets a -2, -3 suffix so lanes stay distinct."""
    actors: list[Actor] = []
    seen: dict[str, int] = {}
    for label in labels:
        actor = make_actor(label)
        seen[actor.id] = seen.get(actor.id, 0) + 1
        if seen[actor.id] > 1:
            actor = actor.model_copy(update={"id": f"{actor.id}-{seen[actor.id]}"})
        actors.append(actor)
    return actors
