"""``zhjx_dates``: dates and periods resolved against the Doc's publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions
from zhjx.components.spans import doc_text, exact_spans
from zhjx.normalize.dates import find_dates

DATE_LABEL = "DATE"


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
        # Dates nearly always fall on token boundaries already: then the spans are
        # ``char_span``'s, and only otherwise are tokens split (``exact_spans``).
        spans = [doc.char_span(d.start, d.end, label=DATE_LABEL) for d in found]
        if any(span is None for span in spans):
            spans = exact_spans(doc, [(d.start, d.end) for d in found], DATE_LABEL)
        for mention, span in zip(found, spans, strict=True):
            ext = span._  # one Underscore per span (``span._`` makes a new one each time)
            ext.value = mention.value
            ext.interval = mention.interval
            ext.relative = mention.relative
            ext.granularity = mention.granularity
            ext.reference = mention.reference
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc


@Language.factory(
    "zhjx_dates", default_config={"spans_key": extensions.SPAN_KEYS["date"], "vague": False}
)
def make_dates(nlp: Language, name: str, spans_key: str, vague: bool) -> DatesComponent:
    """Create the dates component."""
    return DatesComponent(name, spans_key, vague)
