"""``zhjx_dates``: dates and periods resolved against the Doc's publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions
from zhjx.components.spans import doc_text, exact_spans
from zhjx.components.values import SpanValues, fields
from zhjx.normalize.dates import find_dates

DATE_LABEL = "DATE"
#: The span values of a date: the fields of the same names of its ``DateMention``.
_DATE_ATTRS = ("value", "interval", "relative", "granularity", "reference")


class DatesComponent:
    """Find dates in ``doc.text``; ``doc._.published`` is the reference date.

    ``vague`` also reports words such as 近日, 目前 (with no value).
    """

    def __init__(
        self,
        name: str = "zhjx_dates",
        spans_key: str = extensions.SPAN_KEYS["date"],
        vague: bool = False,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.vague = vague

    def __call__(self, doc: Doc) -> Doc:
        found = find_dates(doc_text(doc), doc._.published, vague=self.vague)
        spans = exact_spans(doc, [(d.start, d.end) for d in found], DATE_LABEL)
        store = SpanValues(doc, _DATE_ATTRS)
        for d, span in zip(found, spans, strict=True):
            store.put(span, span.start_char, span.end_char, fields(d, _DATE_ATTRS))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc


@Language.factory(
    "zhjx_dates", default_config={"spans_key": extensions.SPAN_KEYS["date"], "vague": False}
)
def make_dates(nlp: Language, name: str, spans_key: str, vague: bool) -> DatesComponent:
    """Create the dates component."""
    return DatesComponent(name, spans_key, vague)
