"""Identity block rules: every field of the Permenpan RB 35/2012 identity table is filled."""

from __future__ import annotations

from models.normalise import clean_cell
from models.quality.findings import FamilyResult, Finding
from models.quality.rules import finding
from models.sop import Sop

# Field name -> how the printed form calls it (for the messages).
REQUIRED_TEXT_FIELDS = {
    "nomor": "Nomor SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan oleh",
    "nama": "Nama SOP",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}
REQUIRED_LIST_FIELDS = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
}
LIST_FIELDS = {**REQUIRED_LIST_FIELDS, "keterkaitan": "Keterkaitan"}


def _filled_items(items: list[str]) -> list[str]:
    return [item for item in items if clean_cell(item) is not None]


def _missing_fields(sop: Sop) -> list[str]:
    missing = [name for name in REQUIRED_TEXT_FIELDS if clean_cell(getattr(sop, name)) is None]
    missing += [name for name in REQUIRED_LIST_FIELDS if not _filled_items(getattr(sop, name))]
    return missing


def _empty_item_findings(sop: Sop) -> list[Finding]:
    findings = []
    for name, label in LIST_FIELDS.items():
        items: list[str] = getattr(sop, name)
        empty = [index for index, item in enumerate(items, 1) if clean_cell(item) is None]
        if empty and len(empty) < len(items):  # all empty: reported as a missing field
            numbers = ", ".join(str(index) for index in empty)
            message = (
                f"{label} memuat butir kosong (butir {numbers}); lengkapi atau hapus butir itu."
            )
            findings.append(finding("identity_item_empty", name, message))
    return findings


def _missing_message(sop: Sop, name: str, label: str) -> str:
    items = getattr(sop, name)
    if isinstance(items, list) and items:
        return f"{label} hanya berisi butir kosong ({len(items)} butir); isi butirnya."
    return f"{label} tidak diisi atau hanya '-'; lengkapi dari dokumen asli."


def check_identity(sop: Sop) -> FamilyResult:
    missing = _missing_fields(sop)
    labels = {**REQUIRED_TEXT_FIELDS, **REQUIRED_LIST_FIELDS}
    findings = [finding("identity_field_missing", name, _missing_message(sop, name, labels[name]))
                for name in missing]  # fmt: skip
    findings += _empty_item_findings(sop)
    if not _filled_items(sop.keterkaitan):
        findings.append(
            finding(
                "keterkaitan_empty", "keterkaitan", "Keterkaitan kosong: tidak ada SOP terkait."
            )
        )
    with_empty_items = sum(1 for f in findings if f.rule == "identity_item_empty")
    # One check per required field, plus 'no empty item' per required list field.
    checked = len(labels) + len(REQUIRED_LIST_FIELDS)
    return FamilyResult(
        family="identity",
        findings=findings,
        checked=checked,
        failed=len(missing) + with_empty_items,
    )
