"""Give every exit of a decision its `when`: printed labels first, then the kegiatan text, then
the drawing's habit (the 'tidak' exit loops back to an earlier step)."""

from __future__ import annotations

from ingest.flowchart.labels import text_says_no_exit, text_step_reference
from models.sop import Transition

OPPOSITE = {"ya": "tidak", "tidak": "ya"}
TEXT_CONFIDENCE = 0.6
HABIT_CONFIDENCE = 0.5


def _with(transition: Transition, when: str, confidence: float) -> Transition:
    return transition.model_copy(
        update={"when": when, "confidence": round(min(transition.confidence, confidence), 3)}
    )


def _from_one_label(transitions: list[Transition]) -> list[Transition] | None:
    """Two exits, one labelled: the other one is the opposite."""
    labelled = [t for t in transitions if t.when]
    if len(transitions) != 2 or len(labelled) != 1:
        return None
    other = OPPOSITE[labelled[0].when]  # type: ignore[index]
    return [t if t.when else _with(t, other, 0.85) for t in transitions]


def _from_text_or_habit(no: int, transitions: list[Transition], kegiatan: str | None
                        ) -> tuple[list[Transition], str] | None:  # fmt: skip
    referenced = text_step_reference(kegiatan)
    says_no = text_says_no_exit(kegiatan)
    backward = [t for t in transitions if t.to <= no]
    if referenced is not None and any(t.to == referenced for t in transitions):
        chosen = {t.to for t in transitions if t.to == referenced}
        how = "the kegiatan text names the step"
    elif len(backward) == 1 and len(transitions) == 2:
        chosen = {backward[0].to}
        how = "the kegiatan text says 'jika tidak'" if says_no else "it loops back"
    else:
        return None
    confidence = TEXT_CONFIDENCE if says_no or referenced else HABIT_CONFIDENCE
    settled = [_with(t, "tidak" if t.to in chosen else "ya", confidence) for t in transitions]
    return (
        settled,
        f"step {no}: decision exits unlabelled in the drawing; 'tidak' taken as the exit to step {min(chosen)} because {how}",
    )


def settle_decision(no: int, transitions: list[Transition], kegiatan: str | None,
                    following: int | None) -> tuple[list[Transition], list[str]]:  # fmt: skip
    if len(transitions) >= 2 and all(t.when for t in transitions):
        return transitions, []
    one_label = _from_one_label(transitions)
    if one_label is not None:
        return one_label, []
    if len(transitions) >= 2:
        settled = _from_text_or_habit(no, transitions, kegiatan)
        if settled is not None:
            return settled[0], [settled[1]]
        return transitions, [
            f"step {no}: decision exits could not be told apart (no Ya/Tidak label)"
        ]
    return _single_exit(no, transitions, kegiatan, following)


def _single_exit(no: int, transitions: list[Transition], kegiatan: str | None,
                 following: int | None) -> tuple[list[Transition], list[str]]:  # fmt: skip
    """Only one exit drawn: the text may name where 'tidak' goes ('kembali ke langkah 2')."""
    referenced = text_step_reference(kegiatan)
    if referenced is None or not transitions:
        return transitions, [f"step {no}: decision with {len(transitions)} readable exit(s)"]
    drawn = transitions[0]
    drawn = drawn if drawn.when else _with(drawn, "ya", 0.7)
    from_text = Transition(to=referenced, when="tidak", source="text", confidence=TEXT_CONFIDENCE)
    return sorted([drawn, from_text], key=lambda t: t.to), [
        f"step {no}: 'tidak' exit taken from the kegiatan text (step {referenced})"
    ]
