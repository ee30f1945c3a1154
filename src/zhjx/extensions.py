"""Doc and Span extension attributes that zhjx components read and write."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Span groups written by the components, keyed by record type.
SPAN_KEYS = {
    "organization": "zhjx_organizations",
    "figure": "zhjx_figures",
    "percentage": "zhjx_percentages",
    "date": "zhjx_dates",
}

#: Context an article gives its Doc (set before the components run).
DOC_ATTRS = ("published", "province", "city", "paper", "headline", "article_index")

#: Normalized values on spans; None where a field does not apply.
SPAN_ATTRS = (
    "value",  # Decimal for figures/percentages, ISO string for dates, canonical name for orgs
    "unit",
    "kind",
    "qualifier",
    "low",
    "high",
    "points",
    "change",
    "basis",
    "relative",
    "interval",
    "granularity",
    "reference",
    "canonical",
    "subject",
    "org",
    "period",
)


def register() -> None:
    """Register the extensions (idempotent)."""
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
