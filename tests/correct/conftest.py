"""Fixtures the corrector's test modules share."""

from __future__ import annotations

import pytest

from ingest.correct import Corrector
from ingest.correct.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def corrector() -> Corrector:
    return Corrector.default()
