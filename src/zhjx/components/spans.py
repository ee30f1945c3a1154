"""Exact character spans on a Doc whatever the segmenter did.

pkuseg may glue a figure to its neighbours (``达7.71亿``).  Rather than widen a span to
token boundaries, zhjx splits the tokens at the mention's edges, so a span's text is
the mention itself.  Span groups already on the Doc are rebuilt from their character
offsets, and span extension values (stored by character offsets) survive.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterable

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, SpanGroup


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start offsets and lengths (in characters) of the Doc's tokens, read from its
    arrays without making a Python ``Token`` per token."""
    arr = doc.to_array([IDX, LENGTH])
    return arr[:, 0].tolist(), arr[:, 1].tolist()


def _cuts_needed(doc: Doc, offsets: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """Token index -> inner character cut points (relative to the token)."""
    starts, lengths = token_bounds(doc)
    n_chars = starts[-1] + len(doc[-1].text_with_ws) if starts else 0
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
    ensure_boundaries(doc, offsets)
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label)
        if span is None:  # an edge inside whitespace: widen to the tokens around it
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
        spans.append(span)
    return spans
