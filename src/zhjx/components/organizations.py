"""``zhjx_organizations``: organizations with canonical names (placeholder)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from zhjx import extensions


class OrganizationsComponent:
    """Find organizations and their canonical names."""

    def __init__(self, name: str, spans_key: str = extensions.SPAN_KEYS["organization"]):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=[])
        return doc


@Language.factory(
    "zhjx_organizations", default_config={"spans_key": extensions.SPAN_KEYS["organization"]}
)
def make_organizations(nlp: Language, name: str, spans_key: str) -> OrganizationsComponent:
    """Create the organizations component."""
    return OrganizationsComponent(name, spans_key)
