"""The public dates suites (../shared/data/cases): in-scope date cases pass at >= 0.90.

Only cases whose expected items are all dates (or that forbid dates) are counted: the
others expect figures (durations) from the numbers grammar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zhjx.evaluation import date_dict, load_cases, run_case
from zhjx.normalize.dates import find_dates

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "data" / "cases"


def _dates_only(text: str, published: str | None) -> list[dict]:
    ref = date.fromisoformat(published) if published else None
    return [date_dict(d) for d in find_dates(text, ref)]


def _date_cases() -> list[dict]:
    files = sorted(CASES.glob("*.jsonl"))
    cases = [c for c in load_cases(files) if c["group"] == "dates"]
    return [
        c
        for c in cases
        if all(e["type"] == "date" for e in c["expect"])
        and all(f["type"] == "date" for f in c.get("forbid", []))
        and (c["expect"] or c.get("forbid"))
    ]


@pytest.mark.skipif(not CASES.is_dir(), reason=f"public case suites not found at {CASES}")
def test_in_scope_date_cases_pass() -> None:
    cases = _date_cases()
    assert len(cases) > 100, "too few date cases: has the suite format changed?"
    results = [run_case(c, _dates_only) for c in cases]
    rate = sum(r.passed for r in results) / len(results)
    failed = [r.case["id"] for r in results if not r.passed]
    assert rate >= 0.90, f"pass rate {rate:.3f}; failed: {failed}"


@pytest.mark.skipif(not CASES.is_dir(), reason=f"public case suites not found at {CASES}")
def test_date_suites_never_raise() -> None:
    files = sorted(CASES.glob("*.jsonl"))
    for case in load_cases(files, in_scope_only=False):
        _dates_only(case["text"], case.get("published"))
