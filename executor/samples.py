"""Small built-in SOPs for demos, benchmarks and tests: a decision looping back for revision,
a linear flow with no arrows (as text exports give them), and a step with no pelaksana."""

from __future__ import annotations

from models.normalise import make_actors, parse_waktu
from models.sop import Sop, Step, Transition

ACTOR_LABELS = ["Kepala Bidang", "Sub Koordinator Bidang", "JF Perencana"]


def revision_sop() -> Sop:
    """5 steps; step 3 is a decision whose 'Tidak' exit returns to step 2; step 5 has no lane."""
    actors = make_actors(ACTOR_LABELS)
    kabid, subkor, jf = (actor.id for actor in actors)
    steps = [
        Step(no=1, kegiatan="Menerima disposisi penyusunan laporan", pelaksana=[kabid],
             kind="start", kelengkapan="Disposisi", waktu=parse_waktu("15 menit"),
             output="Lembar disposisi"),
        Step(no=2, kegiatan="Menyusun konsep laporan kinerja", pelaksana=[jf],
             kelengkapan="Data kinerja", waktu=parse_waktu("1 hari kerja"), output="Konsep laporan"),
        Step(no=3, kegiatan="Memeriksa konsep laporan", pelaksana=[subkor], kind="decision",
             waktu=parse_waktu("2 jam"), output="Konsep diparaf",
             next=[Transition(to=4, when="ya", label="Sesuai"),
                   Transition(to=2, when="tidak", label="Tidak")]),
        Step(no=4, kegiatan="Menandatangani laporan", pelaksana=[kabid, subkor],
             waktu=parse_waktu("1 hari"), output="Laporan ditandatangani"),
        Step(no=5, kegiatan="Mengarsipkan laporan", pelaksana=[], kind="end",
             waktu=parse_waktu("30 menit"), output="Arsip"),
    ]  # fmt: skip
    return Sop(id="sop-revisi", nama="Penyusunan Laporan", actors=actors, steps=steps)


def linear_sop() -> Sop:
    """3 steps in sequence, no arrows at all (as text exports give them), no waktu on step 2."""
    actors = make_actors(["Staf", "Kasubag Umum"])
    staf, kasubag = (actor.id for actor in actors)
    steps = [
        Step(no=1, kegiatan="Menerima surat", pelaksana=[staf], waktu=parse_waktu("10 menit")),
        Step(no=2, kegiatan="Mencatat surat", pelaksana=[staf], waktu=parse_waktu("sesuai jadwal")),
        Step(no=3, kegiatan="Meneruskan surat", pelaksana=[kasubag], waktu=parse_waktu("1 jam")),
    ]  # fmt: skip
    return Sop(id="sop-linear", nama="Surat Masuk", actors=actors, steps=steps)
