"""`python -m corpus.generator`: writes samples and a manifest; usage errors exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corpus.generator.samples import load_samples

ROOT = Path(__file__).parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "corpus.generator", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_module_writes_the_requested_samples(tmp_path: Path) -> None:
    done = _run("--out", str(tmp_path), "--count", "2", "--split", "train", "--kinds", "pdf")
    assert done.returncode == 0, done.stderr
    samples = load_samples(tmp_path)
    assert [s.record.name for s in samples] == ["train-0000-pdf", "train-0001-pdf"]
    assert all(s.paths[0].stat().st_size > 1000 and s.gold_path.exists() for s in samples)


def test_asking_past_the_train_split_is_a_usage_error(tmp_path: Path) -> None:
    done = _run("--out", str(tmp_path), "--count", "5", "--split", "train", "--start", "98")
    assert done.returncode == 2
    assert "train split holds seeds 0-99" in done.stderr
    assert not (tmp_path / "manifest.jsonl").exists()
