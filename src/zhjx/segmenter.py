"""A compact, vectorized pkuseg segmenter that gives the same words as spacy-pkuseg.

spacy-pkuseg keeps its model as a Python ``dict`` of 2.6 million feature strings
(about 800 MB in memory, 4 s to load) and builds ~70 feature strings per character
while segmenting.  This module keeps the same model as flat arrays instead:

* every feature string is replaced by a 64-bit hash of its parts, stored in an
  open-addressing hash table (``uint64`` keys, ``int32`` row numbers);
* the node weights are the model's exact 4-decimal values as ``int32``
  ten-thousandths (``q / 10000`` equals the original float64 weight bit for bit);
* the arrays are ``.npy`` files opened with ``mmap``, so loading is nearly free
  and processes on one machine share the pages.

Segmentation computes the same feature hashes from the text with NumPy, sums the
same weights in the same order in float64 and decodes with spacy-pkuseg's own
Viterbi (``spacy_pkuseg.inference.run_viterbi``), so the tags are identical.
The object is a ``spacy_pkuseg.pkuseg`` subclass with the attributes spaCy's
``ChineseTokenizer`` serializes: ``nlp.to_disk`` writes a standard spacy-pkuseg
model (``features.msgpack`` + float64 ``weights.npz``) that ``spacy.load`` reads
without zhjx.
"""

from __future__ import annotations

import operator
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from itertools import compress, count, pairwise
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy.errors import Errors
from spacy_pkuseg.config import config as _PKUSEG_CONFIG
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.inference import run_viterbi

#: File names of the compiled model inside a model folder.
KEYS_FILE = "feature_keys.npy"
ROWS_FILE = "feature_rows.npy"
BLOOM_FILE = "feature_bloom.npy"
UNIGRAM_BLOOM_FILE = "unigram_bloom.npy"
UNIGRAM_FILE = "unigram_keys.npy"
WEIGHTS_FILE = "weights_q.npy"
EDGES_FILE = "edges_q.npy"
FEATURES_FILE = "features.msgpack"

#: Weights are stored as integer multiples of this (the pkuseg model has 4 decimals).
SCALE = 10000.0
#: Window of characters a feature can see on either side (words up to 6 + 1).
_CONTEXT = 7
#: Positions processed at once (bounds temporary memory for very long texts).
_CHUNK = 16384
#: Word lengths with word features, longest first (pkuseg's wordMax..wordMin).
_LENGTHS = (6, 5, 4, 3, 2)

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_SEED = np.uint64(0x9E3779B97F4A7C15)
#: Stand-ins for pkuseg's normalized nodes ``**Num`` and ``**Letter`` (beyond Unicode).
NUM_CODE = 0x110000
LETTER_CODE = 0x110001
#: The hash of pkuseg's ``**noWord`` placeholder.
NO_WORD = np.uint64(0x5BD1E9955BD1E995)
#: Feature templates and their type constants.
TYPES = {
    name: np.uint64(0x0123456789ABCDEF * (i + 3) % (1 << 64))
    for i, name in enumerate(("c", "c-1", "c1", "c-2", "c2", "c-1c", "cc1", "c-2c-1"))
} | {"w-1": np.uint64(0xA5A5A5A5DEADBEEF), "w1": np.uint64(0x5A5A5A5ABEEFDEAD)}
TYPES |= {"ww.l": np.uint64(0x3C6EF372FE94F82B), "ww.r": np.uint64(0xA54FF53A5F1D36F1)}

_RENAME = {ord(c): ord("&") for c in FeatureExtractor.keywords}
_NUM = {ord(c) for c in FeatureExtractor.num}
_LETTER = {ord(c) for c in FeatureExtractor.letter}


def mix(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer (a bijection on uint64), on a new array."""
    x = x ^ (x >> _S30)
    x = x * _M1
    x = x ^ (x >> _S27)
    x = x * _M2
    return x ^ (x >> _S31)


def fold(codes: np.ndarray) -> np.ndarray:
    """Hashes of the rows of a 2-D array of node codes (one word a row)."""
    h = np.full(codes.shape[0], _SEED, dtype=np.uint64)
    for j in range(codes.shape[1]):
        h = mix(h ^ codes[:, j].astype(np.uint64))
    return h


def feature_hash(kind: str, a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """The hash of a feature of template ``kind`` with part hashes ``a`` (and ``b``)."""
    h = mix(TYPES[kind] ^ a)
    return h if b is None else mix(h ^ b)


def _fold_codes(codes: np.ndarray) -> np.ndarray:
    """Code points to pkuseg's node codes, step by step as pkuseg does (in place)."""
    codes[np.isin(codes, list(_RENAME))] = ord("&")
    codes[np.isin(codes, list(_NUM))] = NUM_CODE
    codes[np.isin(codes, list(_LETTER))] = LETTER_CODE
    return codes


#: ``_CODE_TABLE[c]`` = the node code of code point ``c`` (those beyond it stay).
_CODE_TABLE = _fold_codes(np.arange(max(_RENAME.keys() | _NUM | _LETTER) + 1, dtype=np.int64))


def text_codes(text: str) -> np.ndarray:
    """pkuseg's nodes of ``text`` as codes: keywords renamed to ``&``, digits and
    letters folded to :data:`NUM_CODE` / :data:`LETTER_CODE` (one table lookup)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    top = len(_CODE_TABLE) - 1
    return np.where(codes <= top, _CODE_TABLE[np.minimum(codes, top)], codes)


_SPACE = re.compile(r"\s")  # what str.split() splits on (Py_UNICODE_ISSPACE)


def words_and_spaces(words: Sequence[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces`` in linear time: the same words, spaces and
    errors (spaCy's slices the rest of the text for every word, quadratic in length)."""
    if _SPACE.search(text) is None and "".join(words) == text:
        return list(words), [False] * len(words)  # no whitespace, the words spell the text
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    text_pos = 0
    n = len(text)
    for word in words:
        if word.isspace():
            continue
        try:
            word_start = text.index(word, text_pos)
        except ValueError:
            raise ValueError(Errors.E194.format(text=text, words=words)) from None
        if word_start > text_pos:
            text_words.append(text[text_pos:word_start])
            text_spaces.append(False)
            text_pos = word_start
        text_words.append(word)
        text_pos += len(word)
        if text_pos < n and text[text_pos] == " ":
            text_spaces.append(True)
            text_pos += 1
        else:
            text_spaces.append(False)
    if text_pos < n:
        text_words.append(text[text_pos:])
        text_spaces.append(False)
    return text_words, text_spaces


# ---------------------------------------------------------------- hash index


def build_index(keys: np.ndarray, rows: np.ndarray) -> dict[str, np.ndarray]:
    """A lookup structure for 64-bit hashes: an open-addressing table (linear probing,
    a key's home slot is its top bits, 0 marks an empty slot) at most 2/3 full, the
    row of each slot, and a one-hash Bloom filter on the low bits, ~16 bits a key, that
    skips most absent hashes before they touch the table."""
    keys = np.asarray(keys, dtype=np.uint64)
    if len(np.unique(keys)) != len(keys):
        raise ValueError("two features share a hash")
    if np.any(keys == 0):
        raise ValueError("0 marks an empty slot; it cannot be a key")
    bits = max(2, int(np.ceil(np.log2(max(2, len(keys)) * 1.5))))
    size = 1 << bits
    table = np.zeros(size, dtype=np.uint64)
    table_rows = np.full(size, -1, dtype=np.int32)
    slot = (keys >> np.uint64(64 - bits)).astype(np.int64)
    pending = np.arange(len(keys))
    while len(pending):
        # every pending key tries its slot; of those that find it empty, the first wins
        at = slot[pending]
        free = table[at] == 0
        _, first = np.unique(at[free], return_index=True)
        won = pending[free][first]
        table[slot[won]] = keys[won]
        table_rows[slot[won]] = rows[won]
        placed = np.zeros(len(keys), dtype=bool)
        placed[won] = True
        pending = pending[~placed[pending]]
        slot[pending] = (slot[pending] + 1) & (size - 1)
    fbits = max(6, int(np.ceil(np.log2(max(2, len(keys)) * 16))))
    marks = np.zeros(1 << fbits, dtype=bool)
    marks[(keys & np.uint64((1 << fbits) - 1)).astype(np.int64)] = True
    bloom = np.packbits(marks, bitorder="little")
    return {"keys": table, "rows": table_rows, "bloom": bloom}


class HashIndex:
    """Vectorized exact lookup of 64-bit hashes in a table made by :func:`build_index`:
    all queries probe at once, and each round goes on with those not yet resolved."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray | None, bloom: np.ndarray):
        """``rows`` is None for a set: a key found then reads row 0."""
        self.keys, self.rows, self.bloom = keys, rows, bloom
        self.bloom_mask = np.uint64(len(bloom) * 8 - 1)
        self.shift = np.uint64(64 - int(np.log2(len(keys))))
        self.mask = len(keys) - 1

    def get(self, query: np.ndarray) -> np.ndarray:
        """Rows of ``query`` (any shape); -1 where a hash (or 0) is absent."""
        bit = (query & self.bloom_mask).astype(np.intp)
        maybe = (self.bloom[bit >> 3] >> (bit & 7).astype(np.uint8)) & 1
        maybe = np.flatnonzero(maybe)
        out = np.full(query.shape, -1, dtype=np.int32)
        out.flat[maybe] = self._search(query.ravel()[maybe])
        return out

    def _search(self, query: np.ndarray) -> np.ndarray:
        out = np.full(len(query), -1, dtype=np.int32)
        live = np.arange(len(query))
        slot = (query >> self.shift).astype(np.intp)
        while len(live):
            key = self.keys[slot]
            hit = key == query
            out[live[hit]] = 0 if self.rows is None else self.rows[slot[hit]]
            go = ~hit & (key != 0)  # an empty slot ends the search: absent
            live, query, slot = live[go], query[go], (slot[go] + 1) & self.mask
        return out

    def contains(self, query: np.ndarray) -> np.ndarray:
        """Boolean membership of ``query``."""
        return self.get(query) >= 0


# ---------------------------------------------------------------- compiling a model


def _part_codes(part: str, node: bool) -> list[int]:
    if node and part in ("**Num", "**Letter"):
        return [NUM_CODE if part == "**Num" else LETTER_CODE]
    return [ord(c) for c in part]


def _hash_strings(parts: Sequence[list[int] | None]) -> np.ndarray:
    """Word hashes of code lists (``None`` is ``**noWord``), grouped by length."""
    out = np.empty(len(parts), dtype=np.uint64)
    by_len: dict[int, list[int]] = {}
    for i, p in enumerate(parts):
        if p is None:
            out[i] = NO_WORD
        else:
            by_len.setdefault(len(p), []).append(i)
    for length, idx in by_len.items():
        codes = np.array([parts[i] for i in idx], dtype=np.int64).reshape(len(idx), length)
        out[idx] = fold(codes)
    return out


def _split_key(key: str) -> tuple[str, list[int] | None, list[int] | None] | None:
    """``(template, part a, part b)`` of a pkuseg feature string (``None`` for ``$$``)."""
    kind, _, rest = key.partition(".")
    if kind == "ww":
        side, _, rest = rest.partition(".")
        if rest.startswith("**noWord*"):
            a, b = "**noWord", rest[len("**noWord*") :]
        else:
            a, _, b = rest.partition("*")
        codes = [None if p == "**noWord" else _part_codes(p, False) for p in (a, b)]
        return f"ww.{side}", codes[0], codes[1]
    if kind in ("w-1", "w1"):
        return kind, _part_codes(rest, False), None
    if kind in ("c-1c", "cc1", "c-2c-1"):
        a, _, b = rest.partition(".")
        return kind, _part_codes(a, True), _part_codes(b, True)
    if kind in TYPES:
        return kind, _part_codes(rest, True), None
    return None


def feature_hashes(keys: Sequence[str]) -> np.ndarray:
    """The hashes of pkuseg feature strings (0 for ``$$``, which is always on)."""
    split = [_split_key(k) for k in keys]
    out = np.zeros(len(keys), dtype=np.uint64)
    groups: dict[tuple[str, bool], list[int]] = {}
    for i, s in enumerate(split):
        if s is not None:
            groups.setdefault((s[0], s[2] is not None or s[0].startswith("ww")), []).append(i)
    for (kind, two), idx in groups.items():
        a = _hash_strings([split[i][1] for i in idx])
        b = _hash_strings([split[i][2] for i in idx]) if two else None
        out[idx] = feature_hash(kind, a, b)
    return out


def compile_model(
    feature_to_idx: dict[str, int], unigram: Iterable[str], weights: np.ndarray, n_tag: int
) -> dict[str, np.ndarray]:
    """The arrays of a compiled model from pkuseg's features and (float64) weights."""
    n_feature = len(feature_to_idx)
    q = np.rint(np.asarray(weights, dtype=np.float64) * SCALE)
    if not np.array_equal(q / SCALE, weights):
        raise ValueError("weights are not multiples of 1e-4; cannot store them exactly")
    q = q.astype(np.int32)
    node = np.vstack([q[: n_feature * n_tag].reshape(n_feature, n_tag), np.zeros((1, n_tag))])
    keys = list(feature_to_idx)
    rows = np.fromiter((feature_to_idx[k] for k in keys), dtype=np.int64, count=len(keys))
    hashes = feature_hashes(keys)
    on = np.array([k != "$$" for k in keys])
    if np.any(hashes[on] == 0):
        raise ValueError("a feature hashed to 0, the marker of an absent feature")
    words = sorted(set(unigram))
    uni = _hash_strings([_part_codes(w, False) for w in words])
    features = build_index(hashes[on], rows[on])
    words_index = build_index(uni, np.zeros(len(uni), dtype=np.int64))
    return {
        KEYS_FILE: features["keys"],
        ROWS_FILE: features["rows"],
        BLOOM_FILE: features["bloom"],
        UNIGRAM_FILE: words_index["keys"],
        UNIGRAM_BLOOM_FILE: words_index["bloom"],
        WEIGHTS_FILE: node.astype(np.int32),
        EDGES_FILE: q[n_feature * n_tag :].astype(np.int32),
    }


# ---------------------------------------------------------------- segmenting


_SINGLE = np.array([TYPES[k] for k in ("c-1", "c1", "c-2", "c2")], dtype=np.uint64)[:, None]
_PAIR = np.array([TYPES[k] for k in ("c-1c", "cc1", "c-2c-1")], dtype=np.uint64)[:, None]
_WORD = np.array([TYPES["w-1"], TYPES["w1"]], dtype=np.uint64)[:, None, None]
_WW = np.array([TYPES["ww.l"], TYPES["ww.r"]], dtype=np.uint64)[:, None, None, None]
_LEN = np.array(_LENGTHS)[:, None]
#: Word windows (start shift, per length) of the four word lists of pkuseg:
#: prefix including / suffix including / prefix excluding / suffix excluding.
_SHIFTS = np.stack([1 - _LEN, 0 * _LEN, -_LEN, 0 * _LEN + 1])  # (4, 5, 1)


class _Text:
    """Node codes of a run of fragments and the hashes of all their windows."""

    def __init__(self, codes: np.ndarray, lo: np.ndarray, hi: np.ndarray, unigram: HashIndex):
        n, pad = len(codes), _CONTEXT
        self.lo, self.hi, self.pad = lo, hi, pad
        self.empty = fold(np.zeros((1, 0), dtype=np.int64))[0]
        self.empty_is_word = bool(unigram.contains(np.array([self.empty]))[0])
        # windows[l, pad + i] = hash of codes[i:i+l] (l = 1..6); the empty word elsewhere
        windows = np.full((max(_LENGTHS) + 1, n + 2 * pad), self.empty, dtype=np.uint64)
        h = mix(_SEED ^ codes.astype(np.uint64))
        windows[1, pad : pad + n] = h
        for length in range(2, max(_LENGTHS) + 1):
            if len(h) > 1:
                h = mix(h[:-1] ^ codes[length - 1 :].astype(np.uint64))
            else:
                h = h[:0]
            windows[length, pad : pad + len(h)] = h
        self.windows = windows
        self.known = unigram.contains(windows)

    def hashes(self, pos: np.ndarray) -> np.ndarray:
        """``(len(pos), 68)`` feature hashes (all but ``$$``) in spacy-pkuseg's order;
        0 where a feature does not apply (out of the fragment, or not a known word)."""
        p, lo, hi, h1 = self.pad, self.lo[pos], self.hi[pos], self.windows[1]
        c = h1[pos + p]
        near = np.array([-1, 1, -2, 2])[:, None]
        has = (pos + near >= lo) & (pos + near < hi)  # (4, m)
        hn = h1[pos + near + p]  # (4, m): c-1, c1, c-2, c2
        single = mix(_SINGLE ^ hn)
        left = np.stack([hn[0], c, hn[2]])
        right = np.stack([c, hn[1], hn[0]])
        pair = mix(mix(_PAIR ^ left) ^ right)
        # word lists: (4 lists, 5 lengths, m)
        start = pos + _SHIFTS
        inside = (start >= lo) & (start + _LEN <= hi)
        rows = np.broadcast_to(_LEN, start.shape)
        word = np.where(inside, self.windows[rows, start + p], self.empty)
        known = np.where(inside, self.known[rows, start + p], self.empty_is_word)
        wfeat = mix(_WORD ^ word[:2])  # w-1 over prefix-in, w1 over suffix-in
        value = np.where(known, word, NO_WORD)
        # ww.l: prefix-excluding x suffix-including; ww.r: prefix-including x suffix-excluding
        lefts = np.stack([value[2], value[0]])[:, :, None, :]
        rights = np.stack([value[1], value[3]])[:, None, :, :]
        ww = mix(mix(_WW ^ lefts) ^ rights)  # (2, 5, 5, m)
        m = len(pos)
        out = np.empty((m, 68), dtype=np.uint64)
        out[:, 0] = mix(TYPES["c"] ^ c)
        zero = np.uint64(0)
        # c-1, c-1c, c1, cc1, c-2, c-2c-1, c2
        order = [(single, 0, 0), (pair, 0, 0), (single, 1, 1), (pair, 1, 1)]
        order += [(single, 2, 2), (pair, 2, 2), (single, 3, 3)]
        for k, (arr, i, cond) in enumerate(order, start=1):
            out[:, k] = np.where(has[cond], arr[i], zero)
        out[:, 8:18] = np.where(known[:2], wfeat, zero).reshape(10, m).T
        out[:, 18:] = ww.reshape(50, m).T
        return out


class FastPkuseg(spacy_pkuseg.pkuseg):
    """``spacy_pkuseg.pkuseg`` backed by a compiled model folder (see module doc)."""

    def __init__(self, model_dir: str | Path, user_dict: str | None = "default"):
        model_dir = Path(model_dir)
        self.model_dir = model_dir
        self.postag = False

        def load(name: str) -> np.ndarray:
            return np.load(model_dir / name, mmap_mode="r").view(np.ndarray)

        self._features = HashIndex(*(load(n) for n in (KEYS_FILE, ROWS_FILE, BLOOM_FILE)))
        self._unigram = HashIndex(load(UNIGRAM_FILE), None, load(UNIGRAM_BLOOM_FILE))  # a set
        self._weights = load(WEIGHTS_FILE)
        edges = np.load(model_dir / EDGES_FILE)
        self.n_tag = self._weights.shape[1]
        self.n_feature = self._weights.shape[0] - 1
        # edge_score[s_pre, s] = 1 + w[backoff + s * n_tag + s_pre], as spacy-pkuseg does
        self._edges = 1.0 + (edges.astype(np.float64) / SCALE).reshape(self.n_tag, self.n_tag).T
        self._edges = np.ascontiguousarray(self._edges)
        tags = ("B", "B_single", "I", "I_end", "I_first")
        self.idx_to_tag = dict(enumerate(tags))
        self._starts_word = np.array(["B" in t for t in tags])
        self.feature_extractor = _ExportedFeatures(model_dir / FEATURES_FILE)
        self.model = _ExportedModel(edges, self)
        named = [*_PKUSEG_CONFIG.available_models, "default"]
        user = None if user_dict is None or user_dict in named else user_dict
        default_dict = Path(spacy_pkuseg.__file__).parent / "dicts" / "default.pkl"
        self.preprocesser = spacy_pkuseg.Preprocesser(user)
        others = None if user_dict is None else [str(default_dict)]
        self.postprocesser = _Postprocesser(None, others)

    # -- segmentation

    def cut(self, txt: str) -> list[str]:
        """Words of ``txt`` (same as ``spacy_pkuseg.pkuseg.cut``)."""
        return self.cut_batch([txt])[0]

    def cut_batch(self, texts: Sequence[str]) -> list[list[str]]:
        """``[self.cut(t) for t in texts]``, with one vectorized pass over all of them:
        the model's fixed cost per call (about a millisecond) is paid once, not per text."""
        pieces = [self._pieces(t) for t in texts]
        segmented = iter(self.cut_many([w for ps in pieces for w, isw in ps if not isw]))
        post = self.postprocesser
        out: list[list[str]] = []
        for ps in pieces:
            words: list[str] = []
            for piece, isw in ps:
                words.extend([piece] if isw else post(next(segmented)))
            out.append(words)
        return out

    def _pieces(self, txt: str) -> list[tuple[str, bool]]:
        """The whitespace-free pieces of ``txt``, each flagged True when it is a user
        word (kept whole) rather than text for the model."""
        if self.preprocesser.trie.children:
            pieces: list[tuple[str, bool]] = []
            for chunk in txt.split():
                lst, isword, _ = self.preprocesser.solve(chunk)
                pieces.extend(zip(lst, isword, strict=True))
            return pieces
        # no user words: solve() would walk every character and keep the chunk
        return [(chunk, False) for chunk in txt.split()]

    def _cut(self, text: str) -> list[str]:
        return self.cut_many([text])[0]

    def cut_many(self, texts: Sequence[str]) -> list[list[str]]:
        """pkuseg's raw segmentation (before post-processing) of each fragment."""
        texts = [t for t in texts]
        if not texts:
            return []
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        codes = text_codes("".join(texts))
        owner = np.repeat(np.arange(len(texts)), lengths)
        lo, hi = starts[owner], ends[owner]
        feats = _Text(codes, lo, hi, self._unigram)
        scores = np.empty((len(codes), self.n_tag), dtype=np.float64)
        for begin in range(0, len(codes), _CHUNK):
            pos = np.arange(begin, min(len(codes), begin + _CHUNK))
            scores[pos] = self._scores(feats, pos)
        out = []
        for text, a, b in zip(texts, starts, ends, strict=True):
            if a == b:
                out.append([])
                continue
            _, tags = run_viterbi(np.ascontiguousarray(scores[a:b]), self._edges)
            cuts = np.flatnonzero(self._starts_word[np.asarray(tags)])
            cuts = np.append(cuts[cuts > 0], b - a)
            prev = 0
            words = []
            for c in cuts.tolist():
                words.append(text[prev:c])
                prev = c
            out.append(words)
        return out

    def _scores(self, text: _Text, pos: np.ndarray) -> np.ndarray:
        """Node scores: feature weights summed in float64 in spacy-pkuseg's order
        (``$$``, row 0, first; absent features read the zero row, the last one)."""
        rows = self._features.get(text.hashes(pos))
        weights = self._weights
        node = weights[0].astype(np.float64) / SCALE + np.zeros((len(pos), self.n_tag))
        # adding 0.0 changes nothing, so only the features present are added: gathered
        # at once, grouped by feature, then added one feature after the other
        k, at = np.nonzero((rows >= 0).T)
        values = weights[rows[at, k]] / SCALE
        bounds = np.searchsorted(k, np.arange(rows.shape[1] + 1)).tolist()
        for a, b in pairwise(bounds):
            if a < b:
                node[at[a:b]] += values[a:b]
        return node


def _windows(sent: list[str]) -> dict[int, list[str]]:
    """``m -> [sent[i] + … + sent[i + m - 1] for each i]`` for m = 2 … 7 (as long as
    ``sent`` allows), each built from the one before with C-level concatenation."""
    out: dict[int, list[str]] = {}
    prev = sent
    for m in range(2, min(7, len(sent)) + 1):
        prev = list(map(operator.add, prev, sent[m - 1 :]))
        out[m] = prev
    return out


class _Postprocesser(spacy_pkuseg.Postprocesser):
    """spacy-pkuseg's dictionary post-processing, skipping the passes that cannot merge.

    A pass over ``m``-word windows changes nothing until the first window whose
    concatenation is in a word list; the windows before it are checked at C speed and
    the original loop runs from there, so the result is the original's.
    """

    def __init__(self, common_name: str | None, other_names: list[str] | None):
        super().__init__(common_name, other_names)
        #: the word lists that hold words (pkuseg's default has no common words)
        self._lists = tuple(
            words
            for words in (getattr(self, "common_words", ()), getattr(self, "other_words", ()))
            if words
        )

    def post_process(self, sent: list[str], check_seperated: bool) -> list[str]:
        windows: dict[int, list[str]] | None = None
        for m in reversed(range(2, 8)):
            if len(sent) < m:
                continue
            if windows is None:
                windows = _windows(sent)
            hits = [
                next(compress(count(), map(words.__contains__, windows[m])), None)
                for words in self._lists
            ]
            hits = [i for i in hits if i is not None]
            if hits:
                sent = self._pass(sent, m, min(hits), check_seperated)
                windows = None  # the pass merged words: the windows are stale
        return sent

    def _pass(self, sent: list[str], m: int, i: int, check_seperated: bool) -> list[str]:
        """spacy-pkuseg's loop for one window size, from window ``i`` on."""
        end = len(sent) - m
        while i < end + 1:
            merged = "".join(sent[i : i + m])
            if merged in self.common_words:
                do_seg = True
            elif merged in self.other_words:
                seperated = check_seperated and all(
                    (w in self.common_words) or (w in self.other_words) for w in sent[i : i + m]
                )
                do_seg = not seperated
            else:
                do_seg = False
            if do_seg:
                sent[i : i + m] = [merged]
                end = len(sent) - m
            i += 1
        return sent


class _ExportedFeatures:
    """What ``nlp.to_disk`` needs of the feature extractor: ``save(dir)``."""

    def __init__(self, path: Path):
        self.path = path

    def save(self, model_dir: str | os.PathLike | None = None) -> None:
        """Write the standard spacy-pkuseg ``features.msgpack`` into ``model_dir``."""
        shutil.copyfile(self.path, Path(str(model_dir)) / FEATURES_FILE)


class _ExportedModel:
    """What ``nlp.to_disk`` needs of the weights: ``save(dir)`` in float64."""

    def __init__(self, edges: np.ndarray, seg: FastPkuseg):
        self._edges, self._seg = edges, seg
        self.n_tag, self.n_feature = seg.n_tag, seg.n_feature

    @property
    def w(self) -> np.ndarray:
        node = np.asarray(self._seg._weights[:-1]).reshape(-1)
        return np.concatenate([node, self._edges]).astype(np.float64) / SCALE

    def save(self, model_dir: str | os.PathLike | None = None) -> None:
        """Write spacy-pkuseg's ``weights.npz`` (float64, its Viterbi needs it)."""
        sizes = np.array([self.n_tag, self.n_feature])
        np.savez(Path(str(model_dir)) / "weights.npz", sizes=sizes, w=self.w)
