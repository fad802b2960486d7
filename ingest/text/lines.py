"""Lines of a text export with their page, and the joining of wrapped lines into cell texts."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ingest.page import Page
from ingest.text.noise import is_noise
from ingest.text.vocabulary import GLUED

# A page break that lost its form feed: pdftotext's plain output then starts the page with one
# space (" SEKRETARIAT", " SOP PENGUMPULAN ..." in the seeds).
_LOST_PAGE_BREAK = re.compile(r"^ \S")
_LAYOUT_GAP = re.compile(r"\S {3,}\S")
# Share of lines with wide gaps above which an export is `pdftotext -layout` style.
_LAYOUT_SHARE = 0.25
# Share of text lines followed by a blank line above which blank lines carry no meaning.
_DOUBLE_SPACED_SHARE = 0.7


@dataclass(frozen=True)
class TextLine:
    text: str
    page: int

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def wraps(self) -> bool:
        """pdftotext keeps the trailing space of a line that wraps inside one cell."""
        return self.text != self.text.rstrip() and bool(self.text.strip())


@dataclass
class Segment:
    """The text of one cell (as far as plain text can tell), with the lines it came from."""

    lines: list[str] = field(default_factory=list)
    page: int = 1

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())


def is_layout_export(pages: list[Page]) -> bool:
    lines = [line for page in pages for line in page.lines if line.strip()]
    wide = sum(1 for line in lines if _LAYOUT_GAP.search(line.strip()) or line.startswith("   "))
    return bool(lines) and wide / len(lines) >= _LAYOUT_SHARE


def document_lines(pages: list[Page], *, layout: bool) -> tuple[list[TextLine], int]:
    """All lines in reading order with page numbers, noise dropped; also how many were dropped."""
    lines: list[TextLine] = []
    dropped = 0
    page_shift = 0
    for page in pages:
        for index, text in enumerate(page.lines):
            if not layout and index > 0 and _LOST_PAGE_BREAK.match(text) and lines:
                page_shift += 1
            if is_noise(text):
                dropped += 1
                continue
            lines.append(TextLine(text=text.replace("\t", " "), page=page.number + page_shift))
    return lines, dropped


def is_double_spaced(lines: list[TextLine]) -> bool:
    """Exports that put a blank line after every printed line (seed 000)."""
    followed = total = 0
    for current, following in itertools.pairwise(lines):
        if current.blank:
            continue
        total += 1
        followed += following.blank
    return total > 0 and followed / total >= _DOUBLE_SPACED_SHARE


def split_glued(text: str) -> list[str]:
    """'KinerjaMengumpulkan data' -> ['Kinerja', 'Mengumpulkan data']: two cells run together."""
    return [part for part in GLUED.split(text) if part.strip()]


def _joins_across_blank(previous: TextLine, following: TextLine) -> bool:
    text = following.stripped
    return previous.wraps and (text[:1].islower() or len(text.split()) == 1)


def segments_of(lines: list[TextLine], *, double_spaced: bool) -> list[Segment]:
    """Join wrapped lines into cell texts.

    Double-spaced exports: a line continues while it ends with a space. Otherwise a blank line
    ends a cell unless the line before wraps and the next starts in lower case or is one word.
    Glued cells ('bulananPerjanjian') are cut apart.
    """
    segments: list[Segment] = []
    current: Segment | None = None
    previous: TextLine | None = None
    blank_since = False
    for line in lines:
        if line.blank:
            blank_since = True
            continue
        continues = (
            current is not None
            and previous is not None
            and (
                previous.wraps
                if double_spaced
                else (not blank_since or _joins_across_blank(previous, line))
            )
        )
        parts = split_glued(line.stripped)
        for position, part in enumerate(parts):
            if current is not None and continues and position == 0:
                current.lines.append(part)
            else:
                current = Segment(lines=[part], page=line.page)
                segments.append(current)
        if double_spaced and not line.wraps:
            current = None
        previous, blank_since = line, False
    return segments
