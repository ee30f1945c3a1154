"""Relating figures to what they measure, whose they are and when (pure, no spaCy).

``relate`` takes a text, its word boundaries and the mentions other components found
(quantities, organizations, dates) and returns one :class:`Fact` a quantity: its
subject, owner organization, period, change and basis.  The language data is in
``patterns/facts/``.
"""

from zhjx.relate.facts import Fact, Mention, relate

__all__ = ["Fact", "Mention", "relate"]
