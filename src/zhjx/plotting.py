"""Matplotlib with a CJK font, so Chinese labels render as Chinese, not boxes.

``scripts/setup.sh --dev`` installs Debian's ``fonts-wqy-microhei`` (文泉驿微米黑,
Apache-2.0) where it can.  Any other installed CJK font works too (Noto Sans CJK,
Source Han Sans, Microsoft YaHei, PingFang …), and ``ZHJX_CJK_FONT`` may name a font
file.  Without one, :func:`use_cjk_font` warns how to get one and returns None.

>>> from zhjx.plotting import use_cjk_font
>>> family = use_cjk_font()          # e.g. "WenQuanYi Micro Hei"
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

try:
    import matplotlib as mpl
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("zhjx.plotting needs matplotlib: pip install 'zhjx[notebooks]'") from exc

#: Font families known to cover simplified Chinese, best first.
CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK JP",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)

#: Characters a font must have to count as CJK here.
SAMPLE = "山西省经济日报亿元增长企业"

HELP = (
    "No CJK font found: Chinese labels will show as boxes. Install one, e.g. "
    "`sudo apt-get install fonts-wqy-microhei` (Debian/Ubuntu; scripts/setup.sh --dev does "
    "this when run as root), or set ZHJX_CJK_FONT=/path/to/a/font.ttf (for instance "
    "Noto Sans SC, OFL) and restart the kernel."
)


def missing_glyphs(path: str | Path, text: str) -> str:
    """The characters of ``text`` (spaces aside) that the font file has no glyph for."""
    charmap = FT2Font(str(path)).get_charmap()
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in charmap))


def _known(name: str) -> str | None:
    for entry in font_manager.fontManager.ttflist:
        if entry.name == name:
            return entry.fname
    return None


def _add_new_system_fonts() -> None:
    """Add fonts installed since matplotlib's font cache was built."""
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue


def find_cjk_font() -> tuple[str, str] | None:
    """``(family, file)`` of an installed font covering :data:`SAMPLE`, or None."""
    env = os.environ.get("ZHJX_CJK_FONT")
    if env:
        if Path(env).is_file() and not missing_glyphs(env, SAMPLE):
            font_manager.fontManager.addfont(env)
            return font_manager.FontProperties(fname=env).get_name(), env
        warnings.warn(f"ZHJX_CJK_FONT={env} is no font file with Chinese glyphs", stacklevel=3)
    for refresh in (False, True):
        if refresh:
            _add_new_system_fonts()
        for family in CJK_FAMILIES:
            path = _known(family)
            if path and not missing_glyphs(path, SAMPLE):
                return family, path
    # Any other font with the glyphs (CJK fonts are large: skip the small ones).
    for entry in font_manager.fontManager.ttflist:
        try:
            if os.path.getsize(entry.fname) > 2_000_000 and not missing_glyphs(entry.fname, SAMPLE):
                return entry.name, entry.fname
        except (OSError, RuntimeError):
            continue
    return None


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese: the CJK family set first in ``font.sans-serif``.

    Returns the family, or None (with a warning saying how to install one).
    """
    found = find_cjk_font()
    if found is None:
        warnings.warn(HELP, stacklevel=2)
        return None
    family = found[0]
    rest = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [family, *rest]
    mpl.rcParams["axes.unicode_minus"] = False
    return family
