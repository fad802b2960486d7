"""Every committed sample (corpus/samples, held-out test split) read end to end against its gold."""

from pathlib import Path

import pytest

from bench.scan_common import ingest_sample_files
from corpus.generator.samples import load_samples
from corpus.scoring import compare_documents

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
# Floors at the level measured when the samples were committed; born-digital PDFs must be exact.
FLOORS = {"pdf": 0.99, "scanpdf": 0.95, "scan": 0.85}


@pytest.mark.parametrize("sample", load_samples(SAMPLES), ids=lambda sample: sample.paths[0].name)
def test_sample_agrees_with_its_gold(sample) -> None:
    sops, _problems = ingest_sample_files(sample.paths)
    gold = sample.gold()
    agreement = compare_documents(sops, gold.sops)
    assert [len(sop.steps) for sop in sops] == [len(sop.steps) for sop in gold.sops]
    assert agreement.overall() >= FLOORS[sample.record.kind], "\n".join(agreement.mismatches)
