"""Any text through the whole pipeline: no exception, every record inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhjx
from conftest import points_back

PIECES = st.sampled_from(
    [
        "本报太原3月29日讯（记者 马永亮）",
        "省财政厅",
        "近10亿元",
        "同比增长88.19%",
        "2024年度",
        "一季度",
        "山西潞安太行润滑科技股份有限公司",
        "王蕾王蕾",
        "\n\n",
        "\n",
        " ",
        "。",
        "，",
        "<p>",
        "１２３",
        "5G",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS, published=st.sampled_from([None, "2025-03-29"]))
def test_any_text_gives_records_that_point_back(nlp, text, published):
    records = zhjx.extract(text, published, nlp=nlp)
    for rec in records:
        d = rec.to_dict()
        assert 0 <= d["start"] <= d["end"] <= len(text)
        if d["type"] != "article":
            assert d["start"] < d["end"]
            assert points_back(text, d), d
