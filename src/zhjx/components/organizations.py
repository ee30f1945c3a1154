"""``zhjx_organizations``: organizations with canonical names, kinds and province context.

The matching is pure (:mod:`zhjx.orgs`) and runs on characters; the segmenter's tokens
only tell it where words begin and end.  Spans are cut to the exact characters with
:func:`zhjx.components.spans.exact_spans`, so a name pkuseg split or glued differently
(``省/工信厅``) is still found whole.
"""

from __future__ import annotations

import operator

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions
from zhjx.components.spans import doc_text, exact_spans
from zhjx.components.values import SpanValues
from zhjx.orgs import TokenEdges, find_organizations

LABEL = "ORG"
_ORG_ATTRS = ("canonical", "value", "kind")


class OrganizationsComponent:
    """Find organizations; write ``doc.spans[spans_key]`` with ``canonical`` and ``kind``."""

    def __init__(self, name: str, spans_key: str = extensions.SPAN_KEYS["organization"]):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text, ext = doc_text(doc), doc._
        edges = _token_edges(doc)
        found = find_organizations(text, edges, province=ext.province, city=ext.city)
        spans = exact_spans(doc, [(m.start, m.end) for m in found], LABEL)
        store = SpanValues(doc, _ORG_ATTRS)
        kept = []
        for mention, span in zip(found, spans, strict=True):
            if span is None:
                continue
            name = mention.name
            store.put(
                span,
                span.start_char,
                span.end_char,
                (("canonical", name), ("value", name), ("kind", mention.kind)),
            )
            kept.append(span)
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=kept)
        return doc


def _token_edges(doc: Doc) -> TokenEdges:
    """Start and end offsets of every token, read from the Doc's arrays (a token ends
    its length after its start)."""
    starts = doc.to_array(IDX).tolist()
    return TokenEdges(starts, list(map(operator.add, starts, doc.to_array(LENGTH).tolist())))


@Language.factory(
    "zhjx_organizations", default_config={"spans_key": extensions.SPAN_KEYS["organization"]}
)
def make_organizations(nlp: Language, name: str, spans_key: str) -> OrganizationsComponent:
    """Create the organizations component."""
    return OrganizationsComponent(name, spans_key)
