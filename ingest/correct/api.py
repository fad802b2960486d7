"""Public API: `Corrector.default().correct(text, field, word_confidences=...)` -> CorrectedText,
and `correct_document([(text, field), ...])` -> one CorrectedText each, with document context."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ingest.correct.candidates import prefetch
from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import ocr_distance
from ingest.correct.doubts import doubts_of
from ingest.correct.errors import (
    ChoiceCountError,
    ConfidenceCountError,
    DocumentChoiceCountError,
    DocumentConfidenceCountError,
    PerWordCountError,
)
from ingest.correct.fields import (
    Fix,
    actor_heads,
    number_token,
    snap_head,
    snap_label,
    waktu_kerja,
    waktu_times,
    waktu_token,
    waktu_unit_alone,
    waktu_unit_slot,
)
from ingest.correct.lexicon import BIGRAM_FILE, Lexicon
from ingest.correct.neighbours import BigramModel
from ingest.correct.passes import REVIEW_RULE as REVIEW_RULE  # the review's rule name
from ingest.correct.passes import DocumentPasses, OcrEvidence, ReviewSink
from ingest.correct.pieces import PIECE_TOKEN_MAX, is_fragment, is_piece, unless_cut
from ingest.correct.review import REVIEW_MODEL_FILE, ReviewInput, ReviewModel, Verdict
from ingest.correct.settings import CorrectorSettings
from ingest.correct.tokens import TokenFix, correct_token
from ingest.correct.words import SplitToken
from ingest.page import TokenChoices
from models.provenance import Correction, Doubt

FieldKind = Literal["text", "waktu", "header", "actor", "list_item", "number"]
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[A-Za-z]{3,}")
# What a text is corrected with: its document's vocabulary (None for a text alone), and the
# list collecting the words its review will weigh.
Document = tuple[DocumentVocabulary | None, list[ReviewInput]]
_LIST_HEAD = re.compile(r"^(\s*)(\d{1,2}|[a-zA-Z])([.)])(?=[A-Za-z])")


class CorrectedText(BaseModel):
    """Corrected text plus one Correction per change (append them to Provenance.corrections)
    and one Doubt per unknown word left as printed (Provenance.doubts)."""

    text: str
    corrections: list[Correction] = Field(default_factory=list)
    doubts: list[Doubt] = Field(default_factory=list)
    # The corrected text of each whitespace token of the input, in order (a split glued token
    # holds a space); empty when the value was snapped whole (headers).
    tokens: list[str] = Field(default_factory=list)


# The rest of a text's correction, run once its document's review verdicts are in.
Later = Callable[[], CorrectedText]


def _confidence_key(confidence: float | None) -> float | None:
    if confidence is None:
        return None
    return round(confidence / 100 if confidence > 1 else confidence, 2)


def _per_token(text: str, values: list | None, error: type[PerWordCountError]) -> list:
    """One entry per whitespace token of `text` (None each when `values` is None)."""
    tokens = len(_TOKEN.findall(text))
    if values is None:
        return [None] * tokens
    if len(values) != tokens:
        raise error(tokens, len(values))
    return values


class Corrector(DocumentPasses):
    """OCR-garble corrector over the project lexicon; cheap to call, expensive to build once."""

    def __init__(self, lexicon: Lexicon, settings: CorrectorSettings | None = None) -> None:
        self.lexicon = lexicon
        self.settings = settings or CorrectorSettings()
        self._token_cache: dict[tuple[str, float | None], TokenFix] = {}
        self._heads = actor_heads()
        self._bigrams: BigramModel | None = None
        self._review_model: ReviewModel | None = None
        self.review_sink: ReviewSink | None = None

    @property
    def bigrams(self) -> BigramModel:
        """Word pairs of SOP phrases, loaded on first use."""
        if self._bigrams is None:
            self._bigrams = BigramModel.load(self.lexicon.directory / BIGRAM_FILE)
        return self._bigrams

    @property
    def review_model(self) -> ReviewModel:
        """The fitted review model beside the lexicon, loaded on first use."""
        if self._review_model is None:
            self._review_model = ReviewModel.load(self.lexicon.directory / REVIEW_MODEL_FILE)
        return self._review_model

    def clear_caches(self) -> None:
        """Forget every look-up kept so far (this corrector's, its lexicon's and the OCR
        distances'): the next text is corrected cold, as after start-up (the bench times so)."""
        self._token_cache.clear()
        self.lexicon.candidate_cache.clear()
        self.lexicon._known_cache.clear()
        ocr_distance.cache_clear()

    @classmethod
    @cache
    def default(cls) -> Corrector:
        """The shared corrector over corpus/lexicon/ (loaded on first use, then cached)."""
        return cls(Lexicon.load())

    def correct(
        self,
        text: str,
        field: FieldKind = "text",
        *,
        word_confidences: list[float] | None = None,
        word_choices: TokenChoices | None = None,
    ) -> CorrectedText:
        """Correct `text` as a value of kind `field`; confidences are per whitespace word (0..1,
        Tesseract's 0..100 accepted), choices too (Word.choices of its OCR words). Whitespace
        and line breaks are kept."""
        confidences = self._check_confidences(text, word_confidences)
        choices = self._check_choices(text, word_choices)
        return self._correct_later(text, field, (confidences, choices), (None, []))()

    def correct_document(
        self,
        texts: list[tuple[str, FieldKind]],
        *,
        word_confidences: list[list[float] | None] | None = None,
        word_choices: list[TokenChoices | None] | None = None,
    ) -> list[CorrectedText]:
        """Correct every (text, field) value of one document, using the words read correctly
        elsewhere in it as evidence: 'Metivuritikail' becomes 'Memverifikasi' when the document
        says 'Memverifikasi' somewhere. One result per input, in order."""
        confidence_lists = word_confidences or [None] * len(texts)
        if len(confidence_lists) != len(texts):
            raise DocumentConfidenceCountError(len(texts), len(confidence_lists))
        choice_lists = word_choices or [None] * len(texts)
        if len(choice_lists) != len(texts):
            raise DocumentChoiceCountError(len(texts), len(choice_lists))
        context = DocumentVocabulary.of(
            (text for text, _ in texts), self.lexicon, self.settings.context_min_length
        )
        prefetch(context.printed, self.lexicon, self.settings, context)
        # The rule passes run text by text; the review then weighs the doubtful words of the
        # whole document in one batch (its verdicts are kept per document), and each text is
        # finished with them: the same verdicts as text by text, in far fewer model calls.
        pending: list[ReviewInput] = []
        finishers = [
            self._correct_later(
                text,
                field,
                (self._check_confidences(text, confidences), self._check_choices(text, choices)),
                (context, pending),
                number,
            )
            for number, ((text, field), confidences, choices) in enumerate(
                zip(texts, confidence_lists, choice_lists, strict=True)
            )
        ]
        if pending:
            self._review_words(pending, context)
        return [finish() for finish in finishers]

    def _correct_later(
        self,
        text: str,
        field: FieldKind,
        ocr: OcrEvidence,
        document: Document,
        number: int | None = None,
    ) -> Later:
        """Run the rule passes on `text` now; the returned function finishes it (the review's
        verdicts, then the text). The words the review will weigh join `document`'s list."""
        if field == "header":
            snapped = self._snap_whole(text, self.lexicon.headers, "header_snap")
            if snapped is not None:
                return lambda: snapped
        if field == "list_item":
            return self._list_item(text, ocr, document)
        if field == "actor":
            return self._actor(text, ocr, document)
        return self._walk(text, ocr, field, document, number)

    def unknown_share(self, text: str) -> float:
        """Share of words (3+ letters) the lexicon does not know: about 1% for typed text, 5-10%
        for OCR output; callers use it to tell OCR text from a born-digital export."""
        words = _WORD.findall(text)
        unknown = sum(1 for word in words if not self.lexicon.is_known(word.lower()))
        return unknown / len(words) if words else 0.0

    def _check_confidences(self, text: str, confidences: list[float] | None) -> list[float | None]:
        checked = _per_token(text, confidences, ConfidenceCountError)
        return [None if value is None else _confidence_key(value) for value in checked]

    def _check_choices(self, text: str, choices: TokenChoices | None) -> TokenChoices:
        return _per_token(text, choices, ChoiceCountError)

    def _walk(
        self,
        text: str,
        ocr: OcrEvidence,
        field: FieldKind,
        document: Document,
        number: int | None = None,
    ) -> Later:
        """Correct a text token by token (finished by the returned function); `number` is its
        place in correct_document's input (None when the text was rewritten first: list items,
        actor cells)."""
        context = document[0]
        confidences = ocr[0]
        matches = list(_TOKEN.finditer(text))
        printed = [match.group() for match in matches]
        # most tokens are listed words: nothing to do for them in any pass (nor in waktu and
        # number values, whose rules read every token)
        zipf = self.lexicon.zipf
        listed = [token.lower() in zipf for token in printed]
        plain = field not in ("waktu", "number")
        if plain and all(listed):  # no pass changes a listed word it left alone
            unchanged: list[TokenFix] = [(token, []) for token in printed]
            return lambda: self._finish(text, matches, field, unchanged, {}, unlisted=[])
        unlisted = [(index, token) for index, token in enumerate(printed) if not listed[index]]
        pieces_at = [
            len(token) <= PIECE_TOKEN_MAX and is_piece(token, self.lexicon, self.settings)
            for token in printed
        ]
        fragments = [
            field == "text"
            and not listed[index]
            and is_fragment(token, index, pieces_at, self.lexicon, self.settings)
            for index, token in enumerate(printed)
        ]
        fixes = [
            (token, [])
            if fragments[index] or (plain and listed[index])
            else self._field_token(
                token,
                confidences[index],
                field,
                (
                    printed[index - 1] if index else None,
                    printed[index + 1] if index + 1 < len(printed) else None,
                ),
                context,
            )
            for index, token in enumerate(printed)
        ]
        if context is not None and field in ("text", "list_item"):
            # The review weighs the neighbour pass's verdict too: fitted both ways, it fixed 4,695
            # of 8,329 garbled words out-of-fold with the pass before it, 4,583 without.
            fixes = self._neighbour_pass(printed, listed, fixes, confidences, context)
            if self.settings.review or self.review_sink is not None:
                items = self._review_items(printed, (listed, fragments), fixes, ocr, context)
                if self.review_sink is None:
                    document[1].extend(items.values())
                # the review's verdict on the last word stands: it weighed that very word
                last_reviewed = (len(printed) - 1) in items
                return lambda: self._finish(
                    text, matches, field, *self._review_pass(number, printed, items, fixes, context),
                    unlisted=unlisted, last_reviewed=last_reviewed,
                )  # fmt: skip
        return lambda: self._finish(text, matches, field, fixes, {}, unlisted=unlisted)

    def _finish(
        self,
        text: str,
        matches: list[re.Match[str]],
        field: FieldKind,
        fixes: list[TokenFix],
        readings: dict[int, Verdict],
        *,
        unlisted: list[tuple[int, str]],
        last_reviewed: bool = False,
    ) -> CorrectedText:
        """The corrected text from each token's fix, and the Doubts of the `unlisted` tokens
        left as printed (`readings`: the review's declined verdicts, as suggestions). A last
        word the review did not weigh is kept when it may be cut by the text's end ('pelap' of
        pelaporan, `unless_cut`); the review's own verdict on it stands (13 more words fixed
        across the bench splits; the one other change it made is wrong only against a
        mispaired label)."""
        if fixes and fixes[-1][1] and field in ("text", "list_item") and not last_reviewed:
            fixes[-1] = unless_cut(matches[-1].group(), fixes[-1], self.lexicon, self.settings)
        tokens = [fixed for fixed, _ in fixes]
        corrections = [change for _, changes in fixes for change in changes]
        doubts = (
            doubts_of(unlisted, fixes, readings, self.lexicon, self.settings) if unlisted else []
        )
        # built unvalidated: every field is made here, of the right types (validating ~5,000
        # results a second showed in profiles)
        if not corrections and all(
            fixed == match.group() for fixed, match in zip(tokens, matches, strict=True)
        ):
            return CorrectedText.model_construct(
                text=text, corrections=corrections, doubts=doubts, tokens=tokens
            )
        pieces: list[str] = []
        position = 0
        for match, fixed in zip(matches, tokens, strict=True):
            pieces.extend((text[position : match.start()], fixed))
            position = match.end()
        pieces.append(text[position:])
        return CorrectedText.model_construct(
            text="".join(pieces), corrections=corrections, doubts=doubts, tokens=tokens
        )

    def _field_token(
        self, token: str, confidence: float | None, field: FieldKind,
        neighbours: tuple[str | None, str | None], context: DocumentVocabulary | None,
    ) -> TokenFix:  # fmt: skip
        special: Fix | None = None
        if field == "waktu":
            known = self.lexicon.is_known(SplitToken.of(token).core.lower())
            special = (
                waktu_token(token, *neighbours, known)
                or waktu_times(token)
                or waktu_unit_slot(token, *neighbours)
                or waktu_kerja(token, neighbours[0])
                or waktu_unit_alone(token, known)
            )
        elif field == "number":
            special = number_token(token)
        return special if special is not None else self._token(token, confidence, context)

    def _token(
        self, token: str, confidence: float | None, context: DocumentVocabulary | None
    ) -> TokenFix:
        key = (token, confidence)
        cache = self._token_cache if context is None else context.cache
        cached = cache.get(key)
        if cached is None:
            cached = correct_token(token, self.lexicon, self.settings, confidence, context)
            cache[key] = cached
        return cached

    def _snap_whole(self, text: str, labels: list[str], rule: str) -> CorrectedText | None:
        folded = " ".join(text.split())
        if not folded or any(folded.lower() == label.lower() for label in labels):
            return None
        snapped = snap_label(folded, labels, self.settings)
        if snapped is None:
            return None
        score = fuzz.ratio(folded.lower(), snapped.lower()) / 100
        correction = Correction(raw=folded, corrected=snapped, score=round(score, 3), rule=rule)
        return CorrectedText(text=snapped, corrections=[correction])

    def _list_item(self, text: str, ocr: OcrEvidence, document: Document) -> Later:
        match = _LIST_HEAD.match(text)
        if match is None:
            return self._walk(text, ocr, "text", document)
        split = f"{text[: match.end()]} {text[match.end() :]}"
        confidences, choices = ocr
        # '3.Printer' -> '3.' 'Printer': the word keeps the alternatives of its own letters
        head = len(match.group()) - len(match.group(1))
        first = choices[0][head:] if choices and choices[0] is not None else None
        walked = self._walk(
            split, ([None, *confidences], [None, first, *choices[1:]]), "text", document
        )
        return partial(self._numbered, text, walked)

    @staticmethod
    def _numbered(text: str, walked: Later) -> CorrectedText:
        """A list item from its text walked with the number split off."""
        rest = walked()
        first = text.split()[0] if text.split() else text
        fixed_first = " ".join(rest.text.split()[:2])
        record = Correction(raw=first, corrected=fixed_first, score=1.0, rule="list_number")
        tokens = [" ".join(rest.tokens[:2]), *rest.tokens[2:]]
        return CorrectedText(
            text=rest.text,
            corrections=[record, *rest.corrections],
            doubts=rest.doubts,
            tokens=tokens,
        )

    def _actor(self, text: str, ocr: OcrEvidence, document: Document) -> Later:
        """Snap the title head ('Kfastﬂba}g' -> 'Kasubag'), then correct the rest as text."""
        match = _TOKEN.search(text)
        if match is None:
            return lambda: CorrectedText(text=text)
        head = snap_head(match.group(), self._heads, self.settings, self.lexicon.is_known)
        if head is None:
            return self._walk(text, ocr, "text", document)
        walked = self._walk(text[match.end() :], (ocr[0][1:], ocr[1][1:]), "text", document)
        return partial(self._headed, text, match, head, walked)

    @staticmethod
    def _headed(
        text: str, match: re.Match[str], head: tuple[str, float], walked: Later
    ) -> CorrectedText:
        """An actor cell from its snapped head and the rest walked."""
        rest = walked()
        record = Correction(raw=match.group(), corrected=head[0], score=head[1], rule="actor_snap")
        return CorrectedText(
            text=text[: match.start()] + head[0] + rest.text,
            corrections=[record, *rest.corrections],
            doubts=rest.doubts,
            tokens=[head[0], *rest.tokens],
        )
