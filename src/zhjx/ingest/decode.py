"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, HTML.

Strategy (chosen by testing; charset-normalizer alone mislabels short Chinese texts,
e.g. the six GB18030 bytes of ``本报讯`` come back as Big5):

1. empty input, or NUL bytes without a UTF-16 BOM: :class:`DecodeError`;
2. a BOM decides (UTF-8, UTF-16 LE/BE);
3. strict UTF-8;
4. strict GB18030 (a superset of GBK and GB2312), accepted when the result looks like
   text (see :func:`plausible`);
5. charset-normalizer's best guess, with the same check;
6. otherwise :class:`DecodeError`.

HTML (a ``.htm``/``.html``/``.shtml``/``.xhtml`` name, or content that opens with an HTML
tag) is decoded the same way (a charset declared in a ``<meta>`` tag is tried first) and then
turned into text by :func:`zhjx.ingest.html.html_to_text`.  For HTML the *raw text* that all
offsets point into is that extracted text, not the markup.
"""

from __future__ import annotations

import codecs

import regex

HTML_SUFFIXES = (".htm", ".html", ".shtml", ".xhtml")
_HTML_START = regex.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
    regex.I | regex.S,
)
_META_CHARSET = regex.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", regex.I)
# Characters a Chinese newspaper text is made of: ASCII, Latin-1 punctuation, general
# punctuation, CJK symbols, CJK ideographs (with extension A), full-width forms, and so on.
_PLAUSIBLE = regex.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u214f\u2150-\u218f\u2190-\u21ff"
    r"\u2200-\u22ff\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f"
    r"\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3300-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u0370-\u03ff\u0400-\u04ff"
    r"\U00020000-\U0003134f]"
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """A file that cannot be read as text; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def plausible(text: str, threshold: float = 0.97) -> bool:
    """Whether ``text`` looks like (Chinese) text rather than mis-decoded bytes."""
    if not text:
        return True
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        return False
    good = len(_PLAUSIBLE.findall(text))
    return good / len(text) >= threshold


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_text(data: bytes, name: str = "<bytes>", declared: str | None = None) -> str:
    """Decode plain text bytes (no HTML handling); raise :class:`DecodeError`."""
    if not data or not data.strip():
        raise DecodeError(name, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
        if text is None:
            raise DecodeError(name, "UTF-8 byte order mark but invalid UTF-8")
        return text
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = _strict(data[2:], enc)
            if text is None or not plausible(text):
                raise DecodeError(name, f"{enc.upper()} byte order mark but invalid {enc}")
            return text
    if b"\x00" in data:
        raise DecodeError(name, "binary file (NUL bytes)")
    if declared:
        text = _strict(data, declared)
        if text is not None and plausible(text):
            return text
    text = _strict(data, "utf-8")
    if text is not None:
        if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
            raise DecodeError(name, "binary file (control characters)")
        return text
    text = _strict(data, "gb18030")
    if text is not None and plausible(text):
        return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # a detector failure is a decoding failure, not a crash
        best = None
    if best is not None:
        text = str(best)
        if plausible(text):
            return text
    raise DecodeError(name, "not text in UTF-8, GB18030/GBK or another detectable encoding")


def is_html(data: bytes, name: str = "") -> bool:
    """Whether the bytes are an HTML page (by file name or by their first tag)."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:2048]
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom) :]
    return bool(_HTML_START.match(head))


def decode(data: bytes, name: str = "<bytes>") -> str:
    """The raw text of a file: decoded bytes, or the text of an HTML page.

    Raises :class:`DecodeError` for empty, binary or undecodable input.
    """
    if is_html(data, name):
        from zhjx.ingest.html import html_to_text

        declared = None
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            if declared in ("gb2312", "gbk", "x-gbk"):
                declared = "gb18030"
            if _strict(b"", declared) is None:
                declared = None
        text = decode_text(data, name, declared)
        out = html_to_text(text)
        if not out.strip():
            raise DecodeError(name, "HTML page without text")
        return out
    return decode_text(data, name)
