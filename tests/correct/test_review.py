"""The learned review: its trees score like scikit-learn's, it runs in document mode, it
records what it changed, and it leaves unknown but plausible words (names) alone."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from bench.data.correct.fit_review import export_trees
from ingest.correct import Corrector
from ingest.correct.channel import CHANNEL_FILE
from ingest.correct.errors import ReviewModelStaleError
from ingest.correct.lexicon import Lexicon
from ingest.correct.review import FEATURES, REVIEW_MODEL_FILE, ReviewModel
from ingest.correct.settings import CorrectorSettings
from ingest.correct.trees import TreeEnsemble

DOCUMENT = [
    ("Menyerahkan dokumen perjanjian kinerja kepada Sekretaris", "text"),
    ("Memvoriikasi dokumen perjanjian kinerja untuk diperiksa", "text"),
    ("Laporan disusun oleh Sutrisno dan Wahyuningsih di Purwokerto", "text"),
]
CONFIDENCES = [None, [0.0, 0.9, 0.9, 0.9, 0.9, 0.9], [0.9] * 8]
GARBLED_DOCUMENT = [
    "Keglatan penguktfran kinerja dlberlkan kepada pega\\{val",
    "Memvoriikasi bokumen intemnal dan menyerahkan kepada Sekretaris",
    "Kepala Bagian memeriksa kelengkapannya untuk dokumen",
]


def test_exported_trees_score_like_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(400, 5))
    labels = (rows[:, 0] + rows[:, 1] * rows[:, 2] > 0.3).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, max_depth=3, random_state=0)
    model.fit(rows, labels)
    trees = TreeEnsemble.from_dict(json.loads(json.dumps(export_trees(model))))
    fresh = rng.normal(size=(200, 5))
    assert np.allclose(trees.scores(fresh), model.decision_function(fresh), atol=1e-6)
    assert np.allclose(trees.probabilities(fresh), model.predict_proba(fresh)[:, 1], atol=1e-6)


def test_complete_tree_layout_scores_exactly_like_the_node_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The branch-free kernel gives the node walk's very floats: on the review's real rows of
    a garbled document, on random rows (odd counts, NaN, values at the thresholds) and on a
    model whose trees stop at different depths."""
    trees = ReviewModel.load().trees
    captured: list[np.ndarray] = []
    score = TreeEnsemble.scores

    def recording(self: TreeEnsemble, rows: np.ndarray) -> np.ndarray:
        captured.append(np.array(rows))
        return score(self, rows)

    monkeypatch.setattr(TreeEnsemble, "scores", recording)  # records the review's rows
    Corrector(Lexicon.load()).correct_document([(line, "text") for line in GARBLED_DOCUMENT])
    monkeypatch.undo()
    real = np.concatenate(captured)
    assert len(real) > 20
    rng = np.random.default_rng(5)
    random_rows = rng.normal(size=(203, len(FEATURES)))
    random_rows[::7, 3] = np.nan
    random_rows[1::5, trees.feature[0]] = trees.threshold[0]  # exactly at the root's threshold
    for rows in (real, random_rows, random_rows[:3], random_rows[:0]):
        assert np.array_equal(trees.scores(rows), trees.node_scores(rows))
    uneven_rows = rng.normal(size=(400, 5))
    labels = (uneven_rows[:, 0] > 0.2).astype(int)
    fitted = HistGradientBoostingClassifier(
        max_iter=15, max_leaf_nodes=5, max_depth=6, random_state=0
    )
    uneven = TreeEnsemble.from_dict(export_trees(fitted.fit(uneven_rows, labels)))
    assert uneven.complete.depth >= 3
    assert np.array_equal(uneven.scores(uneven_rows[:37]), uneven.node_scores(uneven_rows[:37]))


def test_shipped_model_matches_the_feature_list() -> None:
    model = ReviewModel.load()
    assert 0.5 <= model.plain.accept < 1.0 and 0.3 <= model.with_choices.accept < 1.0
    rows = np.zeros((3, len(FEATURES)))
    assert model.probabilities(rows).shape == (3,)


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads((Lexicon.load().directory / REVIEW_MODEL_FILE).read_text())
    data["features"] = data["features"][:-1]
    stale = tmp_path / REVIEW_MODEL_FILE
    stale.write_text(json.dumps(data))
    with pytest.raises(ReviewModelStaleError, match="fit_review"):
        ReviewModel.load(stale)
    # a model from before the thresholds per kind of evidence
    data = json.loads((Lexicon.load().directory / REVIEW_MODEL_FILE).read_text())
    stale.write_text(json.dumps({**data, "thresholds": {"plain": data["thresholds"]["plain"]}}))
    with pytest.raises(ReviewModelStaleError, match="fit_review"):
        ReviewModel.load(stale)


def test_review_takes_a_reading_the_rules_declined_and_records_it() -> None:
    lexicon = Lexicon.load()
    rules_only = Corrector(lexicon, CorrectorSettings(review=False))
    before = rules_only.correct_document(DOCUMENT, word_confidences=CONFIDENCES)
    # Tesseract at confidence 0 was guessing: pass 1 allows only cheap glyph fixes and declines
    assert before[1].text.split()[0] == "Memvoriikasi"
    after = Corrector(lexicon).correct_document(DOCUMENT, word_confidences=CONFIDENCES)
    assert after[1].text == "Memverifikasi dokumen perjanjian kinerja untuk diperiksa"
    (change,) = after[1].corrections
    assert (change.raw, change.corrected) == ("Memvoriikasi", "Memverifikasi")
    assert change.rule == "learned_review"
    assert ReviewModel.load().plain.accept <= change.score <= 1.0


def test_review_leaves_names_and_correct_text_alone() -> None:
    results = Corrector.default().correct_document(DOCUMENT, word_confidences=CONFIDENCES)
    assert results[0].text == DOCUMENT[0][0] and not results[0].corrections
    assert results[2].text == DOCUMENT[2][0] and not results[2].corrections


def test_review_does_not_run_word_by_word() -> None:
    """correct() has no document: the review (fitted on document-mode evidence) stays out."""
    result = Corrector.default().correct(DOCUMENT[1][0], word_confidences=CONFIDENCES[1])
    assert all(change.rule != "learned_review" for change in result.corrections)


def test_review_never_turns_the_issue_examples_into_other_words() -> None:
    """The garbled words the issue names, as a text export without confidences or context:
    each is printed either as the right word or as printed (the review declines what it is
    not sure of: 'penguktfran' alone gets p 0.78, under the threshold), never as another word."""
    printed = ["Keglatan", "penguktfran", "dlberlkan", "bokumen", "intemnal", "pega\\{val"]
    right = ["Kegiatan", "pengukuran", "diberikan", "dokumen", "internal", "pegawai"]
    result = Corrector.default().correct_document([(" ".join(printed), "text")])[0]
    assert all(
        out in (raw, fixed) for out, raw, fixed in zip(result.tokens, printed, right, strict=True)
    )
    assert sum(out == fixed for out, fixed in zip(result.tokens, right, strict=True)) >= 4


def test_review_leaves_valid_inflected_sop_words_alone() -> None:
    """Words the lexicon knows only through affix stripping are reviewed (garble such as
    'kenada' for kepada hides there), but valid inflected forms of real SOP text must stay
    (earlier models changed 'dipermudahkan' -> diperintahkan and 'efektifnya' -> elektronik)."""
    words = ["efektifnya", "dipermudahkan", "ditandatanganinya", "diarsipkannya",
             "kelengkapannya", "keabsahannya", "pengesahannya", "penomorannya", "ketepatannya",
             "diverifikasinya", "diagendakannya", "pemeriksaannya", "kesesuaiannya",
             "ditindaklanjutinya", "dikoreksinya", "validitasnya", "keakuratannya",
             "disposisinya", "diparafnya", "dilaporkannya", "memverifikasikan",
             "mengkoordinasikannya", "disahkannya", "terlambatnya", "dokumen-dokumen",
             "pengadministrasian", "kepegawaiannya"]  # fmt: skip
    corrector = Corrector.default()
    assert all(not corrector.lexicon.is_root(word) for word in words)  # all reach the review
    texts = [(f"Kepala Bagian memeriksa {word} untuk dokumen", "text") for word in words]
    results = corrector.correct_document(texts)
    changed = [word for word, result in zip(words, results, strict=True) if word not in result.text]
    assert changed == []


def test_a_model_fitted_on_another_channel_is_refused(tmp_path: Path) -> None:
    directory = Lexicon.load().directory
    (tmp_path / REVIEW_MODEL_FILE).write_text((directory / REVIEW_MODEL_FILE).read_text())
    channel = json.loads((directory / CHANNEL_FILE).read_text())
    channel["insertions"]["a"] = 0.9  # a refitted channel the trees never saw
    (tmp_path / CHANNEL_FILE).write_text(json.dumps(channel))
    with pytest.raises(ReviewModelStaleError, match=r"channel\.json"):
        ReviewModel.load(tmp_path / REVIEW_MODEL_FILE)
