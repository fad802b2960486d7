"""Raw rows and identity -> `Step` / `Sop` models, with provenance and confidence."""

from __future__ import annotations

from ingest.correct import Corrector, FieldKind
from ingest.text.rows import RawRow
from ingest.text.transitions import subject_actor
from models.normalise import clean_cell, parse_waktu
from models.provenance import Provenance
from models.sop import Actor, Step

TEXT_FIELDS = ("kegiatan", "kelengkapan", "output", "keterangan")
# How sure a value is, by how it was found in a text export without geometry.
IN_ROW_CONFIDENCE = 0.9
SCATTERED_CONFIDENCE = 0.6
REPAIRED_NUMBER_CONFIDENCE = 0.6
UNKNOWN_WAKTU_CONFIDENCE = 0.5


def build_step(
    row: RawRow, number: int, *, repaired: bool, actors: list[Actor], corrector: Corrector | None
) -> Step:
    """One Step; `corrector` (for OCR text only) fixes garbled cells and records each change."""
    provenance: dict[str, Provenance] = {
        "no": Provenance(
            raw=row.printed,
            page=row.page,
            confidence=REPAIRED_NUMBER_CONFIDENCE if repaired else IN_ROW_CONFIDENCE,
        )
    }
    values: dict[str, str | None] = {}
    for name in (*TEXT_FIELDS, "waktu"):
        raw = row.cells.get(name)
        if raw is None:
            continue
        confidence = SCATTERED_CONFIDENCE if name in row.scattered else IN_ROW_CONFIDENCE
        provenance[name] = Provenance(raw=raw, page=row.page, confidence=confidence)
        text = raw
        if corrector is not None:
            field: FieldKind = "waktu" if name == "waktu" else "text"
            corrected = corrector.correct(raw, field)
            provenance[name].corrections = corrected.corrections
            text = corrected.text
        values[name] = clean_cell(text)
    waktu = parse_waktu(values.get("waktu"))
    if waktu is not None and waktu.value is None and "waktu" in provenance:
        provenance["waktu"].confidence = UNKNOWN_WAKTU_CONFIDENCE
    actor = subject_actor(values.get("kegiatan"), actors)
    confidences = [item.confidence for item in provenance.values() if item.confidence is not None]
    return Step(
        no=number,
        kegiatan=values.get("kegiatan"),
        pelaksana=[actor] if actor else [],
        kelengkapan=values.get("kelengkapan"),
        waktu=waktu,
        output=values.get("output"),
        keterangan=values.get("keterangan"),
        provenance=provenance,
        confidence=min(confidences, default=1.0),
    )
