"""Neighbour context, fragments and token-aligned output of correct_document."""

from __future__ import annotations

import pytest

from ingest.correct import Corrector
from ingest.correct.candidates import ranked_candidates
from ingest.correct.lexicon import Lexicon
from ingest.correct.neighbours import BigramModel
from ingest.correct.settings import CorrectorSettings


@pytest.fixture(scope="module")
def rules_only() -> Corrector:
    """The neighbour pass runs when the learned review is off (the review weighs the same pairs)."""
    return Corrector(Lexicon.load(), CorrectorSettings(review=False))


def test_bigram_model_knows_sop_phrases(corrector: Corrector) -> None:
    bigrams = corrector.bigrams
    assert bigrams.support("laporan", "kinerja", "kepada") == 2
    assert bigrams.support("laporan", "kerja", None) == 0
    assert "kinerja" in bigrams.near("kinarja", "laporan", None, 0.4)


def test_neighbours_settle_a_close_call(rules_only: Corrector) -> None:
    corrector = rules_only
    # Spelling alone: 'kepada' and 'kepala' are about as close, so it declines.
    text = "Mengirimkan surat kepaoa Kepala Bidang"
    assert corrector.correct(text).text == text
    result = corrector.correct_document([(text, "text")])[0]
    assert result.text == "Mengirimkan surat kepada Kepala Bidang"
    assert [c.rule for c in result.corrections] == ["neighbour_words"]


def test_neighbours_against_a_spelling_pick_leave_the_word(rules_only: Corrector) -> None:
    corrector = rules_only
    # 'kepala' is the nearest spelling, 'kepada' what the phrase wants: too close to call.
    text = "Menyerahkan berkas kepaiia Kepala Bidang"
    nearest = ranked_candidates("kepaiia", corrector.lexicon, corrector.settings)
    assert [word for _, _, word in nearest[:2]] == ["kepala", "kepada"]
    in_context = corrector.correct_document([("Kepala Dinas memeriksa", "text"), (text, "text")])
    assert in_context[1].text == text


def test_a_spelling_variant_of_the_winner_is_no_rival(rules_only: Corrector) -> None:
    corrector = rules_only
    # The phrase pool pairs 'aplikasi' with 'e-sakip'; the spelling winner 'esakip' is the same
    # word, so the neighbour gives no reason to doubt it.
    assert corrector.bigrams.support("aplikasi", "e-sakip", None) == 1
    texts = [("Mengirimkan berkas melalui aplikasi osakip", "text")]
    assert corrector.correct_document(texts, word_confidences=[[0.9, 0.9, 0.9, 0.9, 0.0]])[
        0
    ].text.endswith("aplikasi esakip")


def test_cut_word_pieces_and_line_art_are_left(corrector: Corrector) -> None:
    texts = [("se lie arls untuk menyiapkan", "text"), ("|Veng penyiapan kertas kerja", "text")]
    results = corrector.correct_document(texts)
    assert [result.text for result in results] == [text for text, _ in texts]


def test_tokens_follow_the_input_tokens(rules_only: Corrector) -> None:
    corrector = rules_only
    result = corrector.correct_document([("3.Printer dan dlberlkan", "list_item")])[0]
    assert result.tokens == ["3. Printer", "dan", "diberikan"]
    text = corrector.correct_document([("laporan kinerjapegawai", "text")])[0]
    assert text.tokens == ["laporan", "kinerja pegawai"]


def test_missing_bigram_file_says_what_to_do(tmp_path) -> None:
    from ingest.correct.errors import LexiconMissingError

    with pytest.raises(LexiconMissingError):
        BigramModel.load(tmp_path / "bigrams.tsv")
    assert Lexicon.load().directory.name == "lexicon"
