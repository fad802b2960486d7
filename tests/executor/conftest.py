"""Fixtures of the executor tests: the sample SOPs written as sop/1 Document files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from executor.samples import revision_sop
from models.sop import Document, Sop, Source


def write_document(path: Path, *sops: Sop) -> Path:
    document = Document(
        source=Source(path="fixture.txt", sha256="0" * 64, kind="text", pages=1), sops=list(sops)
    )
    path.write_text(json.dumps(document.model_dump(mode="json", by_alias=True)), encoding="utf-8")
    return path


@pytest.fixture
def revision_file(tmp_path: Path) -> Path:
    return write_document(tmp_path / "revisi.json", revision_sop())
