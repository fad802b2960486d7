"""Synthetic SOP corpus: invented documents as PDFs and phone scans with gold `sop/1` JSON.

Entry points: `python -m corpus.generator ...` (see README.md), `generate_corpus` / `write_seed`
to write samples, `load_samples` to read a folder of them back with their gold.
"""
