"""Invent the gold content of a document: identity block, actors, steps and flowchart (pure)."""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict

from corpus.generator import vocabulary as vocab
from corpus.generator.flow import FlowStep, plan_flow
from models.normalise import make_actors, slug
from models.sop import Actor, Document, Sop, Source, Step, StepSymbol, Transition, Waktu

_SHAPE_OF_KIND = {"start": "terminator", "end": "terminator", "process": "process"}


class ActorGroup(BaseModel):
    """A two-level header: `label` printed over lanes first..last (inclusive)."""

    model_config = ConfigDict(frozen=True)

    label: str
    first: int
    last: int


class SopDraft(BaseModel):
    """Gold SOP plus what the sheet prints that the model does not hold."""

    model_config = ConfigDict(frozen=True)

    sop: Sop
    regency: str
    org_name: str
    signer_name: str
    signer_nip: str
    actor_groups: tuple[ActorGroup, ...] = ()
    merged_waktu: frozenset[int] = frozenset()  # step numbers whose Waktu cell spans the next row
    flow: tuple[FlowStep, ...]


class DocumentDraft(BaseModel):
    model_config = ConfigDict(frozen=True)

    seed: int
    sops: tuple[SopDraft, ...]

    def gold(self, source: Source) -> Document:
        return Document(source=source, sops=[draft.sop for draft in self.sops])


def _date(rng: random.Random, year: int) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    style = rng.choice(["long", "long", "dash", "slash"])
    if style == "long":
        return f"{day} {vocab.MONTHS[month - 1]} {year}"
    separator = "-" if style == "dash" else "/"
    return f"{day:02d}{separator}{month:02d}{separator}{year}"


def _nomor(rng: random.Random, year: int) -> str:
    code = rng.choice(vocab.NOMOR_CODES)
    number = rng.randint(1, 999)
    if rng.random() < 0.25:
        return f"SOP/{number:03d}/{code}/{year}"
    return f"{rng.choice([800, 61, 50, 900, 94])}/{number}/{code}/{year}"


def _nip(rng: random.Random) -> str:
    """NIP: birth date, appointment month, sex digit, serial (18 digits)."""
    born = f"{rng.randint(1962, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return f"NIP. {born} {rng.randint(1988, 2015)}{rng.randint(1, 12):02d} {rng.randint(1, 2)} {rng.randint(1, 20):03d}"


def _sample(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, min(high, len(pool))))


def _identity(rng: random.Random, topic: vocab.Topic, org: vocab.Organisation) -> dict:
    year = rng.randint(2016, 2024)
    others = [t.nama for t in vocab.TOPICS if t.nama != topic.nama]
    return {
        "id": slug(topic.nama),
        "nama": topic.nama,
        "unit": rng.choice(org.units),
        "nomor": _nomor(rng, year),
        "tanggal_pembuatan": _date(rng, year),
        "tanggal_revisi": _date(rng, year + 1) if rng.random() < 0.4 else None,
        "tanggal_efektif": _date(rng, year),
        "disahkan_oleh": org.head,
        "dasar_hukum": _sample(rng, vocab.DASAR_HUKUM, 1, 4),
        "kualifikasi_pelaksana": _sample(rng, vocab.KUALIFIKASI, 1, 4),
        "keterkaitan": [f"SOP {name}" for name in rng.sample(others, rng.randint(0, 3))],
        "peralatan_perlengkapan": _sample(rng, vocab.PERALATAN, 2, 5),
        "peringatan": rng.choice(vocab.PERINGATAN).format(topic=topic.nama.lower()),
        "pencatatan_pendataan": rng.choice(vocab.PENCATATAN),
    }


def _actors(rng: random.Random, org: vocab.Organisation) -> list[Actor]:
    count = rng.randint(3, min(7, len(org.chain)))
    indexes = sorted(rng.sample(range(len(org.chain)), count))
    return make_actors([org.chain[index] for index in indexes])


def _waktu(rng: random.Random) -> Waktu | None:
    weights = [duration.weight for duration in vocab.DURATIONS]
    duration = rng.choices(vocab.DURATIONS, weights=weights)[0]
    if duration.text == "-":
        return None
    return Waktu(
        value=duration.value, unit=duration.unit, text=duration.text, hari_kerja=duration.hari_kerja
    )


def _kegiatan(
    rng: random.Random,
    flow: FlowStep,
    plan: list[FlowStep],
    actors: list[Actor],
    topic: vocab.Topic,
) -> str:
    doc = rng.choice(topic.documents)
    actor = actors[min(flow.lanes[0] + 1, len(actors) - 1)].label
    if flow.kind == "decision":
        if flow.skip:
            return rng.choice(vocab.SKIP_ACTIVITIES).format(doc=doc)
        back = actors[plan[flow.exits[1].to - 1].lanes[0]].label
        return rng.choice(vocab.DECISION_ACTIVITIES).format(doc=doc, back=back)
    pool = {"start": vocab.START_ACTIVITIES, "end": vocab.END_ACTIVITIES}.get(
        flow.kind, vocab.JOINT_ACTIVITIES if flow.is_joint else vocab.PROCESS_ACTIVITIES
    )
    text = rng.choice(pool).format(doc=doc, actor=actor, topic=topic.nama.lower())
    return text[0].upper() + text[1:]


def _symbols(flow: FlowStep, actors: list[Actor]) -> list[StepSymbol]:
    shape = "decision" if flow.kind == "decision" else _SHAPE_OF_KIND[flow.kind]
    return [
        StepSymbol(actor=actors[lane].id, shape=shape, text=flow.symbol_text) for lane in flow.lanes
    ]


def _transitions(flow: FlowStep) -> list[Transition]:
    return [
        Transition(to=exit_.to, when=exit_.when or None, label=exit_.label or None, source="layout")
        for exit_ in flow.exits
    ]


def _steps(
    rng: random.Random, plan: list[FlowStep], actors: list[Actor], topic: vocab.Topic
) -> list[Step]:
    steps: list[Step] = []
    previous_output: str | None = None
    for flow in plan:
        output = None
        if rng.random() > 0.05:
            output = (rng.choice(vocab.OUTPUT_PREFIXES) + rng.choice(topic.documents)).strip()
            output = output[0].upper() + output[1:] if rng.random() < 0.5 else output
        if previous_output and rng.random() < 0.6:
            kelengkapan = previous_output
        else:
            kelengkapan = rng.choice(vocab.KELENGKAPAN_EXTRA) if rng.random() < 0.8 else None
        steps.append(
            Step(
                no=flow.no,
                kegiatan=_kegiatan(rng, flow, plan, actors, topic),
                pelaksana=[actors[lane].id for lane in flow.lanes],
                kind=flow.kind,
                kelengkapan=kelengkapan,
                waktu=_waktu(rng),
                output=output,
                keterangan=rng.choice(vocab.KETERANGAN) if rng.random() < 0.15 else None,
                next=_transitions(flow),
                symbols=_symbols(flow, actors),
            )
        )
        previous_output = output
    return steps


def _merge_one_waktu(rng: random.Random, steps: list[Step]) -> tuple[list[Step], frozenset[int]]:
    """Sometimes one Waktu cell covers two rows: both steps then share its gold value."""
    pairs = [i for i in range(len(steps) - 1) if steps[i].waktu is not None]
    if not pairs or rng.random() > 0.3:
        return steps, frozenset()
    index = rng.choice(pairs)
    merged = steps[index + 1].model_copy(update={"waktu": steps[index].waktu})
    return [*steps[: index + 1], merged, *steps[index + 2 :]], frozenset({steps[index].no})


def _actor_groups(rng: random.Random, actors: list[Actor]) -> tuple[ActorGroup, ...]:
    if len(actors) < 4 or rng.random() > 0.3:
        return ()
    size = rng.randint(2, 3)
    first = rng.randint(1, len(actors) - size)
    return (ActorGroup(label=rng.choice(vocab.ACTOR_GROUPS), first=first, last=first + size - 1),)


def draft_sop(rng: random.Random, topic: vocab.Topic) -> SopDraft:
    org = rng.choice(vocab.ORGANISATIONS)
    actors = _actors(rng, org)
    plan = plan_flow(rng, rng.randint(5, 14), len(actors))
    steps, merged = _merge_one_waktu(rng, _steps(rng, plan, actors, topic))
    sop = Sop(**_identity(rng, topic, org), actors=actors, steps=steps)
    return SopDraft(
        sop=sop,
        regency=f"PEMERINTAH {rng.choice(vocab.REGENCIES)}",
        org_name=org.org_line,
        signer_name=rng.choice(vocab.PERSON_NAMES),
        signer_nip=_nip(rng),
        actor_groups=_actor_groups(rng, actors),
        merged_waktu=merged,
        flow=tuple(plan),
    )


def draft_document(seed: int) -> DocumentDraft:
    """The gold content of sample `seed`: one SOP, sometimes two (like seed 000 holds three)."""
    rng = random.Random(f"sop-content-{seed}")
    count = 2 if rng.random() < 0.15 else 1
    topics = rng.sample(vocab.TOPICS, count)
    return DocumentDraft(seed=seed, sops=tuple(draft_sop(rng, topic) for topic in topics))
