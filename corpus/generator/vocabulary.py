"""Word pools for invented SOPs, taken from the seeds and DOMAIN.md and extended in their spirit."""

from __future__ import annotations

from typing import NamedTuple

from models.sop import WaktuUnit


class Duration(NamedTuple):
    """A Waktu cell as printed and its gold meaning (value None: no duration)."""

    text: str
    value: float | None
    unit: WaktuUnit | None
    hari_kerja: bool = False
    weight: int = 1


# Weights follow the 348-SOP archive counts in DOMAIN.md (most common first), variants kept rarer.
DURATIONS: tuple[Duration, ...] = (
    Duration("1 hari kerja", 1, "hari", True, 9), Duration("3 hari", 3, "hari", False, 8),
    Duration("1 hari", 1, "hari", False, 8), Duration("3 hari kerja", 3, "hari", True, 6),
    Duration("2 minggu", 2, "minggu", False, 4), Duration("1 bulan", 1, "bulan", False, 4),
    Duration("1 minggu", 1, "minggu", False, 4), Duration("10 menit", 10, "menit", False, 6),
    Duration("1 jam", 1, "jam", False, 6), Duration("5 menit", 5, "menit", False, 5),
    Duration("15 menit", 15, "menit", False, 5), Duration("30 Menit", 30, "menit", False, 4),
    Duration("60 menit", 60, "menit", False, 2), Duration("2 jam", 2, "jam", False, 3),
    Duration("1jam", 1, "jam", False, 2), Duration("1 x 24 Jam", 24, "jam", False, 2),
    Duration("satu hari", 1, "hari", False, 2), Duration("2 hari", 2, "hari", False, 4),
    Duration("1 Minggu", 1, "minggu", False, 1), Duration("120 hari", 120, "hari", False, 1),
    Duration("Triwulanan", 3, "bulan", False, 1), Duration("4 hari", 4, "hari", False, 2),
    Duration("sesuai jadwal", None, None, False, 1), Duration("-", None, None, False, 1),
)  # fmt: skip


class Organisation(NamedTuple):
    """A kind of office: its head, the organisation line, the units and the actor pool."""

    org_line: str
    head: str
    units: tuple[str, ...]
    chain: tuple[str, ...]  # actor labels from the top of the hierarchy down


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation(
        "DINAS KOMUNIKASI DAN INFORMATIKA", "Kepala Dinas Komunikasi dan Informatika",
        ("SEKRETARIAT", "BIDANG APLIKASI INFORMATIKA", "SUB BAGIAN UMUM DAN KEPEGAWAIAN"),
        ("Kadis", "Sekretaris", "Kabid", "Kasubag Umum", "Kasubag Program", "JF Pranata Komputer",
         "Staf", "Operator"),
    ),
    Organisation(
        "DINAS KESEHATAN", "Kepala Dinas Kesehatan",
        ("SEKRETARIAT", "BIDANG PELAYANAN KESEHATAN", "SUB BAGIAN PERENCANAAN & PELAPORAN"),
        ("Kepala Dinas", "Sekretaris", "Kepala Bidang", "Kasubbag Perencanaan", "Kasi",
         "Fungsional Perencana", "Staf"),
    ),
    Organisation(
        "KECAMATAN SOMBA OPU", "Camat Somba Opu",
        ("SEKRETARIAT KECAMATAN", "SEKSI PEMERINTAHAN", "SUB BAGIAN UMUM"),
        ("Camat", "Sekcam", "Kasubbag Perencanaan & Keuangan", "Kasie", "Staf", "Operator"),
    ),
    Organisation(
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH", "Kepala Badan Perencanaan Pembangunan Daerah",
        ("SEKRETARIAT", "BIDANG PERENCANAAN", "SUB BAGIAN KEUANGAN"),
        ("Kaban", "Sekretaris", "Kabid", "Subkor", "JF Perencana", "Bendahara", "Staf"),
    ),
    Organisation(
        "BADAN PENGELOLAAN KEUANGAN DAERAH", "Kepala Badan Pengelolaan Keuangan Daerah",
        ("BIDANG PERBENDAHARAAN", "SEKRETARIAT", "BIDANG ANGGARAN"),
        ("Kepala Badan", "PPK", "KPA", "PPSPM", "Kabid", "Bendahara", "Staf"),
    ),
    Organisation(
        "INSPEKTORAT DAERAH", "Inspektur Daerah",
        ("SEKRETARIAT", "SUB BAGIAN EVALUASI DAN PELAPORAN"),
        ("Inspektur", "Sekretaris", "Kasubag Evaluasi", "Auditor", "Tim Teknis", "Staff"),
    ),
)  # fmt: skip

# Two-level headers: a group printed over some consecutive actors.
ACTOR_GROUPS = ("Sekretariat", "Bidang Teknis", "Sub Bagian", "Tim Pelaksana", "Pejabat Keuangan")

REGENCIES = (
    "KABUPATEN GOWA",
    "KOTA MAKASSAR",
    "KABUPATEN BANTUL",
    "KOTA BANDUNG",
    "KABUPATEN SLEMAN",
)


class Topic(NamedTuple):
    """What a procedure is about: its name and the documents it passes around."""

    nama: str
    documents: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("Pengumpulan Data Kinerja", ("data kinerja", "formulir pengumpulan data", "rekapitulasi data capaian kinerja")),
    Topic("Evaluasi Kinerja Internal", ("kertas kerja evaluasi", "data kinerja", "laporan hasil evaluasi")),
    Topic("Penyusunan Laporan Kinerja", ("bahan laporan kinerja", "konsep laporan kinerja", "LKjIP")),
    Topic("Penyusunan Perjanjian Kinerja", ("Perjanjian Kinerja", "Rencana Aksi", "draft PK")),
    Topic("Penyusunan Renja", ("Renja", "Renstra", "rancangan Renja")),
    Topic("Pengelolaan Surat Masuk", ("surat masuk", "lembar disposisi", "agenda surat")),
    Topic("Pengelolaan Surat Keluar", ("konsep surat", "Nota Dinas", "surat keluar")),
    Topic("Pengajuan Cuti Pegawai", ("formulir cuti", "surat izin cuti", "rekapitulasi cuti")),
    Topic("Penerbitan SPM", ("SPP", "SPM", "SP2D")),
    Topic("Penyusunan RKA", ("RKA", "KAK", "DPA")),
    Topic("Inventarisasi Barang Milik Daerah", ("Kartu Inventaris Barang", "Berita Acara", "laporan inventaris")),
    Topic("Rapat Koordinasi Internal", ("undangan rapat", "notulen rapat", "daftar hadir")),
    Topic("Pengadaan Barang dan Jasa", ("KAK", "Berita Acara Serah Terima", "kuitansi")),
    Topic("Penyusunan SK Tim", ("konsep SK", "SK", "Nota Dinas")),
    Topic("Pengelolaan Arsip Dinamis", ("daftar arsip", "berkas arsip", "Berita Acara")),
)  # fmt: skip

# Verb phrases: {doc} is one of the topic's documents, {actor} a lane label.
START_ACTIVITIES = (
    "Menerima dan mendisposisikan {doc}", "Memerintahkan {actor} untuk menyiapkan {doc}",
    "Menugaskan {actor} untuk melaksanakan {topic}", "Menerima {doc} dan memberikan arahan",
    "Memerintahkan untuk mengumpulkan {doc}",
)  # fmt: skip
PROCESS_ACTIVITIES = (
    "Menyiapkan {doc}", "Menyusun konsep {doc}", "Menghimpun {doc} dari masing-masing bidang",
    "Merekap {doc}", "Mengolah {doc}", "Mengetik {doc} sesuai format",
    "Menyampaikan {doc} kepada {actor}", "Mengkoordinasikan penyiapan {doc}",
    "Menganalisa {doc} dan melaporkan kepada {actor}", "Menginput {doc} ke dalam aplikasi",
    "Membagikan {doc} kepada {actor}", "Memperbaiki {doc} sesuai arahan",
    "Menggandakan dan mendistribusikan {doc}", "Memberi paraf dan menyerahkan {doc} ke {actor}",
    "Mengundang {actor} untuk membahas {doc}", "Memverifikasi kelengkapan {doc}",
    "Mengoreksi {doc}", "Mencetak {doc}",
)  # fmt: skip
DECISION_ACTIVITIES = (
    "Memeriksa {doc}, jika setuju diparaf, jika tidak dikembalikan kepada {back} untuk diperbaiki",
    "Meneliti {doc}. Jika benar diteruskan, jika tidak dikembalikan kepada {back}",
    "Memverifikasi {doc}, apabila lengkap diproses, apabila tidak dikembalikan ke {back}",
    "Menelaah {doc}, jika sesuai disetujui, jika tidak dikembalikan untuk dilengkapi",
)  # fmt: skip
SKIP_ACTIVITIES = (
    "Menentukan apakah {doc} perlu disposisi",
    "Menilai apakah {doc} perlu dibahas dalam rapat",
)  # fmt: skip
JOINT_ACTIVITIES = (
    "Rapat pembahasan {doc}", "Melaksanakan rapat evaluasi {doc} bersama",
    "Membahas {doc} dalam rapat koordinasi",
)  # fmt: skip
END_ACTIVITIES = (
    "Menandatangani {doc}", "Mengarsipkan {doc}", "Menyimpan {doc}",
    "Menerima dan menandatangani {doc}", "Mendistribusikan {doc} kepada unit terkait",
)  # fmt: skip

KELENGKAPAN_EXTRA = (
    "Disposisi",
    "Memo",
    "Nota Dinas",
    "Struktur organisasi",
    "Jadwal kerja",
    "DPA",
)
OUTPUT_PREFIXES = ("", "draft ", "Konsep ", "", "Dokumen ")
KETERANGAN = (
    "SOP Rapat Koordinasi Internal", "Via Email", "Paraf", "SOP Pengiriman Surat/Dokumen",
    "Hardcopy dan softcopy", "Melalui aplikasi", "Dilampirkan",
)  # fmt: skip

# Decision exit labels as printed, (yes, no). The no-exit always maps to when="tidak".
DECISION_LABELS = (
    ("Ya", "Tidak"), ("Ya", "Tidak"), ("Y", "T"), ("YA", "TIDAK"), ("Lengkap", "Tidak"),
    ("Setuju", "Tidak"), ("Sesuai", "Tidak"),
)  # fmt: skip
DECISION_SYMBOL_TEXT = ("Setuju?", "Lengkap?", "Sesuai?", "Benar?", "Perlu disposisi?")
PROCESS_SYMBOL_TEXT = ("Via Email", "Paraf", "TTD", "Input")
TERMINATOR_TEXT = {"start": ("Mulai",), "end": ("Selesai",)}

DASAR_HUKUM = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah",
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
    "Peraturan Bupati Nomor 45 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah",
    "Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah",
)  # fmt: skip
KUALIFIKASI = (
    "Pendidikan minimal S1", "Memiliki kemampuan mengolah data", "Mengetahui mekanisme pembuatan laporan",
    "Memahami peraturan evaluasi kinerja", "Mampu mengoperasikan komputer",
    "Memahami tugas pokok dan fungsi", "Memiliki kemampuan analisis", "Teliti dan bertanggung jawab",
)  # fmt: skip
PERALATAN = (
    "Komputer", "Printer", "ATK", "Internet", "Berkas Persyaratan", "Scanner", "Buku Agenda",
    "Komputer dan perlengkapan lainnya", "Aplikasi e-SAKIP", "Telepon/Faksimile",
)  # fmt: skip
PERINGATAN = (
    "Jika SOP tidak dilaksanakan maka {topic} tidak berjalan tepat waktu",
    "Jika SOP tidak dilaksanakan maka {topic} tidak maksimal dan tidak tercapainya kinerja sesuai target yang ditetapkan",
    "Jika SOP tidak dilaksanakan maka pelaksanaan {topic} tidak objektif",
    "Apabila SOP tidak dilaksanakan maka {topic} akan terhambat",
)  # fmt: skip
PENCATATAN = (
    "Disimpan sebagai data elektronik dan manual", "Secara manual atau elektronik",
    "Dicatat dalam buku agenda dan disimpan sebagai arsip", "Disimpan dalam bentuk softcopy dan hardcopy",
)  # fmt: skip
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip
PERSON_NAMES = (
    "Dr. H. Andi Syamsul, M.Si", "Hj. Nurhayati Rahman, SE, MM", "Ir. Bambang Sutrisno, MT",
    "Drs. Muhammad Yusuf, M.Pd", "dr. Siti Aminah, M.Kes", "Agus Salim, S.Sos, M.AP",
)  # fmt: skip
NOMOR_CODES = ("SEKRT", "UMUM", "PRC", "KEU", "DISKOMINFO", "BPKD", "PEM")
