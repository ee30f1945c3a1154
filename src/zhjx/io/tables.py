"""Records as pandas DataFrames, CSV and Parquet.

One row a record, the columns the JSONL carries.  ``value`` is numeric (``Float64``)
when every row is a figure or percentage; with dates or mixed types it holds the
JSONL's values as text, so nothing is lost (``"771000000"``, ``"2025-03-29"``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhjx.records import Record

if TYPE_CHECKING:
    import pandas as pd

_LEADING = ("doc", "article", "type", "text", "start", "end")
_CATEGORIES = ("type", "unit", "kind", "qualifier", "change", "basis", "granularity")
_INTS = ("start", "end", "article")
_FLOATS = ("low", "high")
_STRINGS = (
    "doc",
    "text",
    "name",
    "subject",
    "org",
    "period",
    "headline",
    "subheadline",
    "place",
    "published",
    "published_source",
    "page",
    "paper",
    "reference",
)
_LISTS = ("reporters", "interval")


def _rows(records: Iterable[Record | dict[str, Any]]) -> list[dict[str, Any]]:
    return [r.to_dict() if isinstance(r, Record) else dict(r) for r in records]


def to_dataframe(
    records: Iterable[Record | dict[str, Any]], type: str | None = None
) -> pd.DataFrame:
    """A DataFrame of records (or of one record ``type``) with sensible dtypes."""
    import pandas as pd

    rows = _rows(records)
    if type is not None:
        rows = [r for r in rows if r.get("type") == type]
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    df = df[[c for c in _LEADING if c in df] + [c for c in df if c not in _LEADING]]
    for col in _INTS:
        if col in df:
            df[col] = df[col].astype("Int64")
    for col in _FLOATS:
        if col in df:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Float64")
    if "value" in df:
        numeric = df["type"].isin(["figure", "percentage"]).all()
        if numeric:
            df["value"] = pd.to_numeric(df["value"], errors="coerce").astype("Float64")
        else:
            df["value"] = df["value"].map(_as_text, na_action="ignore").astype("string")
    for col in _CATEGORIES:
        if col in df:
            df[col] = df[col].astype("category")
    for col in _STRINGS:
        if col in df:
            df[col] = df[col].astype("string")
    for col in ("relative", "points"):
        if col in df:
            df[col] = df[col].astype("boolean")
    return df


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a zhjx JSONL file as dicts."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_table(rows: list[dict[str, Any]], path: str | Path, fmt: str) -> None:
    """Write record dicts as ``csv`` or ``parquet`` (lists JSON-encoded in CSV)."""
    df = to_dataframe(rows)
    if fmt == "csv":
        for col in _LISTS:
            if col in df:
                df[col] = df[col].map(json.dumps, na_action="ignore")
        df.to_csv(path, index=False)
    elif fmt == "parquet":
        for col in _LISTS:
            if col in df:
                df[col] = df[col].map(lambda v: [str(x) for x in v], na_action="ignore")
        df.to_parquet(path, index=False, engine="pyarrow")
    else:
        raise ValueError(f"unknown table format: {fmt}")
