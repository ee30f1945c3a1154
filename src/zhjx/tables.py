"""Records as pandas DataFrames."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from zhjx.records import Record

if TYPE_CHECKING:
    import pandas as pd

_CATEGORIES = ("type", "unit", "kind", "qualifier", "change", "basis", "granularity")
_NUMBERS = ("value", "low", "high")


def to_dataframe(records: Iterable[Record | dict], type: str | None = None) -> pd.DataFrame:
    """One row a record; ``type`` keeps one record type (its numeric ``value`` is a float)."""
    import pandas as pd

    rows = [r.to_dict() if isinstance(r, Record) else dict(r) for r in records]
    if type is not None:
        rows = [r for r in rows if r.get("type") == type]
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    for col in ("start", "end", "article"):
        if col in df:
            df[col] = df[col].astype("Int64")
    numeric_value = type in ("figure", "percentage")
    for col in _NUMBERS:
        if col in df and (col != "value" or numeric_value):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Float64")
    for col in _CATEGORIES:
        if col in df:
            df[col] = df[col].astype("category")
    for col in ("doc", "text", "name", "subject", "org", "period", "headline"):
        if col in df:
            df[col] = df[col].astype("string")
    return df
