"""The procedure table's header in plain text: where it is, its column order and actor lanes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.page import ColumnRole
from ingest.text.lines import TextLine, split_glued
from ingest.text.vocabulary import header_role, is_header_word, is_title_head, starts_with_verb

DEFAULT_ROLES: list[ColumnRole] = ["kegiatan", "kelengkapan", "waktu", "output", "keterangan"]
_CONNECTORS = {"dan", "&", "/", ",", "serta"}
# A title head directly after one of these belongs to the same label ("Sub Koordinator").
_JOINING_HEADS = {"sub", "kepala", "jabatan", "pejabat", "tim"}
# Words of a sentence, never of an actor label.
_SENTENCE_WORDS = {"untuk", "kepada", "dengan", "yang", "dari", "ke", "oleh", "di", "pada", "sop",
                   "nama", "prosedur"}  # fmt: skip
_ALPHA_WORD = re.compile(r"[A-Za-z]{2,}")
_MAX_FRAGMENT_WORDS = 2


@dataclass
class Header:
    roles: list[ColumnRole] = field(default_factory=lambda: list(DEFAULT_ROLES))
    actor_labels: list[str] = field(default_factory=list)


def header_word_count(text: str) -> int:
    return sum(1 for word in text.split() if is_header_word(word))


def is_header_words_line(text: str) -> bool:
    """'Staf Kelengkapan Waktu Output', 'No. Kegiatan', 'Keterangan': a line of the table header."""
    words = [word for word in text.split() if _ALPHA_WORD.search(word)]
    count = header_word_count(text)
    if len(words) == 1:
        return count == 1 and words[0][:1].isupper()
    return count >= 3 or (count >= 2 and count / len(words) >= 0.5)


def is_actor_line(text: str, *, fragments: bool = True) -> bool:
    """A line of (wrapped) actor labels: starts with a title, or a short fragment ('SAKIP')."""
    words = [word for word in text.split() if _ALPHA_WORD.search(word)]
    if not words or starts_with_verb(text) or any(char.isdigit() for char in text):
        return False
    if any(word.lower() in _SENTENCE_WORDS for word in words):
        return False
    if is_title_head(words[0]):
        return True
    return fragments and len(words) <= _MAX_FRAGMENT_WORDS and words[0][:1].isupper()


def _extends_forward(lines: list[TextLine], end: int, previous: TextLine) -> bool:
    line = lines[end]
    if line.blank or is_header_words_line(line.stripped):
        return True
    after_label = previous.wraps or is_actor_line(previous.stripped, fragments=False)
    return is_actor_line(line.stripped, fragments=after_label)


def _sandwiched(lines: list[TextLine], index: int) -> bool:
    """One unreadable line between two header lines (OCR of a header cell) is header too."""
    following = next((line for line in lines[index + 1 :] if not line.blank), None)
    return following is not None and is_header_words_line(following.stripped)


def find_header_block(
    lines: list[TextLine], start: int = 0, *, look_back: bool = True
) -> tuple[int, int] | None:
    """[first, end) of the first run of header / actor lines that holds a header-words line.

    `look_back` takes actor lines printed above the header words (the first header of an SOP).
    """
    index = start
    while index < len(lines) and (
        lines[index].blank or not is_header_words_line(lines[index].stripped)
    ):
        index += 1
    if index == len(lines):
        return None
    first = index
    while (
        look_back
        and first > start
        and (lines[first - 1].blank or is_actor_line(lines[first - 1].stripped))
    ):
        first -= 1
    end, previous = index + 1, lines[index]
    while end < len(lines):
        if not _extends_forward(lines, end, previous) and not _sandwiched(lines, end):
            break
        previous = lines[end] if not lines[end].blank else previous
        end += 1
    while first < end and lines[first].blank:
        first += 1
    while end > first and lines[end - 1].blank:
        end -= 1
    return first, end


def column_roles(lines: list[TextLine]) -> list[ColumnRole]:
    """Data columns in printed order (Output before Waktu happens), kegiatan first."""
    roles: list[ColumnRole] = ["kegiatan"]
    ranked = sorted(lines, key=lambda line: -sum(map(bool, map(header_role, line.text.split()))))
    for line in ranked:
        for word in line.stripped.split():
            role = header_role(word)
            if role and role not in roles and role != "no":
                roles.append(role)
    for role in DEFAULT_ROLES:
        if role not in roles:
            roles.append(role)
    return roles


def _label_runs(text: str) -> list[list[str]]:
    """Words of a header line without header words, cut where glued cells met."""
    runs: list[list[str]] = []
    for part in split_glued(text):
        words = [word for word in part.split() if not is_header_word(word)]
        words = [word for word in words if _ALPHA_WORD.search(word) or word in _CONNECTORS]
        if words:
            runs.append(words)
    return runs


def _split_labels(words: list[str]) -> list[list[str]]:
    labels: list[list[str]] = []
    for word in words:
        previous = labels[-1][-1].lower() if labels and labels[-1] else ""
        starts_new = is_title_head(word) and previous not in _JOINING_HEADS | _CONNECTORS
        if starts_new or not labels:
            labels.append([word])
        else:
            labels[-1].append(word)
    return labels


def _trailing_fragment(label: list[str]) -> tuple[list[str], list[str]]:
    """'Fungsional Perencanaan &' -> ('Fungsional', 'Perencanaan &'): a wrapped label's middle."""
    if len(label) > 1 and label[-1].lower() in _CONNECTORS:
        return label[:1], label[1:]
    return label, []


class _LabelCollector:
    def __init__(self) -> None:
        self.labels: list[list[str]] = []
        self.lone: int | None = None  # a label printed alone on its line: a wrapped label's head

    def attach(self, fragment: list[str]) -> None:
        target = self.lone if self.lone is not None else len(self.labels) - 1
        if target >= 0:
            self.labels[target].extend(fragment)

    def add_line(self, line: TextLine, continues_previous: bool) -> None:
        for run_index, run in enumerate(_label_runs(line.stripped)):
            pieces = _split_labels(run)
            for piece_index, piece in enumerate(pieces):
                first = run_index == 0 and piece_index == 0
                if not is_title_head(piece[0]) or (first and continues_previous):
                    self.attach(piece)
                    continue
                kept, fragment = _trailing_fragment(piece)
                self.labels.append(kept)
                if fragment:
                    self.attach(fragment)
                alone = len(pieces) == 1 and len(_label_runs(line.stripped)) == 1
                if alone and not line.wraps:
                    self.lone = len(self.labels) - 1


def actor_labels(lines: list[TextLine]) -> list[str]:
    """Actor labels in printed order; wrapped labels ('Tim / Penyusunan / SAKIP') folded."""
    collector = _LabelCollector()
    previous: TextLine | None = None
    for line in lines:
        if line.blank:
            continue
        collector.add_line(line, continues_previous=previous is not None and previous.wraps)
        previous = line
    labels = [" ".join(words).strip(" &/,") for words in collector.labels]
    return [label for label in labels if label]


def read_header(lines: list[TextLine]) -> Header:
    return Header(roles=column_roles(lines), actor_labels=actor_labels(lines))
