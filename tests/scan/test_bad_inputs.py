"""Bad inputs give one clear per-file error, never a traceback."""

import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
from reportlab.pdfgen.canvas import Canvas

from ingest.pipeline import ingest_file


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A tiny file that claims gigapixels: what a decompression bomb looks like to a reader."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
                     + chunk(b"IEND", b""))  # fmt: skip


def test_each_bad_input_fails_alone_with_a_message_that_says_what_to_do(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n")
    locked = tmp_path / "locked.pdf"
    canvas = Canvas(str(locked), encrypt="rahasia")
    canvas.drawString(100, 700, "SOP")
    canvas.save()
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    tiny = tmp_path / "tiny.png"
    cv2.imwrite(str(tiny), np.full((40, 60), 255, np.uint8))
    bomb = tmp_path / "bomb.png"
    _png_header_only(bomb, 40_000, 40_000)
    photo = tmp_path / "no_table.jpg"
    rng = np.random.default_rng(0)
    gradient = np.linspace(40, 220, 1600)[None, :, None] * np.ones((1200, 1, 3))
    cv2.imwrite(
        str(photo), np.clip(gradient + rng.normal(0, 25, gradient.shape), 0, 255).astype(np.uint8)
    )
    expected = {
        corrupt: "damaged", locked: "password", empty: "empty", tiny: "too small",
        bomb: "too large", photo: "no SOP found",
    }  # fmt: skip
    for path, phrase in expected.items():
        result = ingest_file(path)
        assert result.status == "failed", path
        assert phrase in (result.error or ""), (path, result.error)
        assert "Traceback" not in (result.error or "")
