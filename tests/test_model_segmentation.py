"""The shipped model conversion segments the sample pages exactly as the original.

``tests/data/pkuseg_expected.json`` holds the words of ``corpus/pages`` from the
original pkuseg 0.0.25 model (every feature, float64 weights) through
``spacy_pkuseg.pkuseg``.  The provisioned (compiled, pruned) model must give the same
words.  ``benchmarks/bench.py --compare-original WHEEL`` does the same on PD1998.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhjx import model

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "tests" / "data" / "pkuseg_expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seg():
    if not model.is_provisioned():
        pytest.skip(f"pkuseg model not provisioned at {model.model_dir()} (run `zhjx setup`)")
    from zhjx.pipeline import blank

    return blank().tokenizer.pkuseg_seg


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if not k.startswith("_")))
def test_pages_segment_as_the_original_model(seg, name):
    text = (ROOT / "corpus" / "pages" / name).read_text(encoding="utf-8")
    assert seg.cut(text) == EXPECTED[name].split(" ")


def test_pipeline_tokens_are_the_segmenter_words(seg):
    from zhjx.pipeline import blank

    nlp = blank()
    text = "润滑油销售收入达7.71亿元，同比增长88.19%。"
    assert [t.text for t in nlp(text)] == seg.cut(text)


def test_a_users_own_pipeline_gets_the_segmenter(seg):
    import spacy

    from zhjx.pipeline import use_segmenter

    user = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    use_segmenter(user)
    assert [t.text for t in user("中小企业大有可为")] == seg.cut("中小企业大有可为")
    with pytest.raises(ValueError, match="pkuseg"):
        use_segmenter(spacy.blank("zh"))
