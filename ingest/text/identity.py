"""The identity block (Nama SOP, Nomor, Tanggal, Dasar Hukum ... Pencatatan dan Pendataan).

Plain exports print the block's two columns one after the other ("Dasar Hukum Kualifikasi
Pelaksana" on one line, then both lists), so values are placed by what they say first and by
the labels printed above them second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.text.lines import TextLine
from models.normalise import clean_cell
from models.provenance import Provenance

LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan")
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("nama", r"\bnama\s+sop\b"),
        ("nomor", r"\bnomor\s+sop\b|^\s*nomor\b|\bno\.?\s+sop\b"),
        ("tanggal_pembuatan", r"\btanggal\s+pembuatan\b|\btgl\.?\s+pembuatan\b"),
        ("tanggal_revisi", r"\btanggal\s+revisi\b|\btgl\.?\s+revisi\b"),
        ("tanggal_efektif", r"\btanggal\s+(?:efektif|pengesahan)\b|\btgl\.?\s+efektif\b"),
        ("disahkan_oleh", r"\bdisahkan\s+oleh\b"),
        ("dasar_hukum", r"\bdasar\s+hukum\b"),
        ("kualifikasi_pelaksana", r"\bkualifikasi\s+pelaksana\b"),
        ("keterkaitan", r"\bketerkaitan\b"),
        ("peralatan_perlengkapan", r"\bperalatan\s*(?:/|dan)?\s*perlengkapan\b|\bperalatan\b"),
        ("peringatan", r"\bperingatan\b"),
        ("pencatatan_pendataan", r"\bpencatatan\s+(?:dan|&)\s+pendataan\b|\bpencatatan\b"),
    ]
]
_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("peringatan", r"^(?:jika|apabila|bila|bilamana|kalau)\b|tidak\s+dilaksanakan"),
        ("keterkaitan", r"^(?:sop|prosedur|standar\s+operasional)\b"),
        ("dasar_hukum", r"^(?:peraturan|undang|uu|pp|perpres|permen\w*|perda|perbup|perwal\w*|"
                        r"keputusan|kepmen\w*|instruksi|surat\s+edaran|qanun)\b"
                        r"|\bnomor\s*\d+\s*tahun\s*\d{4}"),
        ("kualifikasi_pelaksana", r"^(?:memiliki|mengetahui|memahami|mampu|menguasai|pendidikan|"
                                  r"bisa|dapat|berpengalaman|minimal|sehat|jujur|teliti|pns|"
                                  r"lulusan|kemampuan|menjalankan|mengerti)\b"),
        ("pencatatan_pendataan", r"^(?:disimpan|diarsipkan|dicatat|didokumentasikan|secara|"
                                 r"arsip)\b|\bdisimpan\b"),
        ("peralatan_perlengkapan", r"^(?:komputer|laptop|printer|atk|alat\s+tulis|internet|"
                                   r"jaringan|kertas|berkas|telepon|scanner|map|ruang|meja|"
                                   r"kendaraan|dpa|flash\w*|aplikasi|pc|kalkulator|mesin|lemari|"
                                   r"formulir|stempel|hp|handphone|proyektor|lcd|wifi)\b"),
    ]
]  # fmt: skip
_ITEM_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s*[.)](?=\s|$|[A-Za-z])")
_UNIT_LINE = re.compile(r"^[A-Z0-9 .,&/()\-]{4,}$")


@dataclass
class _Item:
    text: str
    page: int
    number: int | None = None
    column: int = 0  # 0 left, 1 right when a line held two numbered items
    field: str | None = None


@dataclass
class Identity:
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)


def classify(text: str) -> str | None:
    for name, pattern in _CLASSES:
        if pattern.search(text.strip()):
            return name
    return None


def _labels_in(text: str) -> list[tuple[str, int, int]]:
    found = []
    for name, pattern in _LABELS:
        match = pattern.search(text)
        if match:
            found.append((name, match.start(), match.end()))
    found.sort(key=lambda item: item[1])
    kept: list[tuple[str, int, int]] = []
    for label in found:
        if not kept or label[1] >= kept[-1][2]:
            kept.append(label)
    return kept


def _numbered_parts(text: str) -> list[tuple[int | None, str]]:
    starts = list(_ITEM_NUMBER.finditer(text))
    if not starts:
        return [(None, text)]
    parts: list[tuple[int | None, str]] = []
    if text[: starts[0].start()].strip():
        parts.append((None, text[: starts[0].start()]))
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        parts.append((int(match[1]), text[match.end() : end]))
    return parts


class _Reader:
    def __init__(self) -> None:
        self.identity = Identity()
        self.context: list[str] = []
        self.context_closed = True
        self.items: list[_Item] = []
        self.open_item: _Item | None = None

    def label_line(self, line: TextLine, labels: list[tuple[str, int, int]]) -> None:
        before = line.text[: labels[0][1]].strip()
        if before and _UNIT_LINE.match(before):
            self.set_value("unit", before, line)
        if self.context_closed:
            self.context, self.context_closed = [], False
        for index, (name, _start, end) in enumerate(labels):
            stop = labels[index + 1][1] if index + 1 < len(labels) else len(line.text)
            value = line.text[end:stop].strip(" :")
            self.context.append(name)
            if value and name not in LIST_FIELDS:
                self.set_value(name, value, line)
            elif value:
                self.add_item(_Item(text=value, page=line.page, field=name))
        self.open_item = None

    def set_value(self, name: str, value: str, line: TextLine) -> None:
        cleaned = clean_cell(value)
        if cleaned and name not in self.identity.values:
            self.identity.values[name] = cleaned
            self.identity.provenance[name] = Provenance(raw=line.text, page=line.page)

    def add_item(self, item: _Item) -> None:
        self.items.append(item)
        self.open_item = item
        self.context_closed = True

    def value_line(self, line: TextLine, after_blank: bool) -> None:
        parts = _numbered_parts(line.stripped)
        for column, (number, text) in enumerate(parts):
            cls = classify(text)
            item = self.open_item
            continues = (
                number is None and item is not None and not after_blank
                and (cls is None or cls == (item.field or classify(item.text)))
            )  # fmt: skip
            if continues and item is not None:
                item.text = f"{item.text} {text.strip()}"
                continue
            self.add_item(_Item(text=text.strip(), page=line.page, number=number,
                                column=min(column, 1) if len(parts) > 1 else 0))  # fmt: skip


def _place(items: list[_Item], contexts: list[list[str]]) -> None:
    """Give each item a field: what it says, else its numbered run, else the labels above it."""
    previous: _Item | None = None
    for item, context in zip(items, contexts, strict=True):
        item.field = item.field or classify(item.text)
        if (
            item.field is None
            and previous is not None
            and previous.field
            and item.number
            and (previous.number and item.number == previous.number + 1)
        ):
            item.field = previous.field
        if item.field is None and context:
            item.field = context[min(item.column, len(context) - 1)] if item.column else None
        if item.field is None and context:
            taken = {other.field for other in items if other.field}
            empty = [name for name in context if name not in taken]
            item.field = (empty or context)[0]
        previous = item


def read_identity(lines: list[TextLine]) -> Identity:
    reader = _Reader()
    contexts: list[list[str]] = []
    after_blank = True
    for line in lines:
        if line.blank:
            after_blank = True
            continue
        labels = _labels_in(line.text)
        count = len(reader.items)
        if labels:
            reader.label_line(line, labels)
        elif not reader.context and _UNIT_LINE.match(line.stripped):
            reader.set_value("unit", line.stripped, line)
        else:
            reader.value_line(line, after_blank)
        contexts.extend([list(reader.context)] * (len(reader.items) - count))
        after_blank = False
    _place(reader.items, contexts)
    _collect(reader)
    return reader.identity


def _collect(reader: _Reader) -> None:
    identity = reader.identity
    for name in LIST_FIELDS:
        chosen = [item for item in reader.items if item.field == name and clean_cell(item.text)]
        if chosen and all(item.number is not None for item in chosen):
            chosen.sort(key=lambda item: item.number or 0)
        identity.lists[name] = [clean_cell(item.text) or "" for item in chosen]
        if chosen:
            identity.provenance[name] = Provenance(
                raw=" | ".join(item.text for item in chosen), page=chosen[0].page
            )
    for item in reader.items:
        if item.field and item.field not in LIST_FIELDS and clean_cell(item.text):
            joined = f"{identity.values.get(item.field, '')} {item.text}".strip()
            identity.values[item.field] = clean_cell(joined) or joined
            identity.provenance.setdefault(item.field, Provenance(raw=item.text, page=item.page))
