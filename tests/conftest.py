from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
CORPUS_SEEDS = REPO / "corpus" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The five real seeds (bundled copy; identical to ../shared/seeds)."""
    return CORPUS_SEEDS
