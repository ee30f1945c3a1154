"""Decoding: UTF-8, BOM, GB18030/GBK, UTF-16, HTML pages, and named errors."""

from __future__ import annotations

import codecs

import pytest

from zhjx.ingest import DecodeError, decode
from zhjx.ingest.decode import decode_text, is_html, plausible

PAGE = "本报太原3月29日讯（记者 马永亮）省财政厅着力降低中小企业参与政府采购门槛。\n"


def test_utf8():
    assert decode(PAGE.encode("utf-8"), "a.txt") == PAGE


def test_utf8_bom_file(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + PAGE.encode("utf-8"))
    text = decode(path.read_bytes(), str(path))
    assert text == PAGE
    assert not text.startswith("\ufeff")


def test_gb18030_file(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(PAGE.encode("gb18030"))
    assert decode(path.read_bytes(), str(path)) == PAGE


@pytest.mark.parametrize(
    "text", ["本报讯", "短评", "省财政厅", "山西经济日报 2025年3月29日", "近10亿元"]
)
def test_short_gbk_texts(text):
    # charset-normalizer alone reads the GB18030 bytes of 本报讯 as Big5
    assert decode(text.encode("gbk"), "short.txt") == text


def test_gb18030_four_byte_characters():
    text = "𠀀山西㐀"  # outside GBK: GB18030 four-byte sequences
    assert decode(text.encode("gb18030"), "x.txt") == text


@pytest.mark.parametrize(
    "bom,enc", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom(bom, enc):
    assert decode(bom + PAGE.encode(enc), "u16.txt") == PAGE


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_named_errors(data, reason):
    with pytest.raises(DecodeError) as err:
        decode(data, "bad.bin")
    assert err.value.name == "bad.bin"
    assert reason in err.value.reason
    assert "bad.bin" in str(err.value)


def test_undecodable_bytes_raise_decode_error():
    data = bytes([0x80, 0xFF, 0x81, 0x30, 0xFE, 0xFF, 0xC0, 0xC1] * 20)
    with pytest.raises(DecodeError):
        decode_text(data, "junk.dat")


def test_plausible():
    assert plausible(PAGE)
    assert not plausible("\x01\x02\x03\x04abc")


HTML = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>山西经济日报-第03版</title>
<style>p {{ color: red }}</style><script>var a = "上一篇";</script></head>
<body>
<div class="nav">电子报阅读机</div>
<div>当前报纸名称:山西经济日报</div>
<h1>山西省专精特新中小企业发展壮大对策研究</h1>
<div>日期:11-16</div>
<p>王晓亮 杜俊萍</p>
<p>\u3000\u3000建设国家资源型经济转型综合配套改革试验区是党中央赋予山西的重大使命。</p>
<p>发展“专精特新”企业，<b>正是</b>山西培育新质生产力的<br>关键路径。</p>
<!-- a comment 不要 -->
</body></html>
"""


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("gbk"))
    text = decode(path.read_bytes(), str(path))
    lines = text.splitlines()
    assert "当前报纸名称:山西经济日报" in lines
    assert "山西省专精特新中小企业发展壮大对策研究" in lines
    assert "发展“专精特新”企业，正是山西培育新质生产力的" in lines  # inline <b> kept in line
    assert "关键路径。" in lines  # <br> ends a line
    assert any(line.startswith("\u3000\u3000建设国家") for line in lines)
    for dropped in ("color: red", "var a", "不要", "第03版</title>", "山西经济日报-第03版"):
        assert dropped not in text


def test_html_sniffed_without_suffix():
    data = HTML.replace('charset="gbk"', 'charset="utf-8"').encode("utf-8")
    assert is_html(data, "page.txt")
    assert "山西省专精特新中小企业发展壮大对策研究" in decode(data, "page.txt")
    assert not is_html(PAGE.encode("utf-8"), "page.txt")


def test_html_without_text():
    with pytest.raises(DecodeError):
        decode(b"<html><body><script>x()</script></body></html>", "empty.html")
