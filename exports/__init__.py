"""Sop models in, text out: JSON (the `sop/1` contract) first."""
