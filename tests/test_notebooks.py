"""The notebooks: stored without outputs, executed headless, charts with Chinese that renders.

Each notebook runs in a kernel of this very Python (nbclient, kernel "python3" from the
environment's ipykernel) with notebooks/ as working directory, once over the sample corpus and
once over a page where nothing is found, so every cell must cope with empty frames.
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebooks extra not installed")
nbclient = pytest.importorskip("nbclient", reason="notebooks extra not installed")
pytest.importorskip("ipykernel", reason="notebooks extra not installed")
matplotlib = pytest.importorskip("matplotlib", reason="notebooks extra not installed")

from conftest import GOLD, PAGES, ROOT  # noqa: E402

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]

#: Chinese labels the analysis draws (titles, axes, kinds) and some names it shows.
LABELS = (
    "机构提及次数（前15） 按类型的机构提及次数 金额（亿元），按主题 按机构 增长率（%，同比/环比）"
    " 百分比（尚无增减或比较基准） 日期时间线 版面 企业 政府机关 教育科研 社会团体 党组织"
    " 司法机关 金融机构 媒体 其他 未标注主题 山西省工业和信息化厅 销售收入 太原重工"
)


def test_there_are_notebooks() -> None:
    assert {"01_quick_tour", "02_page_analysis"} <= set(IDS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {i} has outputs: strip them"
            assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"


def _execute(path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch, records: Path | None = None):
    """Run a notebook (plus a cell that prints the kernel's Python) and return it."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)"))
    monkeypatch.setenv("ZHJX_PAGES", str(pages))
    if records is None:
        monkeypatch.delenv("ZHJX_RECORDS", raising=False)
    else:
        monkeypatch.setenv("ZHJX_RECORDS", str(records))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()
    return nb


def _outputs(nb, kind: str) -> list[str]:
    """Texts of one output kind: "stdout"/"stderr" streams or a mime type."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.output_type == "stream" and o.name == kind:
                out.append(o.text)
            elif kind in o.get("data", {}):
                out.append(o.data[kind])
    return out


@pytest.fixture(scope="module")
def bare_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one page in which there is nothing to find."""
    folder = tmp_path_factory.mktemp("bare")
    (folder / "page.txt").write_text("大家都出门散步，心情很好。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_on_the_sample_corpus(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute(path, PAGES, monkeypatch)
    stdout = "".join(_outputs(nb, "stdout"))
    assert sys.prefix in stdout.splitlines(), "the kernel did not run this environment's Python"
    assert "records from" in stdout and not stdout.startswith("0 records")
    stderr = "".join(_outputs(nb, "stderr"))
    assert "missing from font" not in stderr, stderr
    assert "No CJK font found" not in stderr, stderr
    if path.stem == "02_page_analysis":
        assert _outputs(nb, "image/png"), "the analysis drew no chart on the sample corpus"
    if path.stem == "01_quick_tour":
        assert any("entities" in h for h in _outputs(nb, "text/html")), "no displaCy view"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_where_nothing_is_found(
    path: Path, bare_pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = _execute(path, bare_pages, monkeypatch)
    stdout = "".join(_outputs(nb, "stdout"))
    assert "records from" in stdout
    if path.stem == "02_page_analysis":
        assert "nothing to plot" in stdout
        assert not _outputs(nb, "image/png")


def _cjk_font_or_skip():
    from zhjx.plotting import HELP, find_cjk_font

    found = find_cjk_font()
    if found is None and not os.environ.get("CI"):
        pytest.skip(HELP)
    assert found is not None, HELP
    return found


def test_a_chart_renders_its_chinese_labels(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    from zhjx.plotting import missing_glyphs, use_cjk_font

    _cjk_font_or_skip()
    matplotlib.use("Agg")
    with matplotlib.rc_context():
        family = use_cjk_font()
        words = LABELS.split()
        fig, ax = plt.subplots(figsize=(8, 6))
        ax.barh(range(len(words)), range(1, len(words) + 1))
        ax.set_yticks(range(len(words)), words)
        ax.set_title("金额（亿元），按主题 — 山西经济日报")
        ax.set_xlabel("提及次数")
        fig.tight_layout()
        png = tmp_path / "chart.png"
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=".*missing from font")  # Glyph … missing
            fig.savefig(png, dpi=80)
        plt.close(fig)
        path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert png.stat().st_size > 1000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert family is not None
    assert "DejaVu" not in Path(path).name, f"matplotlib fell back to {path}"
    assert font_manager.FontProperties(fname=path).get_name() == family
    assert missing_glyphs(path, LABELS) == ""
    if out := os.environ.get("ZHJX_CHART_PNG"):  # to look at it
        Path(out).write_bytes(png.read_bytes())


def test_missing_glyphs_sees_a_font_without_chinese() -> None:
    from matplotlib import font_manager

    from zhjx.plotting import missing_glyphs

    dejavu = font_manager.findfont(font_manager.FontProperties(family=["DejaVu Sans"]))
    assert missing_glyphs(dejavu, "增长 abc") == "增长"
    assert missing_glyphs(dejavu, "abc 123") == ""


@pytest.fixture(scope="module")
def gold_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made gold as a records JSONL: seeds with the facts' fields, one row a mention."""
    read = lambda name: [json.loads(line) for line in (GOLD / name).open(encoding="utf-8")]  # noqa: E731
    facts = {(f["doc"], f["type"], f["text"]): f for f in read("facts.jsonl")}
    rows = []
    for seed in read("seeds.jsonl"):
        if seed["type"] in {"organization", "figure", "percentage", "date"}:
            row = {**seed, **facts.get((seed["doc"], seed["type"], seed["text"]), {})}
            rows += [{k: v for k, v in row.items() if k not in ("alts", "optional", "count")}] * (
                seed.get("count") or 1
            )
    path = tmp_path_factory.mktemp("gold") / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_analysis_of_complete_records(gold_records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Organizations, subjects and changes as finished extractors give them: every chart drawn."""
    nb = _execute(NOTEBOOK_DIR / "02_page_analysis.ipynb", PAGES, monkeypatch, gold_records)
    stdout = "".join(_outputs(nb, "stdout"))
    assert "nothing to plot" not in stdout
    assert not re.search(r"^0 of", stdout, re.M)  # some carry a change, some dates resolve
    assert len(_outputs(nb, "image/png")) == 6
    assert "missing from font" not in "".join(_outputs(nb, "stderr"))
    tables = "".join(_outputs(nb, "text/plain"))
    assert "山西省工业和信息化厅" in tables and "政府机关" in tables
    assert "同比" in tables
