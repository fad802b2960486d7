"""Which image files are the page photos of one document: the naming rule of `sop ingest`.

Phone scans of one SOP often arrive as several photos. Inside a folder, image files named
`<stem>-p<N>.<ext>` or `<stem>_p<N>.<ext>` (N = 1, 2, ...; same folder, stem and extension) are
one document with its pages in N order; its name is `<stem>.<ext>`. Everything else is a
document of its own. Pure: paths in, groups out (nothing is read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"})
_PAGE_NAME = re.compile(r"^(?P<stem>.+?)[-_]p(?P<number>\d{1,3})$", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentFiles:
    """`name`: the document's path as if it were one file (`folder/<stem>.<ext>` for photos)."""

    name: Path
    pages: list[Path]
    problems: tuple[str, ...] = field(default=())


def page_number(path: Path) -> tuple[str, int] | None:
    """('<stem>', N) for an image named like page N of a document, else None."""
    match = _PAGE_NAME.match(path.stem)
    if path.suffix.lower() not in IMAGE_SUFFIXES or match is None:
        return None
    return match["stem"], int(match["number"])


def _numbering_problems(name: Path, numbers: list[int]) -> tuple[str, ...]:
    expected = list(range(1, len(numbers) + 1))
    if numbers == expected:
        return ()
    return (
        f"{name}: page photos numbered {', '.join(map(str, numbers))} (expected "
        f"{', '.join(map(str, expected))}); a page may be missing or named twice",
    )


def group_page_photos(files: list[Path]) -> list[DocumentFiles]:
    """Documents in the order of their first file; page photos gathered under one name. A lone
    file already named `<stem>.<ext>` keeps that name and the photos become `<stem>-pages.<ext>`
    (two outputs must never share a name)."""
    singles = {file for file in files if page_number(file) is None}
    photos: dict[Path, list[tuple[int, Path]]] = {}
    documents: list[DocumentFiles | Path] = []
    for file in files:
        found = page_number(file)
        if found is None:
            documents.append(DocumentFiles(file, [file]))
            continue
        name = file.with_name(found[0] + file.suffix)
        if name in singles:
            name = file.with_name(f"{found[0]}-pages{file.suffix}")
        if name not in photos:
            photos[name] = []
            documents.append(name)
        photos[name].append((found[1], file))
    return [item if isinstance(item, DocumentFiles) else _photo_document(item, photos[item])
            for item in documents]  # fmt: skip


def _photo_document(name: Path, numbered: list[tuple[int, Path]]) -> DocumentFiles:
    pages = sorted(numbered)
    numbers = [number for number, _ in pages]
    return DocumentFiles(name, [file for _, file in pages], _numbering_problems(name, numbers))
