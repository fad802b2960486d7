"""Text exports -> SOPs: the recipe. Each step lives in its own module of this package."""

from __future__ import annotations

from ingest.correct import Corrector
from ingest.page import Page
from ingest.text.build import build_step, correct_rows
from ingest.text.header import Header, find_header_block, read_header
from ingest.text.identity import Identity, read_identity
from ingest.text.layout_rows import actor_labels_by_position, layout_rows
from ingest.text.lines import TextLine, document_lines, is_double_spaced, is_layout_export
from ingest.text.numbering import drop_repeated_scan, repair_numbers
from ingest.text.rows import (
    RawRow,
    anchor_line_rows,
    find_anchors,
    is_anchor_line_style,
    segment_rows,
)
from ingest.text.scattered import reassemble
from ingest.text.split import SopChunk, split_sops, title_of
from ingest.text.transitions import link_steps
from models.normalise import make_actors, slug
from models.provenance import Provenance
from models.sop import Sop

# Above this share of unknown words a text export is OCR output, and its cells are corrected;
# below it the text is what the author typed (typos included) and is kept as printed.
OCR_UNKNOWN_SHARE = 0.03


def ocr_corrector(pages: list[Page]) -> Corrector | None:
    """The corrector when the export looks like OCR output, else None."""
    corrector = Corrector.default()
    text = "\n".join(line for page in pages for line in page.lines)
    return corrector if corrector.unknown_share(text) > OCR_UNKNOWN_SHARE else None


def sops_from_text_pages(pages: list[Page]) -> tuple[list[Sop], list[str]]:
    """All SOPs of a text export, and the problems met (human-readable)."""
    layout = is_layout_export(pages)
    lines, _dropped = document_lines(pages, layout=layout)
    double_spaced = is_double_spaced(lines)
    corrector = ocr_corrector(pages)
    problems: list[str] = []
    if corrector is not None:
        problems.append("the text looks like OCR output: cells were corrected (see provenance)")
    sops: list[Sop] = []
    used_ids: set[str] = set()
    for position, chunk in enumerate(split_sops(lines), start=1):
        sop = _sop_from_chunk(chunk, layout=layout, double_spaced=double_spaced,
                              problems=problems, corrector=corrector)  # fmt: skip
        if sop is None:
            continue
        sop_id = _unique(sop.id if sop.nama else f"sop-{position}", used_ids)
        sops.append(sop.model_copy(update={"id": sop_id}))
    return sops, problems


def _unique(base: str, used: set[str]) -> str:
    candidate, counter = base, 2
    while candidate in used:
        candidate, counter = f"{base}-{counter}", counter + 1
    used.add(candidate)
    return candidate


def _identity_lines(lines: list[TextLine]) -> list[TextLine]:
    return [
        line for line in lines
        if not (title_of(line) is not None and not line.text.lower().count("nama sop"))
        and not line.stripped.lower().startswith("prosedur")
    ]  # fmt: skip


def _table_rows(
    body: list[TextLine],
    header: Header,
    header_lines: list[TextLine],
    *,
    layout: bool,
    double_spaced: bool,
) -> tuple[list[RawRow], list[str], list[str]]:
    """Rows, actor labels found among scattered cells, and problems."""
    if layout:
        return layout_rows(body, header, header_lines), [], []
    anchors = find_anchors(body)
    if not anchors:
        return [], [], []
    positions = [index for index, _number in anchors]
    if not is_anchor_line_style([(i, body[i].text) for i in positions], double_spaced):
        return segment_rows(body, positions, header.roles, double_spaced), [], []
    rows, trailing = anchor_line_rows(body, positions, header.roles)
    if not trailing:
        return rows, [], []
    result = reassemble(rows, trailing, header.roles)
    problems = [f"{result.placed} cells printed after the table were put back into their rows"]
    if result.unplaced:
        problems.append(f"{len(result.unplaced)} text pieces after the table could not be placed")
    return rows, result.actor_labels, problems


def _sop_from_chunk(
    chunk: SopChunk,
    *,
    layout: bool,
    double_spaced: bool,
    problems: list[str],
    corrector: Corrector | None,
) -> Sop | None:
    block = find_header_block(chunk.lines)
    header_lines = chunk.lines[block[0] : block[1]] if block else []
    header = read_header(header_lines)
    if layout:
        header.actor_labels = actor_labels_by_position(header_lines)
    identity = read_identity(_identity_lines(chunk.lines[: block[0]] if block else chunk.lines))
    body = chunk.lines[block[1] :] if block else []
    rows, extra_actors, table_problems = _table_rows(
        body, header, header_lines, layout=layout, double_spaced=double_spaced
    )
    name = chunk.name or identity.values.get("nama")
    label = name or "without name"
    if not rows and not identity.lists.get("dasar_hukum") and not name:
        return None
    rows, dropped = drop_repeated_scan(rows)
    if dropped:
        problems.append(f"SOP '{label}': {dropped} rows of a page scanned twice were ignored")
    problems.extend(f"SOP '{label}': {problem}" for problem in table_problems)
    if not rows:
        problems.append(f"SOP '{label}': no procedure table with numbered steps found")
    return _assemble(chunk, identity, header, extra_actors, rows, problems, corrector)


def _assemble(
    chunk: SopChunk,
    identity: Identity,
    header: Header,
    extra_actors: list[str],
    rows: list[RawRow],
    problems: list[str],
    corrector: Corrector | None,
) -> Sop:
    name = chunk.name or identity.values.get("nama")
    numbering = repair_numbers(rows, name or "without name")
    if numbering.problem:
        problems.append(numbering.problem)
    actors = make_actors([*header.actor_labels, *extra_actors])
    corrected = correct_rows(rows, corrector) if corrector else [None] * len(rows)
    steps = [
        build_step(
            row,
            number,
            repaired=index in numbering.repaired,
            actors=actors,
            corrected=corrected[index],
        )
        for index, (row, number) in enumerate(zip(rows, numbering.numbers, strict=True))
    ]
    labelled = {number for row, number in zip(rows, numbering.numbers, strict=True)
                if row.labelled}  # fmt: skip
    provenance = dict(identity.provenance)
    if chunk.name_line is not None:
        provenance["nama"] = Provenance(raw=chunk.name_line.text, page=chunk.name_line.page)
    values = identity.values
    return Sop(
        id=slug(name) if name and slug(name) else "sop",
        nama=name,
        unit=values.get("unit"),
        nomor=values.get("nomor"),
        tanggal_pembuatan=values.get("tanggal_pembuatan"),
        tanggal_revisi=values.get("tanggal_revisi"),
        tanggal_efektif=values.get("tanggal_efektif"),
        disahkan_oleh=values.get("disahkan_oleh"),
        peringatan=values.get("peringatan"),
        pencatatan_pendataan=values.get("pencatatan_pendataan"),
        **{name: identity.lists.get(name, []) for name in LIST_FIELD_NAMES},
        actors=actors,
        steps=link_steps(steps, actors, labelled),
        provenance=provenance,
    )


LIST_FIELD_NAMES = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
                    "peralatan_perlengkapan")  # fmt: skip
