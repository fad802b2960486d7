"""One garbled word -> its correction, or None when the evidence is not strong enough.

Candidates come from the symmetric-delete index (plain edit distance <= 2, on the printed word and on a
reading with digits as letters); each is ranked by the OCR-weighted distance minus a small
frequency bonus. The best must be cheap enough for the word's length and clearly ahead of the
runner-up, otherwise nothing changes: a wrong correction is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import (
    confusion_readings,
    ocr_distance,
    ocr_distance_groups,
    ocr_distances,
)
from ingest.correct.index import nearest_within
from ingest.correct.lexicon import Lexicon
from ingest.correct.settings import CorrectorSettings
from ingest.correct.words import (
    SplitToken,
    digits_as_letters,
    is_all_caps,
    is_protected,
    normalise_glyphs,
    without_stray_marks,
)


@dataclass(frozen=True)
class WordFix:
    """A lower-case replacement for one word, how sure we are, and which rule made it."""

    corrected: str
    score: float
    rule: str


def _is_strict(
    length: int, confidence: float | None, caps: bool, settings: CorrectorSettings
) -> bool:
    """Only cheap glyph confusions for: capitals (names, acronyms), short words, words Tesseract
    was sure of, and near-zero confidence (noise, where the nearest word is a guess)."""
    trusted = confidence is not None and confidence >= settings.trusted_confidence
    hopeless = confidence is not None and confidence <= settings.noise_confidence
    return caps or trusted or hopeless or length < settings.min_length_two_edits


def _budget(
    length: int, confidence: float | None, strict: bool, settings: CorrectorSettings
) -> float:
    budget = min(settings.max_cost, settings.max_cost_per_letter * length)
    if strict:
        return min(budget, settings.caps_max_cost)
    if confidence is not None and confidence < settings.doubtful_confidence:
        budget = min(budget * settings.doubtful_factor, settings.doubtful_max_per_letter * length)
    return budget


def _trimmed(
    printed: str, words: set[str], lexicon: Lexicon, settings: CorrectorSettings
) -> set[str]:
    # The weighted distance is the slow part: trim first (ties by spelling, so the same words
    # survive whatever the set order of this process).
    if len(words) > settings.max_candidates:
        words = set(sorted(words, key=lambda word: (Levenshtein.distance(printed, word),
                                                    -lexicon.frequency(word), word))[: settings.max_candidates])  # fmt: skip
    return words


def _weighed(
    printed: str,
    words: frozenset[str],
    settings: CorrectorSettings,
    context: DocumentVocabulary | None,
    nearest: list[str] | None = None,
) -> list[str]:
    """The (trimmed) look-up words and, in a document, its words nearest `printed` (`nearest`
    when already found), in spelling order."""
    if context is None:
        return sorted(words)
    if nearest is None:
        nearest = context.nearest(printed, settings.context_candidates, settings.context_max_share)
    # document words are always weighed, however far by plain edits
    return sorted(words.union(nearest))


def _scored(
    ordered: list[str],
    costs: list[float],
    lexicon: Lexicon,
    settings: CorrectorSettings,
    context: DocumentVocabulary | None,
) -> list[tuple[float, float, str]]:
    ranked = []
    zipf = lexicon.zipf  # lexicon.frequency written out: this loop is hot
    for word, cost in zip(ordered, costs, strict=True):
        bonus = settings.zipf_weight * (zipf.get(word, 0.0) - 3.0)
        if context is not None and word in context:
            bonus += settings.context_bonus
        ranked.append((cost - bonus, cost, word))
    ranked.sort()
    return ranked


def ranked_candidates(
    printed: str,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    context: DocumentVocabulary | None = None,
) -> list[tuple[float, float, str]]:
    """(adjusted cost, raw cost, word) for each candidate, best first (kept per document, or
    with the lexicon's look-ups without a document: they then depend on the word alone)."""
    if context is None:
        key = ("ranked", printed, settings)
        found = lexicon.candidate_cache.get(key)
        if found is None:
            found = lexicon.candidate_cache[key] = _ranked(printed, lexicon, settings)
        return found
    cached = context.ranked_cache.get(printed)
    if cached is None:
        cached = context.ranked_cache[printed] = _ranked(printed, lexicon, settings, context)
    return cached


def _looked_up(printed: str, lexicon: Lexicon, settings: CorrectorSettings) -> frozenset[str]:
    """The index's candidates for `printed`, trimmed: they do not depend on the document, so
    they are kept across documents."""
    key = (printed, settings)
    words = lexicon.candidate_cache.get(key)
    if words is None:
        _look_up_many([printed], lexicon, settings)
        words = lexicon.candidate_cache[key]
    return words


def _ranked(
    printed: str,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    context: DocumentVocabulary | None = None,
) -> list[tuple[float, float, str]]:
    ordered = _weighed(printed, _looked_up(printed, lexicon, settings), settings, context)
    return _scored(ordered, ocr_distances(printed, ordered), lexicon, settings, context)


def prefetch_ranked(
    words: list[str], lexicon: Lexicon, settings: CorrectorSettings, context: DocumentVocabulary
) -> None:
    """`ranked_candidates` of many words of a document at once (one nearest-word search, one
    distance call), ahead of the passes that ask for them one by one."""
    fresh = [word for word in words if word not in context.ranked_cache]
    if not fresh:
        return
    _look_up_many(fresh, lexicon, settings)
    nearest = context.nearest_many(fresh, settings.context_candidates, settings.context_max_share)
    ordered = [
        _weighed(word, _looked_up(word, lexicon, settings), settings, context, near)
        for word, near in zip(fresh, nearest, strict=True)
    ]
    costs = ocr_distance_groups(list(zip(fresh, ordered, strict=True)))
    for word, candidates, found in zip(fresh, ordered, costs, strict=True):
        context.ranked_cache[word] = _scored(candidates, found, lexicon, settings, context)


def _look_up_many(words: list[str], lexicon: Lexicon, settings: CorrectorSettings) -> None:
    """`_looked_up` for many words: the index's candidates of each (general words one edit
    from any glyph reading, domain words two edits away, SOP words by share of letters for long
    words), trimmed and kept, all words' searches in one call per index."""
    cache = lexicon.candidate_cache
    fresh = [word for word in words if (word, settings) not in cache]
    if not fresh:
        return
    index = lexicon.index()
    general = index.general_each(
        [{word, digits_as_letters(word), *confusion_readings(word)} for word in fresh]
    )
    long = [
        number for number, word in enumerate(fresh) if len(word) >= settings.min_length_two_edits
    ]
    domain = index.domain_each(
        [{fresh[number], digits_as_letters(fresh[number])} for number in long]
    )
    for number, found in zip(long, domain, strict=True):
        general[number] |= found
    for word, found in zip(fresh, general, strict=True):
        if len(word) >= settings.wide_min_length:
            found.update(domain_near(word, lexicon, settings, settings.wide_max_share,
                                     settings.wide_candidates))  # fmt: skip
        cache[word, settings] = frozenset(_trimmed(word, found, lexicon, settings))


def _widest_domain_search(
    settings: CorrectorSettings, max_share: float = 0.0, limit: int = 0
) -> tuple[float, int]:
    """The one domain search per word that serves every (share, limit) the corrector asks
    (pass 1's and the review's): the widest share, and the most words any of them takes."""
    share = max(settings.wide_max_share, settings.review_domain_max_share, max_share)
    return share, max(settings.wide_candidates, settings.review_domain_pool, limit)


def domain_near(
    printed: str, lexicon: Lexicon, settings: CorrectorSettings, max_share: float, limit: int
) -> list[str]:
    """`CandidateIndex.domain_near`, from one search per word at the widest share and limit
    the corrector asks, kept with the lexicon's other look-ups. The kept list is the closest
    first, so its first `kept` words answer every narrower share and smaller limit exactly."""
    widest, kept = _widest_domain_search(settings, max_share, limit)
    key = ("domain_near_scored", printed, widest, kept)
    scored = lexicon.candidate_cache.get(key)
    if scored is None:
        scored = lexicon.index().domain_near_scored(printed, widest)[:kept]
        lexicon.candidate_cache[key] = scored
    return nearest_within(scored, max_share, limit)


def correct_word(
    core: str,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    confidence: float | None = None,
    context: DocumentVocabulary | None = None,
) -> WordFix | None:
    """The fix for one word without edge punctuation, or None to leave it as printed."""
    lowered = core.lower()
    if lowered in lexicon.zipf:
        return None
    doubted = confidence is not None and confidence < settings.doubtful_confidence
    if lexicon.is_known(lowered) and not doubted:
        fix = _inflected_lookalike(lowered, lexicon, settings)
        if fix is None and context is not None:
            fix = _document_lookalike(lowered, lexicon, settings, context)
        return fix
    cleaned = without_stray_marks(lowered)
    if cleaned != lowered and len(cleaned) >= 3 and lexicon.is_known(cleaned):
        return WordFix(cleaned, 0.95, "stray_marks")
    if len(cleaned) < settings.min_length:
        return None
    if len(cleaned) < settings.context_min_length:
        context = None
    ranked = ranked_candidates(cleaned, lexicon, settings, context)
    if not ranked:
        return None
    adjusted, cost, word = ranked[0]
    strict = _is_strict(len(word), confidence, is_all_caps(core), settings)
    budget = _budget(len(word), confidence, strict, settings)
    if word not in lexicon.domain:
        budget = min(budget, settings.general_max_cost)
        if confidence is not None and confidence < settings.doubtful_confidence:
            budget = min(budget, settings.doubtful_general_max_cost)
        if lexicon.frequency(word) < settings.rare_word_zipf:
            budget = min(budget, settings.rare_word_max_cost)
    common = lexicon.frequency(word) >= settings.common_zipf
    hopeless = confidence is not None and confidence <= settings.noise_confidence
    if len(word) < settings.min_length_two_edits and common and not (is_all_caps(core) or hopeless):
        budget = max(budget, settings.common_short_max_cost)
    lead = ranked[1][0] - adjusted if len(ranked) > 1 else float("inf")
    if word in lexicon.domain and lead >= settings.domain_clear_lead and not strict:
        budget = max(
            budget,
            min(settings.domain_clear_max_cost, settings.domain_clear_per_letter * len(word)),
        )
    rule = "lexicon"
    context_lead = max(settings.context_min_lead, settings.context_lead_per_cost * cost)
    if context is not None and word in context and lead >= context_lead:
        context_budget = min(settings.context_max_cost, settings.context_per_letter * len(word))
        if cost > budget and cost <= context_budget:
            budget, rule = context_budget, "document_word"
    if cost > budget or lead < settings.min_margin:
        return None
    score = max(0.0, min(1.0, 1.0 - cost / max(len(word), 1)))
    return WordFix(word, round(score, 3), rule)


def _inflected_lookalike(
    word: str, lexicon: Lexicon, settings: CorrectorSettings
) -> WordFix | None:
    """'Dirias' reads as di+rias, but 'dinas' is one glyph confusion away and far more common:
    an affix reading only makes a word plausible, so a cheap confusion to a listed word wins."""
    if len(word) < settings.min_length:
        return None
    ranked = ranked_candidates(word, lexicon, settings)
    ranked = [entry for entry in ranked if entry[2] != word]
    if not ranked:
        return None
    adjusted, cost, best = ranked[0]
    if cost > settings.inflected_max_cost or lexicon.frequency(best) < settings.inflected_min_zipf:
        return None
    if len(ranked) > 1 and ranked[1][0] - adjusted < settings.min_margin:
        return None
    return WordFix(best, round(1.0 - cost / len(best), 3), "lexicon_over_affix_reading")


def _document_lookalike(
    word: str, lexicon: Lexicon, settings: CorrectorSettings, context: DocumentVocabulary
) -> WordFix | None:
    """'gengan' reads as an affixed root but is no listed word; when the document prints
    'dengan' elsewhere, one glyph away and with no rival as close, that is what it meant."""
    if word in lexicon.zipf or word in context or len(word) < settings.context_min_length:
        return None
    nearest = context.nearest(word, settings.context_candidates, settings.affix_lookalike_max_share)
    ranked = sorted((ocr_distance(word, other), other) for other in nearest)
    if not ranked:
        return None
    cost, best = ranked[0]
    budget = min(settings.affix_lookalike_max_cost, settings.max_cost_per_letter * len(best))
    if cost > budget or (len(ranked) > 1 and ranked[1][0] - cost < settings.context_min_lead):
        return None
    if best not in lexicon.zipf:  # one unlisted affix reading for another ('pelak' -> 'pelap')
        return None
    return WordFix(best, round(1.0 - cost / len(best), 3), "document_word_over_affix_reading")


def split_glued(core: str, lexicon: Lexicon, settings: CorrectorSettings) -> WordFix | None:
    """'kinerjapegawai' -> 'kinerja pegawai' when exactly one cut gives a common word followed
    by a known word, and no single word is one edit away (then it is garble, not glue)."""
    lowered = core.lower()
    shortest = settings.min_glued_part
    if not lowered.isalpha() or len(lowered) < 2 * shortest or lexicon.index().general({lowered}):
        return None
    splits = [
        (lowered[:cut], lowered[cut:])
        for cut in range(shortest, len(lowered) - shortest + 1)
        if lexicon.frequency(lowered[:cut]) >= settings.min_glued_zipf
        and (
            lexicon.frequency(lowered[cut:]) >= settings.min_glued_zipf
            or lowered[cut:] in lexicon.domain
        )
    ]
    if len(splits) != 1:
        return None
    left, right = splits[0]
    return WordFix(f"{left} {right}", 0.8, "glued_words")


def prefetch(tokens: Iterable[str], lexicon: Lexicon, settings: CorrectorSettings,
             context: DocumentVocabulary) -> None:  # fmt: skip
    """Search ahead, in a few calls, what the passes will ask one word at a time about the
    unlisted words of a document (most of the words its tokens give): the domain words near
    each (kept with the lexicon's look-ups) and its ranked candidates (kept per document)."""
    words = []
    for token in tokens:
        if token.lower() in lexicon.zipf:
            continue
        core = SplitToken.of(normalise_glyphs(token)).core
        word = without_stray_marks(core.lower())
        if len(word) >= settings.min_length and not is_protected(core):
            words.append(word)
    words = sorted(set(words))
    widest, kept = _widest_domain_search(settings)
    cache = lexicon.candidate_cache
    far = [word for word in words if ("domain_near_scored", word, widest, kept) not in cache]
    if far:
        found = lexicon.index().domain_near_many(far, widest, kept)
        for word, scored in zip(far, found, strict=True):
            cache["domain_near_scored", word, widest, kept] = scored
    prefetch_ranked(words, lexicon, settings, context)
