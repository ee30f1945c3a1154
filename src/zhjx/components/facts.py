"""``zhjx_facts``: tie each figure to its subject, organization and period (placeholder)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class FactsComponent:
    """Fill ``subject``, ``org`` and ``period`` on figure and percentage spans."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("zhjx_facts")
def make_facts(nlp: Language, name: str) -> FactsComponent:
    """Create the facts component."""
    return FactsComponent(name)
