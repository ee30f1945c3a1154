"""Figures and percentages (placeholder grammar; replaced by the full one)."""

from __future__ import annotations

from decimal import Decimal

import regex

from zhjx.normalize.types import Quantity

_MULT = {"万": Decimal(10000), "亿": Decimal(100000000), "": Decimal(1)}
_RE = regex.compile(
    r"(?<![\p{Latin}\d.])(\d+(?:\.\d+)?)(万|亿|)(%|元|户|家|项|吨|个|所|笔|片|根|套|副)"
)


def find_quantities(text: str) -> list[Quantity]:
    """Find figures and percentages in ``text``."""
    out = []
    for m in _RE.finditer(text):
        value = Decimal(m[1]) * _MULT[m[2]]
        if m[3] == "%":
            out.append(Quantity(m.start(), m.end(), m[0], "percentage", value, "%", "percent"))
        else:
            kind = "money" if m[3] == "元" else "count"
            out.append(Quantity(m.start(), m.end(), m[0], "figure", value, m[3], kind))
    return out
