"""Files: a composed report as a .txt file, a government web page, or a Word document."""

from __future__ import annotations

import random
import zipfile
from datetime import datetime, time
from html import escape
from io import BytesIO

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from etl.demo.compose import Report
from etl.demo.roster import PROVINCE
from etl.model import DEMO_MARKER


def file_bytes(report: Report) -> bytes:
    """The report's file, in the format and encoding its style drew."""
    if report.style.fmt == "txt":
        return report.text.encode(report.style.encoding)
    if report.style.fmt == "html":
        return _html_page(report).encode(report.style.encoding)
    return _docx_bytes(report)


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<title>{title}</title>
<style>body{{font-family:"Microsoft YaHei",SimSun;margin:0}} .nav a{{margin:0 12px}} .article{{width:1000px;margin:auto}}</style>
<script>var _hmt = _hmt || [];(function(){{var hm=document.createElement("script");hm.src="/stat/hm.js?v=20190101";document.head.appendChild(hm);}})();</script>
</head>
<body>
<header class="site-header"><div class="logo">{site}</div><div class="tools">无障碍浏览 | 长者模式 | 简 | 繁 | 登录</div></header>
<nav class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjsl/">走进{place}</a></nav>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; {column} &gt; {year}</div>
<article class="article">
{body}
</article>
<div class="share">分享到：微信 微博 QQ空间 【打印本页】【关闭窗口】</div>
<footer class="site-footer"><p>主办：{site_owner}　承办：{place}大数据中心</p><p>网站标识码：9999{code}　示ICP备{icp}号　示公网安备 99990202000{code}号</p><p>联系电话：0999-{phone}　建议使用1920×1080分辨率浏览</p></footer>
<script>document.write('<span id="visits">访问量：' + {visits} + '</span>');</script>
</body>
</html>
"""
_COLUMNS = {"fzzf": "法治政府建设", "xxgk": "政府信息公开年报", "jyta": "建议提案办理", "xf": "信访工作"}


def _html_page(report: Report) -> str:
    place = report.agency.region.removeprefix(PROVINCE)
    last = len(report.blocks) - 2  # the sign-off: name and date
    body = []
    for index, block in enumerate(report.blocks):
        if isinstance(block, list):
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>\n" for row in block)
            body.append(f'<table border="1" cellspacing="0">\n{rows}</table>')
        elif index == 1:
            body.append(f"<h1>{escape(block)}</h1>")
        else:
            align = ' style="text-align:right"' if index >= last else ""
            # A break inside a sentence becomes a paragraph break, as in pages converted from Word.
            body += [f"<p{align}>{escape(line)}</p>" for line in block.split("\n") if line]
    rng = random.Random(report.source)
    return _PAGE.format(
        charset=report.style.encoding, title=escape(report.title), site=f"{place}人民政府门户网站", place=place,
        column=_COLUMNS[report.kind], year=report.year, body="\n".join(body), site_owner=f"{place}人民政府办公室",
        code=rng.randint(10, 99), icp=rng.randint(10000000, 99999999), phone=rng.randint(6000000, 6999999),
        visits=rng.randint(100000, 9999999),
    )


def _docx_bytes(report: Report) -> bytes:
    document = docx.Document()
    moment = datetime.combine(report.signed, time(9, 0))
    properties = document.core_properties
    properties.title = report.title
    properties.author = properties.last_modified_by = "示例数据生成器"
    properties.comments = DEMO_MARKER
    properties.created = properties.modified = moment
    properties.revision = 1
    last = len(report.blocks) - 2
    for index, block in enumerate(report.blocks):
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=len(block[0]))
            table.style = "Table Grid"
            for cells, row in zip(table.rows, block):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
        elif index == 1:
            document.add_paragraph(block, style="Title")
        else:
            paragraph = document.add_paragraph(block)  # a "\n" inside becomes a line break
            if index >= last:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return _stamped(buffer.getvalue(), moment)


def _stamped(package: bytes, moment: datetime) -> bytes:
    """The package with every member dated `moment`, so that the same report gives the same bytes."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            member.date_time = moment.timetuple()[:6]
            target.writestr(member, source.read(member))
    return out.getvalue()
