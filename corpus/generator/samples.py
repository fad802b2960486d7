"""Find written samples and their gold: what tests, `make demo` and `bench/accuracy` read."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from corpus.generator.writer import SampleRecord
from exports.json import document_from_json
from models.sop import Document


class Sample(BaseModel):
    """A sample's input files (in page order) and its gold Document."""

    record: SampleRecord
    folder: Path

    @property
    def paths(self) -> list[Path]:
        return [self.folder / name for name in self.record.files]

    @property
    def gold_path(self) -> Path:
        return self.folder / self.record.gold

    def gold(self) -> Document:
        return document_from_json(self.gold_path.read_text(encoding="utf-8"))


def load_samples(folder: Path) -> list[Sample]:
    """Samples listed in `folder/manifest.jsonl`, in the order they were written."""
    manifest = folder / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [
        Sample(record=SampleRecord.model_validate(json.loads(line)), folder=folder)
        for line in lines
        if line.strip()
    ]
