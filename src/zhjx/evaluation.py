"""Scoring zhjx on normalizer case suites (``shared/data/cases/*.jsonl`` format).

A case is ``{"text", "published", "expect": [...], "forbid": [...], "in_scope"}``.  It
passes when every expected item is met by a distinct predicted record of its type and
no predicted record is forbidden.  Values are compared as the suites' README says:
figures by value (and unit after light normalization, when the case names one),
percentages by value, ranges by ``low``/``high``, and dates as day spans (``2018`` is
2018-01-01/2019-01-01; year- or month-level ends of a written period are inclusive).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from zhjx.normalize.types import DateMention, Quantity
from zhjx.records import _plain

Extractor = Callable[[str, str | None], list[dict[str, Any]]]

_TRAD = str.maketrans("鐘時剛兩個萬億點釐斤公噸鎊圓幣臺", "钟时刚两个万亿点厘斤公吨镑圆币台")
_UNIT_SYNONYMS = {
    "公斤": "千克",
    "kg": "千克",
    "g": "克",
    "mg": "毫克",
    "km": "千米",
    "公里": "千米",
    "m": "米",
    "cm": "厘米",
    "公分": "厘米",
    "℃": "摄氏度",
    "°c": "摄氏度",
    "小时": "小时",
    "钟头": "小时",
    "分钟": "分钟",
    "秒钟": "秒",
    "日": "天",
    "cny": "元",
    "rmb": "元",
    "人民币": "元",
    "块": "元",
    "块钱": "元",
}


def norm_unit(unit: str | None) -> str:
    """A unit after light normalization (traditional forms, 个 prefix, synonyms)."""
    u = unicodedata.normalize("NFKC", unit or "").strip().translate(_TRAD).lower()
    if len(u) > 1 and u.startswith("个"):
        u = u[1:]
    return _UNIT_SYNONYMS.get(u, u)


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _point(text: str, end: bool) -> date:
    """The first day of an ISO date at any granularity, or the day after it (``end``)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0] + 1, 1, 1) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        return date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    d = date(*parts)
    if end:
        return date.fromordinal(d.toordinal() + 1)
    return d


def day_span(value: Any) -> tuple[date, date] | None:
    """``[start, end)`` in days of a date value (``2018``, ``2018-10``, ``A/B``)."""
    if not value or not isinstance(value, str):
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            start = _point(a, end=False)
            # a day-level END is exclusive as written; coarser ends are inclusive
            stop = _point(b, end=False) if b.count("-") == 2 else _point(b, end=True)
            return start, stop
        return _point(value, end=False), _point(value, end=True)
    except (ValueError, TypeError):
        return None


def matches(expected: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether a predicted record meets an expected item."""
    if pred.get("type") != expected["type"]:
        return False
    if expected["type"] == "date":
        want = [expected.get("value"), *expected.get("alts", [])]
        got = day_span(pred.get("value"))
        return got is not None and any(day_span(v) == got for v in want)
    if expected.get("low") is not None or expected.get("high") is not None:
        if not (_close(expected.get("low"), pred.get("low")) or _open_end_ok(expected, pred)):
            return False
        if expected.get("low") is not None and expected.get("high") is not None:
            if not _close(expected.get("high"), pred.get("high")):
                return False
    elif not _close(expected.get("value"), pred.get("value")):
        return False
    if expected["type"] == "figure" and expected.get("unit") is not None:
        return norm_unit(expected["unit"]) == norm_unit(pred.get("unit"))
    return True


def _open_end_ok(expected: dict[str, Any], pred: dict[str, Any]) -> bool:
    """An open range is met by a figure whose value is the finite end."""
    finite = expected.get("low") if expected.get("high") is None else expected.get("high")
    if expected.get("low") is not None and expected.get("high") is not None:
        return False
    return _close(finite, pred.get("value"))


def forbidden(rule: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether a predicted record is one a negative case forbids."""
    if pred.get("type") != rule["type"]:
        return False
    kind = rule.get("kind")
    if kind == "money":
        return pred.get("kind") == "money" or norm_unit(pred.get("unit")) == "元"
    return kind is None or pred.get("kind") == kind


@dataclass
class CaseResult:
    """One case's outcome."""

    case: dict[str, Any]
    predicted: list[dict[str, Any]]
    passed: bool
    missing: list[dict[str, Any]] = field(default_factory=list)
    forbidden_hits: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def run_case(case: dict[str, Any], extractor: Extractor) -> CaseResult:
    """Run one case through ``extractor(text, published)``."""
    try:
        preds = [p for p in extractor(case["text"], case.get("published"))]
    except Exception as exc:  # a crash is a failed case, reported
        return CaseResult(case, [], False, error=f"{type(exc).__name__}: {exc}")
    preds = [p for p in preds if p.get("type") in ("figure", "percentage", "date")]
    open_preds = list(preds)
    missing = []
    for exp in case.get("expect", []):
        hit = next((p for p in open_preds if matches(exp, p)), None)
        if hit is None:
            missing.append(exp)
        else:
            open_preds.remove(hit)
    bad = [p for p in preds for rule in case.get("forbid", []) if forbidden(rule, p)]
    return CaseResult(case, preds, not missing and not bad, missing, bad)


def quantity_dict(q: Quantity) -> dict[str, Any]:
    """A normalizer's figure or percentage as a record-like dict (for the pure suites)."""
    return {
        "type": q.type,
        "text": q.text,
        "value": _plain(q.value),
        "unit": q.unit,
        "kind": q.kind,
        "low": _plain(q.low),
        "high": _plain(q.high),
        "qualifier": q.qualifier,
    }


def date_dict(d: DateMention) -> dict[str, Any]:
    """A normalizer's date as a record-like dict (for the pure suites)."""
    return {"type": "date", "text": d.text, "value": d.value}


def load_cases(paths: Iterable[str | Path], in_scope_only: bool = True) -> list[dict[str, Any]]:
    """Cases from JSONL files."""
    cases = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    case = json.loads(line)
                    if case.get("in_scope") or not in_scope_only:
                        cases.append(case)
    return cases


def summarize(results: list[CaseResult]) -> dict[str, tuple[int, int]]:
    """``suite -> (passed, total)``."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in results:
        suite = r.case.get("suite", "?")
        total[suite] += 1
        passed[suite] += r.passed
    return {s: (passed[s], total[s]) for s in sorted(total)}
