"""Hand-built Docs for the facts tests: spans placed where the given surfaces occur."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx.components.facts import FactsComponent
from zhjx.components.spans import exact_spans
from zhjx.extensions import SPAN_KEYS


def _offsets(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Offsets of each surface, searched left to right (repeats find later occurrences)."""
    out, seen = [], {}
    for s in surfaces:
        pos = text.find(s, seen.get(s, 0))
        if pos < 0:
            raise ValueError(f"{s!r} not in {text!r}")
        seen[s] = pos + len(s)
        out.append((pos, pos + len(s)))
    return out


def make_doc(
    nlp: Language,
    text: str,
    figures: list[str] = (),
    percentages: list[str] = (),
    orgs: dict[str, str] | list[tuple[str, str]] | None = None,
    dates: dict[str, tuple[str | None, str]] | None = None,
    kinds: dict[str, str] | None = None,
) -> Doc:
    """A Doc with the given mentions in its span groups (as the extractors would put them).

    ``orgs`` maps surfaces to canonical names (pairs when a surface repeats); ``dates``
    maps surfaces to ``(value, granularity)``; ``kinds`` maps organization surfaces to
    their kind.
    """
    doc = nlp.make_doc(text)
    org_pairs = list(orgs.items()) if isinstance(orgs, dict) else list(orgs or [])
    orgs = dict(org_pairs)
    dates = dates or {}
    groups = {
        SPAN_KEYS["organization"]: _offsets(text, [surface for surface, _ in org_pairs]),
        SPAN_KEYS["date"]: _offsets(text, list(dates)),
        SPAN_KEYS["figure"]: _offsets(text, list(figures)),
        SPAN_KEYS["percentage"]: _offsets(text, list(percentages)),
    }
    for key, offsets in groups.items():
        doc.spans[key] = SpanGroup(doc, name=key, spans=exact_spans(doc, offsets, key))
    for span in doc.spans[SPAN_KEYS["organization"]]:
        span._.canonical = orgs[span.text]
        span._.kind = kinds.get(span.text) if kinds else None
    for span in doc.spans[SPAN_KEYS["date"]]:
        span._.value, span._.granularity = dates[span.text]
    return doc


def run(nlp: Language, text: str, **kw) -> dict[str, tuple]:
    """Facts by quantity surface: ``{surface: (subject, org, period, change, basis)}``."""
    doc = FactsComponent()(make_doc(nlp, text, **kw))
    out = {}
    for key in (SPAN_KEYS["figure"], SPAN_KEYS["percentage"]):
        for s in doc.spans[key]:
            x = s._
            out[s.text] = (x.subject, x.org, x.period, x.change, x.basis)
    return out
