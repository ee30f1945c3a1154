"""Whose a figure is: the organization that is the topic where it is written.

The owner is an organization named as a clause's subject or place (``在山西建投装备制造
有限公司智能制造车间，…``, ``位于…的山西潞安太行润滑科技股份有限公司亮出…``), or the
one a reference points back to (``该公司``, ``这家企业``).  An organization that is an
object, a counterparty or one of a list owns nothing.  The owner carries over to the
next sentences of the paragraph, unless a sentence opens with a new subject of its own
(``共有7家银行…``, ``我省拥有…``) or reports a statistic (``据统计，…``).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

import regex

from zhjx.relate.lexicon import Lexicon
from zhjx.relate.segments import Range, Scanner, Segments

_HAN = regex.compile(r"\p{Han}")
_LIST_AFTER = "、等和与及"
_LIST_BEFORE = "、和与及"


def _consumed(sc: Scanner, lo: int, hi: int, words: frozenset[str], skip: Sequence[Range]) -> bool:
    """Whether ``[lo, hi)`` is nothing but ``words`` and the ``skip`` ranges."""
    pos = sc.rskip(lo, hi)
    while pos < hi:
        span = next((r for r in skip if r[0] == pos), None)
        if span is not None:
            pos = sc.rskip(span[1], hi)
            continue
        after = sc.word_starting(pos, hi, words)
        if after is None:
            return False
        pos = sc.rskip(after, hi)
    return True


def is_topic(
    sc: Scanner, org: Range, clause: Range, lex: Lexicon, skip: Sequence[Range] = ()
) -> bool:
    """Whether an organization mention is its clause's subject or place, not an object.

    Only topic prefixes (在, 同时 …) and dates may stand between the clause start (or
    the last 的 before the name) and the name; a name in a list (``、`` ``等``) owns nothing.
    """
    text = sc.text
    start, end = org
    lo = clause[0]
    de = text.rfind("的", lo, start)
    if de >= 0:
        lo = de + 1
    nxt = sc.rskip(end, clause[1])
    if nxt < len(text) and text[nxt] in _LIST_AFTER:
        return False
    prev = sc.lskip(start, 0)
    if prev > 0 and text[prev - 1] in _LIST_BEFORE:
        return False
    return _consumed(sc, lo, start, lex.topic_prefixes, skip)


def opens_new_subject(
    sc: Scanner, sentence: Range, seg: Segments, lex: Lexicon, numbers: frozenset[int] = frozenset()
) -> bool:
    """Whether a sentence has a subject of its own that is no organization.

    Leading adverbial clauses (截至目前，在…方面，) are passed over; the first other
    clause decides: ``共有…``, ``我省…``, ``据统计…`` or a number first (``19户企业获得…``).
    """
    clauses = Segments.starting_in(seg.clauses, sentence[0], sentence[1])
    for i, (lo, hi) in enumerate(clauses):
        pos = sc.rskip(lo, hi)
        if sc.word_starting(pos, hi, lex.new_subjects) is not None:
            return True
        last = i == len(clauses) - 1
        if not last and sc.word_starting(pos, hi, lex.openers) is not None:
            continue
        while (after := sc.word_starting(pos, hi, lex.function_words)) is not None:
            pos = sc.rskip(after, hi)
        if sc.word_starting(pos, hi, lex.new_subjects) is not None:
            return True
        return pos in numbers
    return False


def owners(
    sc: Scanner,
    seg: Segments,
    quantities: Sequence[Range],
    orgs: Sequence[tuple[int, int, str, str | None]],
    lex: Lexicon,
    dates: Sequence[Range] = (),
) -> list[str | None]:
    """The owner organization (its canonical name) of each quantity, or None.

    ``orgs`` are ``(start, end, canonical name, kind)``.
    """
    text = sc.text
    org_ranges = [(s, e) for s, e, _, _ in orgs]
    numbers = frozenset(s for s, _ in quantities)
    events: list[tuple[int, int, object]] = []
    for p in seg.paragraphs:
        events.append((p[0], 0, "paragraph"))
    for s in seg.sentences:
        events.append((s[0], 1, ("sentence", s)))
    skip = sorted([*dates, *org_ranges])
    for s, e, name, kind in orgs:
        clause = Segments.find(seg.clauses, s)
        if clause is not None and not seg.in_dateline(s, e):
            topic = is_topic(sc, (s, e), clause, lex, skip)
            events.append((s, 2, ("org" if topic else "named", (name, kind))))
    present = {c for c in lex.anaphora_firsts if c in text}  # most texts have no 该/这/此
    for word in lex.anaphora_words:
        if word[0] not in present:
            continue
        s = text.find(word)
        while s >= 0:
            e = s + len(word)
            if sc.is_bound(s) and not any(a < e and s < b for a, b in org_ranges):
                events.append((s, 2, ("anaphor", (s, e, lex.anaphora[word]))))
            s = text.find(word, e)
    for i, (s, _) in enumerate(quantities):
        events.append((s, 3, ("quantity", i)))
    events.sort(key=itemgetter(0, 1))

    out: list[str | None] = [None] * len(quantities)
    current: str | None = None  # the paragraph's topic organization
    in_sentence: str | None = None  # this sentence's owner
    named: list[tuple[str, str | None, bool]] = []  # (name, kind, topic) in text order
    kinds: dict[str, str | None] = {}
    seen_anaphor: Range | None = None
    # Whether a sentence opens with a subject of its own is asked only when a quantity
    # needs the answer (before anything else in the sentence set the owner).
    unasked: Range | None = None
    for _, _, ev in events:
        if ev == "paragraph":
            current = in_sentence = unasked = None
            continue
        kind, payload = ev  # type: ignore[misc]
        if kind == "sentence":
            in_sentence, unasked = current, payload
        elif kind in ("org", "named"):
            name, org_kind = payload
            named.append((name, org_kind, kind == "org"))
            kinds[name] = org_kind
            if kind == "org":
                current = in_sentence = name
                unasked = None
        elif kind == "anaphor":
            s, e, fits = payload
            if seen_anaphor is not None and seen_anaphor[0] <= s < seen_anaphor[1]:
                continue  # 该公司 inside a longer reference already taken
            seen_anaphor = (s, e)
            ref = resolve(current, kinds, named, fits)
            if ref is not None:
                current = in_sentence = ref
                unasked = None
        else:
            if unasked is not None:
                if opens_new_subject(sc, unasked, seg, lex, numbers):
                    in_sentence = None
                unasked = None
            out[payload] = in_sentence
    return out


def _fits(kind: str | None, fits: frozenset[str]) -> bool:
    return "any" in fits or kind in (None, "other") or kind in fits


def resolve(
    current: str | None,
    kinds: dict[str, str | None],
    named: Sequence[tuple[str, str | None, bool]],
    fits: frozenset[str],
) -> str | None:
    """What a reference (该集团) points to: the paragraph's topic if its kind fits, else
    the last topic organization of a fitting kind, else the last one named at all."""
    if current is not None and _fits(kinds.get(current), fits):
        return current
    for want_topic in (True, False):
        for name, kind, topic in reversed(named):
            if (topic or not want_topic) and _fits(kind, fits):
                return name
    return None
