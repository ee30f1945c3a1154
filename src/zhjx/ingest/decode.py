"""Bytes to text (placeholder: UTF-8 only; replaced by the full decoder)."""

from __future__ import annotations


class DecodeError(ValueError):
    """A file that cannot be read as text; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode ``data``; raise :class:`DecodeError` when it is not text."""
    if b"\x00" in data:
        raise DecodeError(name, "binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(name, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
