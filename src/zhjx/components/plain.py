"""Which span extensions are plain, looked up once per state of spaCy's registry.

:class:`zhjx.components.values.SpanValues` asks, for every Doc, whether each extension
is plain (kept in ``doc.user_data`` by offsets); that is about 2 us a name.  Steps that
read many values of many small Docs (records, facts) ask :func:`plain_defaults`
instead: the answer is kept for as long as the extensions are registered the same way.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens.underscore import Underscore

from zhjx.components.values import _plain

#: (names, their registrations) -> {name: default} or None (not all plain).
_CACHE: dict[tuple[Any, ...], dict[str, Any] | None] = {}


def plain_defaults(names: tuple[str, ...]) -> dict[str, Any] | None:
    """``{name: default}`` when every extension of ``names`` is plain, else None.

    A plain extension's value is ``doc.user_data.get(("._.", name, start, end), default)``.
    """
    registry = Underscore.span_extensions
    state = (names, tuple(map(registry.get, names)))
    try:
        return _CACHE[state]
    except KeyError:
        pass
    except TypeError:  # an unhashable default (a list …): never plain anyway
        return None
    found: dict[str, Any] | None = {}
    for name in names:
        plain, default = _plain(name)
        if not plain:
            found = None
            break
        found[name] = default
    if len(_CACHE) >= 64:
        _CACHE.clear()
    _CACHE[state] = found
    return found
