"""From any input file (text export, PDF, scan) to `models.sop.Document`."""
