"""Errors of the corrector; each message says how to fix the problem."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import SopError


class LexiconMissingError(SopError):
    """A lexicon file under corpus/lexicon/ is missing."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: lexicon file not found. Restore it from git, or rebuild the general list "
            "with `.venv/bin/python corpus/lexicon/build_general.py`."
        )


class ConfidenceCountError(SopError, ValueError):
    """word_confidences does not hold one value per whitespace-separated word."""

    def __init__(self, words: int, confidences: int) -> None:
        super().__init__(
            f"word_confidences has {confidences} values for {words} words: pass one confidence "
            "per whitespace-separated word of the text (Tesseract's per-word conf), or None."
        )


class DocumentConfidenceCountError(ConfidenceCountError):
    """correct_document's word_confidences does not hold one entry per text."""

    def __init__(self, texts: int, entries: int) -> None:
        SopError.__init__(
            self,
            f"word_confidences has {entries} entries for {texts} texts: pass one list (or None) "
            "per (text, field) pair, in the same order, or leave word_confidences out.",
        )


class ChoiceCountError(SopError, ValueError):
    """word_choices does not hold one entry per whitespace-separated word."""

    def __init__(self, words: int, choices: int) -> None:
        super().__init__(
            f"word_choices has {choices} entries for {words} words: pass one (Word.choices of "
            "the OCR word, or None) per whitespace-separated word of the text, or None."
        )


class DocumentChoiceCountError(ChoiceCountError):
    """correct_document's word_choices does not hold one entry per text."""

    def __init__(self, texts: int, entries: int) -> None:
        SopError.__init__(
            self,
            f"word_choices has {entries} entries for {texts} texts: pass one list (or None) per "
            "(text, field) pair, in the same order, or leave word_choices out.",
        )


class ReviewModelStaleError(SopError):
    """corpus/lexicon/review_model.json was fitted on another feature list than the code's, or
    on another learned channel than channel.json."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the review model was fitted on other features than ingest/correct/review.py "
            "builds, or on another channel.json. Refit it with "
            "`.venv/bin/python -m bench.data.correct.fit_review`."
        )
