"""Public, normalised SOP models (the `sop/1` JSON contract) and the pure helpers around them."""
