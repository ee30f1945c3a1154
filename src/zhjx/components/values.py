"""Span extension values read and written in bulk, without a ``span._`` each time.

``span._.x`` builds an ``Underscore`` object on every access (about a microsecond);
the components read and write a dozen values a quantity.  spaCy keeps the value of a
plain Span extension (one registered with a ``default``) in ``doc.user_data`` under
``("._.", name, start_char, end_char)``; these helpers use that dictionary directly.
Whether spaCy still stores values that way is checked once, on a throw-away Doc; if
not (or for an extension with a getter, setter or method) they go through ``span._``.
Which extensions are plain is looked up once for each state of spaCy's registry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span
from spacy.tokens.underscore import Underscore
from spacy.vocab import Vocab

_MISSING = object()


@cache
def _keyed_by_offsets() -> bool:
    """Whether spaCy keeps a Span's extension values under ``("._.", name, start, end)``."""
    name = "_zhjx_probe"
    if Span.has_extension(name):  # someone else's: leave it alone, take the slow way
        return False
    Span.set_extension(name, default=None)
    doc = Doc(Vocab(), words=["a", "b"], spaces=[True, False])
    span = doc[1:2]
    try:
        setattr(span._, name, 1)
        key = ("._.", name, span.start_char, span.end_char)
        return doc.user_data.get(key, _MISSING) == 1 and len(doc.user_data) == 1
    finally:
        Span.remove_extension(name)


def _plain(name: str) -> tuple[bool, Any]:
    """``(True, default)`` for a plain extension stored by offsets, else ``(False, None)``."""
    ext = Span.get_extension(name)
    if ext is None:
        return False, None
    default, method, getter, setter = ext
    if method is not None or getter is not None or setter is not None:
        return False, None
    if isinstance(default, (dict, list, set)) or not _keyed_by_offsets():
        return False, None
    return True, default


#: (names, their registrations) -> {name: (plain, default)}
_CACHE: dict[tuple[Any, ...], dict[str, tuple[bool, Any]]] = {}


def plain_table(names: tuple[str, ...]) -> dict[str, tuple[bool, Any]]:
    """``{name: _plain(name)}``, kept for as long as the extensions of ``names`` are
    registered the same way (about 2 us a name otherwise, for every Doc)."""
    registry = Underscore.span_extensions
    state = (names, tuple(map(registry.get, names)))
    try:
        return _CACHE[state]
    except KeyError:
        pass
    except TypeError:  # an unhashable default (a list …): never plain, never cached
        return {name: _plain(name) for name in names}
    if len(_CACHE) >= 64:
        _CACHE.clear()
    found = _CACHE[state] = {name: _plain(name) for name in names}
    return found


def plain_defaults(names: tuple[str, ...]) -> dict[str, Any] | None:
    """``{name: default}`` when every extension of ``names`` is plain, else None.

    A plain extension's value is ``doc.user_data.get(("._.", name, start, end), default)``.
    """
    table = plain_table(names)
    if not all(plain for plain, _ in table.values()):
        return None
    return {name: default for name, (_, default) in table.items()}


def fields(obj: object, names: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """``(name, obj.<name>)`` for each name: a span's values from the mention it came from."""
    return ((name, getattr(obj, name)) for name in names)


class SpanValues:
    """The extension values ``names`` of the spans of one Doc, read and written by the
    spans' character offsets (whether each extension is plain is looked up once)."""

    __slots__ = ("data", "plain")

    def __init__(self, doc: Doc, names: Iterable[str]) -> None:
        self.data = doc.user_data
        self.plain = plain_table(tuple(names))

    def get(self, span: Span, start: int, end: int, name: str) -> Any:
        """``span._.<name>`` of ``span``, which covers ``[start, end)``."""
        plain, default = self.plain[name]
        if not plain:
            return getattr(span._, name)
        return self.data.get(("._.", name, start, end), default)

    def put(self, span: Span, start: int, end: int, values: Iterable[tuple[str, Any]]) -> None:
        """Set ``span._.<name> = value`` for each pair; ``span`` covers ``[start, end)``."""
        data, plain = self.data, self.plain
        for name, value in values:
            if plain[name][0]:
                data["._.", name, start, end] = value
            else:
                setattr(span._, name, value)
