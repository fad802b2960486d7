import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
CORPUS_SEEDS = REPO / "corpus" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The five real seeds (bundled copy; identical to ../shared/seeds)."""
    return CORPUS_SEEDS


def require_installed(available: bool, what: str) -> None:
    """Skip a test whose system package is missing on a developer's machine; in CI (where
    `make test` installed everything) a missing package means the set-up broke: fail."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing although `make test` installs it: the set-up broke")
    pytest.skip(f"{what} is not installed (run `make setup`)")
