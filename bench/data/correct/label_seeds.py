"""Hand labels for the real OCR garble of seeds 003 (dev split) and 004 (held-out split).

    .venv/bin/python bench/data/correct/label_seeds.py   # writes seeds_{dev,heldout}.jsonl

Every token of the seed is labelled: listed tokens are garbled (with the word meant), glued,
fragments (a piece of a word cut by OCR) or noise (rulings, symbols read as text); every other
token containing a letter is a correct token. Labels were made by reading the page images' text
against the SOP's sense (e.g. 'dlberlkan' in "akan ditandatangani dan dlberlkan kepada ...").
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "corpus" / "seeds"

# token as printed -> (gold, kind, field). Kinds: garbled, glued, fragment, noise.
LABELS: dict[str, dict[str, tuple[str, str, str]]] = {
    "003": {
        "3.Printer": ("3. Printer", "glued", "list_item"),
        "4.ATK": ("4. ATK", "glued", "list_item"),
        "intahk": ("memerintahkan", "fragment", "text"),
        "kretaris": ("sekretaris", "fragment", "text"),
        "iapk": ("menyiapkan", "fragment", "text"),
        "epaia": ("Kepala", "garbled", "text"),
        "memef'ln": ("memerintahkan", "garbled", "text"),
        "a'": ("", "fragment", "text"),
        "an": ("", "fragment", "text"),
        "se": ("sekretaris", "fragment", "text"),
        "lie": ("sekretaris", "fragment", "text"),
        "arls": ("sekretaris", "fragment", "text"),
        "menylapkan": ("menyiapkan", "garbled", "text"),
        "Sekretari": ("Sekretaris", "fragment", "text"),
        "buat": ("membuat", "fragment", "text"),
        "ki": ("", "fragment", "text"),
        "kinerj": ("kinerja", "fragment", "text"),
        "id": ("", "fragment", "text"),
        "(.2": ("", "noise", "text"),
        "retaris": ("Sekretaris", "fragment", "text"),
        "dra": ("draf", "fragment", "text"),
        "per\\gu": ("pengukuran", "fragment", "text"),
        "uran": ("pengukuran", "fragment", "text"),
        "M": ("", "noise", "text"),
        "d": ("", "noise", "text"),
        "ing-masi": ("masing-masing", "fragment", "text"),
        "i": ("", "noise", "text"),
        "fi": ("", "fragment", "text"),
        "ional": ("fungsional", "fragment", "text"),
        "t": ("", "noise", "text"),
        "engundang": ("Mengundang", "garbled", "text"),
        "pega\\{val": ("pegawai", "garbled", "text"),
        "ungsional": ("fungsional", "garbled", "text"),
        "rapa": ("rapat", "garbled", "text"),
        "menyera_hkan": ("menyerahkan", "garbled", "text"),
        "da.ta": ("data", "garbled", "text"),
        "o": ("", "noise", "text"),
        "perencaan": ("perencanaan", "garbled", "text"),
        "penguktfran": ("pengukuran", "garbled", "text"),
        "d'an": ("dan", "garbled", "text"),
        "g": ("", "noise", "text"),
        "dlberlkan'": ("diberikan", "garbled", "text"),
        "lfepada": ("kepada", "garbled", "text"),
        "Kfastﬂba}g": ("Kasubag", "garbled", "text"),
        "bokumen": ("Dokumen", "garbled", "text"),
        "ima": ("menerima", "fragment", "text"),
        "dok": ("dokumen", "fragment", "text"),
        "k": ("", "noise", "text"),
        "dal": ("dalam", "fragment", "text"),
        "enerima": ("Menerima", "garbled", "text"),
    },
    "004": {
        "3.ATK": ("3. ATK", "glued", "list_item"),
        "sejauah": ("sejauh", "garbled", "text"),
        "Keglata": ("Kegiatan", "garbled", "header"),
        "Keglatan": ("Kegiatan", "garbled", "header"),
        "Pelak": ("Pelaksana", "fragment", "header"),
        "Pelal": ("Pelaksana", "fragment", "header"),
        "eglatan": ("Kegiatan", "fragment", "header"),
        "—Star": ("", "noise", "text"),
        "P": ("", "noise", "text"),
        "is": ("", "fragment", "text"),
        "melak": ("melaksanakan", "fragment", "text"),
        "k": ("", "noise", "text"),
        "K": ("", "noise", "text"),
        "1jam": ("1 jam", "glued", "waktu"),
        "2jam": ("2 jam", "glued", "waktu"),
        "Zhar": ("2 hari", "garbled", "waktu"),
        "intemnal": ("internal", "garbled", "text"),
        "Menug:": ("Menugaskan", "fragment", "text"),
        "Py": ("", "fragment", "text"),
        "pelap": ("pelaporan", "fragment", "text"),
        "T": ("", "noise", "text"),
        "Disp": ("Disposisi", "fragment", "text"),
        "F": ("", "noise", "text"),
        "g": ("", "noise", "text"),
        "l": ("", "noise", "text"),
        "f:;:z%::l": ("", "noise", "text"),
        "r;:ls": ("", "noise", "text"),
        "Menginft": ("Menginformasikan", "fragment", "text"),
        "Mengit": ("Menginformasikan", "fragment", "text"),
        "ikan": ("Menginformasikan", "fragment", "text"),
        "da": ("kepada", "fragment", "text"),
        "d": ("dengan", "fragment", "text"),
        "luasi": ("evaluasi", "fragment", "text"),
        "I": ("", "noise", "text"),
        "i": ("", "noise", "text"),
        "I__l": ("", "noise", "text"),
        "l__[": ("", "noise", "text"),
        "_[7": ("", "noise", "text"),
        "_1": ("", "noise", "text"),
        "1__'": ("", "noise", "text"),
        "I._li": ("", "noise", "text"),
        "J__I": ("", "noise", "text"),
        "J": ("", "noise", "text"),
        "_J": ("", "noise", "text"),
        "b": ("", "noise", "text"),
        "rkan": ("memaparkan", "fragment", "text"),
        "kan": ("", "fragment", "text"),
        "ing": ("masing-masing", "fragment", "text"),
        "cap.": ("capaian", "fragment", "text"),
        "kapada": ("kepada", "garbled", "text"),
        "STt": ("", "noise", "header"),
        "Pe": ("Penugasan", "fragment", "text"),
        ":u": ("Penugasan", "fragment", "text"),
        "asan": ("Penugasan", "fragment", "text"),
        "Manak": ("Mengkoordinasikan", "fragment", "text"),
        "A": ("", "noise", "text"),
        "|Veng": ("Mengkoordinasikan", "fragment", "text"),
        "L": ("", "noise", "text"),
        "tent": ("tentang", "fragment", "text"),
        "kine": ("kinerja", "fragment", "text"),
        "rjaa": ("kinerja", "fragment", "text"),
        "p": ("", "noise", "text"),
        "N": ("", "noise", "text"),
        "R": ("", "noise", "text"),
        "ghadiri": ("menghadiri", "fragment", "text"),
        "¥": ("", "noise", "text"),
        "%": ("", "noise", "text"),
        "*": ("", "noise", "text"),
    },
}
SPLITS = {"003": "dev", "004": "heldout"}


def label_seed(prefix: str) -> list[dict]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    labels = LABELS[prefix]
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for token in line.split():
            gold, kind, field = labels.get(token, (token, "correct", "text"))
            if kind == "noise" or (kind == "correct" and not any(c.isalpha() for c in token)):
                continue
            records.append({"raw": token, "gold": gold, "kind": kind, "field": field,
                            "conf": None, "line": f"{prefix}-{number}", "split": SPLITS[prefix],
                            "origin": f"seed-{prefix}"})  # fmt: skip
    return records


def main() -> None:
    for prefix, split in SPLITS.items():
        records = label_seed(prefix)
        with (HERE / f"seeds_{split}.jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        kinds: dict[str, int] = {}
        for record in records:
            kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
        print(prefix, split, kinds)


if __name__ == "__main__":
    main()
