"""The facts view: one row a figure or percentage with what, whose, when and how it changed.

>>> import zhjx
>>> records = zhjx.extract("润滑油销售收入达7.71亿元，同比增长94.96%。")
>>> zhjx.facts(records)[["text", "subject", "change", "basis"]]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from zhjx.io.tables import _rows, to_dataframe
from zhjx.records import Record

if TYPE_CHECKING:
    import pandas as pd

#: The columns of the facts view, in order.
FACT_COLUMNS = (
    "doc",
    "article",
    "headline",
    "type",
    "text",
    "subject",
    "value",
    "unit",
    "points",
    "qualifier",
    "low",
    "high",
    "org",
    "period",
    "change",
    "basis",
    "start",
    "end",
)


def facts(records: Iterable[Record | dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with one row for every figure and percentage among ``records``.

    Columns: :data:`FACT_COLUMNS` (``headline`` from the article records when
    present).  ``value`` is numeric: 元 for money, percent for percentages.
    """
    import pandas as pd

    rows = _rows(records)
    headlines = {
        (r.get("doc"), r.get("article")): r.get("headline")
        for r in rows
        if r.get("type") == "article"
    }
    quantities = [r for r in rows if r.get("type") in ("figure", "percentage")]
    for r in quantities:
        r["headline"] = headlines.get((r.get("doc"), r.get("article")))
    df = to_dataframe(quantities)
    if df.empty:
        return pd.DataFrame(columns=list(FACT_COLUMNS))
    for col in FACT_COLUMNS:
        if col not in df:
            df[col] = pd.NA
    df["headline"] = df["headline"].astype("string")
    return df[list(FACT_COLUMNS)].reset_index(drop=True)
