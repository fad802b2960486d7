"""correct_document: words read correctly elsewhere in the document are evidence for garble."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.correct import Corrector
from ingest.correct.errors import ConfidenceCountError


def test_document_word_fixes_garble_spelling_alone_declines(corrector: Corrector) -> None:
    garbled = "kasulig menyerahkan berkas"
    assert corrector.correct(garbled).text == garbled  # too far for spelling alone
    # two copies in the document: for two changed letters the review wants more than one
    document = [("Kasubag memeriksa kertas kerja", "text"), ("Paraf Kasubag", "text")]
    results = corrector.correct_document([*document, (garbled, "text")])
    assert results[2].text == "kasubag menyerahkan berkas"
    assert [c.rule for c in results[2].corrections] == ["document_word"]


def test_affix_reading_yields_to_a_document_word(corrector: Corrector) -> None:
    # 'gengan' reads as an affixed root, so alone it is left; the document says 'dengan'.
    assert corrector.correct("gengan").text == "gengan"
    results = corrector.correct_document([("sesuai dengan ketentuan", "text"), ("gengan", "text")])
    assert results[1].text == "dengan"
    assert results[1].corrections[0].rule == "document_word_over_affix_reading"


def test_affix_reading_does_not_yield_to_another_unlisted_affix_reading(
    corrector: Corrector, seeds_dir: Path
) -> None:
    # Real seed 004 prints the header fragment 'Pelak' (Pelaksana) and, twice, the fragment
    # 'pelap' (pelaporan); both read as pe+root and neither is listed, so neither is evidence
    # for the other.
    lines = (seeds_dir / "004_398e1332f72e7e9f.txt").read_text(encoding="utf-8").splitlines()
    header = lines.index("No. Keglata Pelak Mutu Baku")
    fields = ["header" if number == header else "text" for number in range(len(lines))]
    results = corrector.correct_document(list(zip(lines, fields, strict=True)))
    assert results[header].text == "No. Kegiatan Pelak Mutu Baku"


def test_one_result_per_text_and_fields_still_apply(corrector: Corrector) -> None:
    texts = [("Sekretaris memeriksa dokumen", "text"), ("3O menit", "waktu"), ("", "text")]
    results = corrector.correct_document(texts)
    assert [result.text for result in results] == ["Sekretaris memeriksa dokumen", "30 menit", ""]
    assert corrector.correct_document([]) == []


def test_correct_text_is_left_alone_in_context(corrector: Corrector) -> None:
    texts = [
        ("Kepala Dinas menandatangani surat", "text"),
        ("Kepala Bidang memaraf konsep", "text"),
    ]
    assert [r.text for r in corrector.correct_document(texts)] == [text for text, _ in texts]


def test_confidence_lists_must_match_texts(corrector: Corrector) -> None:
    with pytest.raises(ConfidenceCountError):
        corrector.correct_document([("a b", "text")], word_confidences=[None, None])
