"""Accuracy and speed benchmarks (run as `python -m bench.<name>`)."""
