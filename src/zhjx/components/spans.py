"""Exact character spans on a Doc whatever the segmenter did.

pkuseg may glue a figure to its neighbours (``达7.71亿``).  Rather than widen a span to
token boundaries, zhjx splits the tokens at the mention's edges, so a span's text is
the mention itself.  Span groups already on the Doc are rebuilt from their character
offsets, and span extension values (stored by character offsets) survive.
"""

from __future__ import annotations

import itertools
import weakref
from bisect import bisect_right
from collections.abc import Iterable

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Span, SpanGroup

#: ``doc.text`` of live Docs (spaCy joins every token's text again on each access).
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: splitting or merging tokens keeps the text,
    and a cached text whose length no longer matches the Doc's is recomputed."""
    text = _TEXTS.get(doc)
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != n_chars:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell :func:`doc_text` the text a Doc was just made from (``doc.text == text``)."""
    _TEXTS[doc] = text


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start offsets and lengths (in characters) of the Doc's tokens, read from its
    arrays without making a Python ``Token`` per token."""
    arr = doc.to_array([IDX, LENGTH])
    return arr[:, 0].tolist(), arr[:, 1].tolist()


def token_offsets(doc: Doc, skip_space: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of the Doc's tokens (leaving out whitespace
    tokens when ``skip_space``), read from its arrays."""
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    if skip_space:
        arr = arr[arr[:, 2] == 0]
    return list(zip(arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist(), strict=True))


def _cuts_needed(doc: Doc, offsets: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """Token index -> inner character cut points (relative to the token)."""
    starts, lengths = token_bounds(doc)
    n_chars = len(doc_text(doc))
    cuts: dict[int, set[int]] = {}
    for start, end in offsets:
        for pos in (start, end):
            if pos >= n_chars or pos <= 0:
                continue
            i = bisect_right(starts, pos) - 1  # the token holding ``pos``
            if i < 0:
                continue
            inner = pos - starts[i]
            if 0 < inner < lengths[i]:
                cuts.setdefault(i, set()).add(inner)
    return {i: sorted(c) for i, c in cuts.items()}


def ensure_boundaries(doc: Doc, offsets: Iterable[tuple[int, int]]) -> None:
    """Split tokens so that every ``(start, end)`` falls on token boundaries."""
    offsets = list(offsets)
    cuts = _cuts_needed(doc, offsets)
    if not cuts:
        return
    saved = {
        key: [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in group]
        for key, group in doc.spans.items()
    }
    with doc.retokenize() as retok:
        for i, points in cuts.items():
            token = doc[i]
            text = token.text
            edges = [0, *points, len(text)]
            orths = [text[a:b] for a, b in itertools.pairwise(edges)]
            retok.split(token, orths, heads=[(token, k) for k in range(len(orths))])
    for key, items in saved.items():
        spans = [
            doc.char_span(s, e, label=label, kb_id=kb, span_id=sid)
            for s, e, label, kb, sid in items
        ]
        doc.spans[key] = SpanGroup(doc, name=key, spans=[s for s in spans if s is not None])


def exact_spans(doc: Doc, offsets: list[tuple[int, int]], label: str) -> list[Span]:
    """Spans whose text is exactly ``doc.text[start:end]`` for each pair, in order."""
    spans = [doc.char_span(start, end, label=label) for start, end in offsets]
    if all(span is not None for span in spans):
        return spans  # every edge is a token edge already (nearly always): nothing to split
    ensure_boundaries(doc, offsets)
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label)
        if span is None:  # an edge inside whitespace: widen to the tokens around it
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
        spans.append(span)
    return spans
