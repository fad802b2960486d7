"""Build corpus/lexicon/bigrams.tsv (word<TAB>next word<TAB>count) from domain phrases.

    .venv/bin/python corpus/lexicon/build_bigrams.py

Sources, all written for this project: the phrase pools of the synthetic SOP generator
(corpus/generator/vocabulary.py: activity templates with their slots filled by every topic
document, actor title and topic name; identity-block phrases; durations), the canonical headers
(headers.txt) and the Indonesian word pairs of DOMAIN.md (both words in the domain lexicon).
Never the bench's OCR output nor the seed texts: those are what the corrector is measured on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

from corpus.generator import vocabulary as vocab

HERE = Path(__file__).resolve().parent
OUT = HERE / "bigrams.tsv"
DOMAIN_MD = HERE.parents[2] / "shared" / "DOMAIN.md"
_SLOT = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words(text: str) -> list[str]:
    """Lower-case words of a phrase; anything that is not a word ends nothing (digits skipped)."""
    return [match.group().lower() for match in _WORD.finditer(text)]


def phrase_pairs(text: str) -> Iterable[tuple[str, str]]:
    tokens = words(text)
    return pairwise(tokens)


def template_pairs(template: str, fillers: dict[str, list[str]]) -> Iterable[tuple[str, str]]:
    """Pairs inside the literal text, inside each filler, and across each slot's edges (every
    filler once), without expanding the product of all slots."""
    parts = _SLOT.split(template)  # literal, slot, literal, slot, ...
    for index, part in enumerate(parts):
        if index % 2 == 0:
            yield from phrase_pairs(part)
            continue
        before = words(parts[index - 1])[-1:]
        after = words(parts[index + 1])[:1] if index + 1 < len(parts) else []
        for filler in fillers[part]:
            filled = words(filler)
            yield from pairwise(filled)
            if filled and before:
                yield before[0], filled[0]
            if filled and after:
                yield filled[-1], after[0]


def generator_pairs() -> Iterable[tuple[str, str]]:
    documents = sorted({doc for topic in vocab.TOPICS for doc in topic.documents})
    actors = sorted({actor for org in vocab.ORGANISATIONS for actor in org.chain})
    fillers = {
        "doc": documents,
        "actor": actors,
        "back": actors,
        "topic": [topic.nama for topic in vocab.TOPICS],
    }
    templates = (
        *vocab.START_ACTIVITIES, *vocab.PROCESS_ACTIVITIES, *vocab.DECISION_ACTIVITIES,
        *vocab.SKIP_ACTIVITIES, *vocab.JOINT_ACTIVITIES, *vocab.END_ACTIVITIES, *vocab.PERINGATAN,
    )  # fmt: skip
    for template in templates:
        yield from template_pairs(template, fillers)
    phrases = (
        *documents, *actors, *vocab.ACTOR_GROUPS, *vocab.DASAR_HUKUM, *vocab.KUALIFIKASI,
        *vocab.PERALATAN, *vocab.PENCATATAN, *vocab.KETERANGAN, *vocab.KELENGKAPAN_EXTRA,
        *(topic.nama for topic in vocab.TOPICS), *(duration.text for duration in vocab.DURATIONS),
        *(org.org_line for org in vocab.ORGANISATIONS), *(org.head for org in vocab.ORGANISATIONS),
        *(unit for org in vocab.ORGANISATIONS for unit in org.units),
        *(f"{prefix}{doc}" for prefix in vocab.OUTPUT_PREFIXES for doc in documents),
    )  # fmt: skip
    for phrase in phrases:
        yield from phrase_pairs(phrase)


def domain_md_pairs(domain: set[str]) -> Iterable[tuple[str, str]]:
    """DOMAIN.md is English prose quoting Indonesian: only pairs of domain words count."""
    if not DOMAIN_MD.is_file():
        return
    for line in DOMAIN_MD.read_text(encoding="utf-8").splitlines():
        for left, right in phrase_pairs(line):
            if left in domain and right in domain:
                yield left, right


def main() -> None:
    domain = {
        word.lower()
        for line in (HERE / "domain_words.txt").read_text(encoding="utf-8").splitlines()
        for word in line.split("#", 1)[0].split()
    }
    headers = (HERE / "headers.txt").read_text(encoding="utf-8").splitlines()
    counts: Counter[tuple[str, str]] = Counter(generator_pairs())
    counts.update(domain_md_pairs(domain))
    counts.update(
        pair for line in headers if not line.startswith("#") for pair in phrase_pairs(line)
    )
    rows = [f"{left}\t{right}\t{count}" for (left, right), count in sorted(counts.items())]
    header = "# word pairs of SOP phrases (see build_bigrams.py); written for this project\n"
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
