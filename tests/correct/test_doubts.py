"""Doubts: unknown words the corrector leaves as printed are flagged for a person to read."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from ingest.correct import Corrector
from ingest.identity import Identity
from ingest.layout_to_sop import _corrected_identity
from ingest.pipeline import ingest_file
from models.provenance import Provenance
from models.quality import check_sop

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"


def test_garble_the_review_declines_is_a_doubt_with_its_best_guess(corrector: Corrector) -> None:
    text = "Menyusun Dilampurkan kepada Kepala Dinas"
    (result,) = corrector.correct_document([(text, "text")])
    assert result.text == text  # no reading is sure enough to print
    (doubt,) = result.doubts
    assert doubt.raw == "Dilampurkan"
    assert doubt.suggestion is not None and doubt.suggestion[0].isupper()  # printed case
    # below the probability at which the review would have printed it
    assert doubt.score is not None and doubt.score < corrector.review_model.plain.accept


def test_changed_known_and_protected_words_are_no_doubts(corrector: Corrector) -> None:
    text = "Keglatan dlberlkan pegawai 1jam SP20 35/2012 menyusun"
    (result,) = corrector.correct_document([(text, "text")])
    assert result.text.startswith("Kegiatan diberikan pegawai 1 jam")
    assert result.doubts == []


def test_an_affix_reading_is_a_doubt_only_when_the_review_saw_a_likely_rival(
    corrector: Corrector,
) -> None:
    # 'hasi' reads as has+i; the review finds 'hasil' likely but not sure enough to print
    (garbled,) = corrector.correct_document([("Melaporkan hasi kegiatan", "text")])
    assert garbled.text == "Melaporkan hasi kegiatan"
    (doubt,) = garbled.doubts
    assert doubt.raw == "hasi" and doubt.suggestion == "hasil"
    assert doubt.score is not None and doubt.score >= corrector.settings.doubt_rival_probability
    # an unlisted but well-formed inflection with no likely rival is no doubt
    (right,) = corrector.correct_document([("Membuat laporan dilampirkan", "text")])
    assert right.doubts == []


def test_line_mode_flags_without_a_guess(corrector: Corrector) -> None:
    result = corrector.correct("Xqzvwt kepada Kepala")
    assert [(d.raw, d.suggestion, d.score) for d in result.doubts] == [("Xqzvwt", None, None)]


def test_list_items_and_actor_cells_keep_the_doubts_of_their_words(corrector: Corrector) -> None:
    item = corrector.correct("3.Xqzvwt", "list_item")
    assert item.text == "3. Xqzvwt" and [d.raw for d in item.doubts] == ["Xqzvwt"]
    actor = corrector.correct("Kfastﬂba}g Xqzvwt", "actor")
    assert actor.text == "Kasubag Xqzvwt" and [d.raw for d in actor.doubts] == ["Xqzvwt"]


def test_ocr_identity_values_record_their_changes_and_doubts() -> None:
    identity = Identity(
        values={"nama": "Penyusunan Laporan Keglatan", "dasar_hukum": ["Peraturan Xqzvwt"]},
        provenance={
            "nama": Provenance(raw="Penyusunan Laporan Keglatan"),
            "dasar_hukum": Provenance(raw="1. Peraturan Xqzvwt"),
        },
        ocr=True,
    )
    values, provenance = _corrected_identity(identity)
    assert values["nama"] == "Penyusunan Laporan Kegiatan"
    assert [c.raw for c in provenance["nama"].corrections] == ["Keglatan"]
    assert [d.raw for d in provenance["dasar_hukum"].doubts] == ["Xqzvwt"]
    assert identity.provenance["nama"].corrections == []  # the identity as read is kept


def test_ingest_records_doubts_in_provenance_and_the_checks_list_them() -> None:
    ocr_seed = ingest_file(SEEDS / "003_5673e55a475cea00.txt").document
    assert ocr_seed is not None
    (sop,) = ocr_seed.sops
    flagged = [(p.raw, d) for s in sop.steps for p in s.provenance.values() for d in p.doubts]
    assert len(flagged) >= 5  # real OCR garble ('epaia' for Kepala, 'Kfastﬂba}g' for Kasubag)
    assert all(doubt.raw in (raw or "") for raw, doubt in flagged)  # found in the raw cell
    findings = [f for f in check_sop(sop).findings if f.rule == "value_unknown_word"]
    assert len(findings) == len(flagged)
    assert "tidak dikenal" in findings[0].message
    clean = ingest_file(SEEDS / "000_3c03b19de9e6dc6e.txt").document
    assert clean is not None
    assert not any(p.doubts for s in clean.sops for st in s.steps for p in st.provenance.values())


def test_sop_correct_explain_lists_words_left_as_printed() -> None:
    result = CliRunner().invoke(app, ["correct", "--explain"], input="Keglatan Xqzvwt\n")
    assert result.stdout == "Kegiatan Xqzvwt\n"
    assert "line 1: 'Xqzvwt' left as printed (unknown word)" in result.stderr
