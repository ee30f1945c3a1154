"""``zhjx_facts``: tie each figure to its subject, organization, period and change.

Reads the span groups other components wrote (by the keys in
``zhjx.extensions.SPAN_KEYS``) and fills ``subject``, ``org``, ``period`` and, where
still empty, ``change`` and ``basis`` on every figure and percentage span.  The logic
is in :mod:`zhjx.relate` (pure, over the Doc's words and the spans' offsets).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from zhjx import extensions
from zhjx.components.spans import doc_text, token_offsets
from zhjx.relate import Mention, relate


def _headline_end(doc: Doc) -> int | None:
    """Where the headline ends when the Doc knows its headline (``doc._.headline``)."""
    if not Doc.has_extension("headline"):  # a Doc made before zhjx.extensions loaded
        return None
    headline = doc._.headline
    if not headline:
        return None
    pos = doc_text(doc).find(headline.strip())
    return pos + len(headline.strip()) if pos >= 0 else None


class FactsComponent:
    """Fill ``subject``, ``org``, ``period``, ``change`` and ``basis`` on quantity spans."""

    def __init__(self, name: str = "zhjx_facts") -> None:
        self.name = name
        keys = extensions.SPAN_KEYS
        self.quantity_keys = (keys["figure"], keys["percentage"])
        self.org_key = keys["organization"]
        self.date_key = keys["date"]

    def _group(self, doc: Doc, key: str) -> list[Span]:
        return list(doc.spans[key]) if key in doc.spans else []

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for key in self.quantity_keys for s in self._group(doc, key)]
        if not spans:
            return doc
        quantities = [
            Mention(s.start_char, s.end_char, label="percentage" if key_i else "figure")
            for key_i, key in enumerate(self.quantity_keys)
            for s in self._group(doc, key)
        ]
        orgs = [
            Mention(s.start_char, s.end_char, value=s._.canonical or s.text, label=s._.kind)
            for s in self._group(doc, self.org_key)
        ]
        dates = [
            Mention(
                s.start_char,
                s.end_char,
                value=None if s._.value is None else str(s._.value),
                label=s._.granularity,
            )
            for s in self._group(doc, self.date_key)
        ]
        tokens = token_offsets(doc, skip_space=True)
        facts = relate(
            doc_text(doc), tokens, quantities, orgs, dates, headline_end=_headline_end(doc)
        )
        for span, fact in zip(spans, facts, strict=True):
            for attr in ("subject", "org", "period", "change", "basis"):
                if getattr(span._, attr) is None:
                    setattr(span._, attr, getattr(fact, attr))
        return doc


@Language.factory("zhjx_facts")
def make_facts(nlp: Language, name: str) -> FactsComponent:
    """Create the facts component."""
    return FactsComponent(name)
