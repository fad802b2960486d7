"""Correction of one whitespace token in running text (the `text` field and the fallback of others)."""

from __future__ import annotations

import re

from ingest.correct.candidates import WordFix, correct_word, split_glued
from ingest.correct.context import DocumentVocabulary
from ingest.correct.lexicon import Lexicon
from ingest.correct.settings import CorrectorSettings
from ingest.correct.words import SplitToken, apply_case, is_protected, normalise_glyphs
from models.provenance import Correction

# "3.Printer", "4.ATK": a list number glued to its item.
LIST_NUMBER = re.compile(r"^(?P<number>\d{1,2}[.)])(?P<item>[A-Za-z][\w/&-]*[.,;:]?)$")
# "1jam", "30menit", "2hari": a duration glued to its unit.
GLUED_DURATION = re.compile(
    r"^(?P<number>\d+(?:[.,]\d+)?)(?P<unit>menit|mnt|jam|hari|minggu|bulan|tahun)$", re.IGNORECASE
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# Two words joined by a mark OCR reads for a slash: "Surat'Dokumen", 'subbag|subbid', or a thin
# letter before a capital ('MemofDisposisi'). A word never holds these inside, so they are a slash.
_SLASH_LOOKALIKE = re.compile(
    r"^(?P<left>[A-Za-z]{4,}?)(?:['’`|!1]|(?<=[a-z])[lIf](?=[A-Z]))(?P<right>[A-Za-z]{4,})$"
)

TokenFix = tuple[str, list[Correction]]


def _record(raw: str, corrected: str, score: float, rule: str) -> Correction:
    return Correction(raw=raw, corrected=corrected, score=score, rule=rule)


def _case_split(core: str, fix: WordFix) -> str:
    """Glued words keep the printed case of each part ('KinerjaMengumpulkan' splits as printed)."""
    left = fix.corrected.split(" ", 1)[0]
    return f"{core[: len(left)]} {core[len(left) :]}"


def _both_known(left: str, right: str, lexicon: Lexicon, settings: CorrectorSettings) -> bool:
    return all(
        len(part) >= settings.min_camel_part and lexicon.is_known(part.lower())
        for part in (left, right)
    )


def _fix_core(
    core: str,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    confidence: float | None,
    context: DocumentVocabulary | None,
) -> tuple[str, WordFix] | None:
    slashed = _SLASH_LOOKALIKE.match(core)
    if slashed and _both_known(slashed["left"], slashed["right"], lexicon, settings):
        fixed = f"{slashed['left']}/{slashed['right']}"
        return fixed, WordFix(fixed.lower(), 0.9, "slash_pair")
    parts = _CAMEL.split(core)
    if len(parts) == 2 and _both_known(parts[0], parts[1], lexicon, settings):
        # Text exports lose the space between two cells' words ('KinerjaMengumpulkan'); OCR
        # keeps spaces but drops a thin slash ('SuratDokumen' for 'Surat/Dokumen'): on the
        # pipeline's scans 11 of the 12 camel-glued pairs had a slash on paper.
        if confidence is not None:
            return f"{parts[0]}/{parts[1]}", WordFix("/".join(parts).lower(), 0.9, "slash_pair")
        return f"{parts[0]} {parts[1]}", WordFix(" ".join(parts).lower(), 0.9, "glued_words")
    fix = correct_word(core, lexicon, settings, confidence, context)
    if fix is not None:
        return apply_case(core, fix.corrected), fix
    if lexicon.is_known(core.lower()):
        return None
    glued = split_glued(core, lexicon, settings)
    if glued is not None:
        return _case_split(core, glued), glued
    return None


def _slash_parts(
    token: str,
    split: SplitToken,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    confidence: float | None,
    context: DocumentVocabulary | None,
) -> TokenFix:
    """'Memo/Disposlsi', 'Kasubag/Kasubld': each word of a slash pair is corrected on its own
    (the pair itself is never a lexicon word)."""
    fixed, corrections = [], []
    for part in split.core.split("/"):
        new_part, part_corrections = correct_token(part, lexicon, settings, confidence, context)
        fixed.append(new_part)
        corrections += part_corrections
    if not corrections:
        return token, []
    return f"{split.lead}{'/'.join(fixed)}{split.trail}", corrections


def correct_token(
    token: str,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    confidence: float | None,
    context: DocumentVocabulary | None = None,
) -> TokenFix:
    """The token as it should read, and the corrections made to it (empty when unchanged);
    `context` holds the known words of the rest of the document, if any."""
    if token.lower() in lexicon.zipf or token.isdigit():  # most tokens: nothing to do
        return token, []
    normalised = normalise_glyphs(token)
    duration = GLUED_DURATION.match(normalised)
    if duration:
        fixed = f"{duration['number']} {duration['unit']}"
        return fixed, [_record(token, fixed, 1.0, "waktu_glue")]
    listed = LIST_NUMBER.match(normalised)
    if listed:
        item, corrections = correct_token(listed["item"], lexicon, settings, confidence, context)
        fixed = f"{listed['number']} {item}"
        return fixed, [_record(token, fixed, 1.0, "list_number"), *corrections]
    split = SplitToken.of(normalised)
    if not split.core or is_protected(split.core):
        return token, []
    if "/" in split.core:
        return _slash_parts(token, split, lexicon, settings, confidence, context)
    result = _fix_core(split.core, lexicon, settings, confidence, context)
    if result is None:
        if normalised != token and lexicon.is_known(split.core.lower()):
            return normalised, [_record(token, normalised, 1.0, "glyph_normalise")]
        return token, []
    new_core, fix = result
    return f"{split.lead}{new_core}{split.trail}", [
        _record(split.core, new_core, fix.score, fix.rule)
    ]
