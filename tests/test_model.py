"""The compiled pkuseg model: pruning, compiling, and the same words as spacy-pkuseg.

A small synthetic model (the real feature templates over a few sentences, random
4-decimal weights) is written both in spacy-pkuseg's own format and compiled by zhjx;
both must cut every text into the same words.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
import spacy_pkuseg
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy_pkuseg.feature_extractor import FeatureExtractor

from zhjx import model, segmenter

TRAIN = [
    "山西 经济 日报 记者 从 省 统计局 获悉",
    "润滑油 销售 收入 达 7.71亿 元 ， 同比 增长 88.19%",
    "太原 市 2025年 3月 29日 讯 全省 规模 以上 工业 企业",
    "中国 人民 银行 太原 中心 支行 发布 ABC 数据",
    "改革 开放 以来 ， 新华社 北京 电 经济 发展 *注* 与 a.b-c",
]
TEXTS = [
    "本报太原3月29日讯 润滑油销售收入达7.71亿元，同比增长88.19%。",
    "山西经济日报记者从省统计局获悉：全省规模以上工业企业利润增长。",
    "中国人民银行太原中心支行发布ABC数据 改革开放以来新华社北京电",
    "a.b-c*注*，7.71%与１２３ＡＢＣ／・－混排\n第二段\t第三段",
    "单",
    "",
    "   ",
]


def _synthetic(tmp: Path) -> tuple[Path, dict, np.ndarray]:
    """A spacy-pkuseg model folder built from TRAIN with random weights."""
    rng = np.random.default_rng(7)
    fx = FeatureExtractor()
    words = {w for line in TRAIN for w in FeatureExtractor.keyword_rename(line).split()}
    fx.unigram = words | {""}
    fx.bigram = set()
    feats: dict[str, int] = {"$$": 0}
    for line in TRAIN + TEXTS:
        nodes = list(FeatureExtractor.normalize_text("".join(line.split())))
        for i in range(len(nodes)):
            for f in fx.get_node_features(i, nodes):
                if f != "/" and f not in feats:
                    feats[f] = len(feats)
    feats["ww.l.**noWord***noWord"] = len(feats)
    feats["ww.r.**noWord***noWord"] = len(feats)
    feats["w-1."] = len(feats)
    n_tag = 5
    w = np.round(rng.normal(0, 2, size=n_tag * (len(feats) + n_tag)), 4)
    w[n_tag * 3 : n_tag * 4] = 0.0  # one all-zero feature, pruned
    fx.feature_to_idx = feats
    fx.tag_to_idx = {"B": 0, "B_single": 1, "I": 2, "I_end": 3, "I_first": 4}
    ref = tmp / "ref"
    ref.mkdir()
    fx.save(str(ref))
    np.savez(ref / "weights.npz", sizes=np.array([n_tag, len(feats)]), w=w)
    features = {
        "unigram": fx.unigram,
        "bigram": set(),
        "feature_to_idx": feats,
        "tag_to_idx": fx.tag_to_idx,
    }
    return ref, features, w


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pkuseg")
    ref_dir, features, w = _synthetic(tmp)
    out = tmp / "compiled"
    sizes = np.array([5, len(features["feature_to_idx"])])
    counts = model.convert(features, w, sizes, out)
    return spacy_pkuseg.pkuseg(str(ref_dir)), segmenter.FastPkuseg(out), counts, out


@pytest.mark.parametrize("text", TEXTS)
def test_same_words_as_spacy_pkuseg(models, text):
    ref, fast, _, _ = models
    assert fast.cut(text) == ref.cut(text)


def test_same_words_on_shuffled_text(models):
    ref, fast, _, _ = models
    rng = np.random.default_rng(3)
    chars = list("".join(TEXTS))
    for _ in range(30):
        text = "".join(rng.choice(chars, size=int(rng.integers(1, 120))))
        assert fast.cut(text) == ref.cut(text), text


def test_same_words_with_a_user_dictionary(models, tmp_path):
    _, _, _, out = models
    ref_dir = out.parent / "ref"
    user = tmp_path / "user.txt"
    user.write_text("太原中心支行\n规模以上\n7.71亿\n", encoding="utf-8")
    ref = spacy_pkuseg.pkuseg(str(ref_dir), user_dict=str(user))
    fast = segmenter.FastPkuseg(out, user_dict=str(user))
    for text in TEXTS:
        assert fast.cut(text) == ref.cut(text), text
    assert "太原中心支行" in fast.cut(TEXTS[2])


def test_exact_zero_features_are_pruned(models):
    _, _, counts, _ = models
    assert counts["features"] == counts["features_original"] - 1


def test_prune_keeps_start_feature_and_reindexes():
    fti = {"$$": 0, "c.甲": 1, "c.乙": 2, "c.丙": 3}
    # node weights (2 tags): $$ 0 0 | 甲 0 0.1 | 乙 0.0001 0 | 丙 0 0; then 4 transitions
    w = np.array([0, 0, 0, 0.1, 0.0001, 0, 0, 0, 0.3, 0.5, -0.5, 0.7])
    kept, new = model.prune(fti, w, n_tag=2, threshold=0.0001)
    assert kept == {"$$": 0, "c.甲": 1}
    np.testing.assert_array_equal(new, [0, 0, 0, 0.1, 0.3, 0.5, -0.5, 0.7])
    kept, _ = model.prune(fti, w, n_tag=2, threshold=0.0)
    assert kept == {"$$": 0, "c.甲": 1, "c.乙": 2}


def test_weights_not_on_the_4_decimal_grid_are_refused():
    with pytest.raises(ValueError, match="1e-4"):
        segmenter.compile_model({"$$": 0}, [], np.array([0.12345, 0, 0, 0]), n_tag=1)


def test_hash_index_finds_exactly_its_keys():
    rng = np.random.default_rng(1)
    keys = rng.integers(1, 2**63, size=5000, dtype=np.uint64)
    parts = segmenter.build_index(keys, np.arange(5000))
    index = segmenter.HashIndex(parts["keys"], parts["rows"], parts["bloom"])
    np.testing.assert_array_equal(index.get(keys), np.arange(5000))
    other = rng.integers(1, 2**63, size=5000, dtype=np.uint64)
    assert (index.get(other[~np.isin(other, keys)]) == -1).all()
    assert index.get(np.array([0], dtype=np.uint64))[0] == -1


def test_to_disk_writes_a_pipeline_spacy_loads_without_zhjx(models, tmp_path):
    _, fast, _, _ = models
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.pkuseg_seg = fast
    nlp.to_disk(tmp_path / "nlp")
    again = spacy.load(tmp_path / "nlp")
    assert type(again.tokenizer.pkuseg_seg) is spacy_pkuseg.pkuseg
    for text in TEXTS[:4]:
        assert [t.text for t in again(text)] == [t.text for t in nlp(text)]
    nlp.tokenizer.to_bytes()  # the in-memory serialization works too


def test_provisioned_checks_format(tmp_path, models):
    *_, out = models
    meta = {"format": model.FORMAT_VERSION}
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert model.is_provisioned(out)
    (out / "meta.json").write_text(json.dumps({"format": 1}), encoding="utf-8")
    assert not model.is_provisioned(out)
    with pytest.raises(model.ModelNotFoundError, match="zhjx setup"):
        model.require_model(out)


def test_model_dir_is_named_by_format(monkeypatch, tmp_path):
    monkeypatch.delenv(model.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert model.model_dir() == tmp_path / "zhjx" / f"pkuseg-mixed-0.0.25-v{model.FORMAT_VERSION}"


def test_features_msgpack_is_standard(models):
    *_, out = models
    data = srsly.read_msgpack(out / segmenter.FEATURES_FILE)
    assert set(data) == {"unigram", "bigram", "feature_to_idx", "tag_to_idx"}
    assert data["feature_to_idx"]["$$"] == 0


#: Characters of words, whitespace of several kinds among them (str.split splits on all).
WORD_CHARS = "山西经济 \n\t\u3000\x1c\xa0ab1"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet="山西经济 \n\t\u3000\x1c\xa0ab1", min_size=1, max_size=4), max_size=12
    )
)
def test_words_and_spaces_agree_with_spacy(words):
    text = "".join(words)
    theirs = _spacy_words_and_spaces(words, text)
    if isinstance(theirs, ValueError):
        with pytest.raises(ValueError):
            segmenter.words_and_spaces(words, text)
    else:
        assert segmenter.words_and_spaces(words, text) == theirs


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["山西", "经济", "日报"], "山西经济日报"),
        (["山西", "经济"], "山西 经济"),
        (["山西", "经济"], "山西\u3000\u3000经济"),
        (["山西", "经济"], " 山西经济\n"),
    ],
)
def test_words_and_spaces_of_segmenter_output(words, text):
    assert segmenter.words_and_spaces(words, text) == _spacy_words_and_spaces(words, text)


def _spacy_words_and_spaces(words, text):
    try:
        return spacy.util.get_words_and_spaces(words, text)
    except ValueError as exc:
        return exc


def test_node_codes_by_table_are_pkusegs_steps():
    """One table lookup gives the codes of the three renaming steps, for every code point."""
    points = np.array([*range(0xD800), *range(0xE000, 0x11000), 0x1F600, 0x10FFFF])
    text = "".join(map(chr, points))
    assert np.array_equal(segmenter.text_codes(text), segmenter._fold_codes(points.copy()))
    num, letter = segmenter.NUM_CODE, segmenter.LETTER_CODE
    assert segmenter.text_codes("１2Ａ山").tolist() == [num, num, letter, ord("山")]
