"""The heads of a regex: what the first few characters of any match can be.

The reader tries its rules only where one of them can start.  Rather than keep a hand
list of starting characters, the heads are read from the rule patterns themselves:
:func:`heads` walks a pattern as Python's own ``re`` parser reads it and returns its
*paths*, the possible sequences of its first ``depth`` characters (each a character
class), with the one-character negative lookbehind a path starts with (``(?<![\\d.])``
before a year).  :func:`heads_pattern` joins paths into one ``re`` pattern, a trie
whose branches each start with a character class, which ``re`` skips cheaply.

Paths over-approximate: optional items (``?``, ``{0,2}``) let the next item start the
path, other lookarounds and anchors are skipped, a back-reference or a negated class
matches any character.  So the heads pattern matches wherever the pattern does, and
at a few more places; the rules themselves decide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

try:  # Python 3.11+
    import re._constants as C  # the stdlib parser's opcodes
    import re._parser as P  # the stdlib regex parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

#: A character that may be anything (a negated class, ``.``, a back-reference).
ANY = "(?s:.)"

#: A path: (characters that may not precede it, its first characters as classes).
Path = tuple[str, tuple[str, ...]]

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_REPEATS = tuple(
    getattr(C, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(C, name)
)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_EMPTY: frozenset[Path] = frozenset({("", ())})


def _char(code: int) -> str:
    c = chr(code)
    return "\\" + c if c in "\\]^-[" else c


def _class(items: Any) -> str:
    """The inside of a character class (``\\d一二``), or ANY."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(_char(av))
        elif op is C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, or a category we do not spell
            return ANY
    return "".join(out)


def then(first: frozenset[Path], rest, depth: int) -> frozenset[Path]:
    """Paths of ``first`` followed by ``rest`` (a function of the depth still open)."""
    out = set()
    for not_after, chars in first:
        if len(chars) >= depth:
            out.add((not_after, chars[:depth]))
            continue
        for not_after2, more in rest(depth - len(chars)):
            # a lookbehind of the second part still sits at the start when the first
            # part consumed nothing
            out.add((not_after + not_after2 if not chars else not_after, (chars + more)[:depth]))
    return frozenset(out)


def _seq(seq: Any, depth: int) -> frozenset[Path]:
    paths = _EMPTY
    for item in seq:
        if all(len(chars) >= depth for _, chars in paths):
            break
        paths = then(paths, lambda d, item=item: _item(item, d), depth)
    return paths


def _item(item: Any, depth: int) -> frozenset[Path]:
    op, av = item
    if op is C.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1:
        # (?<![…]) or (?<!x): one character that may not precede
        sub_op, sub_av = av[1][0]
        inside = _class(sub_av) if sub_op is C.IN else _char(sub_av) if sub_op is C.LITERAL else ANY
        if inside != ANY:
            return frozenset({(inside, ())})
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is C.LITERAL:
        return frozenset({("", (f"[{_char(av)}]",))})
    if op is C.IN:
        inside = _class(av)
        return frozenset({("", (ANY if inside == ANY else f"[{inside}]",))})
    if op is C.BRANCH:
        return frozenset().union(*(_seq(alt, depth) for alt in av[1]))
    if op is C.SUBPATTERN:
        if av[1] & C.SRE_FLAG_IGNORECASE:
            return frozenset({("", (ANY,) * depth), ("", ())})
        return _seq(av[3], depth)
    if op is _ATOMIC:
        return _seq(av, depth)
    if op in _REPEATS:
        low, high, sub = av
        out: set[Path] = set()
        paths = _EMPTY
        for n in range(min(high, max(low, depth)) + 1):
            if n >= low:
                out |= paths
            paths = then(paths, lambda d: _seq(sub, d), depth)
        return frozenset(out)
    # ANY, NOT_LITERAL, a back-reference, anything else: any characters, or none
    return frozenset({("", (ANY,) * depth), ("", ())})


def heads(pattern: str, depth: int = 3) -> frozenset[Path]:
    """The paths of the first ``depth`` characters of ``pattern``'s matches."""
    return _seq(P.parse(pattern), depth)


def first_class(paths: frozenset[Path]) -> str:
    """One character class of every first character of ``paths`` (ANY if unbounded)."""
    firsts = {chars[0] if chars else ANY for _, chars in paths}
    if ANY in firsts:
        return ANY
    return "[" + "".join(sorted(f[1:-1] for f in firsts)) + "]"


def _trie(paths: frozenset[Path]) -> dict:
    """Paths as a trie of atoms; a one-character lookbehind is an atom after the first
    character (``(?<![…].)``), and ``""`` marks where a path may end."""
    root: dict = {}
    for not_after, chars in paths:
        if not chars:
            raise ValueError("a pattern that matches the empty string has no heads")
        atoms = (chars[0], f"(?<![{not_after}].)", *chars[1:]) if not_after else chars
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return root


def _alternation(node: dict) -> str:
    """A trie node as a pattern; siblings that lead to the same rest share one class."""
    if "" in node:  # a path ends here: what follows does not matter
        return ""
    by_rest: defaultdict[str, list[str]] = defaultdict(list)
    for atom, child in node.items():
        by_rest[_alternation(child)].append(atom)
    branches = []
    for rest, atoms in by_rest.items():
        classes = [a[1:-1] for a in atoms if a.startswith("[")]
        if classes:
            branches.append("[" + "".join(sorted(set(classes))) + "]" + rest)
        branches += [a + rest for a in atoms if not a.startswith("[")]
    # branches that start with a character class first: ``re`` skips those cheaply
    branches.sort(key=lambda b: (not b.startswith("["), b))
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def heads_pattern(paths: frozenset[Path]) -> str:
    """One ``re`` pattern matching where any of ``paths`` starts: a trie of their
    characters, with each lookbehind just after the character it stands before."""
    return _alternation(_trie(paths))


def _merge(a: dict, b: dict) -> dict:
    """Two tries as one (the paths of both)."""
    out = dict(a)
    for atom, child in b.items():
        out[atom] = _merge(out[atom], child) if atom in out else child
    return out


def heads_by_char(paths: frozenset[Path], chars: Iterable[str]) -> str:
    """:func:`heads_pattern` for the paths whose first character is one of ``chars``,
    spelled as one branch a character (``一(?:…)|二(?:…)|…``).

    Matches where ``(?=[chars])`` then :func:`heads_pattern` does.  A pattern whose
    branches all start with a literal gives ``re`` a set of first characters: its
    search skips to the next of them in C, where a lookahead would make it try the
    whole pattern at every position; and at a candidate only the branch of that
    character is read.
    """
    root = _trie(paths)
    firsts = {atom: re.compile(atom) for atom in root}
    branches = []
    for ch in sorted(set(chars)):
        node: dict = {}
        for atom, child in root.items():
            if firsts[atom].fullmatch(ch):
                node = _merge(node, child)
        if node:
            branches.append(re.escape(ch) + _alternation(node))
    if not branches:
        raise ValueError("no path starts with any of the characters")
    return f"(?:{'|'.join(branches)})"
