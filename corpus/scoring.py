"""Field-level agreement between extracted SOPs and gold SOPs (used by tests and `bench/`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from models.sop import Sop, Step

STEP_TEXT_FIELDS = ("kegiatan", "kelengkapan", "output", "keterangan")
STEP_FLOW_FIELDS = ("pelaksana", "kind", "next")
IDENTITY_TEXT_FIELDS = (
    "nama", "unit", "nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
    "disahkan_oleh", "peringatan", "pencatatan_pendataan",
)  # fmt: skip
IDENTITY_LIST_FIELDS = (
    "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan",
)  # fmt: skip


def normalise_text(text: str | None) -> str:
    """Compare text the way a reader would: case, spacing and trailing punctuation do not count."""
    return " ".join((text or "").casefold().split()).strip(" .,;:")


class Agreement(BaseModel):
    """Per field: how many compared values agree; plus mismatches a person can read."""

    agree: Counter[str] = Field(default_factory=Counter)
    total: Counter[str] = Field(default_factory=Counter)
    similarity: Counter[str] = Field(default_factory=Counter)
    step_count_exact: int = 0
    sops: int = 0
    mismatches: list[str] = Field(default_factory=list)

    def add(self, field: str, ok: bool, where: str, got: object, want: object, sim: float) -> None:
        self.total[field] += 1
        self.agree[field] += int(ok)
        self.similarity[field] += sim
        if not ok:
            self.mismatches.append(f"{where} {field}: got {got!r}, want {want!r}")

    def rate(self, field: str) -> float:
        return self.agree[field] / self.total[field] if self.total[field] else 1.0

    def overall(self, fields: Iterable[str] | None = None) -> float:
        names = list(fields) if fields is not None else list(self.total)
        total = sum(self.total[name] for name in names)
        return sum(self.agree[name] for name in names) / total if total else 1.0

    def merge(self, other: Agreement) -> Agreement:
        # model_construct: `similarity` sums floats, which Counter[str] validation would refuse.
        return Agreement.model_construct(
            agree=self.agree + other.agree,
            total=self.total + other.total,
            similarity=self.similarity + other.similarity,
            step_count_exact=self.step_count_exact + other.step_count_exact,
            sops=self.sops + other.sops,
            mismatches=self.mismatches + other.mismatches,
        )


def _text_similarity(got: str | None, want: str | None) -> float:
    return fuzz.ratio(normalise_text(got), normalise_text(want)) / 100


def _waktu_key(step: Step | None) -> tuple[object, ...]:
    if step is None or step.waktu is None:
        return (None,)
    waktu = step.waktu
    return (waktu.value, waktu.unit) if waktu.value is not None else (normalise_text(waktu.text),)


def _next_key(step: Step | None) -> set[tuple[int, str | None]]:
    return {(edge.to, edge.when) for edge in step.next} if step else set()


def compare_steps(got: Step | None, want: Step, where: str, result: Agreement) -> None:
    for field in STEP_TEXT_FIELDS:
        got_text = getattr(got, field) if got else None
        want_text = getattr(want, field)
        ok = normalise_text(got_text) == normalise_text(want_text)
        result.add(field, ok, where, got_text, want_text, _text_similarity(got_text, want_text))
    got_waktu, want_waktu = _waktu_key(got), _waktu_key(want)
    result.add(
        "waktu",
        got_waktu == want_waktu,
        where,
        got_waktu,
        want_waktu,
        float(got_waktu == want_waktu),
    )
    flow = {
        "pelaksana": (set(got.pelaksana) if got else None, set(want.pelaksana)),
        "kind": (got.kind if got else None, want.kind),
        "next": (_next_key(got), _next_key(want)),
    }
    for field, (got_value, want_value) in flow.items():
        ok = got_value == want_value
        result.add(field, ok, where, got_value, want_value, float(ok))


def compare_sop(got: Sop | None, want: Sop, label: str = "") -> Agreement:
    """Agreement of one extracted SOP with its gold; steps are matched by gold step number."""
    result = Agreement(sops=1)
    where = label or want.id
    for field in IDENTITY_TEXT_FIELDS:
        got_text = getattr(got, field) if got else None
        want_text = getattr(want, field)
        ok = normalise_text(got_text) == normalise_text(want_text)
        result.add(field, ok, where, got_text, want_text, _text_similarity(got_text, want_text))
    for field in IDENTITY_LIST_FIELDS:
        got_items = [normalise_text(item) for item in getattr(got, field)] if got else []
        want_items = [normalise_text(item) for item in getattr(want, field)]
        ok = got_items == want_items
        sim = _text_similarity(" | ".join(got_items), " | ".join(want_items))
        result.add(field, ok, where, got_items, want_items, sim)
    got_steps = {step.no: step for step in got.steps} if got else {}
    for step in want.steps:
        compare_steps(got_steps.get(step.no), step, f"{where} step {step.no}", result)
    got_count = len(got.steps) if got else 0
    result.step_count_exact = int(got_count == len(want.steps))
    if got_count != len(want.steps):
        result.mismatches.append(f"{where}: {got_count} steps, want {len(want.steps)}")
    return result


def compare_documents(got: list[Sop], want: list[Sop], label: str = "") -> Agreement:
    """SOPs are matched in order; a missing SOP scores zero on all its fields."""
    total = Agreement()
    for index, gold in enumerate(want):
        extracted = got[index] if index < len(got) else None
        total = total.merge(compare_sop(extracted, gold, f"{label}#{index + 1}"))
    return total
