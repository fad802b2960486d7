import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.normalise import clean_cell, make_actor, make_actors, parse_waktu


@pytest.mark.parametrize(
    ("text", "value", "unit", "hari_kerja"),
    [
        ("1jam", 1, "jam", False),
        ("30 Menit", 30, "menit", False),
        ("1 x 24 Jam", 24, "jam", False),
        ("1 hari kerja", 1, "hari", True),
        ("3 hari kerja", 3, "hari", True),
        ("satu hari", 1, "hari", False),
        ("1 Minggu", 1, "minggu", False),
        ("2 minggu", 2, "minggu", False),
        ("1 bulan", 1, "bulan", False),
        ("120 hari", 120, "hari", False),
        ("15 menit", 15, "menit", False),
        ("Triwulanan", 3, "bulan", False),
        ("1-2 hari", 2, "hari", False),
        ("sehari", 1, "hari", False),
    ],
)
def test_waktu_variants_from_domain(text, value, unit, hari_kerja):
    waktu = parse_waktu(text)
    assert waktu is not None
    assert (waktu.value, waktu.unit, waktu.text, waktu.hari_kerja) == (
        value,
        unit,
        text,
        hari_kerja,
    )


@pytest.mark.parametrize("text", ["-", "", "  ", None])
def test_empty_waktu_is_null(text):
    assert parse_waktu(text) is None


def test_unknown_waktu_keeps_text():
    waktu = parse_waktu("sesuai jadwal")
    assert waktu is not None
    assert (waktu.value, waktu.unit, waktu.text) == (None, None, "sesuai jadwal")


def test_clean_cell_folds_lines_and_nulls_dashes():
    assert clean_cell("Konsep laporan \nhasil  pengumpulan") == "Konsep laporan hasil pengumpulan"
    assert clean_cell(" - ") is None


@pytest.mark.parametrize(
    ("label", "actor_id", "jabatan"),
    [
        ("Kasubag", "kepala-sub-bagian", "Kepala Sub Bagian"),
        ("Kasubbag", "kepala-sub-bagian", "Kepala Sub Bagian"),
        ("kabag", "kepala-bagian", "Kepala Bagian"),
        ("Kepala\nBidang", "kepala-bidang", "Kepala Bidang"),
        ("Staff", "staf", "Staf"),
        ("JF Perencana", "jabatan-fungsional-perencana", "Jabatan Fungsional Perencana"),
        ("Tim \nPenyusunan \nSAKIP", "tim-penyusunan-sakip", "Tim Penyusunan SAKIP"),
    ],
)
def test_actor_ids_are_stable_across_spellings(label, actor_id, jabatan):
    actor = make_actor(label)
    assert (actor.id, actor.jabatan) == (actor_id, jabatan)
    assert "\n" not in actor.label


def test_unknown_actor_has_no_jabatan():
    assert make_actor("Xyzzy").jabatan is None


def test_repeated_lanes_get_distinct_ids():
    ids = [actor.id for actor in make_actors(["Kasubag", "Kasubbag", "Staf"])]
    assert ids == ["kepala-sub-bagian", "kepala-sub-bagian-2", "staf"]


UNIT_SPELLINGS = {
    "menit": ["menit", "Menit", "MENIT", "mnt"],
    "jam": ["jam", "Jam", "JAM"],
    "hari": ["hari", "Hari", "hari kerja", "Hari Kerja"],
    "minggu": ["minggu", "Minggu", "pekan"],
    "bulan": ["bulan", "Bulan", "bln"],
}


@given(
    value=st.integers(min_value=1, max_value=999),
    unit=st.sampled_from(sorted(UNIT_SPELLINGS)),
    data=st.data(),
    gap=st.sampled_from(["", " ", "  "]),
)
def test_any_number_and_unit_spelling_parses(value, unit, data, gap):
    spelling = data.draw(st.sampled_from(UNIT_SPELLINGS[unit]))
    waktu = parse_waktu(f"{value}{gap}{spelling}")
    assert waktu is not None
    assert (waktu.value, waktu.unit) == (value, unit)
    assert waktu.hari_kerja == ("kerja" in spelling.lower())


@given(st.text(max_size=40))
def test_parse_waktu_never_raises_and_keeps_the_printed_text(text):
    waktu = parse_waktu(text)
    if waktu is not None:
        assert waktu.text == " ".join(text.split())
        assert (waktu.value is None) == (waktu.unit is None)
