"""The dates pre-filter: heads read from patterns, and the filtered walk reads the same.

The reader searches one ``re`` pattern (the heads of every rule) for the positions
where a reading can start, and at each tries only the rules that can start with that
character.  These tests hold it to the plain walk, which tries every rule at every
position a date may start.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from test_dates_corpus import CORPUS, NEGATIVE
from zhjx.normalize.dates import words as W
from zhjx.normalize.dates.base import FULLWIDTH, ascii_width
from zhjx.normalize.dates.grammar import RULE_LEADS, WHITE_SPACE, grammar
from zhjx.normalize.dates.heads import first_class, heads, heads_by_char, heads_pattern, then
from zhjx.normalize.dates.reader import Reader

ROOT = Path(__file__).resolve().parents[1]
REF = date(2025, 3, 29)


class PlainReader(Reader):
    """The walk without the pre-filter: every rule at every position a date may start."""

    def _starts(self) -> re.Pattern[str]:
        return self.g.starts

    @classmethod
    def _rules_at(cls, ch: str) -> tuple:
        return tuple(getattr(cls, "_" + r) for r in RULE_LEADS)


def same_reading(text: str) -> None:
    for ref in (REF, None):
        for vague in (False, True):
            assert Reader(text, ref, vague).read() == PlainReader(text, ref, vague).read(), text


# ---- heads of a pattern -----------------------------------------------------------


def test_heads_of_a_year() -> None:
    paths = heads(r"(?<![\d.])\d{4}年")
    assert paths == {(r"\d.", (r"[\d]", r"[\d]", r"[\d]"))}
    rx = re.compile(heads_pattern(paths))
    assert rx.search("2025年").start() == 0
    # three characters decide: 12025年 may start at 1 for all the heads know, the rule
    # says no; inside the number the lookbehind already does
    assert rx.search("12025年").start() == 0
    assert rx.search("12025年", 1) is None
    assert rx.search("增长3.5%") is None


def test_heads_follow_optional_items() -> None:
    paths = heads(r"(?:第\s?)?[一二三四]\s?季度")
    assert first_class(paths) == "[一二三四第]"
    rx = re.compile(heads_pattern(paths))
    for text in ("一季度", "第一季度", "第 一 季度"):
        assert rx.match(text), text
    assert rx.match("一年") is None


def test_heads_of_words_and_backreferences() -> None:
    rx = re.compile(heads_pattern(heads("今天|昨天|前天")))
    assert [m.start() for m in rx.finditer("今天和前天，不是今后")] == [0, 3]
    # a back-reference may be any character
    assert re.compile(heads_pattern(heads(r"(?P<s>[-/])\d(?P=s)"))).match("-1x")


def test_a_pattern_matching_nothing_has_no_heads() -> None:
    with pytest.raises(ValueError):
        heads_pattern(heads(r"\d?"))


# ---- the pre-filter finds every start ---------------------------------------------


def test_every_lead_match_is_a_trigger_position() -> None:
    g = grammar()
    pages = sorted((ROOT / "corpus/pages").glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in pages).translate(FULLWIDTH)
    for vague in (False, True):
        found = set()
        pos = 0
        while m := g.trigger(vague).search(text, pos):
            found.add(m.start())
            pos = m.start() + 1
        for rule, names in RULE_LEADS.items():
            if rule == "vague" and not vague:
                continue
            for name in names:
                rx = getattr(g, name)
                pos = 0
                while m := rx.search(text, pos):
                    if g.starts.match(text, m.start()):
                        assert m.start() in found, (name, text[m.start() : m.end()])
                    pos = m.start() + 1


@pytest.mark.parametrize("text", [t for forms in CORPUS.values() for t in forms] + NEGATIVE)
def test_corpus_reads_the_same(text: str) -> None:
    same_reading(text)
    same_reading(f"据悉，{text}。")


def test_pages_read_the_same() -> None:
    for path in sorted((ROOT / "corpus/pages").glob("*.txt"))[:4]:
        same_reading(path.read_text(encoding="utf-8"))


def _tokens() -> list[str]:
    anchors, week = W.anchors(), W.weekdays()
    words = [*W.relatives(), *(p.word for p in W.parts()), *W.vague_words()]
    for key in ("prefixes", "suffixes", "connectors", "between_joiners", "between_closers"):
        words += anchors[key]
    words += week["names"] + list(week["days"]) + list(week["shifts"])
    numbers = ["2025", "1998", "08", "3", "03", "12", "29", "31", "20240307", "二〇二五", "三"]
    numbers += ["十二", "二十九", "两", "五", "十四", "八十"]
    marks = ["年", "月", "日", "号", "季度", "第", "个", "世纪", "年代", "“", "”", "Q", "-", "/"]
    marks += [".", " ", "，", "%", "万", "元", "的"]
    return sorted(set(words + numbers + marks))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_tokens()), min_size=1, max_size=8))
def test_token_strings_read_the_same(tokens: list[str]) -> None:
    same_reading("".join(tokens))


@given(st.text(alphabet=st.sampled_from("２０２５年３月，．％ＡＱ　 ～－（）１9a中"), max_size=30))
def test_ascii_width_is_the_fullwidth_table(text: str) -> None:
    assert ascii_width(text) == text.translate(FULLWIDTH)
    assert ascii_width("２０２５年３月２９日，增长１．５％　") == "2025年3月29日,增长1.5% "


def test_white_space_is_regex_s() -> None:
    ours, theirs = re.compile(f"[{WHITE_SPACE}]"), regex.compile(r"\s")
    for code in range(0x10000):
        assert bool(ours.match(chr(code))) == bool(theirs.match(chr(code))), hex(code)


def test_re_reads_the_grammar_as_regex_does() -> None:
    """The grammar is compiled with stdlib ``re``; the ``regex`` module agrees on it."""
    g = grammar()
    pages = sorted((ROOT / "corpus/pages").glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in pages[:6]).translate(FULLWIDTH)
    text += "".join(_tokens()) + "2025-03-29 2025/3/29 20240307 1.5.2024 Q3 “十四五”期间 2024\x1c"
    for name, rx in vars(g).items():
        if isinstance(rx, re.Pattern):
            theirs = regex.compile(rx.pattern)
            ours = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            assert ours == [(m.span(), m.groupdict()) for m in theirs.finditer(text)], name


# ---- the trigger, one branch a first character ------------------------------------


def _trigger_paths(vague: bool) -> frozenset:
    g = grammar()
    paths = frozenset().union(
        *(
            heads(getattr(g, n).pattern)
            for r, ns in RULE_LEADS.items()
            for n in ns
            if vague or r != "vague"
        )
    )
    return paths | then(heads(g.prefix.pattern), lambda depth: paths, 3)


def _positions(rx: re.Pattern[str], text: str) -> list[int]:
    out, pos = [], 0
    while m := rx.search(text, pos):
        out.append(m.start())
        pos = m.start() + 1
    return out


def test_heads_by_char_is_a_lookahead_then_the_heads() -> None:
    rx = re.compile(heads_by_char(heads("今天|昨天|前天|[1-3]月"), "今前2"))
    assert _positions(rx, "今天和前天，昨天，2月3月") == [0, 3, 9]
    with pytest.raises(ValueError):
        heads_by_char(heads("今天"), "明")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_tokens()), min_size=1, max_size=10), st.booleans())
def test_trigger_is_the_plain_lookahead_form(tokens: list[str], vague: bool) -> None:
    """The trigger (one branch a first character) finds the positions of its plain
    definition: a character of ``starts``, then the heads of every rule."""
    g = grammar()
    plain = _plain_trigger(vague)
    text = "".join(tokens)
    assert _positions(g.trigger(vague), text) == _positions(plain, text), text


_PLAIN: dict[bool, re.Pattern[str]] = {}


def _plain_trigger(vague: bool) -> re.Pattern[str]:
    if vague not in _PLAIN:
        pattern = f"(?={grammar().starts.pattern})(?:{heads_pattern(_trigger_paths(vague))})"
        _PLAIN[vague] = re.compile(pattern)
    return _PLAIN[vague]


def test_trigger_is_the_plain_form_on_the_pages() -> None:
    text = "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/pages").glob("*.txt"))
    )
    text = text.translate(FULLWIDTH)
    for vague in (False, True):
        assert _positions(grammar().trigger(vague), text) == _positions(_plain_trigger(vague), text)
