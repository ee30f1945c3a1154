"""The public normalizer suites through the whole pipeline (layout included).

The normalizers have their own suite tests; this one guards what sits around them:
a snippet without an article's shape must still be read (layout's fallback), and
dates must not eat figures nor figures dates.
"""

from __future__ import annotations

import pytest

import zhjx
from conftest import shared_path
from zhjx.evaluation import load_cases, run_case, summarize


@pytest.mark.parametrize("group", ["numbers", "dates"])
def test_suites_pass_through_the_pipeline(nlp, group):
    files = sorted(shared_path("data", "cases").glob("*.jsonl"))
    cases = [c for c in load_cases(files) if c["group"] == group]
    assert cases

    def run(text: str, published: str | None) -> list[dict]:
        return [r.to_dict() for r in zhjx.extract(text, published, nlp=nlp)]

    results = [run_case(c, run) for c in cases]
    passed = sum(r.passed for r in results)
    assert passed / len(results) >= 0.90, summarize(results)


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("润滑油销售收入达7.71亿元", "figure", "7.71亿元"),
        ("1 秒钟", "figure", "1秒钟"),
        ("上海综合指数日Ｋ线图（图片）", None, None),
        ("当前报纸名称:山西经济日报", "organization", "山西经济日报"),
    ],
)
def test_a_snippet_is_one_text_not_nothing(nlp, text, kind, found):
    records = zhjx.extract(text, "2025-03-29", nlp=nlp)
    assert [r.kind for r in records if r.type == "article"] == ["text"]
    if kind:
        assert found in [r.text for r in records if r.type == kind]
