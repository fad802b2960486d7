"""Cut a document's lines into SOPs: one per title ("SOP EVALUASI", "Nama SOP ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.text.lines import TextLine

_SOP_TITLE = re.compile(r"^\s*SOP\s*[:.]?\s+(?P<name>[A-Z0-9][A-Z0-9 &/,.()\-]{2,})\s*$")
_NAMA_SOP = re.compile(r"\bNama\s+SOP\b\s*[:.]?\s*(?P<name>.*)$", re.IGNORECASE)


@dataclass
class SopChunk:
    """The lines of one SOP, with its title as printed (None when none was found)."""

    name: str | None = None
    name_line: TextLine | None = None
    lines: list[TextLine] = field(default_factory=list)


def title_of(line: TextLine) -> str | None:
    """The SOP name a title line announces: 'SOP EVALUASI' -> 'EVALUASI'. '' for a bare label."""
    match = _SOP_TITLE.match(line.text)
    if match:
        return match["name"].strip()
    match = _NAMA_SOP.search(line.text)
    if match:
        return match["name"].strip(" :")
    return None


def _same(first: str | None, second: str | None) -> bool:
    return bool(first and second) and " ".join(first.lower().split()) == " ".join(
        second.lower().split()
    )


def split_sops(lines: list[TextLine]) -> list[SopChunk]:
    """A title with a new name starts a new SOP; a repeated title (next page) does not."""
    chunks = [SopChunk()]
    for line in lines:
        name = title_of(line)
        current = chunks[-1]
        if name is None:
            current.lines.append(line)
            continue
        if _same(name, current.name):
            continue
        if current.name and name:
            chunks.append(SopChunk(name=name, name_line=line, lines=[line]))
            continue
        current.lines.append(line)
        if name and current.name is None:
            current.name, current.name_line = name, line
    return [chunk for chunk in chunks if any(not line.blank for line in chunk.lines)]
