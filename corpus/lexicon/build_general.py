"""Build corpus/lexicon/general_id.tsv (word<TAB>Zipf frequency) from wordfreq's Indonesian list.

    .venv/bin/python corpus/lexicon/build_general.py

wordfreq (code Apache-2.0, word-frequency data CC BY-SA 4.0, by Robyn Speer et al.) is a maintained,
offline package; its 'id' list merges Wikipedia, subtitles, news, web text and more. Only words
made of letters (optionally hyphenated) and seen at Zipf >= 1.0 are kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parent / "general_id.tsv"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def main() -> None:
    rows = []
    for word in top_n_list("id", 1_000_000):
        zipf = zipf_frequency(word, "id")
        if _WORD.fullmatch(word) and zipf >= 1.0 and (len(word) > 1 or word in {"a", "e"}):
            rows.append(f"{word}\t{zipf:.2f}")
    header = "# wordfreq 'id' list (data CC BY-SA 4.0, https://github.com/rspeer/wordfreq)\n"
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
