"""Learned review: the last word on each doubtful word of a document (document mode only).

The rule passes decide with hand-set thresholds (spelling budgets, document copies, neighbour
pairs) and decline many readings a careful reader would take. The review weighs the same
evidence jointly: for each candidate of a word it builds one feature row (OCR cost, plain edits,
frequency, SOP vocabulary, copies in the document, neighbour pairs, Tesseract's confidence and
the rules' own verdict) and boosted decision trees give the probability that the candidate is
what the paper says. The best candidate is printed only when that probability reaches the
model's threshold (one for keeping the rules' own choice, one for any other word, each pair set
apart for words read with and without Tesseract's letter alternatives); below it the
word stays as printed, even if a rule had changed it. The model is fitted on the `train`,
`train_general` and `dev` pages and the training scans of the labelled set
(bench/data/correct/fit_review.py) and stored in corpus/lexicon/review_model.json. Most of its weight sits on the rules' verdict and
the margin to the runner-up: it mostly re-weighs the rules' pick against the other evidence.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ingest.correct.candidates import domain_near, ranked_candidates
from ingest.correct.channel import CHANNEL_FILE, Channel, channel_digest
from ingest.correct.choices import Choices, choice_cost, weakest_letter
from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import ocr_distance_groups
from ingest.correct.errors import LexiconMissingError, ReviewModelStaleError
from ingest.correct.index import CandidateIndex
from ingest.correct.lexicon import LEXICON_DIR, Lexicon
from ingest.correct.neighbours import BigramModel
from ingest.correct.settings import CorrectorSettings
from ingest.correct.trees import TreeEnsemble

REVIEW_MODEL_FILE = "review_model.json"

# One column per feature, in this order (the fitted weights follow it).
FEATURES = (
    "cost", "cost_per_letter", "cost_per_letter_squared", "edit_share", "zipf", "domain",
    "document_copies", "support_left", "support_right", "confidence", "confidence_missing",
    "doubt_times_cost", "rule_choice", "rules_changed", "length", "length_gap",
    "caps", "first_same", "last_same", "margin", "is_best", "candidates",
    "channel_cost", "channel_per_letter", "channel_margin", "printed_inflected",
    "choice_cost", "choice_per_letter", "choice_gain", "choices_missing", "weakest_letter",
)  # fmt: skip


@dataclass(frozen=True)
class ReviewInput:
    """One doubtful word: its printed core (lower-case), neighbours and what the rules chose."""

    printed: str
    left: str | None
    right: str | None
    confidence: float | None
    rule_choice: str | None  # lower-case core the rules print, None when they left it
    caps: bool
    inflected: bool = False  # left as printed, known only as an inflected form ('kenada')
    choices: Choices | None = None  # Tesseract's alternatives per printed letter, when known


@dataclass(frozen=True)
class Candidates:
    """The words the review weighs, best first by `phrase_score` (`base`), with whether the left
    and the right neighbour pairs with each."""

    words: list[str]
    costs: list[float]
    base: list[float]
    after_left: list[bool]
    before_right: list[bool]


def review_candidates_many(
    items: list[ReviewInput],
    lexicon: Lexicon,
    settings: CorrectorSettings,
    bigrams: BigramModel,
    context: DocumentVocabulary,
    channel: Channel,
) -> list[Candidates]:
    """Per word: its spelling candidates, neighbour partners, the SOP words the learned channel
    finds closest and the rules' choice, with their OCR costs (the new costs of all words in one
    compiled call)."""
    _search_wide(items, lexicon, settings)
    _search_domain_by_channel(items, lexicon, channel, settings)
    gathered = [
        _candidate_words(item, lexicon, settings, bigrams, context, channel) for item in items
    ]
    new_costs = ocr_distance_groups(
        [(item.printed, extra) for item, (_, extra) in zip(items, gathered, strict=True)]
    )
    found = []
    for item, (costs, extra), extra_costs in zip(items, gathered, new_costs, strict=True):
        costs.update(zip(extra, extra_costs, strict=True))
        costs.pop(item.printed, None)
        found.append(_best_candidates(item, costs, lexicon, settings, bigrams, context))
    return found


def _wide_search(item: ReviewInput, settings: CorrectorSettings) -> bool:
    """Whether the review searches the common general words two edits away for this word."""
    wide = len(item.printed) >= settings.review_wide_min_length and not item.caps
    return wide and item.rule_choice is None  # pass 1 found nothing within its budget


def _wide_key(word: str, settings: CorrectorSettings) -> tuple:
    """Where the wide search's words for `word` are kept among the lexicon's look-ups."""
    return "general_near", word, settings.review_wide_min_zipf, settings.review_wide_min_length


def _search_wide(items: list[ReviewInput], lexicon: Lexicon, settings: CorrectorSettings) -> None:
    """The wide general search of every item that needs one and is not kept yet, in one call;
    `_candidate_words` reads what it keeps."""
    cache = lexicon.candidate_cache
    words = sorted({item.printed for item in items if _wide_search(item, settings)
                    and _wide_key(item.printed, settings) not in cache})  # fmt: skip
    if words:
        found = lexicon.index().general_near_each(
            words, settings.review_wide_min_zipf, settings.review_wide_min_length
        )
        for word, near in zip(words, found, strict=True):
            cache[_wide_key(word, settings)] = frozenset(near)


def _candidate_words(
    item: ReviewInput,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    bigrams: BigramModel,
    context: DocumentVocabulary,
    channel: Channel,
) -> tuple[dict[str, float], list[str]]:
    """The spelling candidates with their (known) OCR costs, and the other words to weigh
    (after `_search_wide` and `_search_domain_by_channel` have run over the batch)."""
    costs = {
        word: cost for _, cost, word in ranked_candidates(item.printed, lexicon, settings, context)
    }
    extra = set(bigrams.near(item.printed, item.left, item.right, settings.neighbour_max_share))
    extra.update(_domain_by_channel(item.printed, lexicon, channel, settings))
    if _wide_search(item, settings):  # searched by `_search_wide` just before
        extra.update(lexicon.candidate_cache[_wide_key(item.printed, settings)])
    if item.rule_choice is not None and " " not in item.rule_choice:
        extra.add(item.rule_choice)
    return costs, sorted(word for word in extra if word not in costs)


def _best_candidates(
    item: ReviewInput,
    costs: dict[str, float],
    lexicon: Lexicon,
    settings: CorrectorSettings,
    bigrams: BigramModel,
    context: DocumentVocabulary,
) -> Candidates:
    """The candidates best by `phrase_score` (written out here: this loop is hot)."""
    after = bigrams.successors.get(item.left or "", frozenset())
    before = bigrams.predecessors.get(item.right or "", frozenset())
    zipf, copies = lexicon.zipf, context.counts
    weight, bonus = settings.zipf_weight, settings.context_bonus
    neighbour_bonus = settings.neighbour_bonus
    scored = sorted(
        ((cost - weight * (zipf.get(word, 0.0) - 3.0) - bonus * (word in copies))
         - neighbour_bonus * ((word in after) + (word in before)), word)
        for word, cost in costs.items()
    )[: settings.review_candidates]  # fmt: skip
    words = [word for _, word in scored]
    return Candidates(
        words=words,
        costs=[costs[word] for word in words],
        base=[score for score, _ in scored],
        after_left=[word in after for word in words],
        before_right=[word in before for word in words],
    )


def _domain_by_channel(
    printed: str, lexicon: Lexicon, channel: Channel, settings: CorrectorSettings
) -> frozenset[str]:
    """The SOP words closest to a (heavily) garbled word by the learned channel, among the closest
    by plain edits: 'kehiditar' -> kehadiran, 'tulan' -> triwulan are too far for pass 1."""

    def look_up(_: CandidateIndex) -> list[str]:
        near = _domain_pool(printed, lexicon, settings)
        return _channel_closest(near, channel.distances(printed, near), settings)

    return _kept(lexicon, ("domain_channel", printed), look_up)


def _domain_pool(printed: str, lexicon: Lexicon, settings: CorrectorSettings) -> list[str]:
    share, pool = settings.review_domain_max_share, settings.review_domain_pool
    return domain_near(printed, lexicon, settings, share, pool)


def _channel_closest(near: list[str], costs: list[float], settings: CorrectorSettings) -> list[str]:
    ranked = sorted(zip(costs, near, strict=True))
    return [word for _, word in ranked[: settings.review_domain_candidates]]


def _search_domain_by_channel(
    items: list[ReviewInput], lexicon: Lexicon, channel: Channel, settings: CorrectorSettings
) -> None:
    """`_domain_by_channel` of every item not kept yet, the channel distances of all in one
    compiled call (word by word, the call overhead was most of their cost)."""
    cache = lexicon.candidate_cache
    words = sorted(
        {item.printed for item in items if ("domain_channel", item.printed) not in cache}
    )
    pools = [_domain_pool(word, lexicon, settings) for word in words]
    costs = channel.grouped_distances(list(zip(words, pools, strict=True)))
    for word, near, found in zip(words, pools, costs, strict=True):
        cache["domain_channel", word] = frozenset(_channel_closest(near, found, settings))


def _kept(
    lexicon: Lexicon, key: tuple, look_up: Callable[[CandidateIndex], Iterable[str]]
) -> frozenset[str]:
    """An index look-up, kept with the lexicon's other look-ups (they do not depend on the
    document, so they serve every document of a batch)."""
    found = lexicon.candidate_cache.get(key)
    if found is None:
        found = lexicon.candidate_cache[key] = frozenset(look_up(lexicon.index()))
    return found


def feature_rows(
    item: ReviewInput,
    candidates: Candidates,
    lexicon: Lexicon,
    context: DocumentVocabulary,
    channel: Channel,
) -> np.ndarray:
    """One row of FEATURES per candidate word."""
    return feature_matrix([(item, candidates)], lexicon, context, channel)


def feature_matrix(
    words: list[tuple[ReviewInput, Candidates]],
    lexicon: Lexicon,
    context: DocumentVocabulary,
    channel: Channel,
) -> np.ndarray:
    """The rows of `feature_rows` for several words' candidates, stacked in order, built
    column by column over all rows at once (numpy's float64 arithmetic gives the very values
    Python's does)."""
    learned = channel.grouped_distances([(item.printed, found.words) for item, found in words])
    counts = [len(found.words) for _, found in words]
    printed_rows: list[str] = []
    word_rows: list[str] = []
    per_word: dict[str, list] = {name: [] for name in (
        "cost", "support_left", "support_right", "rule_choice", "first_same", "last_same",
        "margin", "is_best", "channel_cost", "channel_other")}  # fmt: skip
    for (item, found), costs, count in zip(words, learned, counts, strict=True):
        printed, candidates = item.printed, found.words
        printed_rows += [printed] * count
        word_rows += candidates
        first, last = printed[:1], printed[-1:]
        # each candidate's learned cost against the cheapest other candidate's
        ordered = sorted(costs)
        # base is sorted: the best rival of the first is the second, of every other the first
        base = found.base
        rivals = [base[1], *base[:1] * (len(base) - 1)] if len(base) > 1 else [base[0] + 3.0]
        for name, values in (
            ("cost", found.costs), ("support_left", found.after_left),
            ("support_right", found.before_right),
            ("rule_choice", [word == item.rule_choice for word in candidates]),
            ("first_same", [word[:1] == first for word in candidates]),
            ("last_same", [word[-1:] == last for word in candidates]),
            ("margin", [rival - score for rival, score in zip(rivals, base, strict=True)]),
            ("is_best", [True] + [False] * (count - 1)), ("channel_cost", costs),
            ("channel_other", [ordered[1] if cost == ordered[0] and count > 1 else ordered[0]
                               for cost in costs]),
        ):  # fmt: skip
            per_word[name] += values
    zipf, domain, copies = lexicon.zipf, lexicon.domain, context.counts
    column = {name: np.asarray(values, dtype=np.float64) for name, values in per_word.items()}
    column |= _choice_columns(words, printed_rows, word_rows)
    column |= {
        "word_length": np.fromiter(map(len, word_rows), np.float64, len(word_rows)),
        # the same shares as Levenshtein.normalized_distance pair by pair, in one C call
        "edit_share": process.cpdist(printed_rows, word_rows,
                                     scorer=Levenshtein.normalized_distance, dtype=np.float64),
        "zipf": np.fromiter(map(zipf.get, word_rows, repeat(0.0)), np.float64, len(word_rows))
        - 3.0,
        "domain": np.fromiter(map(domain.__contains__, word_rows), np.float64, len(word_rows)),
        "document_copies": np.asarray([math.log1p(copies.get(word, 0)) for word in word_rows],
                                      dtype=np.float64),
    }  # fmt: skip
    # one value per word, repeated for each of its candidates
    for name, values in {
        "confidence": [0.5 if item.confidence is None else item.confidence for item, _ in words],
        "confidence_missing": [item.confidence is None for item, _ in words],
        "rules_changed": [item.rule_choice is not None for item, _ in words],
        "printed_length": [len(item.printed) for item, _ in words],
        "caps": [item.caps for item, _ in words],
        "candidates": [math.log(count) for count in counts],
        "channel_rivals": [count > 1 for count in counts],
        "printed_inflected": [item.inflected for item, _ in words],
    }.items():  # fmt: skip
        column[name] = np.repeat(np.asarray(values, dtype=np.float64), counts)
    cost, channel_cost = column["cost"], column["channel_cost"]
    length = np.maximum(column["word_length"], 1.0)
    per_letter = cost / length
    channel_margin = np.clip(column["channel_other"] - channel_cost, -3.0, 3.0)
    features = {
        **column, "cost_per_letter": per_letter, "cost_per_letter_squared": per_letter * per_letter,
        "doubt_times_cost": (1.0 - column["confidence"]) * per_letter,
        "length": column["printed_length"] / 10,
        "length_gap": np.abs(column["printed_length"] - column["word_length"]) / length,
        "margin": np.clip(column["margin"], -3.0, 3.0),
        "channel_per_letter": channel_cost / length,
        "choice_per_letter": column["choice_cost"] / length,
        "channel_margin": np.where(column["channel_rivals"] > 0, channel_margin, 3.0),
    }  # fmt: skip
    return np.column_stack([features[name] for name in FEATURES]).reshape(-1, len(FEATURES))


def _choice_columns(
    words: list[tuple[ReviewInput, Candidates]], printed_rows: list[str], word_rows: list[str]
) -> dict[str, np.ndarray]:
    """Per candidate row: its `choice_cost` from the printed word through Tesseract's letter
    alternatives, the plain edits it saves, whether alternatives were missing and the least
    sure printed letter. Without alternatives (text exports, pytesseract) the cost is the plain
    edit distance, all rows in one C call; only words with alternatives are walked."""
    plain = process.cpdist(printed_rows, word_rows, scorer=Levenshtein.distance, dtype=np.float64)
    cost, missing, weakest = plain.copy(), np.ones(len(plain)), np.ones(len(plain))
    start = 0
    for item, found in words:
        end = start + len(found.words)
        if item.choices is not None:
            cost[start:end] = [choice_cost(item.printed, item.choices, w) for w in found.words]
            missing[start:end], weakest[start:end] = 0.0, weakest_letter(item.choices)
        start = end
    return {"choice_cost": cost, "choice_gain": plain - cost, "choices_missing": missing,
            "weakest_letter": weakest}  # fmt: skip


@dataclass(frozen=True)
class Thresholds:
    """The probability at which the best candidate is printed."""

    accept: float  # for a word the rules did not choose
    rules_choice: float  # for the rules' own choice (kept rather than reverted)

    def of(self, agrees: bool) -> float:
        return self.rules_choice if agrees else self.accept


@dataclass(frozen=True)
class ReviewModel:
    """Boosted trees over FEATURES and the probabilities at which a candidate is accepted: one
    pair for words read with Tesseract's letter alternatives, one for words without them (text
    exports, pytesseract). Each pair is chosen on its own words' out-of-fold predictions, since
    the trees are not equally sure of both kinds."""

    trees: TreeEnsemble
    channel: Channel  # the learned OCR channel its features read
    plain: Thresholds
    with_choices: Thresholds

    @classmethod
    def load(cls, path: Path = LEXICON_DIR / REVIEW_MODEL_FILE) -> ReviewModel:
        if not path.is_file():
            raise LexiconMissingError(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        channel_path = path.parent / CHANNEL_FILE
        if (
            tuple(data["features"]) != FEATURES
            or set(data.get("thresholds", {})) != {"plain", "with_choices"}
            or (
                channel_path.is_file()
                and data.get("channel_sha256") != channel_digest(channel_path)
            )
        ):
            raise ReviewModelStaleError(path)
        return cls(
            trees=TreeEnsemble.from_dict(data["trees"]),
            channel=Channel.load(channel_path),
            plain=Thresholds(**data["thresholds"]["plain"]),
            with_choices=Thresholds(**data["thresholds"]["with_choices"]),
        )

    def thresholds(self, item: ReviewInput) -> Thresholds:
        return self.plain if item.choices is None else self.with_choices

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return self.trees.probabilities(rows)


@dataclass(frozen=True)
class Verdict:
    """The review's best reading of a word and its probability; printed only when `accepted`
    (else the word stays as printed and the reading is only a suggestion)."""

    word: str | None  # None: no candidate at all
    probability: float
    accepted: bool


_NO_READING = Verdict(None, 0.0, False)


def review_words(
    items: list[ReviewInput],
    model: ReviewModel,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    bigrams: BigramModel,
    context: DocumentVocabulary,
) -> list[Verdict]:
    """Per word: the review's verdict. A word without candidates keeps pass 1's verdict (the
    model never saw such words). The words of one text are scored in one call; verdicts are
    kept per document (garbled words often repeat)."""
    verdicts: dict[ReviewInput, Verdict] = {}
    pending: list[tuple[ReviewInput, Candidates]] = []
    # the words not weighed before (in this document), each once
    fresh = list(
        dict.fromkeys(item for item in items if ("review", item) not in context.ranked_cache)
    )
    if not fresh:  # each text's own call, after the document's batch: all verdicts are kept
        return [context.ranked_cache["review", item] for item in items]
    weighed = dict(zip(fresh, review_candidates_many(fresh, lexicon, settings, bigrams, context, model.channel),
                       strict=True))  # fmt: skip
    for item in items:
        key = ("review", item)
        if key in context.ranked_cache:
            verdicts[item] = context.ranked_cache[key]
            continue
        if item in verdicts:  # a repeat, already pending
            continue
        candidates = weighed[item]
        if candidates.words:
            pending.append((item, candidates))
            verdicts[item] = _NO_READING  # until scored below
            continue
        verdict = _NO_READING if item.rule_choice is None else Verdict(item.rule_choice, 1.0, True)
        verdicts[item] = context.ranked_cache[key] = verdict
    if pending:
        probabilities = model.probabilities(
            feature_matrix(pending, lexicon, context, model.channel)
        )
        start = 0
        for item, candidates in pending:
            scores = probabilities[start : start + len(candidates.words)]
            start += len(candidates.words)
            best = int(np.argmax(scores))
            word = candidates.words[best]
            accepted = bool(scores[best] >= model.thresholds(item).of(word == item.rule_choice))
            verdict = Verdict(word, round(float(scores[best]), 3), accepted)
            verdicts[item] = context.ranked_cache[("review", item)] = verdict
    return [verdicts[item] for item in items]
