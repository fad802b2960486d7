"""Fit the corrector's learned review (ingest/correct/review.py) on labelled OCR pages.

    .venv/bin/python -m bench.data.correct.fit_review
        [--splits train,train_general,dev,scans_train,scans_train2]
        [--precision 0.97] [--precision-with-choices 0.975]

The corrector runs in document mode with the review replaced by a sink that collects each
doubtful word's review input; every candidate becomes one feature row labelled by whether it is
the gold word. Gradient-boosted trees (scikit-learn) are fitted on those rows. Two acceptance
thresholds, one to keep the rules' own choice and one for any other word, are the pair fixing
the most words while the word-level precision of out-of-fold predictions (5 folds grouped by
document, copies of the same text in one group, so no page helps to judge itself) reaches
`--precision`. Words read with Tesseract's letter alternatives (the scan pipeline's tesserocr
cells) get their own pair, chosen on their own words at `--precision-with-choices`: the trees
are far surer of them, and one shared pair either held them back or let the other words slip
below 0.95 on the pages. The final model is then fitted on all rows. Writes
corpus/lexicon/review_model.json.

Only the `train` and `train_general` pages (their own seeds and fonts), `dev` and the training
scans are used: no held-out split is used, nor a font of the held-out synthetic splits (the
scans' generator shares two fonts with train). train_general mixes general Indonesian words
into the SOP phrases, so a non-SOP reading is not learned to be always wrong. scans_train and
scans_train2 are the scan pipeline's own cell OCR of 2 x 96 synthetic documents with seeds no
scored split uses (build_scan_set.py), so the trees also see the garble `sop ingest` really
meets; the scored scans splits share its generator and fonts, not its documents. Their correct
words, hidden from their own candidates, are stand-ins with real alternatives
(`add_scan_stand_ins`).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from bench.correct import DOCUMENT_PAGES, core, document_of, load_records, run_inputs, runs_of
from bench.data.correct.build_set import PAGE_LINES, SOURCES, seed_lines, wrap
from ingest.correct.api import Corrector
from ingest.correct.channel import CHANNEL_FILE, Channel, channel_digest
from ingest.correct.choices import printed_choices
from ingest.correct.context import DocumentVocabulary
from ingest.correct.lexicon import DOMAIN_ZIPF, LEXICON_DIR, Lexicon
from ingest.correct.morphology import is_inflected_form
from ingest.correct.review import (
    FEATURES,
    REVIEW_MODEL_FILE,
    ReviewInput,
    feature_rows,
    review_candidates_many,
)
from ingest.correct.settings import CorrectorSettings
from ingest.correct.trees import LEAF, TreeEnsemble

# Unknown words that are right as printed (names, rare and regional words) are scarce on the
# synthetic pages; rare general words hidden from their own candidates stand in for them, so
# the model learns that an unknown word may be right. One for every few garbled words.
STAND_INS_PER_GARBLED = 0.3
STAND_IN_ZIPF = (2.0, 3.5)
# Valid inflected forms (listed words that are also a listed root with affixes) stand in for
# the valid unlisted inflected words of real text, which the review weighs beside garble like
# 'kenada' (ke+nada, for kepada): without them it learns that such a word is always garble.
INFLECTED_STAND_INS_PER_GARBLED = 0.15
FOLDS = 5
# The learned OCR channel (fit_channel.py runs first); its distances are features.
CHANNEL = Channel.load(LEXICON_DIR / CHANNEL_FILE)
# Shallow trees. Depth 3 beat a logistic regression by ~5 points of recall at the same precision
# on the seen heldout2/heldout3 pages (never used for fitting). Histogram boosting with 500 trees
# of depth 4 fixed 5,182 of 8,705 garbled words out-of-fold at precision 0.97, against 4,949 for
# scikit-learn's GradientBoostingClassifier (150 trees of depth 3): deeper or more trees, or
# bigger leaves, did no better (5,046-5,217, within the noise of the random state).
TREES = {"max_iter": 500, "learning_rate": 0.05, "max_depth": 4, "l2_regularization": 1.0,
         "early_stopping": False, "random_state": 0}  # fmt: skip


@dataclass
class Rows:
    """Feature rows with their labels, the word each belongs to and the document of that word."""

    features: list[np.ndarray] = field(default_factory=list)
    labels: list[np.ndarray] = field(default_factory=list)
    words: list[int] = field(default_factory=list)  # one entry per row: the word's number
    documents: list[str] = field(default_factory=list)  # one entry per row
    gold_changes: list[bool] = field(default_factory=list)  # per word: the printed word is wrong
    # per word: read with Tesseract's letter alternatives (its own threshold pair)
    with_choices: list[bool] = field(default_factory=list)


def collect(splits: list[str], blind_copies: bool = True) -> Rows:
    """Run the rules over each document and turn every doubtful word into labelled rows. With
    `blind_copies`, each OCR'd document is also read without its word confidences (the copy
    stays in its document's fold). The copy keeps Tesseract's character alternatives where the
    record has them: the scans' rows with alternatives double, and a choice feature learns to
    stand without a word confidence. Text exports (neither) are still met: the synthetic pages
    carry no alternatives, so their blind copies have no evidence at all. Keeping them (session
    11, one shared threshold pair) raised recall on six of the eight seen scan splits it moved
    (scans5 0.746 to 0.763, scans9 0.714 to 0.724; scans2 fell 0.807 to 0.800) at precision
    0.966-1.000, and heldout_general's precision went 0.943 to 0.945."""
    corrector = Corrector(Lexicon.load(), CorrectorSettings(review=False))
    rows = Rows()
    for split in splits:
        records = load_records(split)
        documents: dict[str, list[int]] = {}
        for position, record in enumerate(records):
            documents.setdefault(document_of(record), []).append(position)
        for name, positions in documents.items():
            runs = runs_of(records, positions)
            group = fold_group(name)
            _collect_document(corrector, records, runs, group, rows, confidences=True)
            if blind_copies and records[positions[0]]["conf"] is not None:
                _collect_document(corrector, records, runs, group, rows, confidences=False)
    return rows


# Every train and dev batch begins with the same seed lines (seeds 000/001), rendered in other
# fonts and damage: the documents holding them form one fold group across batches, so no copy
# of a text judges another.
SEED_DOCUMENTS = math.ceil(len(wrap(seed_lines(SOURCES["dev"]))) / PAGE_LINES / DOCUMENT_PAGES)


def fold_group(document: str) -> str:
    """The fold group of a bench document ('synthetic-train-101-d2')."""
    parts = document.rsplit("-d", 1)
    with_seed_lines = document.startswith(("synthetic-train-", "synthetic-dev-"))
    if with_seed_lines and len(parts) == 2 and int(parts[1]) <= SEED_DOCUMENTS:
        return f"seed-lines-d{parts[1]}"
    return document


def _collect_document(
    corrector: Corrector,
    records: list[dict],
    runs: list[list[int]],
    name: str,
    rows: Rows,
    confidences: bool,
) -> None:
    def sink(text: int, index: int, item: ReviewInput, context: DocumentVocabulary) -> None:
        gold = core(records[runs[text][index]]["gold"])
        lexicon, settings = corrector.lexicon, corrector.settings
        found = review_candidates_many(
            [item], lexicon, settings, corrector.bigrams, context, CHANNEL
        )
        candidates = found[0]
        if not candidates.words:
            return
        number = len(rows.gold_changes)
        rows.features.append(feature_rows(item, candidates, lexicon, context, CHANNEL))
        rows.labels.append(np.asarray([word == gold for word in candidates.words]))
        rows.words += [number] * len(candidates.words)
        rows.documents += [name] * len(candidates.words)
        rows.gold_changes.append(gold != item.printed)
        rows.with_choices.append(item.choices is not None)

    corrector.review_sink = sink
    inputs = run_inputs(records, runs, confidences=confidences)
    corrector.correct_document(
        inputs.texts,  # type: ignore[arg-type]
        word_confidences=inputs.confidences,
        word_choices=inputs.choices,
    )


def add_stand_ins(rows: Rows, seed: int = 7) -> None:
    """Rows of listed words treated as unlisted: every candidate is wrong (keep as printed).
    Rare words stand in for unknown names; inflected forms of listed roots ('efektifnya') for
    valid words the lexicon knows only through affix stripping. None has letter alternatives:
    `add_scan_stand_ins` gives those words their own."""
    lexicon = Lexicon.load()
    low, high = STAND_IN_ZIPF
    rare = sorted(word for word, zipf in lexicon.zipf.items()
                  if low <= zipf < high and word.isalpha() and len(word) >= 5
                  and word not in lexicon.domain)  # fmt: skip
    inflected = sorted(word for word, zipf in lexicon.zipf.items()
                       if zipf < DOMAIN_ZIPF and word.isalpha() and len(word) >= 6
                       and word not in lexicon.domain and _inflected_only(word, lexicon))  # fmt: skip
    rng = np.random.default_rng(seed)
    garbled = sum(rows.gold_changes)
    words = [*rng.choice(rare, size=int(STAND_INS_PER_GARBLED * garbled), replace=False),
             *rng.choice(inflected, size=int(INFLECTED_STAND_INS_PER_GARBLED * garbled),
                         replace=False)]  # fmt: skip
    confidences = rng.uniform(0.3, 0.96, len(words))
    _add_kept_words(rows, lexicon, [
        ReviewInput(printed=word, left=None, right=None, confidence=float(confidence),
                    rule_choice=None, caps=False, inflected=_inflected_only(word, lexicon))
        for word, confidence in zip(map(str, words), confidences, strict=True)
    ])  # fmt: skip


def add_scan_stand_ins(rows: Rows, splits: list[str], garbled: int, seed: int = 11) -> None:
    """Stand-ins read with Tesseract's letter alternatives: words the scan pipeline read right
    (`kind` correct in the training scans), each with its own confidence and alternatives,
    treated as unlisted. The scans' doubtful words are almost all garbled (their documents
    hold no names), so without these the words with alternatives would teach that an unknown
    word is always wrong. As many per garbled word (`garbled`: those read with alternatives)
    as the other stand-ins."""
    lexicon = Lexicon.load()
    found = []
    for split in splits:
        for record in load_records(split):
            word = core(record["raw"]).lower()
            if record["kind"] != "correct" or not word.isalpha() or len(word) < 5:
                continue
            choices = printed_choices(record["raw"], record.get("choices"))
            if choices is not None:
                found.append((word, record["conf"], choices))
    rng = np.random.default_rng(seed)
    share = STAND_INS_PER_GARBLED + INFLECTED_STAND_INS_PER_GARBLED
    picked = rng.choice(len(found), size=min(len(found), int(share * garbled)), replace=False)
    _add_kept_words(rows, lexicon, [
        ReviewInput(printed=found[at][0], left=None, right=None, confidence=found[at][1],
                    rule_choice=None, caps=False,
                    inflected=_inflected_only(found[at][0], lexicon), choices=found[at][2])
        for at in picked
    ])  # fmt: skip


def _add_kept_words(rows: Rows, lexicon: Lexicon, items: list[ReviewInput]) -> None:
    """One labelled row per candidate of each stand-in (none is right: keep as printed), each
    word alone in an empty document; their fold groups spread them over the folds. Every third
    loses its confidence, as text exports come."""
    settings = CorrectorSettings(review=False)
    bigrams = Corrector(lexicon, settings).bigrams
    empty = DocumentVocabulary(counts=Counter())
    for number, read in enumerate(items):
        item = replace(read, confidence=None) if number % 3 == 0 else read
        candidates = review_candidates_many([item], lexicon, settings, bigrams, empty, CHANNEL)[0]
        if not candidates.words:
            continue
        word_number = len(rows.gold_changes)
        rows.features.append(feature_rows(item, candidates, lexicon, empty, CHANNEL))
        rows.labels.append(np.zeros(len(candidates.words), dtype=bool))
        rows.words += [word_number] * len(candidates.words)
        rows.documents += [f"stand-in-{number % FOLDS}"] * len(candidates.words)
        rows.gold_changes.append(False)
        rows.with_choices.append(item.choices is not None)


def _inflected_only(word: str, lexicon: Lexicon) -> bool:
    """Whether the word would be known through affix stripping were it not listed."""
    return is_inflected_form(word, lambda root: root != word and root in lexicon.zipf)


def word_decisions(
    probabilities: np.ndarray, labels: np.ndarray, words: np.ndarray, agrees: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per word: the best candidate's probability, whether it is right, and whether it is the
    rules' own choice (`agrees`: per row)."""
    count = int(words.max()) + 1
    best = np.full(count, -1.0)
    right = np.zeros(count, dtype=bool)
    agree = np.zeros(count, dtype=bool)
    for probability, label, word, same in zip(probabilities, labels, words, agrees, strict=True):
        if probability > best[word]:
            best[word], right[word], agree[word] = probability, label, same
    return best, right, agree


def choose_thresholds(
    best: np.ndarray, right: np.ndarray, agree: np.ndarray, target: float
) -> tuple[float, float]:
    """(threshold to keep the rules' choice, threshold for another word): the pair fixing the
    most words whose changes are right at least `target` of the time."""
    grid = np.round(np.arange(0.30, 0.99, 0.01), 2)
    chosen, most = (0.99, 0.99), -1
    for keep in grid:
        for other in grid:
            changed = np.where(agree, best >= keep, best >= other)
            if changed.sum() and right[changed].mean() >= target and (changed & right).sum() > most:
                chosen, most = (float(keep), float(other)), int((changed & right).sum())
    return chosen


def fit(rows: Rows, targets: dict[str, float]) -> dict:
    features = np.vstack(rows.features)
    labels = np.concatenate(rows.labels)
    words = np.asarray(rows.words)
    documents = np.asarray(rows.documents)
    out_of_fold = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=FOLDS).split(features, labels, documents):
        model = HistGradientBoostingClassifier(**TREES).fit(features[train], labels[train])
        out_of_fold[test] = model.predict_proba(features[test])[:, 1]
    agrees = features[:, FEATURES.index("rule_choice")] > 0
    best, right, agree = word_decisions(out_of_fold, labels, words, agrees)
    with_choices = np.asarray(rows.with_choices)
    thresholds, changed = {}, np.zeros(len(best), dtype=bool)
    garbled = np.asarray(rows.gold_changes)
    print(f"{len(best)} doubtful words ({garbled.sum()} garbled), {len(labels)} candidate rows")
    for kind, members in (("plain", ~with_choices), ("with_choices", with_choices)):
        keep, accept = choose_thresholds(
            best[members], right[members], agree[members], targets[kind]
        )
        thresholds[kind] = {"accept": accept, "rules_choice": keep}
        changed[members] = np.where(agree, best >= keep, best >= accept)[members]
        print(f"out-of-fold, words {kind.replace('_', ' ')} ({members.sum()}), at thresholds "
              f"{keep} (the rules' choice) / {accept} (another word): {changed[members].sum()} "
              f"changes, precision {right[members & changed].mean():.3f}, garbled words fixed "
              f"{int((changed & right)[members].sum())}/{garbled[members].sum()}")  # fmt: skip
    _by_split(documents, words, changed & right, garbled)
    model = HistGradientBoostingClassifier(**TREES).fit(features, labels)
    trees = export_trees(model)
    exported = TreeEnsemble.from_dict(trees).scores(features)
    drift = float(np.abs(exported - model.decision_function(features)).max())
    if drift > 1e-6:
        raise RuntimeError(f"exported trees differ from scikit-learn's scores by {drift}")
    return {
        "features": list(FEATURES),
        "trees": trees,
        "thresholds": thresholds,
        "fitted_on": sorted({name.rsplit("-d", 1)[0] for name in documents
                             if not name.startswith(("stand-in", "seed-lines"))}),
        "target_precision": targets,
        "channel_sha256": channel_digest(LEXICON_DIR / CHANNEL_FILE),
        "importances": dict(zip(FEATURES, gain_shares(model).round(4).tolist(), strict=True)),
    }  # fmt: skip


def _by_split(
    documents: np.ndarray, words: np.ndarray, fixed: np.ndarray, garbled: np.ndarray
) -> None:
    """Out-of-fold garbled words fixed, per split or fold group kind."""
    split_of = {}
    for document, word in zip(documents, words, strict=True):
        # synthetic-<split>-<seed>-d<n>, seed-lines-d<n>, stand-in-<n>, seed-003
        name = document.split("-")[1] if document.startswith("synthetic-") else document
        name = name.rstrip("0123456789").removesuffix("-d").removesuffix("-") or document
        split_of.setdefault(int(word), name)
    for split in sorted(set(split_of.values())):
        numbers = [word for word, name in split_of.items() if name == split]
        print(
            f"  {split}: fixed {int(fixed[numbers].sum())} of {int(garbled[numbers].sum())} garbled"
        )


def export_trees(model: HistGradientBoostingClassifier) -> dict:
    """The fitted trees as flat node arrays (ingest/correct/trees.py reads them). Histogram
    boosting stores leaf values already scaled by the learning rate, so the rate is 1."""
    nodes: dict[str, list] = {"feature": [], "threshold": [], "left": [], "right": [], "value": []}
    roots = []
    for (predictor,) in model._predictors:
        tree, offset = predictor.nodes, len(nodes["feature"])
        roots.append(offset)
        for node in tree:
            leaf = bool(node["is_leaf"])
            nodes["feature"].append(LEAF if leaf else int(node["feature_idx"]))
            nodes["threshold"].append(0.0 if leaf else float(node["num_threshold"]))
            nodes["left"].append(0 if leaf else offset + int(node["left"]))
            nodes["right"].append(0 if leaf else offset + int(node["right"]))
            nodes["value"].append(round(float(node["value"]), 8) if leaf else 0.0)
    return {**nodes, "roots": roots, "init": float(model._baseline_prediction.ravel()[0]),
            "rate": 1.0}  # fmt: skip


def gain_shares(model: HistGradientBoostingClassifier) -> np.ndarray:
    """Each feature's share of the trees' total split gain (the impurity importance)."""
    gains = np.zeros(model.n_features_in_)
    for (predictor,) in model._predictors:
        splits = predictor.nodes[~predictor.nodes["is_leaf"].astype(bool)]
        np.add.at(gains, splits["feature_idx"], splits["gain"])
    return gains / gains.sum()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,train_general,dev,scans_train,scans_train2")
    parser.add_argument("--precision", type=float, default=0.97)
    # The words with alternatives come from 192 synthetic documents only, and their per-split
    # precision spread widely at 0.97 (0.931-1.000 on the seen scans splits): a little margin.
    parser.add_argument("--precision-with-choices", type=float, default=0.975)
    arguments = parser.parse_args()
    splits = arguments.splits.split(",")
    rows = collect(splits)
    garbled_with_choices = sum(np.asarray(rows.gold_changes) & np.asarray(rows.with_choices))
    add_stand_ins(rows)
    add_scan_stand_ins(rows, [split for split in splits if split.startswith("scans")],
                       garbled_with_choices)  # fmt: skip
    model = fit(rows, {"plain": arguments.precision,
                       "with_choices": arguments.precision_with_choices})  # fmt: skip
    for name, importance in sorted(model["importances"].items(), key=lambda item: -item[1]):
        print(f"  {name:24s} {importance:.3f}")
    path = LEXICON_DIR / REVIEW_MODEL_FILE
    path.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
