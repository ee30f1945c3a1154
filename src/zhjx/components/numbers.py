"""``zhjx_numbers``: figures and percentages as spans with normalized values."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions
from zhjx.components.spans import doc_text, exact_spans
from zhjx.components.values import SpanValues, fields
from zhjx.normalize.numbers import find_quantities

FIGURE_LABEL = "FIGURE"
PERCENT_LABEL = "PERCENT"
#: The span values read from the ``Quantity`` fields of the same names, then ``points``.
_FIELDS = ("value", "unit", "kind", "qualifier", "low", "high", "change", "basis")
_QUANTITY_ATTRS = (*_FIELDS, "points")


class NumbersComponent:
    """Find figures and percentages in ``doc.text`` and put them in two span groups.

    Mentions that overlap a span already in ``skip_keys`` (dates, by default) are
    left out: ``2025年`` is a date, not a count of years.
    """

    def __init__(
        self,
        name: str = "zhjx_numbers",
        figures_key: str = extensions.SPAN_KEYS["figure"],
        percentages_key: str = extensions.SPAN_KEYS["percentage"],
        skip_keys: tuple[str, ...] = (extensions.SPAN_KEYS["date"],),
    ) -> None:
        self.name = name
        self.figures_key = figures_key
        self.percentages_key = percentages_key
        self.skip_keys = tuple(skip_keys)

    def __call__(self, doc: Doc) -> Doc:
        taken = sorted(
            (s.start_char, s.end_char)
            for key in self.skip_keys
            if key in doc.spans
            for s in doc.spans[key]
        )
        starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))  # the furthest end so far
        found = []
        for q in find_quantities(doc_text(doc)):
            k = bisect_left(starts, q.end)  # the taken spans that start before q ends
            if not (k and reach[k - 1] > q.start):  # … and none of them ends after q starts
                found.append(q)
        spans = exact_spans(
            doc,
            [(q.start, q.end) for q in found],
            FIGURE_LABEL,
        )
        figures, percentages = [], []
        store = SpanValues(doc, _QUANTITY_ATTRS)
        for q, span in zip(found, spans, strict=True):
            if q.type == "percentage":
                span.label_ = PERCENT_LABEL
            values = [*fields(q, _FIELDS), ("points", q.kind == "points")]
            store.put(span, span.start_char, span.end_char, values)
            (percentages if q.type == "percentage" else figures).append(span)
        doc.spans[self.figures_key] = SpanGroup(doc, name=self.figures_key, spans=figures)
        doc.spans[self.percentages_key] = SpanGroup(
            doc, name=self.percentages_key, spans=percentages
        )
        return doc


@Language.factory(
    "zhjx_numbers",
    default_config={
        "figures_key": extensions.SPAN_KEYS["figure"],
        "percentages_key": extensions.SPAN_KEYS["percentage"],
        "skip_keys": [extensions.SPAN_KEYS["date"]],
    },
)
def make_numbers(
    nlp: Language,
    name: str,
    figures_key: str,
    percentages_key: str,
    skip_keys: list[str],
) -> NumbersComponent:
    """Create the figures and percentages component."""
    return NumbersComponent(name, figures_key, percentages_key, tuple(skip_keys))
