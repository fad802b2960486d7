"""Cut words: pieces of a word split by OCR or a cell border are left as printed.

A table ruling or a narrow column cuts words ('se lie arls' = sekretaris, '|Veng', 'pelap' of
pelaporan). Correcting a piece as if it were a whole word invents a word, so pieces stay.
"""

from __future__ import annotations

from ingest.correct.lexicon import Lexicon
from ingest.correct.settings import CorrectorSettings
from ingest.correct.tokens import TokenFix
from ingest.correct.words import SplitToken, normalise_glyphs, without_stray_marks

# Table rulings read as glyphs: a word touching one was cut by a cell border.
_LINE_ART = frozenset("|[]_")
_PIECE_MAX_LETTERS = 3
# A longer token is never a piece, however much edge punctuation it carries.
PIECE_TOKEN_MAX = _PIECE_MAX_LETTERS + 2


def unless_cut(
    token: str, fix: TokenFix, lexicon: Lexicon, settings: CorrectorSettings
) -> TokenFix:
    """The last word of a cell or line may be cut by the border ('pelap' of pelaporan): when
    it begins a longer lexicon word, only its completion may replace it ('pelap' -> gelap
    would invent a word); otherwise it stays as printed."""
    word = without_stray_marks(SplitToken.of(normalise_glyphs(token)).core.lower())
    fixed = SplitToken.of(fix[0]).core.lower()
    if len(word) < settings.cut_min_letters or fixed.startswith(word):
        return fix
    if lexicon.starts_longer_word(word, settings.cut_min_zipf):
        return token, []
    return fix


def is_piece(token: str, lexicon: Lexicon, settings: CorrectorSettings) -> bool:
    """A one-to-three letter bit that is no common word ('se', 'lie'): OCR cut a word."""
    if len(token) > PIECE_TOKEN_MAX:  # fast path: most tokens are longer
        return False
    core = SplitToken.of(token).core.lower()
    if not core.isalpha() or len(core) > _PIECE_MAX_LETTERS or core in lexicon.domain:
        return False
    return len(core) == 1 or lexicon.frequency(core) < settings.piece_max_zipf


def is_fragment(
    token: str, index: int, pieces_at: list[bool], lexicon: Lexicon, settings: CorrectorSettings
) -> bool:
    """A cut piece of a longer word, left as printed: an unknown short token beside another
    piece ('se lie arls' = sekretaris), or one touching table line-art ('|Veng')."""
    if token.lower() in lexicon.zipf:  # fast path: most tokens are listed words
        return False
    split = SplitToken.of(token)
    word = without_stray_marks(split.core.lower())
    if not word or lexicon.is_known(word):
        return False
    if any(char in _LINE_ART for char in split.lead + split.trail):
        return True
    beside = (index > 0 and pieces_at[index - 1]) or (
        index + 1 < len(pieces_at) and pieces_at[index + 1]
    )
    return beside and len(word) <= settings.fragment_max_letters
