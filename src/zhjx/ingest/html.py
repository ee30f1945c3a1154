"""HTML e-paper pages to plain text with BeautifulSoup (lxml parser).

Block elements (``p``, ``div``, ``li``, headings, table rows, ``br``) end a line; runs of
whitespace inside a block collapse to one space as a browser shows them (non-breaking
and ideographic spaces are kept, they indent paragraphs); ``script``, ``style``,
``noscript``, ``head`` and form controls are dropped.  The result is the *raw text* of
the page: every offset zhjx reports for an HTML file points into it.
"""

from __future__ import annotations

import regex
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "table tbody thead tfoot tr ul founder-content founder-title".split()
)
_CELL = frozenset({"td", "th"})
_DROP = frozenset({"script", "style", "noscript", "head", "template", "select", "button", "iframe"})
_WS = regex.compile(r"[ \t\r\n\f\v]+")


def _walk(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(_WS.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower() if child.name else ""
        if name in _DROP:
            continue
        if name == "br":
            out.append("\n")
            continue
        if name in _BLOCK:
            out.append("\n")
            _walk(child, out)
            out.append("\n")
        elif name in _CELL:
            _walk(child, out)
            out.append(" ")
        else:
            _walk(child, out)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block a line, blank lines squeezed."""
    soup = BeautifulSoup(markup, "lxml")
    root = soup.body or soup
    parts: list[str] = []
    _walk(root, parts)
    lines = [line.rstrip(" ") for line in "".join(parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip(" "):
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.lstrip(" ") if not line.startswith(("\u3000", "\xa0")) else line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if out else "")
