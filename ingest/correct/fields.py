"""Field-aware rules: waktu grammar, header and actor snapping, list numbers, step numbers.

Each rule takes one token (or a whole cell) and returns the replacement plus its corrections, or
None to fall back to plain word correction.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from ingest.correct.distance import ocr_distance
from ingest.correct.settings import CorrectorSettings
from ingest.correct.words import SplitToken, apply_case, normalise_glyphs, without_stray_marks
from models.normalise import FULL_TITLE_HEADS, TITLE_ABBREVIATIONS
from models.provenance import Correction

TIME_UNITS = ("menit", "jam", "hari", "minggu", "bulan", "tahun", "detik")
# Abbreviations models.normalise.parse_waktu already reads: left as printed.
UNIT_ABBREVIATIONS = frozenset({"mnt", "min", "mins", "hr", "hri", "mgg", "bln", "thn", "dtk"})
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "i": "1",
                                   "|": "1", "!": "1", "Z": "2", "z": "2", "S": "5", "s": "5",
                                   "B": "8", "g": "9", "q": "9"})  # fmt: skip
_LOOKALIKE = "OoDlIi|!ZzSsBgq"
_NUMBER_PART = rf"(?:[0-9{re.escape(_LOOKALIKE)}]*[0-9][0-9{re.escape(_LOOKALIKE)}]*|[{re.escape(_LOOKALIKE)}])"
_WAKTU_TOKEN = re.compile(rf"(?P<number>{_NUMBER_PART})(?P<unit>[A-Za-z]*)")
_MAX_UNIT_COST = 1.0
# In a unit slot: at most this OCR cost per letter of the unit, and this lead over the next unit
# ('nan' reads as hari 1.4 and jam 1.6: declined).
_SLOT_COST_PER_LETTER = 0.45
_SLOT_MIN_LEAD = 0.5
# 'kena', 'keria', 'kenja' read as kerja; 'kertas' (2.0) does not.
_KERJA_MAX_COST = 1.5
# Counts written as words ('satu hari'), never taken for a unit.
NUMBER_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                          "sembilan", "sepuluh", "sebelas", "setengah", "seratus"})  # fmt: skip
_TIMES = re.compile(r"(?P<count>[0-9]+)(?P<times>[xX×])(?P<hours>[0-9]*)(?P<unit>[A-Za-z]*)")

Fix = tuple[str, list[Correction]]


def _correction(raw: str, corrected: str, score: float, rule: str) -> Correction:
    return Correction(raw=raw, corrected=corrected, score=score, rule=rule)


def as_digits(printed: str) -> str:
    return printed.translate(_DIGIT_LOOKALIKES)


def snap_unit(printed: str, slot: bool = False) -> str | None:
    """'har' -> 'hari', 'jarn' -> 'jam': the one time unit within a small OCR distance. In a
    unit slot (`slot`: after a number, before 'kerja') a unit is expected, so the budget grows
    with the unit's length ('mena' -> 'menit', 'ounggu' -> 'minggu') but the lead must be wider."""
    lowered = without_stray_marks(printed.lower())
    if lowered in TIME_UNITS or lowered in UNIT_ABBREVIATIONS:
        return lowered
    if len(lowered) < 2 or lowered in NUMBER_WORDS:
        return None
    costs = sorted((ocr_distance(lowered, unit), unit) for unit in TIME_UNITS)
    (best_cost, best), second_cost = costs[0], costs[1][0]
    if best_cost <= _MAX_UNIT_COST and second_cost - best_cost >= 0.3:
        return best
    budget = _SLOT_COST_PER_LETTER * len(best)
    if slot and best_cost <= budget and second_cost - best_cost >= _SLOT_MIN_LEAD:
        return best
    return None


def _reads_as_number(token: str) -> bool:
    """'10', 'l5', '1,5', 'dua': a count a Waktu unit follows."""
    core = SplitToken.of(token).core
    digits = as_digits(core).replace(",", "").replace(".", "")
    return digits.isdigit() or core.lower() in NUMBER_WORDS


def waktu_token(
    token: str, previous: str | None, next_token: str | None, known: bool
) -> Fix | None:
    """One token of a Waktu cell: '1jam', 'Zhar', 'Zhari', 'l' or '|' (before 'hari'), '3O'."""
    printed = normalise_glyphs(token)
    # A leading bar is OCR's reading of a lone 1 in a Waktu cell, not a stray mark to strip.
    core = printed if printed.startswith(("|", "!")) else SplitToken.of(printed).core
    match = _WAKTU_TOKEN.fullmatch(core)
    bar = core.startswith(("|", "!"))
    if match is None or (known and not bar and not any(char.isdigit() for char in core)):
        return None
    number, unit_text = as_digits(match["number"]), match["unit"]
    # '3 Inari', '1 singgu': the count is printed already, so the lookalike before the unit is
    # part of it misread ('In' for 'h'), not a second count.
    counted = previous is not None and _reads_as_number(previous)
    if counted and not match["number"].isdigit():
        number = ""
    if unit_text:
        unit = snap_unit(unit_text)
        if unit is None:
            return None
        fixed = f"{number} {apply_case(unit_text, unit)}".lstrip()
    elif (
        number
        and number != match["number"]
        and (
            any(char.isdigit() for char in match["number"])
            or (next_token is not None and snap_unit(next_token) is not None)
        )
    ):
        fixed = number
    else:
        return None
    if fixed == core:
        return None
    return token.replace(core, fixed), [_correction(core, fixed, 0.9, "waktu_grammar")]


def waktu_unit_slot(token: str, previous: str | None, following: str | None) -> Fix | None:
    """'10 mena' -> '10 menit', 'tari kerja' -> 'hari kerja': a word after a number or before
    'kerja' in a Waktu cell stands where only a time unit is written (DOMAIN.md's durations),
    so it snaps to the unit it reads as even when it is another word ('mena', 'tari')."""
    after_number = previous is not None and _reads_as_number(previous)
    before_kerja = following is not None and _reads_as_kerja(following)
    if not (after_number or before_kerja):
        return None
    return _unit_fix(token, 0.85, same_first_letter=False)


def waktu_kerja(token: str, previous: str | None) -> Fix | None:
    """'hari kena' -> 'hari kerja': after 'hari' a Waktu cell holds only 'kerja'."""
    core = SplitToken.of(token).core
    if previous is None or not core.isalpha() or core.lower() == "kerja":
        return None
    if snap_unit(SplitToken.of(previous).core, slot=True) != "hari":
        return None
    if not _reads_as_kerja(core):
        return None
    fixed = apply_case(core, "kerja")
    return token.replace(core, fixed), [_correction(core, fixed, 0.8, "waktu_grammar")]


def _reads_as_kerja(token: str) -> bool:
    lowered = without_stray_marks(SplitToken.of(token).core.lower())
    return bool(lowered) and ocr_distance(lowered, "kerja") <= _KERJA_MAX_COST


def _unit_fix(token: str, score: float, same_first_letter: bool) -> Fix | None:
    """The token's word snapped to the time unit it reads as in a unit slot, if it is not one
    already."""
    core = SplitToken.of(token).core
    unit = snap_unit(core, slot=True) if core.isalpha() else None
    if unit is None or unit == core.lower() or core.lower() in UNIT_ABBREVIATIONS:
        return None
    if same_first_letter and core[0].lower() != unit[0]:
        return None
    fixed = apply_case(core, unit)
    return token.replace(core, fixed), [_correction(core, fixed, score, "waktu_grammar")]


def waktu_times(token: str) -> Fix | None:
    """'1x' -> '1 x', '1x24' -> '1 x 24', '1x24jam' -> '1 x 24 jam': the '1 x 24 Jam' duration
    read with its spaces lost."""
    core = SplitToken.of(token).core
    match = _TIMES.fullmatch(core)
    if match is None:
        return None
    unit = snap_unit(match["unit"]) if match["unit"] else None
    if match["unit"] and unit is None:
        return None
    parts = [
        match["count"],
        match["times"],
        match["hours"],
        unit and apply_case(match["unit"], unit),
    ]
    fixed = " ".join(part for part in parts if part)
    return token.replace(core, fixed), [_correction(core, fixed, 0.9, "waktu_grammar")]


def waktu_unit_alone(token: str, known: bool) -> Fix | None:
    """'munggu' -> 'minggu' when a Waktu cell's number was lost: an unlisted word there that is
    one time unit within a small OCR distance is that unit, not some general word. Its first
    letter must be the unit's: 'Ljam' is a misread number glued to 'jam', not a unit alone."""
    return None if known else _unit_fix(token, 0.8, same_first_letter=True)


def number_token(token: str) -> Fix | None:
    """A step-number cell: 'l0' -> '10', 'I' -> '1' (letters there are misread digits)."""
    core = SplitToken.of(token).core
    if not core or not all(char.isdigit() or char in _LOOKALIKE for char in core):
        return None
    fixed = as_digits(core)
    if fixed == core:
        return None
    return token.replace(core, fixed), [_correction(core, fixed, 0.9, "number_lookalike")]


def snap_label(printed: str, labels: list[str], settings: CorrectorSettings) -> str | None:
    """The one canonical label `printed` is a garbled spelling of, or None."""
    folded = " ".join(without_stray_marks(normalise_glyphs(printed)).split()).lower()
    if not folded:
        return None
    scores: dict[str, tuple[float, str]] = {}
    for label in labels:
        key = label.lower().rstrip(".").replace(" / ", "/")
        ratio = fuzz.ratio(folded, key)
        if key not in scores or scores[key][0] < ratio:
            scores[key] = (ratio, label)
    ranked = sorted(scores.values(), reverse=True)
    best_ratio, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best_ratio >= settings.snap_min_ratio and best_ratio - runner_up >= settings.snap_min_lead:
        return best
    return None


def actor_heads() -> dict[str, str]:
    """Title head an actor header starts with -> the title it stands for (models.normalise's
    title table, not a copy); 'kasubag' and 'kasubbag' stand for the same title."""
    heads = {head: head for head in FULL_TITLE_HEADS if " " not in head}
    heads |= {key: title for key, title in TITLE_ABBREVIATIONS.items() if " " not in key}
    return heads


def snap_head(
    printed: str,
    heads: dict[str, str],
    settings: CorrectorSettings,
    is_known: Callable[[str], bool],
) -> tuple[str, float] | None:
    """The actor title head a garbled one stands for ('Kfastﬂba}g' -> Kasubag) and a score, or
    None: a listed word, no clear winner over another title, or too far."""
    core = without_stray_marks(normalise_glyphs(printed)).lower()
    if not core.isalpha() or core in heads or is_known(core):
        return None
    ranked = sorted((ocr_distance(core, head), head) for head in heads)
    best_cost, best = ranked[0]
    title = heads[best]
    second_cost = next(cost for cost, head in ranked if heads[head] != title)
    budget = settings.actor_max_cost_per_letter * len(best)
    if best_cost > budget or second_cost - best_cost < settings.actor_min_lead:
        return None
    score = max(0.0, 1.0 - best_cost / len(best))
    return apply_case(printed, best), round(score, 3)
