"""The corrector's second and third looks at a text of a document: the neighbour pass and the
learned review's choice of words (methods of Corrector, kept apart to keep api.py small)."""

from __future__ import annotations

from collections.abc import Callable

from ingest.correct.choices import printed_choices
from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import ocr_distance
from ingest.correct.lexicon import Lexicon
from ingest.correct.neighbours import DOUBT, BigramModel, neighbour_fix
from ingest.correct.review import ReviewInput, ReviewModel, Verdict, review_words
from ingest.correct.settings import CorrectorSettings
from ingest.correct.tokens import TokenFix
from ingest.correct.words import (
    SplitToken,
    apply_case,
    is_all_caps,
    is_protected,
    normalise_glyphs,
    without_stray_marks,
)
from ingest.page import CharChoices, TokenChoices
from models.provenance import Correction

# Per whitespace token of a text: its OCR confidence and its characters' alternatives.
OcrEvidence = tuple[list[float | None], TokenChoices]
# Rules of a spelling-only decision, which the neighbour pass may overturn.
_SPELLING_RULES = frozenset(
    {"lexicon", "document_word", "lexicon_over_affix_reading", "document_word_over_affix_reading"}
)
# Rules whose choice the learned review may overturn (the others are format rules: waktu, lists,
# stray marks, glued words).
_REVIEWED_RULES = _SPELLING_RULES | {"neighbour_words"}
REVIEW_RULE = "learned_review"
# Receives each word the review would weigh, instead of the review (fitting the model): the
# number of the text in correct_document's input, the token's number in it, and the word.
ReviewSink = Callable[[int, int, ReviewInput, DocumentVocabulary], None]


def _replaced(split: SplitToken, corrected: str, score: float, rule: str) -> TokenFix:
    """The token with its core replaced (in the printed case) and the record of the change."""
    fixed_core = apply_case(split.core, corrected)
    record = Correction(raw=split.core, corrected=fixed_core, score=score, rule=rule)
    return f"{split.lead}{fixed_core}{split.trail}", [record]


class DocumentPasses:
    """The neighbour pass and the review's side of Corrector (see api.py)."""

    lexicon: Lexicon
    settings: CorrectorSettings
    review_sink: ReviewSink | None

    @property
    def bigrams(self) -> BigramModel:
        raise NotImplementedError

    @property
    def review_model(self) -> ReviewModel:
        raise NotImplementedError

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
            left, right = self._known_neighbours(index, fixes, context)
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
        ocr: OcrEvidence,
        context: DocumentVocabulary,
    ) -> dict[int, ReviewInput]:
        """The review's view of each doubtful word of a text, by token number. Listed words the
        passes left alone and fragments are not looked at."""
        listed, fragments = marks
        items: dict[int, ReviewInput] = {}
        for index, token in enumerate(printed):
            if fragments[index] or (listed[index] and not fixes[index][1]):
                continue
            item = self._review_input(index, token, fixes, (ocr[0][index], ocr[1][index]), context)
            if item is not None:
                items[index] = item
        return items

    def _review_words(self, items: list[ReviewInput], context: DocumentVocabulary) -> list[Verdict]:
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
    ) -> tuple[list[TokenFix], dict[int, Verdict]]:
        """Last look at every doubtful word: the learned review prints its best reading when the
        model is sure enough, else the word as printed (see ingest/correct/review.py). Also
        the verdicts it declined, by token number (their readings are suggestions)."""
        fixes = list(fixes)
        declined: dict[int, Verdict] = {}
        if not items:
            return fixes, declined
        if self.review_sink is not None:
            if number is not None:  # a rewritten text's tokens cannot be traced to the input
                for index, item in items.items():
                    self.review_sink(number, index, item, context)
            return fixes, declined
        verdicts = self._review_words(list(items.values()), context)
        for (index, item), verdict in zip(items.items(), verdicts, strict=True):
            token = printed[index]
            if not verdict.accepted:
                fixes[index] = (token, [])
                declined[index] = verdict
            elif verdict.word is not None and verdict.word != item.rule_choice:
                split = SplitToken.of(normalise_glyphs(token))
                fixes[index] = _replaced(split, verdict.word, verdict.probability, REVIEW_RULE)
        return fixes, declined

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
        ocr: tuple[float | None, list[CharChoices] | None],
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
        left, right = self._known_neighbours(index, fixes, context)
        return ReviewInput(
            printed=word,
            left=left,
            right=right,
            confidence=ocr[0],
            rule_choice=choice,
            caps=is_all_caps(split.core),
            inflected=choice is None and self.lexicon.is_known(word),
            choices=printed_choices(token, ocr[1]),
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

    def _known_neighbours(
        self, index: int, fixes: list[TokenFix], context: DocumentVocabulary
    ) -> tuple[str | None, str | None]:
        """The known words touching token `index` in the (corrected) text: the last word of
        the token before and the first of the token after, None where unknown or absent."""
        left = self._known_edge(fixes[index - 1][0], -1, context) if index else None
        last = index + 1 == len(fixes)
        right = None if last else self._known_edge(fixes[index + 1][0], 0, context)
        return left, right

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
