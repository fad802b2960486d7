"""The `sop/1` contract: what other systems (e-SOP apps, SAKIP) read. Field names are the product."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.geometry import BBox
from models.provenance import Provenance

SCHEMA_ID = "sop/1"

WaktuUnit = Literal["menit", "jam", "hari", "minggu", "bulan"]
StepKind = Literal["start", "process", "decision", "end"]
SymbolShape = Literal["terminator", "process", "decision", "off_page_connector", "connector"]
SourceKind = Literal["text", "pdf", "image"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Waktu(_Model):
    """A Mutu Baku time standard: number + unit, and the text as printed."""

    value: float | None = Field(description="Amount of `unit`; null when the text is no duration.")
    unit: WaktuUnit | None
    text: str = Field(description="As printed (after noise removal).")
    hari_kerja: bool = Field(
        default=False, description="True for working days ('hari kerja'), false for calendar time."
    )


class Actor(_Model):
    """One Pelaksana lane, in the order the table prints them."""

    id: str = Field(description="Stable id: slug of the expanded title, same for Kasubag/Kasubbag.")
    label: str = Field(description="As printed, line breaks folded.")
    jabatan: str | None = Field(
        description="Expanded title (Kasubag -> Kepala Sub Bagian) or null."
    )


class Transition(_Model):
    """An edge of the flowchart: where the process goes after a step."""

    to: int = Field(description="Step `no` of the target.")
    when: Literal["ya", "tidak"] | None = Field(
        default=None, description="Decision exit taken; null for an unconditional edge."
    )
    label: str | None = Field(
        default=None, description="Exit label as printed (Ya, T, Lengkap...)."
    )
    source: Literal["layout", "text", "sequence"] = Field(
        default="sequence",
        description="layout: read from the drawing; text: inferred from kegiatan; sequence: default.",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class StepSymbol(_Model):
    """A flowchart symbol found in a step's row, in one actor's lane."""

    actor: str = Field(description="Actor id of the lane holding the symbol.")
    shape: SymbolShape
    text: str | None = Field(default=None, description="Text written inside the symbol.")
    page: int | None = None
    bbox: BBox | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Step(_Model):
    """One row of the procedure table."""

    no: int
    kegiatan: str | None
    pelaksana: list[str] = Field(default_factory=list, description="Actor ids, in lane order.")
    kind: StepKind = "process"
    kelengkapan: str | None = None
    waktu: Waktu | None = None
    output: str | None = None
    keterangan: str | None = None
    next: list[Transition] = Field(default_factory=list)
    symbols: list[StepSymbol] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        description="Per field name (no, kegiatan, waktu...): where it came from.",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="Lowest field confidence.")


class Sop(_Model):
    """One SOP: identity block + procedure table."""

    id: str
    nama: str | None = Field(description="Title without the 'SOP' prefix.")
    unit: str | None = None
    nomor: str | None = None
    tanggal_pembuatan: str | None = None
    tanggal_revisi: str | None = None
    tanggal_efektif: str | None = None
    disahkan_oleh: str | None = None
    dasar_hukum: list[str] = Field(default_factory=list)
    kualifikasi_pelaksana: list[str] = Field(default_factory=list)
    keterkaitan: list[str] = Field(default_factory=list)
    peralatan_perlengkapan: list[str] = Field(default_factory=list)
    peringatan: str | None = None
    pencatatan_pendataan: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(
        default_factory=dict, description="Per identity field name: where it came from."
    )


class Source(_Model):
    path: str
    sha256: str
    kind: SourceKind
    pages: int


class Document(_Model):
    """Everything extracted from one input file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["sop/1"] = Field(default=SCHEMA_ID, alias="schema")
    source: Source
    sops: list[Sop] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)
