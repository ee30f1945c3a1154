#!/usr/bin/env bash
# A CJK font for the notebooks' charts (Chinese labels drawn as Chinese, not boxes):
# Debian's fonts-wqy-microhei (文泉驿微米黑, Apache-2.0, 1.6 MB), installed with apt when
# run as root. Otherwise it says what to do and exits 0: zhjx.plotting then warns, and the
# font test skips outside CI. Any installed CJK font (Noto Sans CJK, Source Han Sans, …) or
# ZHJX_CJK_FONT=/path/to/font does as well.
set -uo pipefail
if fc-list :lang=zh family 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends \
      fonts-wqy-microhei >/dev/null; }; then
    exit 0
  fi
fi
echo "zhjx: no CJK font installed, so Chinese chart labels would show as boxes." >&2
echo "  Install one: sudo apt-get install fonts-wqy-microhei (or fonts-noto-cjk)," >&2
echo "  or set ZHJX_CJK_FONT=/path/to/a/CJK/font.ttf" >&2
exit 0
