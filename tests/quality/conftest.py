"""Fixtures: a complete, well-formed SOP that passes every rule; tests break one thing at a time."""

from __future__ import annotations

import pytest

from models.normalise import make_actors, parse_waktu
from models.sop import Sop, Step, Transition


def complete_sop() -> Sop:
    actors = make_actors(["Kabag", "Kasubag", "Staf"])
    kabag, kasubag, staf = (actor.id for actor in actors)
    steps = [
        Step(no=1, kind="start", kegiatan="Memerintahkan penyusunan laporan kinerja",
             pelaksana=[kabag], waktu=parse_waktu("15 menit"), output="Disposisi"),
        Step(no=2, kegiatan="Menyusun konsep laporan kinerja", pelaksana=[kasubag],
             kelengkapan="Disposisi", waktu=parse_waktu("1 hari kerja"), output="Konsep laporan kinerja"),
        Step(no=3, kegiatan="Mengetik konsep laporan", pelaksana=[staf],
             kelengkapan="Konsep laporan kinerja", waktu=parse_waktu("2 jam"), output="Draft laporan kinerja"),
        Step(no=4, kind="decision", kegiatan="Memeriksa draft laporan kinerja", pelaksana=[kasubag],
             kelengkapan="Draft laporan kinerja", waktu=parse_waktu("1 jam"),
             output="Draft laporan kinerja yang sudah diperiksa",
             next=[Transition(to=5, when="ya", label="Ya"), Transition(to=3, when="tidak", label="Tidak")]),
        Step(no=5, kind="end", kegiatan="Menandatangani laporan kinerja", pelaksana=[kabag],
             kelengkapan="Draft laporan kinerja yang sdh diperiksa", waktu=parse_waktu("10 menit"),
             output="Laporan kinerja yang ditandatangani"),
    ]  # fmt: skip
    return Sop(
        id="sekretariat-pelaporan-kinerja",
        nama="Pelaporan Kinerja",
        unit="SEKRETARIAT",
        nomor="800/01/SEKR/2023",
        tanggal_pembuatan="2 Januari 2023",
        tanggal_revisi="-",
        tanggal_efektif="9 Januari 2023",
        disahkan_oleh="Kepala Dinas, NIP 19700101 199001 1 001",
        dasar_hukum=["Peraturan Menteri PANRB Nomor 35 Tahun 2012"],
        kualifikasi_pelaksana=["Memiliki kemampuan mengolah data"],
        keterkaitan=["SOP Pengiriman Surat"],
        peralatan_perlengkapan=["Komputer", "ATK"],
        peringatan="Jika SOP tidak dilaksanakan maka laporan kinerja terlambat.",
        pencatatan_pendataan="Disimpan sebagai data elektronik dan manual",
        actors=actors,
        steps=steps,
    )


@pytest.fixture
def good_sop() -> Sop:
    return complete_sop()
