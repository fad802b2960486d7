"""The rule catalogue: one entry per rule id. The README table is generated from it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from models.quality.findings import Family, Finding, Severity


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    family: Family
    severity: Severity
    checks: str
    why: str


_RULES = [
    Rule(id="identity_field_missing", family="identity", severity="error",
         checks="Nomor, tanggal pembuatan, tanggal efektif, disahkan oleh, nama, dasar hukum, kualifikasi pelaksana, peralatan/perlengkapan, peringatan and pencatatan/pendataan are present and not '-'.",
         why="Permenpan RB 35/2012 requires the whole identity block; an SOP without legal basis or approval cannot be enforced."),
    Rule(id="identity_item_empty", family="identity", severity="warning",
         checks="No item of a list field (dasar hukum, kualifikasi...) is empty or '-'.",
         why="An empty numbered item is a regulation or requirement lost in typing or layout."),
    Rule(id="keterkaitan_empty", family="identity", severity="info",
         checks="Keterkaitan lists related SOPs.",
         why="May legitimately be empty, but inspectors note it to map SOP dependencies."),
    Rule(id="steps_missing", family="fields", severity="error",
         checks="The SOP has a procedure table with at least one step.",
         why="Without steps there is no procedure to apply or evaluate."),
    Rule(id="step_numbering", family="flow", severity="error",
         checks="Steps are numbered 1..n in order, with no gap or repeat.",
         why="References between steps (loops, 'kembali ke langkah 3') depend on the numbering."),
    Rule(id="step_number_printed", family="flow", severity="warning",
         checks="The printed step number (provenance) matches the number used.",
         why="A missing or misread number (seed 000: 1,2,3,4,7,-,8) must be fixed in the source."),
    Rule(id="first_step_not_start", family="flow", severity="error",
         checks="The first step is a start terminator.",
         why="The flowchart must show where the procedure begins."),
    Rule(id="last_step_not_end", family="flow", severity="error",
         checks="The last step is an end terminator.",
         why="The flowchart must show where the procedure ends."),
    Rule(id="step_kegiatan_missing", family="fields", severity="error",
         checks="Every step has a kegiatan.", why="A step without an activity cannot be carried out."),
    Rule(id="step_pelaksana_missing", family="fields", severity="error",
         checks="Every step names at least one pelaksana.", why="Nobody is accountable for a step without an actor."),
    Rule(id="step_waktu_missing", family="fields", severity="warning",
         checks="Every step has a waktu (Mutu Baku).", why="The time standard is what performance is measured against."),
    Rule(id="step_output_missing", family="fields", severity="warning",
         checks="Every step has an output (Mutu Baku).", why="The output is the evidence that the step was done."),
    Rule(id="step_kelengkapan_missing", family="fields", severity="warning",
         checks="Every step but the first has a kelengkapan (Mutu Baku).", why="A step needs its inputs stated to be checkable."),
    Rule(id="actor_lane_unused", family="flow", severity="warning",
         checks="Every actor lane is used by at least one step.", why="An unused lane is a misread header or an actor with no role."),
    Rule(id="pelaksana_unknown", family="flow", severity="error",
         checks="Every pelaksana of a step is one of the SOP's actor lanes.", why="A step must sit in a lane of the flowchart."),
    Rule(id="flow_target_missing", family="flow", severity="error",
         checks="Every transition goes to an existing step.", why="An arrow to nowhere breaks the procedure."),
    Rule(id="flow_unreachable", family="flow", severity="error",
         checks="Every step can be reached from the start.", why="An unreachable step is never carried out."),
    Rule(id="flow_dead_end", family="flow", severity="error",
         checks="Every step but an end has a way forward.", why="The procedure stops with no result."),
    Rule(id="flow_loop_without_exit", family="flow", severity="error",
         checks="Every loop (e.g. a revision loop) has a way out.", why="A loop without exit never ends the procedure."),
    Rule(id="decision_exits", family="flow", severity="error",
         checks="A decision has two distinct exits.", why="A decision symbol means two outcomes (Ya/Tidak)."),
    Rule(id="decision_exit_unlabelled", family="flow", severity="warning",
         checks="Both exits of a decision are labelled (Ya/Tidak, Lengkap/Tidak...).", why="Unlabelled exits leave the reader guessing which way is which."),
    Rule(id="kegiatan_names_subject", family="wording", severity="warning",
         checks="Kegiatan does not start with an actor ('Kasubag memeriksa ...').", why="The lane already names the actor; Permenpan 35/2012 asks for an active verb with no subject."),
    Rule(id="kegiatan_not_active_verb", family="wording", severity="warning",
         checks="Kegiatan starts with an active verb (me-, mem-, men-, meng-, meny-, ber-...).", why="Activities are written as actions ('Menyusun konsep'), not nouns or passives."),
    Rule(id="decision_only_in_text", family="wording", severity="info",
         checks="A kegiatan that reads as a decision ('jika ... tidak ...') is drawn as a decision.", why="A branch only in the text is invisible in the flowchart and the duration."),
    Rule(id="document_chain_break", family="continuity", severity="warning",
         checks="The output of a step reappears (fuzzy) in the kelengkapan of the step that follows.", why="Each step should work on what the previous one produced; a break hides a missing step or document."),
    Rule(id="waktu_unparseable", family="time", severity="warning",
         checks="Waktu is a duration (number + unit).", why="'sesuai jadwal' cannot be measured or summed."),
    Rule(id="waktu_implausible", family="time", severity="warning",
         checks="Waktu lies between 1 minute and 132 working days (6 months).", why="Outside that range it is usually a misread number or unit."),
    Rule(id="nominal_duration", family="time", severity="info",
         checks="Reports the duration along the happy path and with each revision loop taken once, in working time.", why="The service time a citizen or unit can expect."),
    Rule(id="low_confidence", family="extraction", severity="warning",
         checks="Values whose extraction confidence is below 0.6.", why="A person should compare them with the source before the SOP is published."),
    Rule(id="value_corrected", family="extraction", severity="info",
         checks="Values the pipeline corrected (OCR fixes, lexicon).", why="Listed so a reviewer can undo a wrong correction."),
    Rule(id="value_unknown_word", family="extraction", severity="warning",
         checks="Words of a value that no lexicon knows and the corrector left as printed (with its best guess).", why="Likely OCR garble the corrector was not sure enough to fix: read them against the source."),
]  # fmt: skip

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def finding(rule_id: str, location: str, message: str) -> Finding:
    """A finding with the severity the catalogue gives its rule (KeyError on an unknown id)."""
    return Finding(
        rule=rule_id, severity=RULES[rule_id].severity, location=location, message=message
    )


def rules_markdown_table() -> str:
    lines = ["| id | family | severity | what it checks | why |", "|---|---|---|---|---|"]
    lines += [f"| `{r.id}` | {r.family} | {r.severity} | {r.checks} | {r.why} |" for r in _RULES]
    return "\n".join(lines)
