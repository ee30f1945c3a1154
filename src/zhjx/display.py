"""displaCy views of zhjx Docs, one colour a record type."""

from __future__ import annotations

from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from zhjx.extensions import SPAN_KEYS

COLORS = {
    "ORG": "#7aecec",
    "FIGURE": "#feca74",
    "PERCENT": "#c887fb",
    "DATE": "#bfe1d9",
}


def entities(doc: Doc) -> dict[str, Any]:
    """displaCy's manual ``ent`` data for a processed Doc (overlaps: the first span wins)."""
    spans = sorted(
        (s for k in SPAN_KEYS.values() if k in doc.spans for s in doc.spans[k]),
        key=lambda s: (s.start_char, -s.end_char),
    )
    ents, last_end = [], -1
    for span in spans:
        if span.start_char >= last_end:
            ents.append({"start": span.start_char, "end": span.end_char, "label": span.label_})
            last_end = span.end_char
    return {"text": doc.text, "ents": ents, "title": None}


def render(doc: Doc, jupyter: bool | None = None, **kwargs: Any) -> str | None:
    """Render a processed Doc with organizations, figures, percentages and dates coloured.

    Chinese text is shown as written (character offsets, no spaces between tokens).
    """
    options = {"colors": COLORS, "ents": list(COLORS), **kwargs.pop("options", {})}
    return displacy.render(
        entities(doc), style="ent", manual=True, jupyter=jupyter, options=options, **kwargs
    )
