"""The fast paths of the numbers and facts steps answer as the plain ways they replace.

Set look-ups stand in for regex alternations, a character class for ``str.translate``,
bisection for scans, ``doc.user_data`` for ``span._``; each is checked here against the
plain way on the sample pages or on generated text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from conftest import PAGES
from zhjx.components.values import SpanValues
from zhjx.normalize import qualifiers as Q
from zhjx.normalize import units as U
from zhjx.normalize.numerals import _fold_table, fold, parse_numeral
from zhjx.normalize.wordtable import WordTable
from zhjx.relate.lexicon import lexicon
from zhjx.relate.segments import Scanner, _split


def _pages() -> str:
    return fold("\n".join(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))))


def test_word_tables_match_as_the_regex_alternations_do():
    text = _pages() + " 3kg 3kgs 5G 人民币  12 美元\n"
    pairs = [
        (U.unit_table(), U.unit_re()),
        (U.currency_table(), U.currency_after()),
        (Q.word_table("q:after"), Q.starting_re("q:after")),
        (Q.word_table("q:before"), Q.starting_re("q:before")),
    ]
    found = 0
    for table, pattern in pairs:
        for pos in range(len(text)):
            m = pattern.match(text, pos)
            assert table.at(text, pos) == (m[0] if m else None), (pattern.pattern[:40], pos)
            found += m is not None
    assert found > 400


def test_word_table_ending_is_the_longest_word_that_ends_the_text():
    table = WordTable(["超过", "超", "不超过", "约"])
    assert table.ending("收入不超过") == "不超过"
    assert table.ending("收入超") == "超"
    assert table.ending("大约为") is None
    assert table.ending("") is None
    pattern = Q.ending_re("q:before")
    words = Q.word_table("q:before")
    text = _pages()
    for end in range(0, len(text), 7):
        head = text[max(0, end - 12) : end].rstrip("\n")
        m = pattern.search(head)
        assert words.ending(head) == (m[0] if m else None)


def test_latin_bound_word_table():
    table = WordTable(["kg", "k", "米"], latin_bound=True)
    assert table.at("3kg重", 1) == "kg"
    assert table.at("3kgs", 1) is None  # kg and k both run into a Latin letter
    assert table.at("3米s", 1) == "米"  # only words ending in a Latin letter are bound


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=sorted(map(chr, _fold_table())) + list("abc一二万，。 \n"), max_size=40))
def test_fold_is_translate(text):
    assert fold(text) == text.translate(_fold_table())


def test_parse_numeral_is_cached_and_still_exact():
    assert parse_numeral("一百二十万三") is parse_numeral("一百二十万三")
    assert parse_numeral("一百二十万三").value == 1203000
    assert parse_numeral("千百万") is None


def _naive_starting(sc: Scanner, pos: int, hi: int, words: frozenset[str]) -> int | None:
    if not sc.is_bound(pos):
        return None
    for n in range(min(sc.longest, hi - pos), 0, -1):
        if sc.is_bound(pos + n) and sc.text[pos : pos + n] in words:
            return pos + n
    return None


def _naive_ending(sc: Scanner, pos: int, lo: int, words: frozenset[str]) -> int | None:
    if not sc.is_bound(pos):
        return None
    for n in range(min(sc.longest, pos - lo), 0, -1):
        if sc.is_bound(pos - n) and sc.text[pos - n : pos] in words:
            return pos - n
    return None


_PARTS = ["同比", "增长", "同比增长", "该公司", "的", "企业", "比", "上年", "了", "，", " ", "达"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=20), st.data())
def test_scanner_look_ups_match_the_plain_loops(parts, data):
    text = "".join(parts)
    cuts = data.draw(st.sets(st.integers(0, len(text))))
    sc = Scanner(text, cuts)
    lex = lexicon()
    for words in (lex.trailing, lex.change_words, frozenset(["同比增长", "比上年", "的"])):
        for pos in range(len(text) + 1):
            for edge in (0, pos // 2, len(text)):
                assert sc.word_starting(pos, max(edge, pos), words) == _naive_starting(
                    sc, pos, max(edge, pos), words
                )
                assert sc.word_ending(pos, min(edge, pos), words) == _naive_ending(
                    sc, pos, min(edge, pos), words
                )


def _plain_split(text: str, marks: frozenset[str], cuts: list[int]) -> list[tuple[int, int]]:
    last = len(text) - 1
    edges = iter(x for x in sorted(set(cuts)) if x <= last)
    edge = next(edges, None)
    out, start = [], 0
    chars = "".join(sorted(c for c in marks if len(c) == 1))
    delims = [m.start() for m in regex.finditer(f"[{regex.escape(chars)}]", text)] if chars else []
    for i in delims:
        while edge is not None and edge <= i:
            if edge > start:
                out.append((start, edge))
                start = edge
            edge = next(edges, None)
        out.append((start, i))
        start = i + 1
    while edge is not None:
        if edge > start:
            out.append((start, edge))
            start = edge
        edge = next(edges, None)
    out.append((start, len(text)))
    return [(s, t) for s, t in out if text[s:t].strip()]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=list("ab ，。、\n\u3000\t-]^"), max_size=20),
    st.sampled_from([frozenset("\n"), frozenset("，。、\n"), frozenset(), frozenset("-]^")]),
    st.lists(st.integers(-2, 22), max_size=4),
)
def test_split_cuts_as_the_plain_loop(text, marks, cuts):
    assert _split(text, marks, cuts) == _plain_split(text, marks, cuts)


def test_span_values_are_span_extensions():
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
    Span.set_extension("_zhjx_test_computed", getter=lambda span: span.text.upper(), force=True)
    try:
        doc = Doc(Vocab(), words=["产量", "4万吨", "增长"], spaces=[False, False, False])
        span = doc[1:2]
        values = SpanValues(doc, ("value", "_zhjx_test_computed"))
        values.put(span, span.start_char, span.end_char, [("value", 40000)])
        assert span._.value == 40000
        span._.value = 5
        assert values.get(span, span.start_char, span.end_char, "value") == 5
        assert values.get(doc[0:1], 0, 2, "value") is None
        assert values.get(span, span.start_char, span.end_char, "_zhjx_test_computed") == "4万吨"
    finally:
        Span.remove_extension("_zhjx_test_computed")


def test_doc_records_read_user_data_as_span_underscore_does(nlp):
    """``doc_records`` reads plain values from ``doc.user_data``; ``_span_record``
    (through ``span._`` and ``Article.raw_span``) is the plain definition."""
    from zhjx.extensions import SPAN_KEYS
    from zhjx.extract import _span_record, doc_records, make_doc
    from zhjx.ingest import split_articles

    checked = 0
    for path in sorted(PAGES.glob("*.txt")):
        for article in split_articles(path.read_text(encoding="utf-8"), name=path.name):
            doc = nlp(make_doc(nlp, article))
            plain = [
                _span_record(rtype, span, article, path.name)
                for rtype, key in SPAN_KEYS.items()
                for span in doc.spans.get(key, [])
            ]
            plain.sort(key=lambda r: (r.start, r.end, r.type))
            fast = doc_records(doc, article, path.name)
            assert [r.to_dict() for r in fast] == [r.to_dict() for r in plain]
            assert [type(r) for r in fast] == [type(r) for r in plain]
            checked += len(fast)
    assert checked > 100


def test_plain_defaults_follow_the_registry():
    """A getter registered later turns the fast path off (and back on when removed)."""
    from zhjx.components.values import plain_defaults

    assert plain_defaults(("value", "unit")) == {"value": None, "unit": None}
    name = "_zhjx_probe_getter"
    Span.set_extension(name, getter=lambda span: 1)
    try:
        assert plain_defaults(("value", name)) is None
    finally:
        Span.remove_extension(name)
    Span.set_extension(name, default=3)
    try:
        assert plain_defaults(("value", name)) == {"value": None, name: 3}
    finally:
        Span.remove_extension(name)


def test_span_values_follow_the_registry():
    """SpanValues reads a value through its getter once one is registered, and from
    ``doc.user_data`` again when it is gone (the cached lookup sees the change)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from zhjx.components.values import SpanValues

    doc = Doc(Vocab(), words=["太钢", "增长", "5%"])
    span = doc[0:1]
    name = "_zhjx_probe_values"
    Span.set_extension(name, default=None)
    try:
        SpanValues(doc, (name,)).put(span, 0, 2, [(name, "太原钢铁")])
        assert getattr(span._, name) == "太原钢铁"
    finally:
        Span.remove_extension(name)
    Span.set_extension(name, getter=lambda s: s.text + "!")
    try:
        assert SpanValues(doc, (name,)).get(span, 0, 2, name) == "太钢!"
    finally:
        Span.remove_extension(name)
    Span.set_extension(name, default=None)
    try:
        assert SpanValues(doc, (name,)).get(span, 0, 2, name) == "太原钢铁"
    finally:
        Span.remove_extension(name)


def test_facts_write_user_data_as_span_values_do(nlp, monkeypatch):
    """The facts component reads and writes ``doc.user_data`` directly when every value
    is plain; the ``SpanValues`` way (through ``span._`` where needed) is the plain one."""
    import zhjx.components.facts as facts_module
    from zhjx.extract import make_doc
    from zhjx.ingest import split_articles

    facts = nlp.get_pipe("zhjx_facts")
    before = [proc for name, proc in nlp.pipeline if name != "zhjx_facts"]
    docs = []
    for path in sorted(PAGES.glob("*.txt")):
        for article in split_articles(path.read_text(encoding="utf-8"), name=path.name):
            doc = make_doc(nlp, article)
            for proc in before:
                doc = proc(doc)
            docs.append((doc, dict(doc.user_data)))
    fast = []
    for doc, data in docs:
        fast.append(dict(facts(doc).user_data))
        doc.user_data.clear()
        doc.user_data.update(data)
    monkeypatch.setattr(facts_module, "plain_defaults", lambda names: None)
    plain = [dict(facts(doc).user_data) for doc, _ in docs]
    assert fast == plain
    assert sum(1 for data in fast for key in data if key[1] == "subject") > 40
