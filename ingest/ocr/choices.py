"""Tesseract's LSTM character alternatives (`lstm_choice_mode=2`) read from tesserocr's result
iterator and attached to the words of the TSV dump, so the corrector can tell 'drah' whose 'h'
was nearly an 'f' (draft) from one whose letters were all sure."""

from __future__ import annotations

from typing import Any

from ingest.page import CharChoices, Word


def _text(iterator: Any, level: int) -> str:
    try:
        return iterator.GetUTF8Text(level) or ""
    except RuntimeError:  # tesserocr raises on an element without text
        return ""


def read_choices(api: Any) -> list[tuple[str, list[CharChoices]]]:
    """(word text, per-symbol alternatives) for every word of the last recognition, in order."""
    from tesserocr import RIL, iterate_level

    found: list[tuple[str, list[CharChoices]]] = []
    for symbol in iterate_level(api.GetIterator(), RIL.SYMBOL):
        if symbol.IsAtBeginningOf(RIL.WORD) or not found:
            found.append((_text(symbol, RIL.WORD), []))
        alternatives = [
            (choice.GetUTF8Text(), round(choice.Confidence() / 100, 3))
            for choice in symbol.GetChoiceIterator() or []
        ]
        printed = _text(symbol, RIL.SYMBOL)
        kept = [(char, confidence) for char, confidence in alternatives if char]
        found[-1][1].append(kept or [(printed, 0.5)])
    return found


def with_choices(words: list[Word], found: list[tuple[str, list[CharChoices]]]) -> list[Word]:
    """The TSV words with the alternatives of the iterator's word of the same text (the TSV
    drops blank words, so the two lists are matched in order by text). A word whose symbols
    are not one character each keeps none."""
    attached, position = [], 0
    for word in words:
        while position < len(found) and found[position][0] != word.text:
            position += 1
        if position == len(found):
            attached.append(word)
            continue
        symbols = found[position][1]
        position += 1
        if len(symbols) != len(word.text):
            attached.append(word)
            continue
        attached.append(word.model_copy(update={"choices": symbols}))
    return attached
