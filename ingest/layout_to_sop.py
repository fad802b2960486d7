"""Tables and identity blocks of all pages of one file -> list[Sop].

Handles what real archives do: identity on page 1 and table on page 2, a table continued over
pages with its header repeated, several SOPs in one file, and the same page scanned twice.
The flowchart (pelaksana, kind, next) comes from `ingest.flowchart.step_flows`; when it cannot
be read, steps fall back on position and sequence and say so in `problems`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz

from ingest.correct import Corrector
from ingest.flowchart import StepFlow, StepRowRef, step_flows
from ingest.identity import Identity, is_identity_table, table_to_identity
from ingest.page import Page, Table, TokenChoices
from ingest.table.rows import CellRef, StepRow, table_to_step_rows
from models.normalise import clean_cell, make_actors, parse_waktu, slug
from models.provenance import Correction, Doubt, Provenance
from models.sop import Actor, Sop, Step, StepSymbol, Transition

# Scanner and e-signature footers that must never reach a value.
NOISE_LINE = re.compile(
    r"camscanner|dipindai dengan|v3\.camscanner|ditandatangani secara elektronik|"
    r"balai sertifikasi elektronik|\bbsre\b",
    re.IGNORECASE,
)
_DUPLICATE_SIMILARITY = 90.0


@dataclass
class PlacedRow:
    page: int
    table: Table
    row: StepRow
    ocr: bool = False


@dataclass
class Draft:
    """One SOP being assembled while walking the pages."""

    identity: Identity | None = None
    rows: list[PlacedRow] = field(default_factory=list)
    actor_labels: list[str] = field(default_factory=list)
    ocr: bool = False


def strip_noise(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not NOISE_LINE.search(line))


def _is_duplicate(draft: Draft, rows: list[StepRow]) -> bool:
    """The same page scanned twice: every step number already there with the same kegiatan."""
    seen = {placed.row.no: placed.row for placed in draft.rows if placed.row.no is not None}
    if not rows or any(row.no not in seen for row in rows):
        return False
    return all(
        fuzz.ratio(_text(row, "kegiatan"), _text(seen[row.no], "kegiatan")) >= _DUPLICATE_SIMILARITY
        for row in rows
    )


def _text(row: StepRow, role: str) -> str:
    ref = row.fields.get(role)
    return strip_noise(ref.text) if ref else ""


def _actor_labels(table: Table) -> list[str]:
    return [c.label for c in table.columns if c.role == "actor"]


def pages_to_drafts(pages: list[Page], problems: list[str]) -> list[Draft]:
    """Walk tables in page order, starting a new SOP at each new identity block or restart."""
    drafts: list[Draft] = []
    for page in pages:
        for index, table in enumerate(page.tables):
            current = drafts[-1] if drafts else None
            if table.kind == "identity" and is_identity_table(table):
                identity = table_to_identity(table, page.number)
                identity.ocr = not page.has_text_layer
                if current and current.identity and current.identity.values == identity.values:
                    problems.append(f"page {page.number}: identity block repeated; skipped")
                elif current is None or current.identity is not None or current.rows:
                    drafts.append(Draft(identity=identity, ocr=identity.ocr))
                else:
                    current.identity = identity
                    current.ocr = current.ocr or identity.ocr
                continue
            if table.kind != "procedure":
                continue
            rows = table_to_step_rows(table, index)
            if not rows:
                continue
            if current is not None and _is_duplicate(current, rows):
                problems.append(f"page {page.number}: same steps as an earlier page; skipped")
                continue
            restarts = current is not None and current.rows and rows[0].no == 1
            if current is None or restarts:
                current = Draft()
                drafts.append(current)
            current.actor_labels = current.actor_labels or _actor_labels(table)
            current.ocr = current.ocr or not page.has_text_layer
            current.rows += [PlacedRow(page.number, table, row, not page.has_text_layer)
                             for row in rows]  # fmt: skip
    return drafts


def _numbered(draft: Draft, problems: list[str]) -> list[tuple[int, PlacedRow]]:
    """Step numbers; a missing or unreadable number becomes previous + 1, and so does an OCR'd
    number that breaks a run its neighbours continue ('7' read as '1' between 6 and 8)."""
    numbers = [placed.row.no for placed in draft.rows]
    numbered, previous = [], 0
    for index, placed in enumerate(draft.rows):
        no = numbers[index]
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        misread = placed.ocr and no != previous + 1 and following == previous + 2
        if no is None or misread:
            problems.append(f"step after {previous}: number {placed.row.no_text!r} "
                            f"{'out of sequence' if misread else 'unreadable'}; taken as {previous + 1}")  # fmt: skip
            no = previous + 1
        numbered.append((no, placed))
        previous = no
    return numbered


def _flows(pages: list[Page], draft: Draft, numbered: list[tuple[int, PlacedRow]],
           problems: list[str]) -> dict[int, StepFlow]:  # fmt: skip
    refs = [StepRowRef(no=no, page=placed.page, table=placed.row.table, row=placed.row.rows[0])
            for no, placed in numbered]  # fmt: skip
    used = {placed.page for _, placed in numbered}
    try:
        return step_flows([p for p in pages if p.number in used], refs)
    except Exception as error:  # a drawing the reader cannot follow must not lose the table
        problems.append(f"flowchart could not be read ({type(error).__name__}: {error}); "
                        "pelaksana, kind and next fall back on the step order")  # fmt: skip
        return {}


def _lane_actor(table: Table, actors: list[Actor], column: int) -> str | None:
    lanes = [c.index for c in table.columns if c.role == "actor"]
    if column not in lanes or lanes.index(column) >= len(actors):
        return None
    return actors[lanes.index(column)].id


def _apply_flow(step: Step, flow: StepFlow | None, table: Table, actors: list[Actor],
                position: int, count: int, following: int | None, page: int) -> None:  # fmt: skip
    if flow is None:
        step.kind = "start" if position == 0 else "end" if position == count - 1 else "process"
        step.next = [Transition(to=following, source="sequence")] if following else []
        return
    step.pelaksana = [a for a in (_lane_actor(table, actors, c) for c in flow.pelaksana) if a]
    step.kind = flow.kind
    step.next = list(flow.next)
    step.symbols = [
        StepSymbol(
            actor=actor, shape=s.shape, text=s.text, page=page, bbox=s.bbox, confidence=s.confidence
        )
        for s in flow.symbols
        if s.col is not None and (actor := _lane_actor(table, actors, s.col))
    ]
    step.confidence = min(step.confidence, flow.confidence)


_ROLES = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
# Field text of one step by role, with the corrector's changes and doubts (none for a text
# layer).
FieldTexts = dict[str, tuple[str | None, list[Correction], list[Doubt]]]


class CellEvidence(NamedTuple):
    """A cell's text for the corrector and the OCR's evidence on its tokens, when it still
    lines up with them (a footer line removed shifts it: then none)."""

    text: str | None
    confidences: list[float] | None
    choices: TokenChoices | None


def _cell_text(ref: CellRef) -> CellEvidence:
    """Cell text without scanner footers, with its OCR word confidences and character
    alternatives when they still line up with its tokens."""
    text = clean_cell(strip_noise(ref.text))
    tokens = ref.text.split()
    same = text is not None and text.split() == tokens
    confidences = list(ref.word_confidences) if len(ref.word_confidences) == len(tokens) else None
    choices = list(ref.word_choices) if len(ref.word_choices) == len(tokens) else None
    return CellEvidence(text, confidences if same else None, choices if same else None)


def _field_texts(rows: list[PlacedRow]) -> list[FieldTexts]:
    """Each step's field texts. The OCR'd cells of one SOP are corrected together, so a word
    read well in one cell is evidence for its garbled copies in others (correct_document)."""
    texts: list[FieldTexts] = [{} for _ in rows]
    todo: list[tuple[int, str, CellEvidence]] = []
    for position, placed in enumerate(rows):
        for role in _ROLES:
            if role not in placed.row.fields:
                continue
            cell = _cell_text(placed.row.fields[role])
            texts[position][role] = (cell.text, [], [])
            if cell.text is not None and placed.ocr:
                todo.append((position, role, cell))
    if todo:
        results = Corrector.default().correct_document(
            [(cell.text or "", "waktu" if role == "waktu" else "text") for _, role, cell in todo],
            word_confidences=[cell.confidences for *_, cell in todo],
            word_choices=[cell.choices for *_, cell in todo],
        )
        for (position, role, _), result in zip(todo, results, strict=True):
            texts[position][role] = (clean_cell(result.text), result.corrections, result.doubts)
    return texts


def _step(no: int, placed: PlacedRow, fields: FieldTexts) -> Step:
    row, page = placed.row, placed.page
    texts: dict[str, str | None] = {}
    provenance: dict[str, Provenance] = {}
    for role in _ROLES:
        ref = row.fields.get(role)
        texts[role], corrections, doubts = fields.get(role, (None, [], []))
        if ref is not None:
            provenance[role] = Provenance(raw=ref.text, page=page, bbox=ref.bbox,
                                          confidence=ref.confidence, corrections=corrections,
                                          doubts=doubts)  # fmt: skip
    confidences = [ref.confidence for ref in row.fields.values()]
    return Step(no=no, kegiatan=texts["kegiatan"], kelengkapan=texts["kelengkapan"],
                waktu=parse_waktu(texts["waktu"]), output=texts["output"],
                keterangan=texts["keterangan"], provenance=provenance,
                confidence=max(0.0, min(confidences, default=1.0)))  # fmt: skip


def _corrected_identity(
    identity: Identity,
) -> tuple[dict[str, str | list[str]], dict[str, Provenance]]:
    """The OCR'd identity values corrected, and their provenance with each change and doubt
    recorded (a list value's items' in the list's); `identity` itself is left as read."""
    corrector = Corrector.default()
    fixed: dict[str, str | list[str]] = {}
    provenance = dict(identity.provenance)
    for key, value in identity.values.items():
        items = value if isinstance(value, list) else [value]
        results = [corrector.correct(item, "list_item" if isinstance(value, list) else "text")
                   for item in items]  # fmt: skip
        fixed[key] = [r.text for r in results] if isinstance(value, list) else results[0].text
        if key in provenance:
            read = provenance[key]
            provenance[key] = read.model_copy(update={
                "corrections": [*read.corrections, *(c for r in results for c in r.corrections)],
                "doubts": [*read.doubts, *(d for r in results for d in r.doubts)],
            })  # fmt: skip
    return fixed, provenance


def draft_to_sop(pages: list[Page], draft: Draft, index: int, problems: list[str]) -> Sop:
    labels = draft.actor_labels
    if draft.ocr:
        labels = [Corrector.default().correct(label, "actor").text for label in labels]
    actors = make_actors(labels)
    numbered = _numbered(draft, problems)
    flows = _flows(pages, draft, numbered, problems) if numbered else {}
    if numbered and not flows:
        problems.append("flowchart was not read: kind and next follow the step order")
    steps = []
    fields = _field_texts([placed for _, placed in numbered])
    for position, (no, placed) in enumerate(numbered):
        step = _step(no, placed, fields[position])
        following = numbered[position + 1][0] if position + 1 < len(numbered) else None
        flow = flows.get(no)
        _apply_flow(step, flow, placed.table, actors, position, len(numbered), following,
                    placed.page)  # fmt: skip
        problems.extend(flow.problems if flow else [])
        steps.append(step)
    values = draft.identity.values if draft.identity else {}
    identity_provenance = draft.identity.provenance if draft.identity else {}
    if draft.ocr and draft.identity and draft.identity.ocr:
        values, identity_provenance = _corrected_identity(draft.identity)
    nama = values.get("nama")
    sop_id = slug(str(nama or values.get("nomor") or "")) or f"sop-{index + 1}"
    return Sop(id=sop_id, unit=draft.identity.unit if draft.identity else None,
               actors=actors, steps=steps,
               provenance=identity_provenance,
               **{"nama": None, **values})  # fmt: skip


def pages_to_sops(pages: list[Page]) -> tuple[list[Sop], list[str]]:
    """Every SOP of a file, with the problems met on the way."""
    problems: list[str] = []
    drafts = pages_to_drafts(pages, problems)
    sops = [draft_to_sop(pages, draft, i, problems) for i, draft in enumerate(drafts)]
    return sops, problems
