"""The learned OCR channel: counts from aligned garble become edit costs, and the shipped
channel ranks a frequent Tesseract confusion below an edit it never makes."""

from __future__ import annotations

import json
from pathlib import Path

from bench.data.correct.fit_channel import count_edits, fit
from ingest.correct.channel import CHANNEL_FILE, Channel
from ingest.correct.distance import ocr_distance
from ingest.correct.lexicon import LEXICON_DIR


def test_alignment_counts_substitutions_losses_and_extra_marks() -> None:
    _, _, substituted, lost, extra = count_edits([("kecangan", "keuangan"), ("krja", "kerja"),
                                                  ("dataa", "data")])  # fmt: skip
    assert substituted[("c", "u")] == 1
    assert lost["e"] == 1
    assert extra["a"] == 1


def test_a_frequent_confusion_costs_less_than_a_rare_one(tmp_path: Path) -> None:
    # 'u' printed as 'c' nine times, as 'x' three times, as 'q' never: the costs rise in that order
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


def test_shipped_channel_makes_counted_confusions_cheap() -> None:
    channel = Channel.load(LEXICON_DIR / CHANNEL_FILE)
    # 'hertaku' for berlaku: an h for a b and a t for an l, both frequent on the fitting pages,
    # cost less under the counts than under the hand costs of glyph shapes
    assert channel.distances("hertaku", ["berlaku"])[0] < ocr_distance("hertaku", "berlaku")
    # a pair the hand costs list never costs more than its hand cost
    assert channel.distances("dlberlkan", ["diberikan"])[0] <= ocr_distance(
        "dlberlkan", "diberikan"
    )
    # an unseen, unlike pair stays a full edit
    assert channel.distances("buku", ["bzku"]) == [1.0]


def test_bench_ignores_only_the_space_between_a_number_and_its_unit() -> None:
    from bench.correct import categorise, compared

    waktu = {"field": "waktu", "kind": "glued", "raw": "1jam", "gold": "1 jam"}
    assert compared("1 jam") == compared("1jam")
    assert categorise(waktu, {}) == "correct"  # printing '1jam' for '1 jam' is no garble
    # in any cell: the corrector writes '1 jam' in running text too ('maks. 1jam')
    assert categorise({**waktu, "field": "text"}, {}) == "correct"
    assert compared("1 x") != compared("1x")  # not a time unit
    assert compared("1 berkas") != compared("1berkas")
