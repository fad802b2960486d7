"""Words -> cells: each word goes to the cell holding its centre; lines rebuilt inside a cell."""

from __future__ import annotations

import numpy as np

from ingest.page import Cell, CharChoices, Word


def words_to_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines (by vertical centre), each line left to right."""
    placed = sorted((w for w in words if w.bbox is not None), key=lambda w: w.bbox.center_y)
    lines: list[list[Word]] = []
    for word in placed:
        if lines:
            line = lines[-1]
            height = max(sum(w.bbox.height for w in line) / len(line), 1.0)
            line_y = sum(w.bbox.center_y for w in line) / len(line)
            if abs(word.bbox.center_y - line_y) <= 0.5 * height:
                line.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.bbox.left) for line in lines]


def words_to_text(words: list[Word]) -> str:
    """Lines joined by newlines; a hyphen ending a line joins the broken word."""
    return lines_to_text(words_to_lines(words))


def lines_to_text(lines: list[list[Word]]) -> str:
    text = "\n".join(" ".join(w.text for w in line) for line in lines)
    return text.replace("-\n", "-") if "-\n" in text else text


def token_confidences(lines: list[list[Word]], text: str) -> list[float]:
    """The confidence of each whitespace token of `text` (= lines_to_text(lines)): a word
    joined across a line break takes the lower of its two parts. Empty when the tokens do not
    line up with the words (a word holding a space)."""
    confidences: list[float] = []
    previous = ""
    for number, line in enumerate(lines):
        for position, word in enumerate(line):
            if number and not position and previous.endswith("-") and confidences:
                confidences[-1] = min(confidences[-1], word.confidence)
            else:
                confidences.append(word.confidence)
            previous = word.text
    return confidences if len(confidences) == len(text.split()) else []


def token_choices(lines: list[list[Word]], text: str) -> list[list[CharChoices] | None]:
    """The OCR character alternatives of each whitespace token of `text`, as `token_confidences`
    pairs tokens with words (a word joined across a line break gets both parts' alternatives).
    None for a token whose words have none; empty when the tokens do not line up."""
    choices: list[list[CharChoices] | None] = []
    previous = ""
    for number, line in enumerate(lines):
        for position, word in enumerate(line):
            if number and not position and previous.endswith("-") and choices:
                before = choices[-1]
                joined = None if before is None or word.choices is None else before + word.choices
                choices[-1] = joined
            else:
                choices.append(word.choices)
            previous = word.text
    return choices if len(choices) == len(text.split()) else []


def words_in_cell(cell: Cell, words: list[Word]) -> list[Word]:
    return [
        w for w in words
        if w.bbox is not None and cell.bbox.contains_point(w.bbox.center_x, w.bbox.center_y)
    ]  # fmt: skip


def _centres(words: list[Word]) -> tuple[list[Word], np.ndarray]:
    placed = [w for w in words if w.bbox is not None]
    centres = np.array([(w.bbox.center_x, w.bbox.center_y) for w in placed], float)  # type: ignore[union-attr]
    return placed, centres.reshape(-1, 2)


def words_to_cells(cells: list[Cell], words: list[Word]) -> list[Cell]:
    """Cells with their text and the lowest word confidence (1.0 for an empty cell).
    Same rule as `words_in_cell`, vectorised: a page has hundreds of words and cells."""
    placed, centres = _centres(words)
    xs, ys = centres[:, 0], centres[:, 1]
    filled = []
    for cell in cells:
        box = cell.bbox
        hits = np.flatnonzero((xs >= box.left) & (xs <= box.right)
                              & (ys >= box.top) & (ys <= box.bottom))  # fmt: skip
        inside = [placed[i] for i in hits]
        confidence = min((w.confidence for w in inside), default=1.0)
        lines = words_to_lines(inside)
        text = lines_to_text(lines)
        filled.append(cell.model_copy(update={
            "text": text, "confidence": confidence,
            "word_confidences": token_confidences(lines, text),
            "word_choices": token_choices(lines, text),
        }))  # fmt: skip
    return filled
