"""Small numerals as dates write them: ``2025``, ``二〇二五``, ``二十九``, ``两千零四``.

Self-contained on purpose (the figures grammar has its own reader): dates only need
integers below ten thousand, written in Arabic digits, digit by digit (二〇二五, 九七)
or positionally (二十九, 两千零四).
"""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
POWERS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

#: A regex character class of the characters a Chinese date numeral may use.
CN_CHARS = "〇零○一二两兩三四五六七八九十百千"
#: Digit characters only (digit-by-digit years: 二〇二五).
CN_DIGIT_CHARS = "〇零○一二三四五六七八九"


def is_digitwise(text: str) -> bool:
    """Whether ``text`` is written digit by digit (二〇二五, 九七), not positionally."""
    return bool(text) and all(ch in DIGITS for ch in text)


def read_int(text: str) -> int | None:
    """The integer ``text`` writes, or None: ``29``, ``二十九``, ``二〇二五``, ``两千零四``."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if is_digitwise(text):
        if len(text) == 1:
            return DIGITS[text]
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0
    current: int | None = None
    last_power = 10**9
    for ch in text:
        if ch in DIGITS:
            if current is not None and current != 0 and DIGITS[ch] != 0:
                return None  # two digits in a row inside a positional numeral
            current = DIGITS[ch]
        elif ch in POWERS:
            power = POWERS[ch]
            if power >= last_power:
                return None
            total += (1 if current is None else current) * power
            current = None
            last_power = power
        else:
            return None
    if current:
        total += current
    return total
