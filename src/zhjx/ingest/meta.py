"""The language of page furniture: datelines, bylines, labels, places, e-paper fields.

Everything is compiled once from the data in ``patterns/layout/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from zhjx.ingest.clean import RUN_SPACES
from zhjx.resources import load_json, load_jsonl, load_words

#: ``regex.compile`` once per pattern: the module-level ``regex`` functions look
#: the pattern up in regex's own cache, which costs microseconds a call.
_re = cache(regex.compile)

NUMERAL = r"[0-9〇零一二三四五六七八九十两]"
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}


def small_number(s: str) -> int | None:
    """``29`` / ``二十九`` / ``十一`` → an int (days and months only)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(ch not in _CN_DIGITS and ch != "十" for ch in s):
        return None
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        u = _CN_DIGITS.get(units, 0) if units else 0
        return t * 10 + u
    if len(s) == 1:
        return _CN_DIGITS[s]
    return int("".join(str(_CN_DIGITS[c]) for c in s))


# -- datelines ----------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Dateline:
    """A dateline at the start of a paragraph: ``本报太原3月29日讯（记者 马永亮）``."""

    end: int  # length of the dateline in the paragraph's clean text (credit included)
    agency: str
    place: str | None
    month: int | None
    day: int | None
    credit: str | None  # the text inside the brackets after 讯/电, if any


@cache
def _dateline_patterns() -> tuple[regex.Pattern[str], ...]:
    pats = []
    for line in load_words("layout/datelines.txt"):
        pats.append(regex.compile(line.replace("{N}", NUMERAL)))
    return tuple(pats)


_KIND_AT_END = regex.compile(r"\(\?P<kind>([^()\\|]+(?:\|[^()\\|]+)*)\)$")


def _has_top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


@cache
def _dateline_words() -> tuple[str, ...] | None:
    """Words one of which every dateline holds (``讯``, ``电``): the alternatives of the
    ``(?P<kind>…)`` group that ends each pattern.  None (no shortcut) when a pattern
    does not end with such a group or has a top-level ``|``."""
    words: set[str] = set()
    for line in load_words("layout/datelines.txt"):
        m = _KIND_AT_END.search(line)
        if m is None or _has_top_level_bar(line):
            return None
        words.update(m.group(1).split("|"))
    return tuple(sorted(words))


_CREDIT = regex.compile(r"\s*[（(](?P<credit>[^（）()]{1,60})[）)]")


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` (a clean paragraph), if any."""
    words = _dateline_words()
    if words is not None:  # most paragraphs and lines hold none of them
        for word in words:
            if word in text:
                break
        else:
            return None
    for pat in _dateline_patterns():
        m = pat.match(text)
        if not m:
            continue
        end = m.end()
        credit = None
        c = _CREDIT.match(text, end)
        if c:
            credit = c.group("credit")
            end = c.end()
        g = m.groupdict()
        month = small_number(g["month"]) if g.get("month") else None
        day = small_number(g["day"]) if g.get("day") else None
        if month is not None and not 1 <= month <= 12:
            month = day = None
        if day is not None and not 1 <= day <= 31:
            month = day = None
        return Dateline(end, g["agency"], g.get("place") or None, month, day, credit)
    return None


# -- bylines ------------------------------------------------------------------------


@cache
def _byline() -> dict:
    return load_json("layout/byline.json")


@cache
def _surname_re() -> str:
    names = sorted(load_words("layout/surnames.txt"), key=len, reverse=True)
    return "(?:" + "|".join(map(regex.escape, names)) + ")"


@cache
def _role_re() -> str:
    roles = sorted(_byline()["roles"], key=len, reverse=True)
    return "(?:" + "|".join(map(regex.escape, roles)) + ")"


@cache
def _name_re() -> regex.Pattern[str]:
    cfg = _byline()
    rest = f"\\p{{Han}}{{{cfg['name_min'] - 1},{cfg['name_max'] - 1}}}"
    return regex.compile(f"{_surname_re()}{rest}")


@cache
def _bare_names() -> regex.Pattern[str]:
    """A line of one to four names and nothing else: ``王蕾``, ``王晓亮 杜俊萍``."""
    cfg = _byline()
    name = f"{_surname_re()}\\p{{Han}}{{{cfg['name_min'] - 1},{cfg['name_max'] - 1}}}"
    return regex.compile(f"^{name}(?:[ 、，,]+{name}){{0,3}}$")


@cache
def _role_line() -> regex.Pattern[str]:
    """A byline with a role word: ``本报记者 王蕾``, ``记者 郝薇 通讯员 吴悦涛``."""
    return regex.compile(
        f"^(?:{_role_re()}\\s*[:：]?\\s*\\p{{Han}}{{2,4}}(?:[ 、，,]+\\p{{Han}}{{2,4}})*\\s*)+$"
    )


@cache
def _photo_credit() -> regex.Pattern[str]:
    """A photo credit closing a caption: ``本报记者 王蕾 摄``, ``（王蕾 摄）``."""
    photo = "|".join(map(regex.escape, sorted(_byline()["photo"], key=len, reverse=True)))
    cfg = _byline()
    name = f"{_surname_re()}\\p{{Han}}{{{cfg['name_min'] - 1},{cfg['name_max'] - 1}}}"
    names = f"{name}(?:[ 、，,]+{name}){{0,3}}"
    return regex.compile(f"[（(]?(?:{_role_re()}\\s*)?{names}\\s*(?:{photo})[）)]?$")


@cache
def _photo_words() -> tuple[str, ...]:
    return tuple(_byline()["photo"])


@cache
def credit_endings() -> tuple[str, ...]:
    """What a text that :func:`photo_credit` finds a credit in ends with."""
    return (*_photo_words(), "）", ")")


#: what a photo credit may hold any number of: spaces (``\\s``) and name separators
_CREDIT_GAPS = frozenset(RUN_SPACES + " 、，,")


@cache
def _credit_reach() -> int:
    """The most characters a photo credit holds besides :data:`_CREDIT_GAPS`: two
    brackets, a role word, four names and a photo word (see :func:`_photo_credit`)."""
    cfg = _byline()
    name = max(map(len, load_words("layout/surnames.txt"))) + cfg["name_max"] - 1
    role = max(map(len, cfg["roles"]))
    return 1 + role + 4 * name + max(map(len, cfg["photo"])) + 1


def _credit_start(text: str) -> int:
    """Where a photo credit closing ``text`` may start at the earliest.

    A search from there finds what a search from 0 finds: a credit starting further
    back would hold more than :func:`_credit_reach` characters besides spaces and
    separators.  (The search tries every start, each against 420 surnames: a long
    caption costs tens of microseconds without this.)"""
    reach = _credit_reach()
    i = len(text)
    while i > 0:
        if text[i - 1] not in _CREDIT_GAPS:
            reach -= 1
            if reach < 0:
                return i
        i -= 1
    return 0


def is_byline(line: str) -> bool:
    """A byline with a role word (``本报记者 王蕾``)."""
    return bool(_role_line().match(line)) and not line.endswith(tuple(_byline()["photo"]))


def is_bare_names(line: str) -> bool:
    """A line of personal names only (``王蕾``, ``王晓亮 杜俊萍``)."""
    return bool(_bare_names().match(line))


def photo_credit(text: str) -> regex.Match[str] | None:
    """The photo credit at the end of a caption, if any."""
    # the credit ends the text: a photo word, then at most one closing bracket
    photo = _photo_words()
    if not text.endswith(photo) and not (text.endswith(("）", ")")) and text[:-1].endswith(photo)):
        return None
    m = _photo_credit().search(text, _credit_start(text))
    if m is None:
        return None
    # a credit follows a sentence end, a space, or opens with a bracket
    before = text[: m.start()].rstrip()
    if (
        m.group().startswith(("（", "("))
        or not before
        or before[-1] in "。！？；…”）"
        or text[m.start() - 1 : m.start()].isspace()
    ):
        return m
    return None


@cache
def _photo_at_end() -> regex.Pattern[str]:
    photo = "|".join(map(regex.escape, sorted(_byline()["photo"], key=len, reverse=True)))
    return regex.compile(f"(?:{photo})$")


def names_in(credit: str) -> list[str]:
    """Personal names in a byline or dateline credit, role words and photo words removed.

    ``记者 郝薇 通讯员 吴悦涛`` → ``['郝薇', '吴悦涛']``; ``本报记者 王蕾 摄`` → ``['王蕾']``.
    """
    text = _photo_at_end().sub(" ", credit.strip().rstrip("）)").lstrip("（("))
    text = _re(_role_re()).sub(" ", text)
    out = []
    for token in _re(r"[\s、，,:：/／]+").split(text):
        if 2 <= len(token) <= 4 and _re(r"\p{Han}+").fullmatch(token):
            out.append(token)
    return out


# -- labels, navigation, fields -----------------------------------------------------


@cache
def _labels() -> dict[str, str]:
    return {d["label"]: d["kind"] for d in load_jsonl("layout/labels.jsonl")}


_LABEL_JUNK = r"\s·•【】\[\]"  # characters a column label may be spaced or boxed with


@cache
def _label_shaped() -> regex.Pattern[str]:
    """A line that is at most as long as the longest label once junk is gone."""
    longest = max(map(len, _labels()), default=0)
    junk, other = f"[{_LABEL_JUNK}]", f"[^{_LABEL_JUNK}]"
    return regex.compile(f"{junk}*(?:{other}{junk}*){{0,{longest}}}")


def label_kind(line: str) -> str | None:
    """The article kind a column label implies (``短 评`` → ``commentary``), or None."""
    if _label_shaped().fullmatch(line) is None:  # too long to be a label: stop early
        return None
    key = _re(f"[{_LABEL_JUNK}]").sub("", line)
    return _labels().get(key)


@cache
def _nav_re() -> re.Pattern[str]:
    # literals only: the stdlib engine scans a page for them several times faster
    words = sorted(load_words("layout/navigation.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def navigation_spans(line: str) -> list[tuple[int, int]]:
    """Spans of reader chrome (``上一篇``, ``下一篇``, ``电子报阅读机``) in a line.

    The words hold no line breaks, so on a whole page this gives each line's spans.
    """
    return [m.span() for m in _nav_re().finditer(line)]


@cache
def _fields() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    data = load_json("layout/fields.json")
    out = []
    for kind in ("paper", "date", "page", "junk"):
        labels = sorted(data[kind], key=len, reverse=True)
        alt = "|".join(map(regex.escape, labels))
        out.append((kind, regex.compile(f"^(?:{alt})\\s*[:：]\\s*(?P<value>.*)$")))
    return tuple(out)


@cache
def furniture_initials() -> frozenset[str]:
    """The characters a line that :func:`field_of`, :func:`label_kind` or
    :func:`is_byline` accepts can start with, whitespace aside: the first characters
    of field labels, role words and column labels, and the boxes and bullets a label
    may stand in (a line starting with none of them is none of these)."""
    data = load_json("layout/fields.json")
    words = [w for kind in ("paper", "date", "page", "junk") for w in data[kind]]
    words += [*_byline()["roles"], *_labels()]
    return frozenset(w[0] for w in words if w) | frozenset("·•【】[]")


@cache
def _field_labels() -> tuple[str, ...]:
    data = load_json("layout/fields.json")
    return tuple(w for kind in ("paper", "date", "page", "junk") for w in data[kind])


def field_of(line: str) -> tuple[str, str] | None:
    """``当前报纸名称:山西经济日报`` → ``('paper', '山西经济日报')``; None if not a field."""
    if not line.startswith(_field_labels()):  # every field opens with its label
        return None
    for kind, pat in _fields():
        m = pat.match(line)
        if m:
            return kind, m.group("value").strip()
    return None


# -- places -------------------------------------------------------------------------


@cache
def _places() -> tuple[dict[str, str], list[str]]:
    """``place → province`` and the places, longest first."""
    index: dict[str, str] = {}
    for row in load_jsonl("layout/places.jsonl"):
        prov = row["province"]
        for name in (prov, row["full"], row["capital"], *row["cities"]):
            index.setdefault(name, prov)
            if name != prov and not name.endswith(("市", "省")) and name not in (row["full"],):
                index.setdefault(name + "市", prov)
    return index, sorted(index, key=len, reverse=True)


def province_of(place: str | None) -> str | None:
    """The province of a city or province name (``太原`` → ``山西``)."""
    if not place:
        return None
    return _places()[0].get(place)


def is_city(place: str | None) -> bool:
    """Whether ``place`` is a city in the table (not only a province name)."""
    if not place:
        return False
    index = _places()[0]
    return (place in index and index[place] != place) or place in ("北京", "天津", "上海", "重庆")


def province_in_name(name: str | None) -> tuple[str | None, str | None]:
    """``(province, city)`` named at the start of a paper's name (``山西经济日报`` → 山西)."""
    if not name:
        return None, None
    m = _place_at_start().match(name)
    if m is None:
        return None, None
    place = m.group()
    prov = _places()[0][place]
    city = place.removesuffix("市") if place not in (prov,) and is_city(place) else None
    return prov, city


@cache
def _place_at_start() -> re.Pattern[str]:
    """The places, longest first, as one alternation: the first that opens a name."""
    return re.compile("|".join(map(re.escape, _places()[1])))
