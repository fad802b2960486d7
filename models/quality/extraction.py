"""Extraction rules: values a person should compare with the source before publishing."""

from __future__ import annotations

from models.provenance import Provenance
from models.quality.findings import FamilyResult, Finding, step_location
from models.quality.rules import finding
from models.quality.settings import QualitySettings
from models.sop import Sop


def _provenance_findings(
    location: str, field: str, provenance: Provenance, threshold: float
) -> list[Finding]:
    findings = []
    raw = f" ('{provenance.raw}')" if provenance.raw else ""
    if provenance.confidence is not None and provenance.confidence < threshold:
        message = (f"Nilai {field}{raw} terbaca dengan keyakinan rendah "
                   f"({provenance.confidence:.2f}); cocokkan dengan dokumen asli.")  # fmt: skip
        findings.append(finding("low_confidence", location, message))
    for correction in provenance.corrections:
        message = (f"Nilai {field}: '{correction.raw}' dikoreksi menjadi '{correction.corrected}' "
                   f"(aturan {correction.rule}, skor {correction.score:.2f}); periksa kembali.")  # fmt: skip
        findings.append(finding("value_corrected", location, message))
    for doubt in provenance.doubts:
        guess = (f" (mungkin '{doubt.suggestion}', skor {doubt.score:.2f})"
                 if doubt.suggestion and doubt.score is not None else "")  # fmt: skip
        message = (f"Nilai {field}: kata '{doubt.raw}' tidak dikenal dan dibiarkan apa adanya"
                   f"{guess}; cocokkan dengan dokumen asli.")  # fmt: skip
        findings.append(finding("value_unknown_word", location, message))
    return findings


def _step_findings(sop: Sop, threshold: float) -> list[Finding]:
    findings: list[Finding] = []
    for step in sop.steps:
        location = step_location(step.no)
        own = [f for field, p in step.provenance.items()
               for f in _provenance_findings(location, field, p, threshold)]  # fmt: skip
        low_parts = [f"panah ke langkah {t.to}" for t in step.next if t.confidence < threshold]
        low_parts += [
            f"simbol di lajur {s.actor}" for s in step.symbols if s.confidence < threshold
        ]
        if step.confidence < threshold and not any(f.rule == "low_confidence" for f in own):
            low_parts.insert(0, "isi langkah")
        if low_parts:
            message = (f"Langkah {step.no}: {', '.join(low_parts)} terbaca dengan keyakinan rendah; "
                       "cocokkan dengan dokumen asli.")  # fmt: skip
            own.append(finding("low_confidence", location, message))
        findings += own
    return findings


def check_extraction(sop: Sop, settings: QualitySettings) -> FamilyResult:
    threshold = settings.low_confidence
    findings = [f for field, provenance in sop.provenance.items()
                for f in _provenance_findings(field, field, provenance, threshold)]  # fmt: skip
    findings += _step_findings(sop, threshold)
    low = sum(1 for f in findings if f.rule == "low_confidence")
    return FamilyResult(family="extraction", findings=findings, checked=0, failed=low)
