"""Lines that belong to no SOP: scanner watermarks, e-signature footers, page counters."""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"dipindai\s+dengan\s+camscanner|camscanner\.com|scanned\s+with\s+camscanner"
    r"|ditandatangani\s+secara\s+elektronik|sertifikat\s+elektronik|\bBSrE\b"
    r"|balai\s+sertifikasi\s+elektronik|\bBSSN\b|UU\s+ITE|informasi\s+elektronik\s+dan/atau"
    r"|^\s*halaman\s+\d+(\s+dari\s+\d+)?\s*$|^\s*page\s+\d+(\s+of\s+\d+)?\s*$",
    re.IGNORECASE,
)


def is_noise(text: str) -> bool:
    return bool(_NOISE.search(text))
