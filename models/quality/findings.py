"""What a check produces: findings with a rule id, a severity, a location and a message."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
Family = Literal["identity", "fields", "flow", "wording", "continuity", "time", "extraction"]

SOP_LOCATION = "sop"  # for findings about the SOP as a whole (no steps, nominal duration)


class Finding(BaseModel):
    """One thing an inspector would write in the margin.

    `location` is an identity field name (`dasar_hukum`), `step N`, `actor ID`, or `sop`.
    """

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Rule id, English snake_case (see models.quality.rules).")
    severity: Severity
    location: str
    message: str = Field(description="In Bahasa Indonesia, for the users.")


class SopCheck(BaseModel):
    """The result of checking one SOP: `sop check --json` prints a list of these."""

    sop: str = Field(description="Sop.id")
    nama: str | None
    score: int = Field(ge=0, le=100, description="Completeness score, see models.quality.score.")
    findings: list[Finding] = Field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def failed_rules(self) -> list[str]:
        """Rule ids with an error or warning finding, in first-seen order."""
        rules = (f.rule for f in self.findings if f.severity != "info")
        return list(dict.fromkeys(rules))


class FamilyResult(BaseModel):
    """Findings of one rule family plus how many things it checked and how many failed.

    The score uses `checked`/`failed`; `checked == 0` means there was nothing to check.
    """

    family: Family
    findings: list[Finding] = Field(default_factory=list)
    checked: int = 0
    failed: int = 0


def step_location(no: int) -> str:
    return f"step {no}"


def actor_location(actor_id: str) -> str:
    return f"actor {actor_id}"


def tally_by_rule(family: Family, rule_ids: list[str], findings: list[Finding]) -> FamilyResult:
    """A family scored per rule: each rule id is one check, failed when it has a finding."""
    failed_rules = {f.rule for f in findings if f.rule in rule_ids and f.severity != "info"}
    return FamilyResult(
        family=family, findings=findings, checked=len(rule_ids), failed=len(failed_rules)
    )
