"""Find organizations in a text: gazetteer, department templates and a suffix grammar.

Three passes over the characters, so the segmenter's choices cannot hide a name:

* the gazetteer (national bodies, named enterprises, universities, abbreviations);
* department templates, a region plus a standard body (``省财政厅``, ``太原市发改委``,
  ``共青团山西省委``), with lists that share the region (``省发改委、财政厅``);
* a grammar: a suffix (``有限公司``, ``大学``, ``委员会`` …) read leftwards over the
  segmenter's tokens until a verb, preposition, pronoun or punctuation
  (``在太原重工…有限公司`` starts at 太原), accepted only when the words before the
  suffix name something (a place, a region word, a known organization or a
  proper-name word) rather than describe it (``中小企业服务中心``).

Tokens are used only to find edges; overlapping candidates resolve to the longest.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from zhjx.orgs import lexicon as lx

MAX_UNITS = 12
MAX_CHARS = 24
#: Separators of a list whose items share a region (省发改委、财政厅).
_LIST_SEP = regex.compile(r"、|以及|和|及|与")
_HAN = regex.compile(r"\p{Han}")
_PUNCT = regex.compile(r"^[\p{P}\p{S}\s]+$")
_NUMERIC = regex.compile(
    r"^[\d０-９.．%％]+|^[一二三四五六七八九十百千万亿两几数多]+[家个所位名户批级类]?$"
    # ordinals and superlatives that describe rather than name: 第一家 首家 第二大 三大 最大
    r"|^(?:第[一二三四五六七八九十百千\d０-９]+|[首头]|[一二三四五六七八九十几两]+|最)"
    r"[家个大届批所位名座]$"
)
_LATIN = regex.compile(r"^[A-Za-zＡ-Ｚａ-ｚ&＆]+$")
_OPEN, _CLOSE = "（(", "）)"
#: Level words that mark an unlisted place (朝阳区, 周村区); every province is listed.
_PLACE_ENDS = ("市", "县", "区", "州", "镇", "乡")
#: Characters before a bare level word that make it no particular region (各省, 该市).
_NOT_THIS_REGION = set("各该本外全每其他此这那某两三四五六七八九十多诸")
#: Characters that make a following word no particular unit (某部, 该处, 各科).
_DEMONSTRATIVES = set("各该本每其此这那某")


@dataclass(frozen=True)
class OrgMention:
    """An organization found in a text: ``text[start:end]``, canonical name and kind."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    source: str  # gazetteer | department | grammar


@cache
def _han(ch: str) -> bool:
    """The character is Chinese (script Han)."""
    return _HAN.match(ch) is not None


class TokenEdges(NamedTuple):
    """Word edges as two lists, ``starts[k]`` and ``ends[k]`` of token ``k`` (what a spaCy
    Doc's arrays give without a tuple per token)."""

    starts: list[int]
    ends: list[int]


class _Tokens:
    """Token edges over a text (each character a token when none are given).

    Tokens in text order that do not overlap (what a segmenter gives) are searched by
    bisection; any others are indexed character by character."""

    def __init__(self, text: str, tokens: Sequence[tuple[int, int]] | TokenEdges | None):
        n = self._n = len(text)
        if isinstance(tokens, TokenEdges) and tokens.starts:
            starts, ends = tokens.starts, tokens.ends
            if len(starts) != len(ends):
                raise ValueError("token starts and ends differ in number")
        elif tokens and not isinstance(tokens, TokenEdges):
            pairs = list(tokens)
            starts = list(map(operator.itemgetter(0), pairs))
            ends = list(map(operator.itemgetter(1), pairs))
        else:
            starts, ends = list(range(n)), list(range(1, n + 1))
        #: start and end of token k
        self.s, self.e = starts, ends
        self._index: list[int] | None = None
        if not (starts[0] >= 0 and ends[-1] <= n and _in_order(starts, ends)):
            # overlapping or unsorted tokens: index every character
            self._index = [0] * (n + 1)
            for k, (s, e) in enumerate(zip(starts, ends, strict=True)):
                for c in range(s, e):
                    self._index[c] = k
            self._index[n] = len(starts)
            self._starts, self._ends = set(starts), set(ends)

    def __len__(self) -> int:
        return len(self.s)

    def span(self, k: int) -> tuple[int, int]:
        """Start and end of token ``k``."""
        return self.s[k], self.e[k]

    def at(self, char: int) -> int:
        """Index of the token holding ``char`` (0 between tokens; the token count at the
        end of the text)."""
        if self._index is not None:
            return self._index[char]
        if char == self._n:
            return len(self.s)
        k = bisect.bisect_right(self.s, char) - 1
        return k if k >= 0 and char < self.e[k] else 0

    def is_start(self, char: int) -> bool:
        """A token starts at ``char``."""
        if self._index is not None:
            return char in self._starts
        k = bisect.bisect_left(self.s, char)
        return k < len(self.s) and self.s[k] == char

    def is_end(self, char: int) -> bool:
        """A token ends at ``char``."""
        if self._index is not None:
            return char in self._ends
        k = bisect.bisect_left(self.e, char)
        return k < len(self.e) and self.e[k] == char


def _in_order(starts: list[int], ends: list[int]) -> bool:
    """The edges ``starts[0], ends[0], starts[1], ends[1] …`` never go back: each token
    starts before it ends and ends before the next starts."""
    return all(map(operator.le, starts, ends)) and all(
        map(operator.le, ends, itertools.islice(starts, 1, None))
    )


class _Context:
    """Region resolution for one text: the paper's province and city."""

    def __init__(self, province: str | None, city: str | None):
        self.province = province
        self.city = city
        place = lx.provinces().get(province.strip()) if province else None
        self.province_level = place.level if place else None
        self.province_full = place.name if place else None
        self.city_full = lx.city_full(city)

    def resolve(self, region: str) -> str | None:
        """The full name of a written region: 省 -> 山西省, 太原 -> 太原市; None if unknown."""
        if region in lx.LEVEL_WORDS:
            level = self.province_level
            if region == "省" and level == "province":
                return self.province_full
            if region == "自治区" and level == "autonomous_region":
                return self.province_full
            if region == "市":
                if self.city_full:
                    return self.city_full
                if level == "municipality":
                    return self.province_full
            return None
        place = lx.places().get(region)
        return place.name if place else region


def _right_blocked(text: str, start: int, end: int, toks: _Tokens | None = None) -> bool:
    """True when the text after ``end`` continues the last word (政府|采购); with tokens,
    only when the blocking word ends where a word ends (公司|制定 is no 公司制)."""
    if end >= len(text) or text[end] not in lx.right_block_next():
        return False  # nothing after the name starts a blocking word
    blocks = lx.right_blocks()
    for cut in range(1, min(end - start, 6) + 1):
        tails = blocks.get(text[end - cut : end])
        if tails and any(
            text.startswith(tail, end) and (toks is None or _ends_word(text, end + len(tail), toks))
            for tail in tails
        ):
            return True
    return False


def _ends_word(text: str, end: int, toks: _Tokens) -> bool:
    """The right edge is a token edge or the text stops being Chinese there."""
    return end >= len(text) or toks.is_end(end) or not _han(text[end])


def _bare_region_ok(text: str, start: int, toks: _Tokens) -> bool:
    """A bare level word (省, 市) must start a word and not be 各省/该市/本市."""
    if start > 0 and text[start - 1] in _NOT_THIS_REGION:
        return False
    if toks.is_start(start) or (start > 0 and text[start - 1] == "我"):
        return True
    # glued to the word before it (保障省/财政厅): the level word ends that token
    return toks.e[toks.at(start)] == start + 1


# --- pass 1: gazetteer -----------------------------------------------------------------


def _gazetteer(text: str, toks: _Tokens) -> list[OrgMention]:
    out = []
    table = lx.gazetteer()
    for start, end in lx.gazetteer_matches(text):
        size = end - start
        left, right = toks.is_start(start), _ends_word(text, end, toks)
        if size <= 2 and not (left and right):
            continue
        if size == 3 and not (left or right):
            continue
        if _right_blocked(text, start, end, toks):
            continue
        entry = table[text[start:end]]
        name, head = entry.name, _own_place(text, start, toks, entry)
        if head < start and text[head:start] not in _HOME:
            name = text[head:end]  # 古巴|全国人大, 陕西|农发行: the place's own body or branch
        out.append(OrgMention(head, end, text[head:end], name, entry.kind, "gazetteer"))
    return out


def _own_place(text: str, start: int, toks: _Tokens, entry: lx.Named) -> int:
    """Start of the places written before a known organization that make it the place's own
    body or branch (古巴|全国人大, 陕西|农发行, 中国|全国人大), else ``start``.  An international
    organization after a city is only located there (纽约|联合国总部); so is a national organ
    after a Chinese region (北京|全国政协礼堂)."""
    head = _places_before(text, start, toks)
    if head == start or entry.kind == "other":
        return start
    first = lx.places().get(text[head : toks.e[toks.at(head)]])
    if entry.kind in ("government", "party") and first is not None and first.level != "other":
        return start
    return head


#: Places that add nothing to the name of a national body written after them (中国|全国人大).
_HOME = frozenset({"中国", "我国"})


# --- pass 2: department templates ------------------------------------------------------


def _departments(text: str, toks: _Tokens, ctx: _Context) -> list[OrgMention]:
    with_region, bare = lx.departments()
    out = []
    for start, pre, region, rest in lx.department_matches(text):
        end = start + len(pre) + len(region) + len(rest)
        dept = with_region.get((pre, rest))
        if dept is None and pre:
            dept, start, pre = with_region.get(("", rest)), start + len(pre), ""
        if dept is None:
            continue
        head = _unlisted_place(text, start, toks) if region in lx.LEVEL_WORDS else None
        if head is not None and not pre:
            start, region = head, text[head : start + len(region)]  # 永嘉|县委, 新干县|纪委
        elif region in lx.LEVEL_WORDS:
            if not pre and not _bare_region_ok(text, start, toks):
                continue
        elif region not in lx.provinces() or not region.endswith(lx.LEVEL_WORDS):
            # a short place name (山西, 太原) heads only longer forms: 太原财政局, not 太原委
            if len(rest) <= 2 and not region.endswith(lx.LEVEL_WORDS):
                continue
        if len(rest) <= 2 and not _ends_word(text, end, toks):
            continue
        if _right_blocked(text, start, end, toks):
            continue
        resolved = ctx.resolve(region)
        name = dept.name.replace(lx.REGION, resolved) if resolved else text[start:end]
        start = _places_before(text, start, toks)  # 湖南省|张家界市社科联
        out.append(OrgMention(start, end, text[start:end], name, dept.kind, "department"))
        out.extend(_shared_list(text, end, resolved, bare, toks))
    return out


def _unlisted_place(text: str, start: int, toks: _Tokens) -> int | None:
    """Start of an unlisted place whose level word is the bare region at ``start``: the
    token holding it is a place (新干县|纪委), or the token before is a proper-name word
    that makes a place with it (永嘉|县委, 乐平|市委).  None otherwise."""
    k = toks.at(start)
    s, e = toks.span(k)
    if s < start:
        word = text[s : start + 1]
        ok = e == start + 1 and len(word) >= 3 and _role(word) == "place"
        return s if ok and text[s - 1 : s] not in _NOT_THIS_REGION else None
    if s != start or k == 0:
        return None
    s, e = toks.span(k - 1)
    word = text[s:e]
    if e != start or not 2 <= len(word) <= 3 or not all(map(_han, word)):
        return None
    if _role(word) not in ("content", "place") or word in lx.word_set("generic.txt"):
        return None  # a listed place without its level word counts too (平顺|县委)
    if word[0] in _NOT_THIS_REGION or word[-1] in _NOT_THIS_REGION or _org_like(word):
        return None
    if k >= 2 and s > 0 and _han(text[s - 1]):
        # only a place, a party or a word that stops a name may stand before it (江西|新干县,
        # 中共|宜阳|县委, 向|襄樊|市委), not a verb (收到|县|环保局)
        before = text[toks.s[k - 2] : s]
        if _role(before) not in (None, "place", "region") and before not in _PARTY_HEADS:
            return None
    return s if _is_place(word + text[start]) else None


#: Short party names that stand before a regional committee (中共|宜阳县委).
_PARTY_HEADS = frozenset({"中共", "共青团"})


def _org_like(word: str) -> bool:
    """The word ends like a body (县委, 市府, 教委), so it is no place name."""
    return word[-1] in "委府" or word.endswith(lx.org_endings())


def _places_before(text: str, start: int, toks: _Tokens) -> int:
    """Move ``start`` left over the places written before it (湖南省|张家界市)."""
    while start > 0 and toks.is_start(start):
        k = toks.at(start) - 1
        s, e = toks.span(k)
        if e != start or s == start or text[s:e] not in lx.places():
            return start
        start = s
    return start


def _shared_list(
    text: str, end: int, resolved: str | None, bare: dict[str, lx.Department], toks: _Tokens
) -> list[OrgMention]:
    """Items after a department that share its region: 省发改委、财政厅、商务厅."""
    out = []
    while True:
        sep = _LIST_SEP.match(text, end)
        if sep is None:
            return out
        pos = sep.end()
        item = next(
            (w for w in lx.bare_departments_longest_first() if text.startswith(w, pos)), None
        )
        if item is None or not _ends_word(text, pos + len(item), toks):
            return out
        dept = bare[item]
        end = pos + len(item)
        name = dept.name.replace(lx.REGION, resolved) if resolved else item
        out.append(OrgMention(pos, end, item, name, dept.kind, "department"))


# --- pass 3: suffix grammar ------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    role: str  # place | region | landmark | bracket | content


def _is_place(word: str) -> bool:
    if word in lx.places():
        return True
    return (
        2 <= len(word) <= 5
        and word.endswith(_PLACE_ENDS)
        and word not in lx.word_set("not_places.txt")
        and word not in lx.word_set("generic.txt")
        and _han(word[0])
    )


@lru_cache(maxsize=1 << 16)
def _role(word: str) -> str | None:
    """The role of a word inside a name, or None when it cannot be inside one."""
    if word in lx.word_set("left_stops.txt") or _PUNCT.match(word) or _NUMERIC.match(word):
        return None
    if len(word) == 2 and word[0] in _NOT_THIS_REGION and word.endswith(_PLACE_ENDS):
        return None  # 该州, 某市, 各县: no particular place
    if word in lx.LEVEL_WORDS:
        return "region"
    if _is_place(word):
        return "place"
    if len(word) <= 2 and word[0] in _DEMONSTRATIVES and word[0] != "本":  # not 本田
        return None  # 各商|协会, 每次|剧团: no particular body
    if word in lx.word_set("regions_named.txt"):
        return "landmark"  # 太行, 华北: anchors a name but does not end it
    return "content"


def _bracket(text: str, close: int) -> int | None:
    """Start of a short parenthesis closing at ``close`` (（集团）, （总商会）) that sits inside
    a name (Chinese on both sides), or None."""
    lo = max(0, close - 5)
    for k in range(close - 1, lo - 1, -1):
        ch = text[k]
        if ch in _OPEN:
            inner = text[k + 1 : close]
            if not inner or k == 0 or not _han(text[k - 1]):
                return None
            return k if all(map(_han, inner)) else None
        if not _han(ch):
            return None
    return None


def _place_chain(text: str, units: list[_Unit], k: int, toks: _Tokens) -> list[_Unit]:
    """A place starts the name; only more places (中国/山西/省) may come before it.
    A bare level word after another level word (省市/县) is an enumeration: no name."""
    while k >= 0:
        s, e = toks.span(k)
        word = text[s:e]
        if word == "驻" and k > 0 and _role(text[toks.s[k - 1] : s]) == "place":
            units.insert(0, _Unit(s, e, word, "place"))  # 中国|驻|南非大使馆
            k -= 1
            continue
        if units[0].text.startswith("自治") and word in lx.word_set("ethnic_groups.txt"):
            k = _autonomous_head(text, units, k, toks)
            continue
        role = _role(word)
        if role not in ("place", "region", "landmark"):
            break
        units.insert(0, _Unit(s, e, word, role))
        k -= 1
    first = units[0]
    if first.role == "region" and first.start > 0:
        before = text[first.start - 1]
        if before in "、，" or before in "".join(lx.LEVEL_WORDS):
            return []
    return units


def _autonomous_head(text: str, units: list[_Unit], k: int, toks: _Tokens) -> int:
    """Read an autonomous area's head leftwards (长阳/土家族/自治县, 海北/藏族/自治州): the
    ethnic groups and the word before them are one place with the level word.  Returns the
    index of the token before the head."""
    ethnic = lx.word_set("ethnic_groups.txt")
    start = units[0].start
    while k >= 0 and text[toks.s[k] : toks.e[k]] in ethnic:
        start = toks.s[k]
        k -= 1
    if k >= 0:
        s, e = toks.span(k)
        if 2 <= e - s <= 4 and _role(text[s:e]) is not None and _han(text[s]):
            start = s
            k -= 1
    first = units.pop(0)
    units.insert(0, _Unit(start, first.end, text[start : first.end], "place"))
    return k


def _walk_left(text: str, body_end: int, toks: _Tokens) -> tuple[list[_Unit], bool]:
    """Units of a name ending at ``body_end``, read leftwards; and whether an edge was found."""
    units: list[_Unit] = []
    k = toks.at(body_end) if body_end < len(text) else len(toks)
    if body_end < len(text) and toks.s[k] < body_end:  # the suffix starts mid-token
        s = toks.s[k]
        role = _role(text[s:body_end])
        if role is None:  # 该公司, 这家公司
            return [], True
        units.append(_Unit(s, body_end, text[s:body_end], role))
        if role in ("place", "region"):
            return _place_chain(text, units, k - 1, toks), True
    k -= 1
    pos = units[0].start if units else body_end
    while k >= 0:
        s, e = toks.span(k)
        e = min(e, pos)
        word = text[s:e]
        if len(units) >= MAX_UNITS or body_end - s > MAX_CHARS:
            return units, False
        if word and word[-1] in _CLOSE:
            b = _bracket(text, e - 1)
            if b is None or not units:
                return units, True
            units.insert(0, _Unit(b, e, text[b:e], "bracket"))
            pos = b
            k = toks.at(b) - 1 if b > 0 else -1
            if b > 0 and toks.s[toks.at(b)] < b:  # 山西省工商联（ glued
                s2 = toks.s[toks.at(b)]
                role = _role(text[s2:b])
                if role is None:
                    return units, True
                units.insert(0, _Unit(s2, b, text[s2:b], role))
                pos = s2
            continue
        role = _role(word)
        if role is None:
            return units, True
        units.insert(0, _Unit(s, e, word, role))
        pos = s
        k -= 1
        if role in ("place", "region"):
            return _place_chain(text, units, k, toks), True
    return units, True


def _translit(word: str) -> bool:
    """The word is made only of characters of transliterated foreign names (洛里, 巴斯特)."""
    chars = lx.translit_chars()
    return bool(word) and all(c in chars for c in word)


def _trade_name(units: list[_Unit]) -> list[_Unit]:
    """The units of a name that no place or known organization anchors: a trade name (字号),
    then trade words (行业): 李宁|体育用品|公司.  Empty when every word is a trade or generic
    word (电影|制作|公司 describes).  A foreign trade name (巴林, ＭＭＭ) or a long run of
    words is cut before the trade name (接管|国商|银行 -> 国商银行, 令|巴林银行); before it only
    more transliteration (洛里|拉德) or an ordinal (第四|军医大学) may stand."""
    trades, generic = lx.word_set("trades.txt"), lx.word_set("generic.txt")
    i = len(units) - 1
    while (
        i >= 0
        and units[i].role == "content"
        and (units[i].text in trades or units[i].text in generic)
    ):
        i -= 1
    if i < 0:
        return []
    head = units[i].text
    if _ORDINAL.match(head):
        return []  # 第二|大|银行
    for j in range(i - 1, -1, -1):
        if _ORDINAL.match(units[j].text):
            return units[j:]  # 毕业于|第四|军医大学: an ordinal starts a name
    foreign = (len(head) >= 2 and _translit(head)) or bool(_LATIN.match(head))
    if not foreign and len(units) < 4:
        return units
    while i > 0:
        word = units[i - 1].text
        if foreign and _translit(word) and len(word) <= 3:
            i -= 1
        elif word.startswith("第") and len(word) <= 3:
            i -= 1
        else:
            break
    return units[i:]


def _kind(name: str, suffix: lx.Suffix) -> str:
    return _keyword_kind(name) or suffix.kind


@lru_cache(maxsize=1 << 14)
def _keyword_kind(name: str) -> str | None:
    """The kind of the first keyword (``kinds.jsonl``) in the name, if any."""
    for keyword, kind in lx.kind_keywords():
        if keyword in name:
            return kind
    return None


def _grammar(text: str, toks: _Tokens, ctx: _Context, known: list[OrgMention]) -> list[OrgMention]:
    table = lx.suffixes()
    generic = lx.word_set("generic.txt")
    out: dict[tuple[int, int], OrgMention] = {}
    inner = sorted((o.start, o.end) for o in known if o.end - o.start >= 2)
    longest: dict[int, int] = {}  # end -> start of the longest suffix ending there
    for s0, size in lx.suffix_scan().longest(text).items():  # in text order
        longest.setdefault(s0 + size, s0)
    for end, s0 in sorted(longest.items()):
        sfx = table[text[s0:end]]
        if not _ends_word(text, end, toks) or _right_blocked(text, s0, end, toks):
            continue
        tok_start = toks.s[toks.at(s0)]
        if (
            tok_start < s0 and text[tok_start:end] in generic
        ):  # 西北部, 音乐厅: a word, not a body plus 部/厅
            continue
        if len(sfx.suffix) == 1 and not toks.is_start(s0):
            tok_start = toks.s[toks.at(s0)]
            if s0 - tok_start < 2:  # 格局, 当局, 党委: a word, not a body plus 局/委
                continue
        units, edge = _walk_left(text, s0, toks)
        if not units or not edge:
            continue
        start = units[0].start
        roles = {u.role for u in units}
        has_place = bool(roles & {"place", "region", "landmark"})
        # a known organization inside the name; only asked when no place anchors it
        has_org = not has_place and _holds_known(inner, start, s0)
        words = [u.text for u in units if u.role == "content"]
        has_name = any((len(w) >= 2 and w not in generic) or _LATIN.match(w) for w in words)
        if sfx.anchor == "place" and not (has_place or has_org):
            continue
        if sfx.anchor == "name" and not (has_place or has_org or has_name):
            continue
        if not (has_place or has_org):
            units = _trade_name(units)  # 接管|国商银行 -> 国商银行; 电影制作公司 -> none
            if not units:
                continue
            start = units[0].start
        if roles <= {"place", "region", "landmark"} and not sfx.bare_place:
            continue
        if len(units) == 1 and units[0].text == "全国":
            continue  # 全国海关, 全国法院: nationwide, not one body
        surface = text[start:end]
        if surface in generic:
            continue
        name, kind = surface, None
        lead = [u for u in units if u.role == "place"]
        rest = text[lead[-1].end : end] if lead and lead[-1] is not units[-1] else None
        entry = lx.gazetteer().get(rest) if rest and units[0].role == "place" else None
        if entry is not None and all(u.role == "place" for u in units[: len(lead)]):
            name, kind = entry.name, entry.kind  # 中国外交部 -> 外交部's canonical name
        elif units[0].role == "region":
            resolved = ctx.resolve(units[0].text)
            if resolved:
                name = resolved + text[units[0].end : end]
        key = (start, end)
        if key not in out:
            out[key] = OrgMention(start, end, surface, name, kind or _kind(name, sfx), "grammar")
    return list(out.values())


def _holds_known(known: list[tuple[int, int]], start: int, end: int) -> bool:
    """One of the sorted ``(start, end)`` spans lies within ``start``..``end``."""
    k = bisect.bisect_left(known, (start,))
    while k < len(known) and known[k][0] < end:
        if known[k][1] <= end:
            return True
        k += 1
    return False


# --- pass 3b: country abbreviations ---------------------------------------------------

_STATE = lx.Suffix("", "government", "place", False)


def _country_bodies(text: str, toks: _Tokens) -> list[OrgMention]:
    """A one-character country abbreviation standing alone before a state body (以|政府,
    俄|中央银行, 菲|卫生部), read only when the text names that country in full (以色列),
    so that 以政府为主导 or 加政府补贴 stay ordinary words."""
    table = lx.country_abbreviations()
    out = []
    for m in lx.country_body_regex().finditer(text):
        i, ch, body = m.start(), m.group(), m.group("body")
        if not toks.is_start(i) or not toks.is_start(i + 1):
            continue
        if not _ends_word(text, i + 1 + len(body), toks):
            continue
        if ch in lx.word_set("left_stops.txt") and text.startswith("为", i + 1 + len(body)):
            continue  # 以政府为主导: the frame 以…为, not Israel
        named = [c for c in table[ch] if c in text]
        if not named:
            continue
        end = i + 1 + len(body)
        name = named[0] + body if len(named) == 1 else text[i:end]
        out.append(OrgMention(i, end, text[i:end], name, _kind(body, _STATE), "grammar"))
    return out


# --- pass 4: sub-units -----------------------------------------------------------------

#: Parties whose name may stand before one of their committees (中共|太岳地委).
_PARTY_PREFIXES = ("中国共产党", "中国共产主义青年团")
#: A numbered congress of a party or a region (第十五次全国代表大会, 第八届人民代表大会常务委员会).
_CONGRESS = regex.compile(
    r"(?:第[一二三四五六七八九十百\d０-９]+|[一二三四五六七八九十]+)[次届]"
    r"(?:全国)?(?:人民)?代表大会(?:常务委员会|常委会)?"
)
#: Words joining an institution to the one it belongs to (大学|附属|医院).
_ATTACHED = frozenset({"附属"})
#: At most this many words after an organization make one sub-unit (农村/科技处).
SUBUNIT_WORDS = 3
_ORDINAL = regex.compile(r"^第[一二三四五六七八九十百\d０-９]+$")
_DATELINE = regex.compile(r"[\d０-９]|[一二三四五六七八九十]+月")
_NUMERAL = regex.compile(r"^[\d０-９一二三四五六七八九十百]+$")


def _subunit_end(text: str, end: int, toks: _Tokens) -> int | None:
    """End of a sub-unit that follows an organization ending at ``end`` (中国科学院|沈阳金属
    研究所, 山西大学|物理系), or None."""
    if end >= len(text) or not toks.is_start(end):
        return None
    generic = lx.word_set("generic.txt")
    k = toks.at(end)
    for n in range(SUBUNIT_WORDS):
        if k + n >= len(toks.s):
            return None
        s, e = toks.span(k + n)
        word = text[s:e]
        role = _role(word)
        if (role is None and not _NUMERAL.match(word)) or word[0] in _DEMONSTRATIVES:
            return None
        bare_unit = word in generic and word not in lx.word_set("subunits.txt")
        if (n == 0 and _subunit_tail(word) and bare_unit) or text[end:e] in lx.gazetteer():
            return None  # 公司|内部, 省委|干部; 中共中央|国务院 are two
        if bare_unit and _subunit_tail(word):
            continue
        if role == "content" and _subunit_tail(word) and not _right_blocked(text, end, e, toks):
            if _DATELINE.match(text, e):
                return None  # 新华社|莫斯科１月５日电
            head = lx.places().get(text[toks.s[k] : toks.e[k]])
            if n > 0 and head is not None and head.level != "city":
                # 中国人民银行|四川德阳市分行, but a list: 省委宣传部|江苏省歌舞剧院
                return e if word.startswith(("分", "支", "总队")) else None
            return e
    return None


@lru_cache(maxsize=1 << 14)
def _subunit_tail(word: str) -> bool:
    """The word ends a sub-unit: 研究所, 科教处, 物理系, 骨科 (not 联系, 当局, 内部)."""
    for tail in lx.word_set("subunits.txt"):
        if word.endswith(tail):
            if len(tail) > 1 or len(word) >= 3 or (tail == "科" and len(word) == 2):
                return True
    return False


def _subunits(text: str, toks: _Tokens, found: list[OrgMention]) -> list[OrgMention]:
    """Extend every organization over the sub-units that follow it; drop the mentions the
    extension covers."""
    out: list[OrgMention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue  # inside the sub-unit of the one before
        if out and out[-1].end == m.start and out[-1].name in _PARTY_PREFIXES:
            head = out.pop()  # 中共|晋冀豫省委, 共青团|山西省委
            name = m.name if m.name.startswith(head.name) else head.name + m.text
            m = OrgMention(head.start, m.end, text[head.start : m.end], name, "party", m.source)
        elif out and text[out[-1].end : m.start] in _ATTACHED:
            head = out.pop()  # 中国康复研究中心|附属|北京博爱医院: one institution
            surface = text[head.start : m.end]
            m = OrgMention(head.start, m.end, surface, surface, m.kind, m.source)
        end = m.end
        if m.kind in ("party", "government") and (congress := _CONGRESS.match(text, end)):
            end = congress.end()  # 中国共产党|第十五次全国代表大会
        while (nxt := _subunit_end(text, end, toks)) is not None:
            end = nxt
        if end > m.end:
            surface = text[m.start : end]
            m = OrgMention(m.start, end, surface, m.name + text[m.end : end], m.kind, m.source)
        out.append(m)
    return out


# --- resolution ------------------------------------------------------------------------

_PRIORITY = {"department": 0, "gazetteer": 1, "grammar": 2}


def _resolve(cands: list[OrgMention]) -> list[OrgMention]:
    """Longest first; equal spans prefer departments, then the gazetteer, then the grammar."""
    chosen: list[OrgMention] = []
    taken = bytearray(max((c.end for c in cands), default=0))  # 1 where a chosen one lies
    for c in sorted(cands, key=lambda c: (c.start - c.end, _PRIORITY[c.source], c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


def find_organizations(
    text: str,
    tokens: Sequence[tuple[int, int]] | TokenEdges | None = None,
    province: str | None = None,
    city: str | None = None,
) -> list[OrgMention]:
    """Organizations in ``text``; ``tokens`` are ``(start, end)`` word edges or the same as
    :class:`TokenEdges` (optional), ``province``/``city`` the paper's (``山西``, ``太原``)
    for 省财政厅, 市政府."""
    if not text:
        return []
    toks = _Tokens(text, tokens)
    ctx = _Context(province, city)
    known = _gazetteer(text, toks) + _departments(text, toks, ctx)
    found = known + _grammar(text, toks, ctx, known) + _country_bodies(text, toks)
    return _subunits(text, toks, _resolve(found))
