"""etl.read.read_file on real files written into tmp_path: every format, and the files it refuses."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from etl.model import ReadError
from etl.read import SUPPORTED_SUFFIXES, read_file

PARAGRAPH = "2021年共办理人大代表建议33件、政协提案22件，满意率100%。"
PETITIONS = "全年共受理群众信访件501件，办结率99.8%，群众满意率98.6%。"

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".html", ".htm", ".docx", ".pdf"}


# ---------------------------------------------------------------- txt


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16le-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_txt_encoding_is_detected(tmp_path, encoding):
    text = f"某某区人民政府办公室\n{PARAGRAPH}\n{PETITIONS}\n"
    doc = read_file(write(tmp_path / "report.txt", text.encode(encoding)))
    assert (doc.format, doc.text, doc.title) == ("txt", text, None)


def test_txt_is_returned_as_read(tmp_path):
    """No normalisation: full-width digits and Windows line ends stay for the normaliser."""
    text = "共办理建议３３件，\r\n满意率１００％。\r\n"
    assert read_file(write(tmp_path / "report.txt", text.encode("gb18030"))).text == text


# ---------------------------------------------------------------- HTML

GOVERNMENT_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>某某区人民政府2021年政府信息公开工作年度报告_某某区人民政府</title>
<style>.nav {{ color: red }} body {{ font-size: 12px }}</style>
<script>var tracker = "统计脚本文字";</script>
</head><body>
<header><div class="logo">某某区人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="article">
<h1>某某区人民政府2021年政府信息公开工作年度报告</h1>
<div id="zoom">
<p>　　根据《中华人民共和国政府信息公开条例》要求，现公布本机关2021年政府信息公开工作年度报告。</p>
<p>　　2021年，本机关主动公开政府信息165条，其中门户网站106条、政务新媒体59条。</p>
<p>　　{paragraph}</p>
<table border="1">
<tr><td rowspan="2">本年收到申请情况</td><td colspan="3">申请人情况</td><td rowspan="2">总计</td></tr>
<tr><td>自然人</td><td>商业企业</td><td>科研机构</td></tr>
<tr><td>一、本年新收政府信息公开申请数量</td><td>58</td><td>7</td><td>0</td><td>66</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>2</td></tr>
</table>
<p>　　本机关未因政府信息公开工作被申请行政复议或提起行政诉讼。</p>
</div></div>
<footer><p>主办单位：某某区人民政府办公室 网站标识码：1234000001</p></footer>
<script>document.write("页脚脚本文字");</script>
</body></html>
"""


def government_page(charset: str = "utf-8", paragraph: str = PARAGRAPH) -> bytes:
    """The page encoded as it declares: UTF-8, or GBK for the gbk and gb2312 labels."""
    page = GOVERNMENT_PAGE.format(charset=charset, paragraph=paragraph)
    return page.encode("utf-8" if charset == "utf-8" else "gbk")


def test_html_keeps_the_article_and_its_table(tmp_path):
    doc = read_file(write(tmp_path / "report.html", government_page()))
    lines = doc.text.split("\n")
    assert doc.format == "html"
    assert doc.title == "某某区人民政府2021年政府信息公开工作年度报告_某某区人民政府"
    assert "2021年，本机关主动公开政府信息165条，其中门户网站106条、政务新媒体59条。" in lines
    assert PARAGRAPH in lines
    assert "一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 66" in lines
    assert "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 2" in lines
    assert lines[-1] == "本机关未因政府信息公开工作被申请行政复议或提起行政诉讼。"
    for chrome in ("某某区人民政府门户网站", "首页", "互动交流", "统计脚本", "页脚脚本", "font-size", "主办单位"):
        assert chrome not in doc.text


@pytest.mark.parametrize("charset", ["gbk", "gb2312"])
def test_html_in_gbk_declared_by_meta_charset(tmp_path, charset):
    """Pages labelled gb2312 routinely hold GBK-only characters (赟); both labels read as GB18030."""
    paragraph = "副局长王赟出席会议。" + PARAGRAPH
    doc = read_file(write(tmp_path / "report.htm", government_page(charset, paragraph)))
    assert doc.format == "html"
    assert paragraph in doc.text.split("\n")
    assert doc.title.startswith("某某区人民政府2021年")


def test_html_laid_out_with_a_table_keeps_its_paragraphs(tmp_path):
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
    <table width="100%"><tr><td><h1>某某区信访局2021年信访工作总结</h1>
    <p>{PETITIONS}</p><p>{PARAGRAPH}</p></td></tr></table></body></html>"""
    doc = read_file(write(tmp_path / "report.html", page.encode("gbk")))
    assert doc.text.split("\n") == ["某某区信访局2021年信访工作总结", PETITIONS, PARAGRAPH]
    assert doc.title == "某某区信访局2021年信访工作总结"  # no <title>: the first <h1>


def test_html_falls_back_to_the_body_text_when_trafilatura_finds_no_article(tmp_path):
    """trafilatura discards <aside> content; the fallback keeps the body minus page chrome."""
    page = f"""<html><head><title>信访</title><script>var a = "脚本";</script></head><body>
    <nav><a href="/">首页</a></nav><aside><p>{PETITIONS}</p><p>{PARAGRAPH}</p></aside>
    <footer>版权所有</footer></body></html>"""
    doc = read_file(write(tmp_path / "report.html", page.encode()))
    assert doc.text.split("\n") == [PETITIONS, PARAGRAPH]


# ---------------------------------------------------------------- docx


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    document = docx.Document()
    document.core_properties.title = "某某区2021年建议提案办理工作总结"
    document.add_heading("某某区2021年建议提案办理工作总结", level=1)
    document.add_paragraph(PARAGRAPH)
    table = document.add_table(rows=3, cols=3)
    caption = table.cell(0, 0).merge(table.cell(0, 2))
    caption.text = "表1 建议提案办理情况"
    for row, values in enumerate([("类别", "件数", "满意率"), ("人大代表建议", "33", "100%")], start=1):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph(PETITIONS)
    path = tmp_path / "summary.docx"
    document.save(path)

    doc = read_file(path)
    assert doc.format == "docx"
    assert doc.title == "某某区2021年建议提案办理工作总结"
    assert doc.text.split("\n") == [
        "某某区2021年建议提案办理工作总结",
        PARAGRAPH,
        "表1 建议提案办理情况",  # a merged cell once, not once per column it spans
        "类别 | 件数 | 满意率",
        "人大代表建议 | 33 | 100%",
        PETITIONS,
    ]


# ---------------------------------------------------------------- PDF


def write_pdf(path: Path, pages: list[list[str]], title: str | None = None, **canvas_options) -> Path:
    """A PDF with one page per list of lines, in reportlab's built-in CJK font."""
    pdf = canvas.Canvas(str(path), **canvas_options)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for number, line in enumerate(lines):
            pdf.drawString(60, 780 - 18 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_pages_joined_by_a_blank_line(tmp_path):
    """A sentence broken by the page break stays broken: joining it is the normaliser's job."""
    pages = [["某某区信访局2021年信访工作总结", "全年共受理群众信访件501件，办结率"], ["99.8%，群众满意率98.6%。", PARAGRAPH]]
    path = write_pdf(tmp_path / "summary.pdf", pages, title="某某区信访局2021年信访工作总结")
    doc = read_file(path)
    assert doc.format == "pdf"
    assert doc.title == "某某区信访局2021年信访工作总结"
    assert doc.text == "\n".join(pages[0]) + "\n\n" + "\n".join(pages[1])


# ---------------------------------------------------------------- files that cannot be read


def content(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


def truncated(make: Callable[[Path], object], keep: int) -> Callable[[Path], object]:
    """A file cut off after `keep` bytes, as an interrupted download leaves it."""

    def make_truncated(path: Path) -> None:
        make(path)
        path.write_bytes(path.read_bytes()[:keep])

    return make_truncated


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(PARAGRAPH)
    document.save(path)


def drawing_only_pdf(path: Path) -> None:
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 200, fill=1)
    pdf.save()


def pdf_without_unicode_map(path: Path) -> None:
    """A PDF whose font maps glyph ids to no characters, like subset fonts without /ToUnicode."""
    stream = b"BT /F1 12 Tf 60 780 Td <0102030405060708> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SubsetSong /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SubsetSong"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
    ]
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (number, obj) for number, obj in enumerate(objects, start=1))
    path.write_bytes(b"%PDF-1.4\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def one_page_pdf(path: Path, **canvas_options) -> None:
    write_pdf(path, [[PARAGRAPH]], **canvas_options)


BIG5_TEXT = "群眾信訪件501件，辦結率99.8%。".encode("big5")  # traditional Chinese, Taiwan and Hong Kong
NAV_ONLY_PAGE = b"<html><body><nav><a href='/'>Home</a></nav><script>var a = 1;</script></body></html>"


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        pytest.param("empty.txt", content(b""), "empty file", id="empty-txt"),
        pytest.param("blank.txt", content(" \n".encode("utf-16")), "empty file", id="blank-utf16-txt"),
        pytest.param("empty.pdf", content(b""), "empty file", id="empty-pdf"),
        pytest.param("noise.txt", content(random.Random(7).randbytes(4096)), "binary data, not text", id="noise-txt"),
        pytest.param("big5.txt", content(BIG5_TEXT), "cannot decode text: not UTF-8, UTF-16 or GB18030", id="big5-txt"),
        pytest.param("report.txt", one_page_pdf, "binary data, not text: the file is a PDF document", id="pdf-as-txt"),
        pytest.param("nav.html", content(NAV_ONLY_PAGE), "HTML page has no text", id="html-only-nav"),
        pytest.param("cut.docx", truncated(write_docx, 2000), "not a valid .docx file (the ZIP container is damaged)",
                     id="truncated-docx"),
        pytest.param("text.docx", content(PARAGRAPH.encode()), "not a valid .docx file", id="text-as-docx"),
        pytest.param("garbage.pdf", content(random.Random(8).randbytes(2048)), "not a PDF file", id="garbage-pdf"),
        pytest.param("cut.pdf", truncated(one_page_pdf, 600), "not a valid PDF file", id="truncated-pdf"),
        pytest.param("locked.pdf", lambda path: one_page_pdf(path, encrypt="secret"), "PDF is encrypted",
                     id="encrypted-pdf"),
        pytest.param("scan.pdf", drawing_only_pdf, "PDF has no text layer (scanned image?)", id="drawing-only-pdf"),
        pytest.param("cid.pdf", pdf_without_unicode_map, "(cid:N) codes", id="pdf-without-unicode-map"),
        pytest.param("table.xlsx", content(b"PK\x03\x04"), "unsupported file type .xlsx", id="unsupported-suffix"),
    ],
)
def test_unreadable_files_raise_read_error_naming_the_problem(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(ReadError) as error:
        read_file(path)
    assert reason in str(error.value)
