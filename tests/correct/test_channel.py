"""The learned OCR channel: counts from aligned garble become edit costs, and the shipped
channel ranks a frequent Tesseract confusion below an edit it never makes."""

from __future__ import annotations

import json
from pathlib import Path

from bench.data.correct.fit_channel import count_edits, fit
from ingest.correct.channel import CHANNEL_FILE, Channel
from ingest.correct.lexicon import LEXICON_DIR


def test_alignment_counts_substitutions_losses_and_extra_marks() -> None:
    _, _, substituted, lost, extra = count_edits([("kecangan", "keuangan"), ("krja", "kerja"),
                                                  ("dataa", "data")])  # fmt: skip
    assert substituted[("c", "u")] == 1
    assert lost["e"] == 1
    assert extra["a"] == 1


def test_a_frequent_confusion_costs_less_than_a_rare_one(tmp_path: Path) -> None:
    # 'u' printed as 'c' nine times, as 'x' never: the fitted 'c' costs less than a full edit
    pairs = [("kecangan", "keuangan")] * 9 + [("keuangan", "keuangan")] * 3 + [("bxku", "buku")] * 3
    path = tmp_path / CHANNEL_FILE
    path.write_text(json.dumps(fit(pairs)), encoding="utf-8")
    channel = Channel.load(path)
    cheap, rarer, unseen = (
        channel.distances("kecangan", ["keuangan"])
        + channel.distances("bxku", ["buku"])
        + channel.distances("bqku", ["buku"])
    )
    assert cheap < rarer < unseen == 1.0


def test_shipped_channel_prefers_what_tesseract_does() -> None:
    channel = Channel.load(LEXICON_DIR / CHANNEL_FILE)
    # 'hertaku': one h/b confusion and a lost 'l' (berlaku) against one e/a swap (hartaku); the
    # hand costs of distance.py call hartaku three times closer, the counts call them even
    berlaku, hartaku = channel.distances("hertaku", ["berlaku", "hartaku"])
    assert abs(berlaku - hartaku) < 0.2
    # an unseen, unlike pair stays a full edit
    assert channel.distances("buku", ["bzku"]) == [1.0]
