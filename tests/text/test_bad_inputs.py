"""Bad inputs through ingest_file: a failed status with a message, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import ingest_file

NEWS = (
    "Pemerintah kota meresmikan taman baru di pusat kota pada hari Senin. Warga menyambut "
    "baik pembukaan taman tersebut yang dilengkapi jalur sepeda dan area bermain anak.\n"
)


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("junk.txt", bytes(range(256)) * 40, "not readable text"),
        ("news.txt", NEWS.encode(), "no SOP found"),
    ],
)
def test_unusable_file_fails_with_message(
    tmp_path: Path, name: str, payload: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    result = ingest_file(path)
    assert result.status == "failed"
    assert expected in (result.error or "")


SMALL_SOP = (
    "SOP PENERIMAAN SURAT\n\nKasubag Staf Kelengkapan Waktu Output\n\n"
    "1 Menerima surat masuk Surat 10 menit Surat tercatat\n\n"
    "2 Mencatat surat dalam agenda Surat tercatat 15 menit Agenda\n\n"
    "3 Menyerahkan surat kepada Kasubag Agenda 5 menit Tanda terima\n"
)


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_other_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"sop-{encoding}.txt"
    path.write_bytes(SMALL_SOP.replace("Agenda 5", "Agenda  5").encode(encoding))
    result = ingest_file(path)
    assert result.status in ("ok", "partial"), result.error
    sop = result.document.sops[0]
    assert sop.nama == "PENERIMAAN SURAT"
    assert next(step.kegiatan for step in sop.steps) == "Menerima surat masuk"
    assert sop.steps[2].waktu.value == 5


def test_latin1_accents_survive(tmp_path: Path) -> None:
    path = tmp_path / "accent.txt"
    path.write_bytes(SMALL_SOP.replace("Agenda\n", "Agenda résumé\n").encode("latin-1"))
    result = ingest_file(path)
    assert result.document is not None
    assert result.document.sops[0].steps[1].output == "Agenda résumé"
