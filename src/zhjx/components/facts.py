"""``zhjx_facts``: tie each figure to its subject, organization, period and change.

Reads the span groups other components wrote (by the keys in
``zhjx.extensions.SPAN_KEYS``) and fills ``subject``, ``org``, ``period`` and, where
still empty, ``change`` and ``basis`` on every figure and percentage span.  The logic
is in :mod:`zhjx.relate` (pure, over the Doc's words and the spans' offsets).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from zhjx import extensions
from zhjx.components.spans import doc_text
from zhjx.components.values import SpanValues, plain_defaults
from zhjx.relate import Mention, relate


def _word_bounds(doc: Doc) -> list[int]:
    """The start and end offsets of the Doc's tokens, whitespace tokens left out (the
    ends of ``spans.token_offsets(doc, skip_space=True)``, without a tuple a token)."""
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    arr = arr[arr[:, 2] == 0]
    starts = arr[:, 0]
    return starts.tolist() + (starts + arr[:, 1]).tolist()


def _headline_end(doc: Doc) -> int | None:
    """Where the headline ends when the Doc knows its headline (``doc._.headline``)."""
    if not Doc.has_extension("headline"):  # a Doc made before zhjx.extensions loaded
        return None
    headline = doc._.headline
    if not headline:
        return None
    pos = doc_text(doc).find(headline.strip())
    return pos + len(headline.strip()) if pos >= 0 else None


#: The values this component fills (where still empty) on every quantity span.
_FACT_ATTRS = ("subject", "org", "period", "change", "basis")
#: The values it reads.
_VALUE_ATTRS = ("canonical", "kind", "value", "granularity", *_FACT_ATTRS)


class FactsComponent:
    """Fill ``subject``, ``org``, ``period``, ``change`` and ``basis`` on quantity spans."""

    def __init__(self, name: str = "zhjx_facts") -> None:
        self.name = name
        keys = extensions.SPAN_KEYS
        self.quantity_keys = (keys["figure"], keys["percentage"])
        self.org_key = keys["organization"]
        self.date_key = keys["date"]

    def _group(self, doc: Doc, key: str) -> list[tuple[Span, int, int]]:
        if key not in doc.spans:
            return []
        return [(s, s.start_char, s.end_char) for s in doc.spans[key]]

    def __call__(self, doc: Doc) -> Doc:
        groups = [self._group(doc, key) for key in self.quantity_keys]
        if not any(groups):
            return doc
        quantities = [
            Mention(s, e, label="percentage" if key_i else "figure")
            for key_i, group in enumerate(groups)
            for _, s, e in group
        ]
        text = doc_text(doc)
        defaults = plain_defaults(_VALUE_ATTRS)
        if defaults is None:  # an extension with a getter or setter: go through span._
            values = SpanValues(doc, _VALUE_ATTRS)
            get = values.get
        else:
            data = doc.user_data.get

            def get(span: Span, s: int, e: int, name: str) -> Any:
                return data(("._.", name, s, e), defaults[name])

        orgs = [
            Mention(
                s,
                e,
                value=get(span, s, e, "canonical") or text[s:e],
                label=get(span, s, e, "kind"),
            )
            for span, s, e in self._group(doc, self.org_key)
        ]
        dates = []
        for span, s, e in self._group(doc, self.date_key):
            value = get(span, s, e, "value")
            label = get(span, s, e, "granularity")
            dates.append(Mention(s, e, value=None if value is None else str(value), label=label))
        facts = relate(
            text,
            (),
            quantities,
            orgs,
            dates,
            headline_end=_headline_end(doc),
            bounds=_word_bounds(doc),
        )
        quantity_spans = [item for group in groups for item in group]
        if defaults is None:
            for (span, s, e), fact in zip(quantity_spans, facts, strict=True):
                values.put(
                    span,
                    s,
                    e,
                    [
                        (attr, getattr(fact, attr))
                        for attr in _FACT_ATTRS
                        if get(span, s, e, attr) is None
                    ],
                )
            return doc
        user_data = doc.user_data
        fact_defaults = [(attr, defaults[attr]) for attr in _FACT_ATTRS]
        for (_, s, e), fact in zip(quantity_spans, facts, strict=True):
            for attr, default in fact_defaults:  # values.put where span._.<attr> is None
                key = ("._.", attr, s, e)
                if user_data.get(key, default) is None:
                    user_data[key] = getattr(fact, attr)
        return doc


@Language.factory("zhjx_facts")
def make_facts(nlp: Language, name: str) -> FactsComponent:
    """Create the facts component."""
    return FactsComponent(name)
