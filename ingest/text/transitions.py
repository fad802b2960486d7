"""Who acts (when the kegiatan says so), step kinds, and `next` transitions from the text."""

from __future__ import annotations

import re

from ingest.text.vocabulary import CONDITIONAL, NEGATIVE_CLAUSE, is_verb
from models.normalise import make_actor
from models.sop import Actor, Step, Transition

_MAX_LABEL_WORDS = 4
_TO_ACTOR = re.compile(r"\b(?:kepada|ke|kpd|oleh)\s+(?P<rest>.+)", re.IGNORECASE)
_TEXT_CONFIDENCE = 0.7
_REPORT_WORDS = {"kepada", "ke"}


def _actor_for(words: list[str], actors: list[Actor]) -> str | None:
    """The actor id the first words name, trying the longest label first."""
    ids = {actor.id for actor in actors}
    for size in range(min(_MAX_LABEL_WORDS, len(words)), 0, -1):
        candidate = " ".join(words[:size]).strip(".,;:")
        if not candidate:
            continue
        actor_id = make_actor(candidate).id
        if actor_id in ids:
            return actor_id
        by_label = [a.id for a in actors if a.label.casefold() == candidate.casefold()]
        if by_label:
            return by_label[0]
    return None


def subject_actor(kegiatan: str | None, actors: list[Actor]) -> str | None:
    """'Kasubag Pengendalian berkoordinasi ...' -> the Kasubag lane, when a verb follows the name.

    Also 'Laporan Kasubag kepada Kabag' (the reporter) and 'Pegawai fungsional menyerahkan'
    (a generic head before the lane's label).
    """
    words = (kegiatan or "").split()
    for skip in (0, 1):
        if skip and (not words or is_verb(words[0])):
            break
        rest = words[skip:]
        for size in range(min(_MAX_LABEL_WORDS, len(rest) - 1), 0, -1):
            following = rest[size].lower()
            acts = is_verb(following) or (skip == 1 and following in _REPORT_WORDS)
            found = _actor_for(rest[:size], actors) if acts else None
            if found:
                return found
    return None


def is_decision(kegiatan: str | None, labelled: bool) -> bool:
    return bool(kegiatan and CONDITIONAL.search(kegiatan)) or (
        labelled and bool(kegiatan and re.search(r"\b(?:setuju|sesuai|benar)\b", kegiatan, re.I))
    )


def _rejection_target(step: Step, earlier: list[Step], actors: list[Actor]) -> int:
    """'jika tidak ... dikembalikan kepada Kepala Bidang' -> that actor's latest earlier step."""
    clause = NEGATIVE_CLAUSE.search(step.kegiatan or "")
    text = (step.kegiatan or "")[clause.start() :] if clause else ""
    for match in _TO_ACTOR.finditer(text):
        actor_id = _actor_for(match["rest"].split(), actors)
        if actor_id is None:
            continue
        for candidate in reversed(earlier):
            if actor_id in candidate.pelaksana:
                return candidate.no
        break
    return earlier[-1].no if earlier else step.no


def link_steps(steps: list[Step], actors: list[Actor], labelled: set[int]) -> list[Step]:
    """Kinds (start, end, decision, process) and `next`: sequential, decisions ya/tidak."""
    linked: list[Step] = []
    for index, step in enumerate(steps):
        following = steps[index + 1].no if index + 1 < len(steps) else None
        decision = index > 0 and is_decision(step.kegiatan, step.no in labelled)
        if decision:
            rejection = _rejection_target(step, steps[:index], actors)
            edges = [Transition(to=rejection, when="tidak", source="text",
                                confidence=_TEXT_CONFIDENCE)]  # fmt: skip
            if following is not None:
                edges.insert(0, Transition(to=following, when="ya", source="text",
                                           confidence=_TEXT_CONFIDENCE))  # fmt: skip
        else:
            edges = [Transition(to=following)] if following is not None else []
        kind = "decision" if decision else "process"
        if index == 0:
            kind = "start"
        elif following is None and not decision:
            kind = "end"
        linked.append(step.model_copy(update={"kind": kind, "next": edges}))
    return linked
