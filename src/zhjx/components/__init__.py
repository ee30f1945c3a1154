"""spaCy components, one a file; importing this package registers their factories."""

from zhjx.components import dates, facts, numbers, organizations  # noqa: F401
