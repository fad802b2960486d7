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


class PerWordCountError(SopError, ValueError):
    """A per-word argument does not hold one entry per whitespace-separated word."""

    argument = ""  # the argument's name
    entry = ""  # what one entry is
    source = ""  # where it comes from

    def __init__(self, words: int, entries: int) -> None:
        super().__init__(
            f"{self.argument} has {entries} values for {words} words: pass one {self.entry} per "
            f"whitespace-separated word of the text ({self.source}), or None."
        )


class ConfidenceCountError(PerWordCountError):
    argument, entry, source = "word_confidences", "confidence", "Tesseract's per-word conf"


class ChoiceCountError(PerWordCountError):
    argument, entry, source = "word_choices", "entry", "Word.choices of the OCR word, or None"


class PerTextCountError(SopError, ValueError):
    """correct_document's per-text argument does not hold one entry per text."""

    argument = ""

    def __init__(self, texts: int, entries: int) -> None:
        SopError.__init__(  # not the per-word message of the Document* errors' other parent
            self,
            f"{self.argument} has {entries} entries for {texts} texts: pass one list (or None) "
            f"per (text, field) pair, in the same order, or leave {self.argument} out.",
        )


class DocumentConfidenceCountError(PerTextCountError, ConfidenceCountError):
    argument = "word_confidences"


class DocumentChoiceCountError(PerTextCountError, ChoiceCountError):
    argument = "word_choices"


class ReviewModelStaleError(SopError):
    """corpus/lexicon/review_model.json was fitted on another feature list than the code's, or
    on another learned channel than channel.json."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the review model was fitted on other features than ingest/correct/review.py "
            "builds, or on another channel.json. Refit it with "
            "`.venv/bin/python -m bench.data.correct.fit_review`."
        )
