"""Stage 6: the output contract and everything written from it: JSONL, CSV, Parquet, the
output folder's lock and manifest, the databases (``db/``) and the review report (``report/``).
"""
