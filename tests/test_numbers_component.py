"""The zhjx_numbers component puts figures and percentages on spans."""

from __future__ import annotations

from decimal import Decimal

import spacy

import zhjx.components.numbers  # noqa: F401  (registers the factory)
from zhjx import extensions


def test_component_spans() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhjx_numbers")
    doc = nlp("营业收入达7.71亿元，同比增长12.5%，完成产量4万多吨。")
    figures = doc.spans[extensions.SPAN_KEYS["figure"]]
    percentages = doc.spans[extensions.SPAN_KEYS["percentage"]]
    assert [s.text for s in figures] == ["7.71亿元", "4万多吨"]
    assert figures[0]._.value == Decimal("771000000") and figures[0]._.unit == "元"
    assert figures[1]._.qualifier == "over" and figures[1]._.kind == "measure"
    assert [s.text for s in percentages] == ["12.5%"]
    assert percentages[0]._.change == "increase" and percentages[0]._.basis == "同比"
    assert percentages[0]._.points is False
