"""The shipped model conversion segments the sample pages exactly as the original.

``tests/data/pkuseg_expected.json`` holds the words of ``corpus/pages`` from the
original pkuseg 0.0.25 model (every feature, float64 weights) through
``spacy_pkuseg.pkuseg``.  The provisioned (compiled, pruned) model must give the same
words.  ``benchmarks/bench.py --compare-original WHEEL`` does the same on PD1998.
"""

from __future__ import annotations

import importlib
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


def test_a_batch_segments_each_text_as_alone(seg):
    names = sorted(k for k in EXPECTED if not k.startswith("_"))
    texts = [(ROOT / "corpus" / "pages" / n).read_text(encoding="utf-8") for n in names]
    texts += ["", "   \n", "5G", "政采智贷3.0  \n 太钢", "一是稳增长。\n\n二是促改革。"]
    batch = seg.cut_batch(texts)
    assert batch[: len(names)] == [EXPECTED[n].split(" ") for n in names]
    assert batch == [seg.cut(t) for t in texts]
    assert seg.cut_batch([]) == []


def test_tokenize_many_makes_the_docs_tokenize_makes(seg, monkeypatch):
    extract = importlib.import_module("zhjx.extract")  # zhjx.extract is also a function
    from zhjx.pipeline import blank

    nlp = blank()
    texts = [
        "润滑油销售收入达7.71亿元，同比增长88.19%。",
        "",
        "本报太原3月29日讯（记者 马永亮）\n近七成",
    ]
    texts += [
        (ROOT / "corpus" / "pages" / n).read_text(encoding="utf-8")[:3000]
        for n in sorted(EXPECTED)
        if not n.startswith("_")
    ]
    alone = [extract.tokenize(nlp, t) for t in texts]
    monkeypatch.setattr(extract, "BATCH_CHARS", 2500)  # several batches, some of one text
    together = extract.tokenize_many(nlp, texts)
    assert [d.text for d in together] == texts
    assert [[(t.text, t.whitespace_) for t in d] for d in together] == [
        [(t.text, t.whitespace_) for t in d] for d in alone
    ]


def test_a_text_over_max_length_gets_spacys_own_error(seg):
    from zhjx.pipeline import blank

    extract = importlib.import_module("zhjx.extract")
    nlp = blank()
    nlp.max_length = 10
    with pytest.raises(ValueError, match="E088"):
        extract.tokenize_many(nlp, ["太钢", "山西经济日报记者从省统计局获悉"])
    assert [d.text for d in extract.tokenize_many(nlp, ["太钢", "近七成"])] == ["太钢", "近七成"]
