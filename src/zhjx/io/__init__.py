"""Output: records as JSONL, CSV, Parquet and pandas DataFrames."""
