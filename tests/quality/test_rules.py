"""Every rule: one SOP that breaks it, and the complete SOP that passes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.normalise import make_actor, parse_waktu
from models.provenance import Correction, Doubt, Provenance
from models.quality import RULES, check_sop
from models.sop import Sop, Transition


def with_step(sop: Sop, step_no: int, /, **changes: object) -> Sop:
    """A copy of `sop` with step `no` changed."""
    steps = [step.model_copy(update=changes) if step.no == step_no else step for step in sop.steps]
    return sop.model_copy(update={"steps": steps})


ya_tidak = [Transition(to=5, when="ya", label="Ya"), Transition(to=3, when="tidak", label="Tidak")]

BREAKS: dict[str, Callable[[Sop], Sop]] = {
    "identity_field_missing": lambda s: s.model_copy(update={"nomor": "-"}),
    "identity_item_empty": lambda s: s.model_copy(update={"dasar_hukum": ["UU 5/2014", ""]}),
    "keterkaitan_empty": lambda s: s.model_copy(update={"keterkaitan": []}),
    "steps_missing": lambda s: s.model_copy(update={"steps": []}),
    "step_numbering": lambda s: with_step(
        with_step(s, 5, no=6), 4, next=[Transition(to=6, when="ya", label="Ya"), ya_tidak[1]]
    ),
    "step_number_printed": lambda s: with_step(s, 2, provenance={"no": Provenance(raw="7")}),
    "first_step_not_start": lambda s: with_step(s, 1, kind="process"),
    "last_step_not_end": lambda s: with_step(s, 5, kind="process"),
    "step_kegiatan_missing": lambda s: with_step(s, 3, kegiatan="-"),
    "step_pelaksana_missing": lambda s: with_step(s, 3, pelaksana=[]),
    "step_waktu_missing": lambda s: with_step(s, 3, waktu=None),
    "step_output_missing": lambda s: with_step(s, 3, output=None),
    "step_kelengkapan_missing": lambda s: with_step(s, 3, kelengkapan=""),
    "actor_lane_unused": lambda s: s.model_copy(update={"actors": [*s.actors, make_actor("Sekretaris")]}),
    "pelaksana_unknown": lambda s: with_step(s, 3, pelaksana=["operator"]),
    "flow_target_missing": lambda s: with_step(s, 2, next=[Transition(to=9)]),
    "flow_unreachable": lambda s: with_step(s, 1, next=[Transition(to=3)]),
    "flow_dead_end": lambda s: with_step(s, 2, next=[Transition(to=9)]),
    "flow_loop_without_exit": lambda s: with_step(
        s, 4, next=[Transition(to=2, when="ya", label="Ya"), Transition(to=3, when="tidak", label="Tidak")]
    ),
    "decision_exits": lambda s: with_step(s, 4, next=ya_tidak[:1]),
    "decision_exit_unlabelled": lambda s: with_step(s, 4, next=[Transition(to=5), Transition(to=3)]),
    "kegiatan_names_subject": lambda s: with_step(s, 3, kegiatan="Staf mengetik konsep laporan"),
    "kegiatan_not_active_verb": lambda s: with_step(s, 3, kegiatan="Laporan kepada Kabag"),
    "decision_only_in_text": lambda s: with_step(
        s, 2, kegiatan="Menyusun konsep, jika tidak lengkap dikembalikan ke staf"
    ),
    "document_chain_break": lambda s: with_step(s, 3, kelengkapan="Daftar hadir rapat"),
    "waktu_unparseable": lambda s: with_step(s, 2, waktu=parse_waktu("sesuai jadwal")),
    "waktu_implausible": lambda s: with_step(s, 2, waktu=parse_waktu("0 menit")),
    "low_confidence": lambda s: with_step(
        s, 2, provenance={"kegiatan": Provenance(raw="Menvusun konsep", confidence=0.3)}
    ),
    "value_corrected": lambda s: with_step(s, 2, provenance={"kegiatan": Provenance(
        raw="Menvusun konsep", confidence=0.9,
        corrections=[Correction(raw="Menvusun", corrected="Menyusun", score=0.8, rule="lexicon")])}),
    "value_unknown_word": lambda s: with_step(s, 2, provenance={"kegiatan": Provenance(
        raw="Menyusun Dilampurkan", confidence=0.9,
        doubts=[Doubt(raw="Dilampurkan", suggestion="Dilampirkan", score=0.4)])}),
}  # fmt: skip
# nominal_duration is information, never a failure: tested in test_duration.py.
ALWAYS_REPORTED = {"nominal_duration"}


def rules_found(sop: Sop) -> set[str]:
    return {finding.rule for finding in check_sop(sop).findings}


def test_every_catalogued_rule_has_a_breaking_sop():
    assert set(BREAKS) | ALWAYS_REPORTED == set(RULES)


def test_the_complete_sop_passes_every_rule_with_full_score(good_sop: Sop):
    check = check_sop(good_sop)
    assert rules_found(good_sop) == ALWAYS_REPORTED
    assert check.score == 100


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_rule_is_broken_by_its_sop_and_passed_by_the_complete_one(rule_id: str, good_sop: Sop):
    broken = check_sop(BREAKS[rule_id](good_sop))
    hits = [finding for finding in broken.findings if finding.rule == rule_id]
    assert hits, f"{rule_id} not reported"
    assert all(hit.severity == RULES[rule_id].severity for hit in hits)
    assert rule_id not in rules_found(good_sop)
    if RULES[rule_id].severity != "info" and RULES[rule_id].family != "extraction":
        assert broken.score < 100


def test_locations_name_the_field_the_step_or_the_actor(good_sop: Sop):
    cases = {
        "identity_field_missing": "nomor",
        "step_waktu_missing": "step 3",
        "actor_lane_unused": "actor sekretaris",
        "steps_missing": "sop",
    }
    for rule_id, location in cases.items():
        findings = check_sop(BREAKS[rule_id](good_sop)).findings
        assert [f.location for f in findings if f.rule == rule_id] == [location]


def test_messages_are_in_bahasa_indonesia(good_sop: Sop):
    findings = check_sop(BREAKS["step_kegiatan_missing"](good_sop)).findings
    message = next(f.message for f in findings if f.rule == "step_kegiatan_missing")
    assert message == "Kolom Kegiatan langkah 3 kosong."


def test_a_subject_is_reported_once_not_also_as_a_missing_verb(good_sop: Sop):
    found = rules_found(with_step(good_sop, 3, kegiatan="Kasubag memeriksa konsep"))
    assert "kegiatan_names_subject" in found
    assert "kegiatan_not_active_verb" not in found


def test_all_empty_list_items_count_as_a_missing_field(good_sop: Sop):
    sop = good_sop.model_copy(update={"dasar_hukum": ["", "-"]})
    findings = [f for f in check_sop(sop).findings if f.location == "dasar_hukum"]
    assert [f.rule for f in findings] == ["identity_field_missing"]
    assert "2 butir" in findings[0].message


def test_chain_match_is_fuzzy_about_filler_words():
    # 'yang sdh diperiksa' vs 'yang sudah diperiksa' in the complete SOP; a truly different
    # document does not match.
    from models.quality.continuity import chain_matches

    assert chain_matches(
        "Draft laporan kinerja yang sudah diperiksa", "Draft laporan kinerja yang sdh diperiksa", 70
    )
    assert not chain_matches("Notulen rapat", "Surat undangan", 70)
