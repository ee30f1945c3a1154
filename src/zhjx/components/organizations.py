"""``zhjx_organizations``: organizations with canonical names, kinds and province context.

The matching is pure (:mod:`zhjx.orgs`) and runs on characters; the segmenter's tokens
only tell it where words begin and end.  Spans are cut to the exact characters with
:func:`zhjx.components.spans.exact_spans`, so a name pkuseg split or glued differently
(``省/工信厅``) is still found whole.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions
from zhjx.components.spans import doc_text, exact_spans
from zhjx.orgs import TokenEdges, find_organizations

LABEL = "ORG"


class OrganizationsComponent:
    """Find organizations; write ``doc.spans[spans_key]`` with ``canonical`` and ``kind``."""

    def __init__(self, name: str, spans_key: str = extensions.SPAN_KEYS["organization"]):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text, ext = doc_text(doc), doc._
        edges = _token_edges(doc, len(text))
        found = find_organizations(text, edges, province=ext.province, city=ext.city)
        spans = exact_spans(doc, [(m.start, m.end) for m in found], LABEL)
        kept = []
        for mention, span in zip(found, spans, strict=True):
            if span is None:
                continue
            x = span._
            x.canonical = mention.name
            x.value = mention.name
            x.kind = mention.kind
            kept.append(span)
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=kept)
        return doc


def _token_edges(doc: Doc, n_chars: int) -> TokenEdges:
    """Start and end offsets of every token, read from the Doc's arrays: a token ends
    where the next starts, less the one space it may carry (``SPACY``)."""
    arr = doc.to_array([IDX, SPACY])
    starts = arr[:, 0]
    ends = numpy.empty_like(starts)
    ends[:-1] = starts[1:] - arr[:-1, 1]
    ends[-1:] = n_chars - arr[-1:, 1]
    return TokenEdges(starts.tolist(), ends.tolist())


@Language.factory(
    "zhjx_organizations", default_config={"spans_key": extensions.SPAN_KEYS["organization"]}
)
def make_organizations(nlp: Language, name: str, spans_key: str) -> OrganizationsComponent:
    """Create the organizations component."""
    return OrganizationsComponent(name, spans_key)
