"""The public case suites (../shared/data/cases): in-scope number cases pass at >= 0.90.

The suites are evaluation data: they are read here, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhjx.evaluation import load_cases, quantity_dict, run_case
from zhjx.normalize.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "data" / "cases"


def _extract(text: str, published: str | None) -> list[dict]:
    return [quantity_dict(q) for q in find_quantities(text)]


@pytest.mark.skipif(not CASES.is_dir(), reason=f"public case suites not found at {CASES}")
def test_numbers_pass_rate() -> None:
    cases = [c for c in load_cases(sorted(CASES.glob("*.jsonl"))) if c["group"] == "numbers"]
    assert cases, "no in-scope number cases"
    results = [run_case(c, _extract) for c in cases]
    rate = sum(r.passed for r in results) / len(results)
    assert rate >= 0.90, f"in-scope numbers pass rate {rate:.3f} < 0.90"
    assert not any(r.error for r in results)
