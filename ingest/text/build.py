"""Raw rows and identity -> `Step` / `Sop` models, with provenance and confidence."""

from __future__ import annotations

from ingest.correct import CorrectedText, Corrector, FieldKind
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


def correct_rows(rows: list[RawRow], corrector: Corrector) -> list[dict[str, CorrectedText]]:
    """Every cell of the table corrected in one pass, so words read well elsewhere in the
    document are evidence for garbled ones. One {field name: CorrectedText} per row."""
    keys = [(index, name) for index, row in enumerate(rows) for name in (*TEXT_FIELDS, "waktu")
            if row.cells.get(name) is not None]  # fmt: skip
    texts: list[tuple[str, FieldKind]] = [
        (rows[index].cells[name] or "", "waktu" if name == "waktu" else "text")
        for index, name in keys
    ]
    corrected: list[dict[str, CorrectedText]] = [{} for _ in rows]
    for (index, name), result in zip(keys, corrector.correct_document(texts), strict=True):
        corrected[index][name] = result
    return corrected


def build_step(
    row: RawRow,
    number: int,
    *,
    repaired: bool,
    actors: list[Actor],
    corrected: dict[str, CorrectedText] | None = None,
) -> Step:
    """One Step; `corrected` (OCR text only) holds the corrected cells, recorded in provenance."""
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
        if corrected and name in corrected:
            provenance[name].corrections = corrected[name].corrections
            provenance[name].doubts = corrected[name].doubts
            text = corrected[name].text
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
