"""Pure parsing of Tesseract's TSV output (`tesseract img out tsv`, `image_to_data`) into Words."""

from __future__ import annotations

from ingest.page import Word
from models.geometry import BBox

_WORD_LEVEL = "5"
_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num",
            "left", "top", "width", "height", "conf", "text")  # fmt: skip


def parse_tsv(tsv: str, *, offset_x: float = 0.0, offset_y: float = 0.0) -> list[Word]:
    """Word rows of a TSV dump; boxes shifted by the offset of the crop that was read.

    Lines are numbered across blocks and paragraphs in reading order, so `Word.line` groups words
    of one printed line. Confidence -1 (no text) rows and blank words are dropped.
    """
    words: list[Word] = []
    line_ids: dict[tuple[str, str, str], int] = {}
    for raw_line in tsv.splitlines()[1:]:
        fields = raw_line.split("\t")
        if len(fields) < len(_COLUMNS) or fields[0] != _WORD_LEVEL:
            continue
        row = dict(zip(_COLUMNS, fields, strict=False))
        text = row["text"].strip()
        confidence = float(row["conf"])
        if not text or confidence < 0:
            continue
        left = float(row["left"]) + offset_x
        top = float(row["top"]) + offset_y
        key = (row["block_num"], row["par_num"], row["line_num"])
        line = line_ids.setdefault(key, len(line_ids))
        bbox = BBox(left=left, top=top, right=left + float(row["width"]),
                    bottom=top + float(row["height"]))  # fmt: skip
        words.append(Word(text=text, bbox=bbox, confidence=confidence / 100, line=line))
    return words
