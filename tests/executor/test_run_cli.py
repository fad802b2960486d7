"""`sop run ...` end to end: every seed SOP (hand-made gold sop/1) runs to its end through the CLI,
taking each revision loop once; every command's --json output; exit codes."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import run_command
from executor.samples import linear_sop, revision_sop
from models.sop import Document, Sop, Source

GOLD = Path(__file__).resolve().parents[1] / "golden" / "seeds"
T0 = datetime(2026, 11, 23, 8, 0)


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """Test root: the `run` group as `sop` registers it."""

    run_command.register(app)
    return app


APP = _app()


def sop(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(APP, ["run", *args, "--db", str(db)])
    return result.exit_code, result.stdout


def sop_json(db: Path, *args: str):
    code, out = sop(db, *args, "--json")
    assert code == 0, out
    return json.loads(out)


def write_document(path: Path, *sops: Sop) -> Path:
    document = Document(
        source=Source(path="f.txt", sha256="0", kind="text", pages=1), sops=list(sops)
    )
    path.write_text(json.dumps(document.model_dump(mode="json", by_alias=True)), encoding="utf-8")
    return path


def corpus_cases(tmp: Path) -> list[tuple[Path, str]]:
    files = [
        *sorted(GOLD.glob("*.json")),
        write_document(tmp / "samples.json", revision_sop(), linear_sop()),
    ]
    return [
        (path, one.id)
        for path in files
        for one in Document.model_validate_json(path.read_text(encoding="utf-8")).sops
    ]


def run_through_cli(db: Path, path: Path, sop_id: str) -> tuple[str, list[int]]:
    """Start, then complete ready steps as their first lane's actor (anyone when no pelaksana);
    each decision says tidak on its first visit (a revision loop) and ya after."""
    instance_id = sop_json(db, "start", str(path), "--sop", sop_id, "--at", T0.isoformat())["id"]
    visits: dict[int, int] = {}
    done: list[int] = []
    now = T0
    for _ in range(200):
        view = sop_json(db, "show", instance_id)  # a fresh process-like invocation each time
        if view["status"] == "finished":
            return instance_id, done
        ready = view["ready"][0]
        step = ready["step"]
        visits[step] = visits.get(step, 0) + 1
        actor = ready["actors"][0]["label"] if ready["actors"] else "Staf Pelaksana"
        now += timedelta(minutes=30)
        args = ["complete", instance_id, str(step), "--as", actor, "--at", now.isoformat()]
        if ready["decision"]:
            args += ["--decision", "tidak" if visits[step] == 1 else "ya"]
        sop_json(db, *args, "--note", f"visit {visits[step]}")
        done.append(step)
    raise AssertionError(f"{sop_id} did not finish in 200 steps")


def test_every_seed_sop_runs_to_the_end_including_revision_loops(tmp_path):
    db = tmp_path / "runs.sqlite3"
    cases = corpus_cases(tmp_path)
    assert len(cases) >= 4
    loops = 0
    for path, sop_id in cases:
        instance_id, done = run_through_cli(db, path, sop_id)
        document = Document.model_validate_json(path.read_text(encoding="utf-8"))
        steps = next(s for s in document.sops if s.id == sop_id).steps
        assert set(done) == {step.no for step in steps}, sop_id  # linear or looped, all visited
        loops += len(done) > len(set(done))
        listed = {row["id"]: row for row in sop_json(db, "list")}
        assert listed[instance_id]["status"] == "finished"
    assert loops >= 2  # the sample and at least one seed SOP took a revision loop


def test_the_event_log_has_process_mining_columns(tmp_path):
    db = tmp_path / "runs.sqlite3"
    instance_id, done = run_through_cli(
        db, write_document(tmp_path / "r.json", revision_sop()), "sop-revisi"
    )
    code, out = sop(db, "log", instance_id, "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:5] == [
        "case:concept:name", "concept:name", "time:timestamp", "org:resource", "lifecycle:transition",
    ]  # fmt: skip
    completes = [row for row in rows if row["lifecycle:transition"] == "complete"]
    assert [int(row["step"]) for row in completes] == done
    assert completes[0]["org:resource"] == "kepala-bidang"
    assert completes[0]["concept:name"] == "1. Menerima disposisi penyusunan laporan"
    assert all(row["case:concept:name"] == instance_id for row in rows)


def test_start_prints_the_id_and_show_lists_ready_steps_with_actors_and_deadlines(tmp_path):
    db = tmp_path / "runs.sqlite3"
    path = write_document(tmp_path / "r.json", revision_sop())
    code, out = sop(db, "start", str(path), "--at", "2026-11-20T15:50")
    instance_id = out.strip()
    assert code == 0 and len(instance_id) == 12
    view = sop_json(db, "show", instance_id, "--at", "2026-11-23T08:10")
    ready = view["ready"][0]
    assert ready["actors"] == [
        {"id": "kepala-bidang", "label": "Kepala Bidang", "jabatan": "Kepala Bidang"}
    ]
    assert ready["deadline"] == "2026-11-23T08:05:00+07:00"  # 15 working minutes over a weekend
    assert ready["overdue"] is True
    assert (ready["kelengkapan"], ready["output"]) == ("Disposisi", "Lembar disposisi")
    overdue = sop_json(db, "overdue", "--at", "2026-11-23T08:10")
    assert [(row["id"], row["step"]) for row in overdue] == [(instance_id, 1)]


def test_refusals_exit_1_and_usage_errors_exit_2(tmp_path):
    db = tmp_path / "runs.sqlite3"
    path = write_document(tmp_path / "r.json", revision_sop())
    instance_id = sop_json(db, "start", str(path))["id"]
    code, out = sop(db, "complete", instance_id, "1", "--as", "JF Perencana", "--json")
    assert code == 1 and json.loads(out)["kind"] == "WrongActorError"
    assert sop(db, "complete", instance_id, "2", "--as", "JF Perencana")[0] == 1  # out of turn
    assert sop(db, "show", "nope")[0] == 1
    sop_json(db, "complete", instance_id, "1", "--as", "Kabid")
    sop_json(db, "complete", instance_id, "2", "--as", "JF Perencana")
    code, out = sop(db, "complete", instance_id, "3", "--as", "Subkor Bidang", "--json")
    assert code == 2 and "--decision ya (Sesuai)" in json.loads(out)["error"]
    holidays = tmp_path / "libur.txt"
    holidays.write_text("besok\n")
    assert sop(db, "show", instance_id, "--holidays", str(holidays))[0] == 2


@pytest.mark.parametrize("document_sops", [[], [revision_sop(), linear_sop()]])
def test_a_file_without_exactly_one_sop_needs_sop_id(tmp_path, document_sops):
    path = write_document(tmp_path / "d.json", *document_sops)
    code, _ = sop(tmp_path / "runs.sqlite3", "start", str(path))
    assert code == 1


def test_an_instance_stays_pinned_to_the_sop_version_it_started_with(tmp_path):
    db = tmp_path / "runs.sqlite3"
    path = write_document(tmp_path / "r.json", revision_sop())
    old = sop_json(db, "start", str(path))
    revised = revision_sop()
    revised.steps[1].kegiatan = "Menyusun konsep laporan (format baru)"
    write_document(path, revised)  # the SOP file is revised in place
    new = sop_json(db, "start", str(path))
    assert old["sop_key"] != new["sop_key"]
    for instance in (old, new):
        sop_json(db, "complete", instance["id"], "1", "--as", "Kabid")
    kegiatan = [sop_json(db, "show", i["id"])["ready"][0]["kegiatan"] for i in (old, new)]
    assert kegiatan == ["Menyusun konsep laporan kinerja", "Menyusun konsep laporan (format baru)"]
