"""The pipeline: pkuseg segmentation, registered components, serialization."""

from __future__ import annotations

from decimal import Decimal

import spacy

import zhjx
from zhjx.components.spans import exact_spans
from zhjx.extensions import SPAN_KEYS
from zhjx.pipeline import COMPONENTS

TEXT = "润滑油销售收入达7.71亿元，同比增长94.96%。"


def test_segmenter_is_pkuseg(nlp):
    assert nlp.lang == "zh"
    assert nlp.tokenizer.segmenter == "pkuseg"
    words = [t.text for t in nlp.make_doc("中小企业大有可为")]
    assert words != list("中小企业大有可为")  # words, not characters


def test_add_pipe_in_a_users_own_pipeline():
    user = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    zhjx.pipeline.use_segmenter(user)
    for name in COMPONENTS:
        user.add_pipe(name)
    assert user.pipe_names == list(COMPONENTS)
    doc = user(TEXT)
    figures = doc.spans[SPAN_KEYS["figure"]]
    assert [s.text for s in figures] == ["7.71亿元"]
    assert figures[0]._.value == Decimal("771000000")


def test_to_disk_and_spacy_load_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "zhjx_model")
    again = spacy.load(tmp_path / "zhjx_model")
    assert again.pipe_names == nlp.pipe_names
    a, b = nlp(TEXT), again(TEXT)
    assert [t.text for t in a] == [t.text for t in b]
    for key in SPAN_KEYS.values():
        assert [(s.text, s._.value) for s in a.spans[key]] == [
            (s.text, s._.value) for s in b.spans[key]
        ]


def test_exact_spans_split_glued_tokens(nlp):
    doc = nlp.make_doc("收入达7.71亿元")
    start = doc.text.index("7")
    (span,) = exact_spans(doc, [(start, len(doc.text))], "FIGURE")
    assert span.text == "7.71亿元"
    assert "".join(t.text_with_ws for t in doc) == "收入达7.71亿元"


def test_exact_spans_keep_existing_groups(nlp):
    doc = nlp.make_doc("收入达7.71亿元同比增长")
    doc.spans["old"] = [doc.char_span(len(doc.text) - 2, len(doc.text), alignment_mode="expand")]
    before = doc.spans["old"][0].text
    exact_spans(doc, [(3, 9)], "FIGURE")
    assert doc.spans["old"][0].text == before
