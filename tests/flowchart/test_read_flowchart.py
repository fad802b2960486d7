"""Stage tests: drawn SOP tables (OpenCV) -> read_flowchart -> step_flows agrees with the drawing."""

import cv2
import numpy as np
import pytest

from ingest.flowchart import FlowchartSettings, StepFlow, read_flowchart, step_flows
from tests.flowchart.drawing import Drawn, PlanStep, Style, draw_plan, linear_plan

SETTINGS = FlowchartSettings()
LANE_COLUMN_OFFSET = 2  # columns No, Kegiatan come before the first lane


def loop_plan(
    labels: tuple[str, str] | None = ("Ya", "Tidak"), kegiatan: str = "Memeriksa"
) -> list[PlanStep]:
    """Start, delegation over lanes, a joint step in three lanes, a decision looping back, end."""
    yes, no = labels or (None, None)
    plan = linear_plan(7, [0, 1, 1, 2, 0, 0, 1])
    plan[2] = PlanStep(no=3, kind="process", lanes=(0, 1, 2), exits=((4, None, None),))
    plan[3] = PlanStep(no=4, kind="decision", lanes=(2,), exits=((5, "ya", yes), (2, "tidak", no)),
                       text="Setuju?", kegiatan=kegiatan)  # fmt: skip
    plan[6] = PlanStep(no=7, kind="end", lanes=(0, 1))
    return plan


def skip_plan() -> list[PlanStep]:
    """A decision whose 'tidak' exit jumps forward over a step (e.g. no disposition needed)."""
    plan = linear_plan(6, [0, 0, 1, 1, 1, 0])
    plan[2] = PlanStep(no=3, kind="decision", lanes=(1,), exits=((4, "ya", "Y"), (5, "tidak", "T")))
    return plan


def flows_of(drawn: Drawn) -> dict[int, StepFlow]:
    pages = [read_flowchart(page, SETTINGS) for page in drawn.pages]
    return step_flows(pages, drawn.steps)


def assert_matches_plan(drawn: Drawn, flows: dict[int, StepFlow]) -> None:
    for step in drawn.plan:
        flow = flows[step.no]
        assert flow.pelaksana == [lane + LANE_COLUMN_OFFSET for lane in step.lanes], step.no
        assert flow.kind == step.kind, step.no
        assert {(t.to, t.when) for t in flow.next} == {(to, when) for to, when, _ in step.exits}, (
            step.no
        )
        assert all(0 < t.confidence <= 1 for t in flow.next)


@pytest.mark.parametrize(
    "style",
    [Style(), Style(line=1, ruling=1), Style(line=3, ruling=3), Style(symbol_scale=0.75, jitter=6, seed=1),
     Style(row_height=90, lane_width=140, line=2, symbol_scale=1.0)],
    ids=["default", "thin", "thick", "small-jittered", "cramped"],
)  # fmt: skip
def test_loop_back_joint_step_and_labels_are_read(style: Style) -> None:
    drawn = draw_plan(loop_plan(), 3, style)
    flows = flows_of(drawn)
    assert_matches_plan(drawn, flows)
    assert {t.label for t in flows[4].next} == {"Ya", "Tidak"}
    assert flows[4].symbols[0].text == "Setuju?"
    assert not any(flow.problems for flow in flows.values())


def test_forward_skip_from_a_decision() -> None:
    drawn = draw_plan(skip_plan(), 2)
    assert_matches_plan(drawn, flows_of(drawn))


def test_unlabelled_decision_falls_back_on_the_loop_and_says_so() -> None:
    drawn = draw_plan(
        loop_plan(labels=None, kegiatan="Memeriksa; jika tidak setuju dikembalikan"), 3
    )
    flows = flows_of(drawn)
    assert_matches_plan(drawn, flows)
    assert all(t.confidence <= 0.6 for t in flows[4].next)
    assert any("unlabelled" in problem for problem in flows[4].problems)


def _as_phone_scan(image: np.ndarray, seed: int) -> np.ndarray:
    """What a rectified phone photo still looks like: soft, uneven light, grain, JPEG."""
    rng = np.random.default_rng(seed)
    height, width = image.shape
    light = np.linspace(0.78, 1.0, width)[None, :] * np.linspace(0.9, 1.0, height)[:, None]
    soft = cv2.GaussianBlur(image.astype(np.float32), (3, 3), 0.9) * light
    grainy = np.clip(soft + rng.normal(0, 9, soft.shape), 0, 255).astype(np.uint8)
    ok, encoded = cv2.imencode(".jpg", grainy, [cv2.IMWRITE_JPEG_QUALITY, 55])
    assert ok
    return cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE)


@pytest.mark.parametrize("seed", [0, 1])
def test_degraded_scan_reads_the_same(seed: int) -> None:
    drawn = draw_plan(loop_plan(), 3, Style(line=2, seed=seed, jitter=4))
    for page in drawn.pages:
        page.image = _as_phone_scan(page.image, seed)
    assert_matches_plan(drawn, flows_of(drawn))


@pytest.mark.parametrize("letter", [None, "A"], ids=["line", "off-page-connector"])
def test_flow_crosses_a_page_break(letter: str | None) -> None:
    drawn = draw_plan(loop_plan(), 3, split=4, letter=letter)
    flows = flows_of(drawn)
    assert_matches_plan(drawn, flows)
    assert flows[4].next and max(t.to for t in flows[4].next) == 5


def test_a_row_without_a_symbol_is_reported_not_guessed() -> None:
    plan = linear_plan(4, [0, 1, 1, 0])
    drawn = draw_plan(plan, 2)
    for page in drawn.pages:  # white out step 3's lane cell: its symbol and the arrows through it
        row = next(r for r in page.tables[0].rows if r.index == 3)
        lane = page.tables[0].columns[LANE_COLUMN_OFFSET + 1]
        page.image[
            int(row.top) + 4 : int(row.bottom) - 4, int(lane.left) + 4 : int(lane.right) - 4
        ] = 255
    flows = flows_of(drawn)
    assert flows[3].pelaksana == [] and flows[3].confidence == 0.0
    assert any("no flowchart symbol" in problem for problem in flows[3].problems)
    assert flows[1].next[0].to == 2


def test_page_without_image_is_left_alone() -> None:
    drawn = draw_plan(linear_plan(3, [0, 0, 0]), 1)
    page = drawn.pages[0].model_copy(update={"image": None})
    assert read_flowchart(page, SETTINGS).symbols == []


def test_a_terminator_reached_and_left_again_is_a_process_not_an_end() -> None:
    """Blur can round a box into a capsule; an end has no way out and a start no way in."""
    from ingest.flowchart.flows import _kind

    assert _kind(["terminator"], has_incoming=True, has_next=True, first=False) == "process"
    assert _kind(["terminator"], has_incoming=True, has_next=False, first=False) == "end"
    assert _kind(["terminator"], has_incoming=False, has_next=True, first=False) == "start"
    assert _kind(["terminator"], has_incoming=True, has_next=True, first=True) == "start"


def test_without_heads_or_labels_a_line_off_a_diamond_side_vertex_is_its_exit() -> None:
    """Arrowheads too small to see and no exit labels: the loop-back still leaves the decision
    (flow comes into a diamond at its top vertex), so the loop is not read backwards."""
    drawn = draw_plan(loop_plan(labels=None), 3, Style(head=2))
    flows = flows_of(drawn)
    assert {t.to for t in flows[4].next} == {2, 5}
    assert {t.to for t in flows[2].next} == {3}


def test_a_flare_at_a_diamond_side_vertex_is_not_an_arrowhead() -> None:
    """Label glyphs touching the exit line beside the vertex flare on both sides of it like a
    head; flow does not come into a diamond there, so the loop still leaves the decision."""
    drawn = draw_plan(loop_plan(labels=None), 3, Style(head=2))
    box = drawn.boxes[4][0][1]
    for page in drawn.pages:
        for x in (round(box.right) + 3, round(box.left) - 9):
            y = round(box.center_y)
            cv2.rectangle(page.image, (x, y - 4), (x + 6, y + 4), 0, -1)
    flows = flows_of(drawn)
    assert {t.to for t in flows[4].next} == {2, 5}
    assert {t.to for t in flows[2].next} == {3}
