"""Read the flowchart in the Pelaksana lanes: symbols, arrows, decision exits -> per-step flow.

One design for every input: the rasterised page image (scans after rectification, PDF pages
rendered with pypdfium2). See README "Flowchart" for why.
"""

from ingest.flowchart.flows import step_flows
from ingest.flowchart.models import StepFlow, StepRowRef
from ingest.flowchart.reader import read_flowchart
from ingest.flowchart.settings import FlowchartSettings

__all__ = ["FlowchartSettings", "StepFlow", "StepRowRef", "read_flowchart", "step_flows"]
