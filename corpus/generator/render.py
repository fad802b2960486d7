"""Draw laid-out pages into a born-digital PDF with reportlab (the only PDF writer here)."""

from __future__ import annotations

import math
import random
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from corpus.generator.content import DocumentDraft
from corpus.generator.identity_layout import layout_identity
from corpus.generator.procedure import layout_procedure
from corpus.generator.sheet import CellRule, Emblem, FlowLine, FlowSymbol, SheetPage, TextBlock
from corpus.generator.style import Style
from models.sop import Sop


def layout_document(draft: DocumentDraft, style: Style) -> tuple[list[SheetPage], list[Sop]]:
    """Every page of the file and the SOPs exactly as drawn (off-page connectors included)."""
    pages: list[SheetPage] = []
    sops: list[Sop] = []
    for index, sop_draft in enumerate(draft.sops):
        pages.append(layout_identity(sop_draft, style))
        rng = random.Random(f"sop-layout-{draft.seed}-{index}")
        table_pages, sop = layout_procedure(sop_draft, style, rng, first_page=len(pages) + 1)
        pages.extend(table_pages)
        sops.append(sop)
    return pages, sops


class _Painter:
    """Converts the y-down page coordinates of the layout to reportlab's y-up ones."""

    def __init__(self, canvas: Canvas, page: SheetPage) -> None:
        self.canvas, self.height = canvas, page.height

    def y(self, value: float) -> float:
        return self.height - value

    def text(self, block: TextBlock) -> None:
        canvas = self.canvas
        canvas.setFillGray(0)
        canvas.setFont(block.font, block.size)
        total = len(block.lines) * block.leading
        top = block.box.top + (max(block.box.height - total, 0) / 2 if block.middle else 0)
        for index, line in enumerate(block.lines):
            baseline = self.y(top + block.size * 0.92 + index * block.leading)
            if block.align == "center":
                canvas.drawCentredString(block.box.center_x, baseline, line)
            else:
                canvas.drawString(block.box.left, baseline, line)

    def rule(self, cell: CellRule) -> None:
        box = cell.box
        self.canvas.setLineWidth(cell.width)
        if cell.fill_gray is not None:
            self.canvas.setFillGray(cell.fill_gray)
        self.canvas.rect(
            box.left,
            self.y(box.bottom),
            box.width,
            box.height,
            stroke=1,
            fill=int(cell.fill_gray is not None),
        )

    def line(self, line: FlowLine) -> None:
        canvas = self.canvas
        canvas.setLineWidth(line.width)
        path = canvas.beginPath()
        path.moveTo(line.points[0].x, self.y(line.points[0].y))
        for point in line.points[1:]:
            path.lineTo(point.x, self.y(point.y))
        canvas.drawPath(path, stroke=1, fill=0)
        if line.arrow and len(line.points) > 1:
            self.arrowhead(line)

    def arrowhead(self, line: FlowLine) -> None:
        tip, before = line.points[-1], line.points[-2]
        angle = math.atan2(self.y(tip.y) - self.y(before.y), tip.x - before.x)
        size, spread = line.arrow_size, 0.45
        path = self.canvas.beginPath()
        path.moveTo(tip.x, self.y(tip.y))
        for side in (spread, -spread):
            path.lineTo(
                tip.x - size * math.cos(angle + side), self.y(tip.y) - size * math.sin(angle + side)
            )
        path.close()
        self.canvas.setFillGray(0)
        self.canvas.drawPath(path, stroke=0, fill=1)

    def symbol(self, symbol: FlowSymbol) -> None:
        canvas, box = self.canvas, symbol.box
        canvas.setLineWidth(symbol.width)
        canvas.setFillGray(1)
        left, bottom, width, height = box.left, self.y(box.bottom), box.width, box.height
        if symbol.shape == "process":
            canvas.rect(left, bottom, width, height, stroke=1, fill=1)
        elif symbol.shape == "terminator":
            canvas.roundRect(left, bottom, width, height, height / 2, stroke=1, fill=1)
        elif symbol.shape == "connector":
            canvas.circle(box.center_x, self.y(box.center_y), height / 2, stroke=1, fill=1)
        else:
            self.polygon(_outline(symbol))
        if symbol.text:
            lines = TextBlock(
                lines=(symbol.text,),
                font=symbol.font,
                size=symbol.size,
                box=box,
                align="center",
                middle=True,
            )
            self.text(lines)

    def polygon(self, points: list[tuple[float, float]]) -> None:
        path = self.canvas.beginPath()
        path.moveTo(points[0][0], self.y(points[0][1]))
        for x, y in points[1:]:
            path.lineTo(x, self.y(y))
        path.close()
        self.canvas.drawPath(path, stroke=1, fill=1)

    def emblem(self, emblem: Emblem) -> None:
        box = emblem.box
        self.canvas.setLineWidth(emblem.width)
        self.canvas.setFillGray(1)
        shield = [
            (box.left, box.top),
            (box.right, box.top),
            (box.right, box.top + box.height * 0.55),
            (box.center_x, box.bottom),
            (box.left, box.top + box.height * 0.55),
        ]
        self.polygon(shield)
        self.canvas.circle(
            box.center_x, self.y(box.top + box.height * 0.38), box.width * 0.2, stroke=1, fill=0
        )


def _outline(symbol: FlowSymbol) -> list[tuple[float, float]]:
    box = symbol.box
    if symbol.shape == "decision":
        return [
            (box.center_x, box.top),
            (box.right, box.center_y),
            (box.center_x, box.bottom),
            (box.left, box.center_y),
        ]
    shoulder = box.top + box.height * 0.62  # off-page connector: a pentagon pointing down
    return [
        (box.left, box.top),
        (box.right, box.top),
        (box.right, shoulder),
        (box.center_x, box.bottom),
        (box.left, shoulder),
    ]


def draw_pdf(pages: list[SheetPage], path: Path, title: str) -> None:
    """Write the pages; `invariant` makes the bytes depend on the content only (no dates, ids)."""
    canvas = Canvas(str(path), pagesize=(pages[0].width, pages[0].height), invariant=1)
    canvas.setTitle(title)
    for page in pages:
        canvas.setPageSize((page.width, page.height))
        painter = _Painter(canvas, page)
        for item in page.items:
            if isinstance(item, TextBlock):
                painter.text(item)
            elif isinstance(item, CellRule):
                painter.rule(item)
            elif isinstance(item, FlowLine):
                painter.line(item)
            elif isinstance(item, FlowSymbol):
                painter.symbol(item)
            else:
                painter.emblem(item)
        canvas.showPage()
    canvas.save()
