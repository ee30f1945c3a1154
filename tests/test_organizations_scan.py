"""Organizations: the fast scans find exactly what the plain definitions find.

The gazetteer, department and suffix scans search the text once in C; token edges are
searched by bisection.  Each is checked here against the slow, obvious definition: the
longest word at every start, the overlapped regular expression ``(pre)?(region)(rest)`` of
longest-first alternations, and a per-character index of the tokens.  Texts are the
sample pages and the developers' own sentences.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PAGES
from zhjx.orgs import TokenEdges, find_organizations
from zhjx.orgs import lexicon as lx
from zhjx.orgs.matcher import _in_order, _Tokens

SENTENCES = [
    "省发改委、财政厅、商务厅联合印发通知。",
    "共青团山西省委组织召开部署会，团省委书记出席。",
    "中共山西省委、山西省人民政府印发意见；中共中央国务院。",
    "国家税务总局山西省税务局和太原市财政局、小店区教育局。",
    "山西省财政厅省财政厅太原财政局太原委市委县委新干县纪委。",
    "中国人民政治协商会议山西省委员会第十三届会议。",
    "太钢集团、太原钢铁（集团）有限公司和中国人民银行太原中心支行。",
    "",
    "省",
    "省财政",
]


def _texts() -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]
    return SENTENCES + pages


def _alternation(words: object) -> str:
    """A regex alternation of literal words, longest first (the plain definition)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    return "|".join(regex.escape(w) for w in items)


def _longest_naive(words: set[str], text: str) -> dict[int, int]:
    out = {}
    for start in range(len(text)):
        sizes = [len(w) for w in words if text.startswith(w, start)]
        if sizes:
            out[start] = max(sizes)
    return out


def test_word_scan_finds_the_longest_word_at_every_start():
    words = {"中国", "中国人民银行", "人民", "人民银行", "银行", "行"}
    text = "中国人民银行和人民银行的银行行长；中国人"
    assert lx.WordScan(words).longest(text) == _longest_naive(words, text)
    assert lx.WordScan([]).longest(text) == {}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["中", "国", "中国", "国人", "人民", "民", "银行", "行", "x"])))
def test_word_scan_agrees_with_the_naive_scan(parts):
    words = {"中国", "中国人", "国人民", "人民银行", "银行", "行", "民"}
    text = "".join(parts)
    assert lx.WordScan(words).longest(text) == _longest_naive(words, text)


def test_gazetteer_matches_on_the_corpus():
    surfaces = lx.gazetteer()
    pattern = regex.compile(rf"(?=(?P<g>{_alternation(surfaces)}))")
    for text in _texts():
        expected = [(m.start(), m.end("g")) for m in pattern.finditer(text)]
        assert lx.gazetteer_matches(text) == expected


def test_suffix_scan_on_the_corpus():
    pattern = regex.compile(rf"(?=(?P<s>{_alternation(lx.suffixes())}))")
    for text in _texts():
        expected = {m.start(): len(m.group("s")) for m in pattern.finditer(text)}
        assert lx.suffix_scan().longest(text) == expected


def test_department_matches_are_the_overlapped_regex_matches():
    with_region, _ = lx.departments()
    prefixes = _alternation(p for p, _ in with_region if p)
    regions = _alternation(lx.department_regions())
    rests = _alternation(r for _, r in with_region)
    pattern = regex.compile(rf"(?P<pre>{prefixes})?(?P<region>{regions})(?P<rest>{rests})")
    for text in _texts():
        expected = [
            (m.start(), m.group("pre") or "", m.group("region"), m.group("rest"))
            for m in pattern.finditer(text, overlapped=True)
        ]
        assert lx.department_matches(text) == expected


def _index(n: int, tokens: list[tuple[int, int]]) -> list[int]:
    """The token holding each character: the last listed, 0 outside every token."""
    index = [0] * (n + 1)
    for k, (s, e) in enumerate(tokens):
        for c in range(s, e):
            index[c] = k
    index[n] = len(tokens)
    return index


@st.composite
def _tokenized(draw):
    n = draw(st.integers(1, 30))
    if draw(st.booleans()):  # ordered, with gaps and empty tokens
        cuts = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=24)))
        tokens = list(zip(cuts[::2], cuts[1::2], strict=False))
    else:  # anything inside the text
        pair = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple)
        tokens = draw(st.lists(pair, max_size=12))
    return n, tokens


@settings(max_examples=300, deadline=None)
@given(_tokenized())
def test_token_edges_agree_with_a_character_index(case):
    n, tokens = case
    toks = _Tokens("字" * n, tokens)
    pairs = tokens or [(i, i + 1) for i in range(n)]
    index = _index(n, pairs)
    assert [toks.at(c) for c in range(n + 1)] == index
    starts, ends = {s for s, _ in pairs}, {e for _, e in pairs}
    assert [toks.is_start(c) for c in range(n + 2)] == [c in starts for c in range(n + 2)]
    assert [toks.is_end(c) for c in range(n + 2)] == [c in ends for c in range(n + 2)]
    assert [toks.span(k) for k in range(len(toks))] == pairs


def test_token_edges_and_pairs_give_the_same_organizations():
    text = "据山西省财政厅介绍，太原重工股份有限公司和省发改委、财政厅签约。"
    pairs = [(i, i + 2) for i in range(0, len(text) - 1, 2)] + [(len(text) - 1, len(text))]
    edges = TokenEdges([s for s, _ in pairs], [e for _, e in pairs])
    by_pairs = find_organizations(text, pairs, province="山西")
    assert by_pairs
    assert find_organizations(text, edges, province="山西") == by_pairs
    assert find_organizations(text, TokenEdges([], []), province="山西") == find_organizations(
        text, None, province="山西"
    )


def test_component_token_edges_are_the_token_offsets():
    from zhjx.components.organizations import _token_edges
    from zhjx.components.spans import token_offsets
    from zhjx.pipeline import build

    nlp = build(components=("zhjx_organizations",))
    texts = ["", " ", "  山西 省\n财政厅  发布。", "太原重工  股份有限公司 ", *SENTENCES]
    for text in texts:
        doc = nlp.make_doc(text)
        edges = _token_edges(doc)
        assert list(zip(edges.starts, edges.ends, strict=True)) == token_offsets(doc)
        # a token ends where the next starts, less the one space it may carry
        nxt = [*[t.idx for t in doc][1:], len(doc.text)] if len(doc) else []
        assert edges.ends == [n - len(t.whitespace_) for n, t in zip(nxt, doc, strict=True)]


def test_exact_spans_without_splitting_are_the_spans_after_splitting():
    from zhjx.components.spans import ensure_boundaries, exact_spans
    from zhjx.pipeline import build

    def split_first(doc, offsets):
        ensure_boundaries(doc, offsets)
        return [
            doc.char_span(s, e, label="ORG") or doc.char_span(s, e, "ORG", alignment_mode="expand")
            for s, e in offsets
        ]

    nlp = build(components=("zhjx_organizations",))
    text = "在太原重工股份有限公司 和  省财政厅工作。"
    cases = [
        [(1, 11), (12, 13)],  # on token edges
        [(11, 14)],  # edges in whitespace: widened
        [(15, 18), (16, 18)],  # 财政|厅 inside a token: split
        [(11, 14), (0, 2)],
        [],
    ]
    for offsets in cases:
        fast_doc, slow_doc = nlp.make_doc(text), nlp.make_doc(text)
        fast = exact_spans(fast_doc, offsets, "ORG")
        slow = split_first(slow_doc, offsets)
        assert [(s.start_char, s.end_char, s.label_) if s else None for s in fast] == [
            (s.start_char, s.end_char, s.label_) if s else None for s in slow
        ]
        assert [t.text for t in fast_doc] == [t.text for t in slow_doc]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=12))
def test_in_order_is_the_sorted_interleaved_edges(pairs):
    """The check that token edges never go back is the plain one: the edges ``s0, e0, s1,
    e1 …`` are already sorted."""
    starts, ends = [s for s, _ in pairs], [e for _, e in pairs]
    edges = [x for pair in pairs for x in pair]
    assert _in_order(starts, ends) == (edges == sorted(edges))
