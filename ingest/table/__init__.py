"""Table structure, pdfplumber-style: a chain of small pure functions named `x_to_y`.

ink mask -> segments -> table rulings (arrows rejected) -> grids -> cells (merged cells kept)
-> words in cells -> column roles from header text -> step rows.
"""
