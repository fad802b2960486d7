"""Words -> cells: each word goes to the cell holding its centre; lines rebuilt inside a cell."""

from __future__ import annotations

import numpy as np

from ingest.page import Cell, TokenChoices, Word


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


def token_words(lines: list[list[Word]], text: str) -> list[list[Word]] | None:
    """The words making each whitespace token of `text` (= lines_to_text(lines)): one, or two
    for a word joined across a line break ('lapo-' + 'ran'). None when the tokens do not line
    up with the words (a word holding a space)."""
    tokens: list[list[Word]] = []
    for number, line in enumerate(lines):
        for position, word in enumerate(line):
            if number and not position and tokens and tokens[-1][-1].text.endswith("-"):
                tokens[-1].append(word)
            else:
                tokens.append([word])
    return tokens if len(tokens) == len(text.split()) else None


def token_confidences(tokens: list[list[Word]] | None) -> list[float]:
    """The confidence of each token (`token_words`): a joined word takes the lower of its
    parts. Empty when the tokens are not known."""
    return [min(word.confidence for word in words) for words in tokens or []]


def token_choices(tokens: list[list[Word]] | None) -> TokenChoices:
    """The OCR character alternatives of each token (`token_words`): a joined word gets its
    parts' in order, None when a part has none. Empty when the tokens are not known."""
    return [
        None if any(word.choices is None for word in words)
        else [letter for word in words for letter in word.choices or []]
        for words in tokens or []
    ]  # fmt: skip


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
        tokens = token_words(lines, text)
        filled.append(cell.model_copy(update={
            "text": text, "confidence": confidence,
            "word_confidences": token_confidences(tokens),
            "word_choices": token_choices(tokens),
        }))  # fmt: skip
    return filled
