"""`check_sop(sop) -> SopCheck`: every rule family, then the score."""

from __future__ import annotations

from models.quality.continuity import check_continuity
from models.quality.extraction import check_extraction
from models.quality.findings import FamilyResult, SopCheck
from models.quality.flow import check_flow
from models.quality.identity import check_identity
from models.quality.score import completeness_score
from models.quality.settings import QualitySettings
from models.quality.structure import check_fields, check_structure
from models.quality.timing import check_time
from models.quality.wording import check_wording
from models.sop import Document, Sop


def family_results(sop: Sop, settings: QualitySettings) -> list[FamilyResult]:
    return [
        check_identity(sop),
        check_fields(sop),
        check_structure(sop),
        check_flow(sop),
        check_wording(sop),
        check_continuity(sop, settings),
        check_time(sop, settings),
        check_extraction(sop, settings),
    ]


def check_sop(sop: Sop, settings: QualitySettings | None = None) -> SopCheck:
    results = family_results(sop, settings or QualitySettings())
    findings = [finding for result in results for finding in result.findings]
    return SopCheck(
        sop=sop.id,
        nama=sop.nama,
        score=completeness_score(results, has_steps=bool(sop.steps)),
        findings=findings,
    )


def check_document(document: Document, settings: QualitySettings | None = None) -> list[SopCheck]:
    return [check_sop(sop, settings) for sop in document.sops]
