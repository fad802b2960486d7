"""Time `sop report` work for 1,000 SOPs: checks + HTML + CSV, on SOPs varied from the seeds' gold.

Run: .venv/bin/python -m bench.report_speed [--sops N]
The SOPs are the gold sop/1 documents of the real seeds with random variations (steps dropped,
cells emptied, identity fields blanked, kegiatan reworded, waktu changed), seeded for repeatability.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from exports.json import document_from_json
from exports.report import build_report, write_report
from models.normalise import parse_waktu
from models.sop import Sop

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "golden" / "seeds"
WAKTU = [
    "15 menit",
    "1 jam",
    "1 hari kerja",
    "3 hari",
    "2 minggu",
    "1 bulan",
    "sesuai jadwal",
    "1 x 24 Jam",
]
IDENTITY = ["nomor", "tanggal_pembuatan", "tanggal_efektif", "disahkan_oleh", "peringatan"]
UNITS = ["SEKRETARIAT", "BIDANG PERENCANAAN", "BAGIAN UMUM", "KECAMATAN BONTONOMPO", None]


def seed_sops() -> list[Sop]:
    return [sop for path in sorted(GOLD_DIR.glob("*.json"))
            for sop in document_from_json(path.read_text(encoding="utf-8")).sops]  # fmt: skip


def vary(sop: Sop, rng: random.Random, index: int) -> Sop:
    steps = []
    for step in sop.steps:
        changes: dict[str, object] = {}
        if rng.random() < 0.2:
            changes["waktu"] = parse_waktu(rng.choice(WAKTU))
        if rng.random() < 0.1:
            changes["output"] = None
        if rng.random() < 0.1 and step.kegiatan:
            changes["kegiatan"] = "Kasubag " + step.kegiatan.lower()
        steps.append(step.model_copy(update=changes))
    identity = {field: f"{field} {index}" for field in IDENTITY if rng.random() < 0.6}
    return sop.model_copy(update={
        "id": f"{sop.id}-{index}", "steps": steps, "unit": rng.choice(UNITS), **identity,
    })  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sops", type=int, default=1000)
    count = parser.parse_args().sops
    rng = random.Random(35_2012)
    seeds = seed_sops()
    entries = [(f"doc-{i // 3}.json", vary(seeds[i % len(seeds)], rng, i)) for i in range(count)]
    steps = sum(len(sop.steps) for _, sop in entries)
    started = time.perf_counter()
    report = build_report(entries, source="bench", generated="bench")
    built = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        html_path, _ = write_report(report, Path(out))
        size = html_path.stat().st_size
    done = time.perf_counter()
    print(f"{count} SOPs ({steps} steps) from {len(seeds)} seed SOPs")
    print(
        f"checks + report model: {built - started:.2f} s ({(built - started) / count * 1000:.2f} ms/SOP)"
    )
    print(f"HTML + CSV written:    {done - built:.2f} s (HTML {size / 1024:.0f} KiB)")
    print(f"total:                 {done - started:.2f} s")


if __name__ == "__main__":
    main()
