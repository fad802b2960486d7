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
from ingest.correct.errors import ConfidenceCountError, DocumentConfidenceCountError
from ingest.correct.fields import (
    Fix,
    actor_heads,
    number_token,
    snap_head,
    snap_label,
    waktu_token,
    waktu_unit_after_number,
)
from ingest.correct.lexicon import BIGRAM_FILE, Lexicon
from ingest.correct.neighbours import DOUBT, BigramModel, neighbour_fix
from ingest.correct.pieces import PIECE_TOKEN_MAX, is_fragment, is_piece, unless_cut
from ingest.correct.review import REVIEW_MODEL_FILE, ReviewInput, ReviewModel, review_words
from ingest.correct.settings import CorrectorSettings
from ingest.correct.tokens import TokenFix, correct_token
from ingest.correct.words import (
    SplitToken,
    apply_case,
    is_all_caps,
    is_protected,
    normalise_glyphs,
    without_stray_marks,
)
from models.provenance import Correction

FieldKind = Literal["text", "waktu", "header", "actor", "list_item", "number"]
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[A-Za-z]{3,}")
# Rules of a spelling-only decision, which the neighbour pass may overturn.
_SPELLING_RULES = frozenset(
    {"lexicon", "document_word", "lexicon_over_affix_reading", "document_word_over_affix_reading"}
)
# Rules whose choice the learned review may overturn (the others are format rules: waktu, lists,
# stray marks, glued words).
_REVIEWED_RULES = _SPELLING_RULES | {"neighbour_words"}
REVIEW_RULE = "learned_review"
# What a text is corrected with: its document's vocabulary (None for a text alone), and the
# list collecting the words its review will weigh.
Document = tuple[DocumentVocabulary | None, list[ReviewInput]]
# Receives each word the review would weigh, instead of the review (fitting the model): the
# number of the text in correct_document's input, the token's number in it, and the word.
ReviewSink = Callable[[int, int, ReviewInput, DocumentVocabulary], None]
_LIST_HEAD = re.compile(r"^(\s*)(\d{1,2}|[a-zA-Z])([.)])(?=[A-Za-z])")


class CorrectedText(BaseModel):
    """Corrected text plus one Correction per change (append them to Provenance.corrections)."""

    text: str
    corrections: list[Correction] = Field(default_factory=list)
    # The corrected text of each whitespace token of the input, in order (a split glued token
    # holds a space); empty when the value was snapped whole (headers).
    tokens: list[str] = Field(default_factory=list)


# The rest of a text's correction, run once its document's review verdicts are in.
Later = Callable[[], CorrectedText]


def _replaced(split: SplitToken, corrected: str, score: float, rule: str) -> TokenFix:
    """The token with its core replaced (in the printed case) and the record of the change."""
    fixed_core = apply_case(split.core, corrected)
    record = Correction(raw=split.core, corrected=fixed_core, score=score, rule=rule)
    return f"{split.lead}{fixed_core}{split.trail}", [record]


def _confidence_key(confidence: float | None) -> float | None:
    if confidence is None:
        return None
    return round(confidence / 100 if confidence > 1 else confidence, 2)


class Corrector:
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

    @classmethod
    @cache
    def default(cls) -> Corrector:
        """The shared corrector over corpus/lexicon/ (loaded on first use, then cached)."""
        return cls(Lexicon.load())

    def correct(
        self, text: str, field: FieldKind = "text", *, word_confidences: list[float] | None = None
    ) -> CorrectedText:
        """Correct `text` as a value of kind `field`; confidences are per whitespace word (0..1,
        Tesseract's 0..100 accepted). Whitespace and line breaks are kept."""
        confidences = self._check_confidences(text, word_confidences)
        return self._correct(text, field, confidences, None)

    def correct_document(
        self,
        texts: list[tuple[str, FieldKind]],
        *,
        word_confidences: list[list[float] | None] | None = None,
    ) -> list[CorrectedText]:
        """Correct every (text, field) value of one document, using the words read correctly
        elsewhere in it as evidence: 'Metivuritikail' becomes 'Memverifikasi' when the document
        says 'Memverifikasi' somewhere. One result per input, in order."""
        confidence_lists = word_confidences or [None] * len(texts)
        if len(confidence_lists) != len(texts):
            raise DocumentConfidenceCountError(len(texts), len(confidence_lists))
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
                text, field, self._check_confidences(text, confidences), (context, pending), number
            )
            for number, ((text, field), confidences) in enumerate(
                zip(texts, confidence_lists, strict=True)
            )
        ]
        if pending:
            self._review_words(pending, context)
        return [finish() for finish in finishers]

    def _correct(
        self, text: str, field: FieldKind, confidences: list[float | None], context: None
    ) -> CorrectedText:
        return self._correct_later(text, field, confidences, (context, []))()

    def _correct_later(
        self,
        text: str,
        field: FieldKind,
        confidences: list[float | None],
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
            return self._list_item(text, confidences, document)
        if field == "actor":
            return self._actor(text, confidences, document)
        return self._walk(text, confidences, field, document, number)

    def unknown_share(self, text: str) -> float:
        """Share of words (3+ letters) the lexicon does not know: about 1% for typed text, 5-10%
        for OCR output; callers use it to tell OCR text from a born-digital export."""
        words = _WORD.findall(text)
        unknown = sum(1 for word in words if not self.lexicon.is_known(word.lower()))
        return unknown / len(words) if words else 0.0

    def _check_confidences(self, text: str, confidences: list[float] | None) -> list[float | None]:
        words = _TOKEN.findall(text)
        if confidences is None:
            return [None] * len(words)
        if len(confidences) != len(words):
            raise ConfidenceCountError(len(words), len(confidences))
        return [_confidence_key(value) for value in confidences]

    def _walk(
        self,
        text: str,
        confidences: list[float | None],
        field: FieldKind,
        document: Document,
        number: int | None = None,
    ) -> Later:
        """Correct a text token by token (finished by the returned function); `number` is its
        place in correct_document's input (None when the text was rewritten first: list items,
        actor cells)."""
        context = document[0]
        matches = list(_TOKEN.finditer(text))
        printed = [match.group() for match in matches]
        # most tokens are listed words: nothing to do for them in any pass (nor in waktu and
        # number values, whose rules read every token)
        listed = [token.lower() in self.lexicon.zipf for token in printed]
        plain = field not in ("waktu", "number")
        if plain and all(listed):  # no pass changes a listed word it left alone
            unchanged: list[TokenFix] = [(token, []) for token in printed]
            return lambda: self._finish(text, matches, field, unchanged)
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
                items = self._review_items(
                    printed, (listed, fragments), fixes, confidences, context
                )
                if self.review_sink is None:
                    document[1].extend(items.values())
                return lambda: self._finish(
                    text, matches, field,
                    self._review_pass(number, printed, items, fixes, context),
                )  # fmt: skip
        return lambda: self._finish(text, matches, field, fixes)

    def _finish(
        self, text: str, matches: list[re.Match[str]], field: FieldKind, fixes: list[TokenFix]
    ) -> CorrectedText:
        """The corrected text from each token's fix (a word cut by the text's end kept)."""
        if fixes and fixes[-1][1] and field in ("text", "list_item"):
            fixes[-1] = unless_cut(matches[-1].group(), fixes[-1], self.lexicon, self.settings)
        tokens = [fixed for fixed, _ in fixes]
        corrections = [change for _, changes in fixes for change in changes]
        if not corrections and all(
            fixed == match.group() for fixed, match in zip(tokens, matches, strict=True)
        ):
            return CorrectedText(text=text, corrections=corrections, tokens=tokens)
        pieces: list[str] = []
        position = 0
        for match, fixed in zip(matches, tokens, strict=True):
            pieces.extend((text[position : match.start()], fixed))
            position = match.end()
        pieces.append(text[position:])
        return CorrectedText(text="".join(pieces), corrections=corrections, tokens=tokens)

    def _neighbour_pass(
        self,
        printed: list[str],
        listed: list[bool],
        fixes: list[TokenFix],
        confidences: list[float | None],
        context: DocumentVocabulary,
    ) -> list[TokenFix]:
        """Second look, left to right, at the words the first pass left unknown or changed by
        spelling: the (corrected) neighbours may settle a close call or allow a bigger jump."""
        fixes = list(fixes)
        for index, token in enumerate(printed):
            if listed[index] and not fixes[index][1]:
                continue  # fast path: a listed word the first pass left alone
            split, word, protected = self._view(token, context)
            if protected or not self._doubtful(word, fixes[index], _SPELLING_RULES):
                continue
            left = self._known_edge(fixes[index - 1][0], -1, context) if index else None
            right = (
                self._known_edge(fixes[index + 1][0], 0, context)
                if index + 1 < len(fixes)
                else None
            )
            if left is None and right is None:
                continue
            confidence = confidences[index]
            strict = is_all_caps(split.core) or (
                confidence is not None and confidence >= self.settings.trusted_confidence
            )
            fix = neighbour_fix(
                word, left, right, lexicon=self.lexicon, settings=self.settings,
                bigrams=self.bigrams, context=context, strict=strict,
            )  # fmt: skip
            current = SplitToken.of(fixes[index][0]).core.lower()
            if fix is None or fix.corrected == current:
                continue
            if fix.rule == DOUBT:
                fixes[index] = (token, [])
                continue
            fixes[index] = _replaced(split, fix.corrected, fix.score, fix.rule)
        return fixes

    def _review_items(
        self,
        printed: list[str],
        marks: tuple[list[bool], list[bool]],
        fixes: list[TokenFix],
        confidences: list[float | None],
        context: DocumentVocabulary,
    ) -> dict[int, ReviewInput]:
        """The review's view of each doubtful word of a text, by token number. Listed words the
        passes left alone and fragments are not looked at."""
        listed, fragments = marks
        items: dict[int, ReviewInput] = {}
        for index, token in enumerate(printed):
            if fragments[index] or (listed[index] and not fixes[index][1]):
                continue
            item = self._review_input(index, token, fixes, confidences[index], context)
            if item is not None:
                items[index] = item
        return items

    def _review_words(
        self, items: list[ReviewInput], context: DocumentVocabulary
    ) -> list[tuple[str, float] | None]:
        return review_words(
            items, self.review_model, self.lexicon, self.settings, self.bigrams, context
        )

    def _review_pass(
        self,
        number: int | None,
        printed: list[str],
        items: dict[int, ReviewInput],
        fixes: list[TokenFix],
        context: DocumentVocabulary,
    ) -> list[TokenFix]:
        """Last look at every doubtful word: the learned review prints its best reading when the
        model is sure enough, else the word as printed (see ingest/correct/review.py)."""
        fixes = list(fixes)
        if not items:
            return fixes
        if self.review_sink is not None:
            if number is not None:  # a rewritten text's tokens cannot be traced to the input
                for index, item in items.items():
                    self.review_sink(number, index, item, context)
            return fixes
        verdicts = self._review_words(list(items.values()), context)
        for (index, item), verdict in zip(items.items(), verdicts, strict=True):
            token = printed[index]
            if verdict is None:
                fixes[index] = (token, [])
            elif verdict[0] != item.rule_choice:
                split = SplitToken.of(normalise_glyphs(token))
                fixes[index] = _replaced(split, verdict[0], verdict[1], REVIEW_RULE)
        return fixes

    def _view(self, token: str, context: DocumentVocabulary) -> tuple[SplitToken, str, bool]:
        """A token's split (glyphs normalised), its lower-case word without stray marks, and
        whether it is protected; kept per document (the passes look at each token again)."""
        view = context.views.get(token)
        if view is None:
            split = SplitToken.of(normalise_glyphs(token))
            view = (split, without_stray_marks(split.core.lower()), is_protected(split.core))
            context.views[token] = view
        return view

    def _review_input(
        self,
        index: int,
        token: str,
        fixes: list[TokenFix],
        confidence: float | None,
        context: DocumentVocabulary,
    ) -> ReviewInput | None:
        """The review's view of one word, or None when it is not doubtful: a listed word kept
        as printed, a number or code, a format rule's change, or too short to judge."""
        split, word, protected = self._view(token, context)
        if protected or not self._doubtful(word, fixes[index], _REVIEWED_RULES, inflected=True):
            return None
        changes = fixes[index][1]
        choice = SplitToken.of(fixes[index][0]).core.lower() if changes else None
        if choice is not None and ocr_distance(word, choice) <= self.settings.review_skip_max_cost:
            return None  # one cheap glyph confusion: pass 1 is right (see the setting)
        return ReviewInput(
            printed=word,
            left=self._known_edge(fixes[index - 1][0], -1, context) if index else None,
            right=(
                self._known_edge(fixes[index + 1][0], 0, context)
                if index + 1 < len(fixes)
                else None
            ),
            confidence=confidence,
            rule_choice=choice,
            caps=is_all_caps(split.core),
            inflected=choice is None and self.lexicon.is_known(word),
        )

    def _doubtful(
        self, word: str, fix: TokenFix, rules: frozenset[str], inflected: bool = False
    ) -> bool:
        """Worth another look (for a word that is no number or code): an unknown word left as
        printed (with `inflected`, also one known only as an inflected form), or one changed by
        one of `rules` alone; never short words."""
        if len(word) < self.settings.min_length:
            return False
        if fix[1]:
            return len(fix[1]) == 1 and fix[1][0].rule in rules
        # for the review, a word known only through affix stripping ('kenada' = ke+nada,
        # 'hasi' = has+i) is often garble of a listed word (kepada, hasil): it weighs both
        if inflected:
            return not self.lexicon.is_root(word)
        return not self.lexicon.is_known(word)

    def _known_edge(self, token: str, side: int, context: DocumentVocabulary) -> str | None:
        """The first (side 0) or last (side -1) word of a corrected token, if the lexicon knows
        it (kept per document)."""
        key = (token, side)
        if key in context.edges:
            return context.edges[key]
        parts = token.split()
        word = SplitToken.of(parts[side]).core.lower() if parts else None
        known = word if word is not None and self.lexicon.is_known(word) else None
        context.edges[key] = known
        return known

    def _field_token(
        self, token: str, confidence: float | None, field: FieldKind,
        neighbours: tuple[str | None, str | None], context: DocumentVocabulary | None,
    ) -> TokenFix:  # fmt: skip
        special: Fix | None = None
        if field == "waktu":
            known = self.lexicon.is_known(SplitToken.of(token).core.lower())
            special = waktu_token(token, neighbours[1], known) or waktu_unit_after_number(
                token, neighbours[0]
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

    def _list_item(self, text: str, confidences: list[float | None], document: Document) -> Later:
        match = _LIST_HEAD.match(text)
        if match is None:
            return self._walk(text, confidences, "text", document)
        split = f"{text[: match.end()]} {text[match.end() :]}"
        return partial(
            self._numbered, text, self._walk(split, [None, *confidences], "text", document)
        )

    @staticmethod
    def _numbered(text: str, walked: Later) -> CorrectedText:
        """A list item from its text walked with the number split off."""
        rest = walked()
        first = text.split()[0] if text.split() else text
        fixed_first = " ".join(rest.text.split()[:2])
        record = Correction(raw=first, corrected=fixed_first, score=1.0, rule="list_number")
        tokens = [" ".join(rest.tokens[:2]), *rest.tokens[2:]]
        return CorrectedText(text=rest.text, corrections=[record, *rest.corrections], tokens=tokens)

    def _actor(self, text: str, confidences: list[float | None], document: Document) -> Later:
        """Snap the title head ('Kfastﬂba}g' -> 'Kasubag'), then correct the rest as text."""
        match = _TOKEN.search(text)
        if match is None:
            return lambda: CorrectedText(text=text)
        head = snap_head(match.group(), self._heads, self.settings, self.lexicon.is_known)
        if head is None:
            return self._walk(text, confidences, "text", document)
        walked = self._walk(text[match.end() :], confidences[1:], "text", document)
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
            tokens=[head[0], *rest.tokens],
        )
