"""The standard tables of a 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), built as real files.

Each builder writes one report of a fictional bureau in one format, with the layout the national
format prescribes: the 主动公开 table (第二十条 items), the 收到和处理政府信息公开申请情况 table
with its merged header cells (申请人情况 over 自然人 / 法人或其他组织 with five sub-columns /
总计), and the 行政复议 / 行政诉讼 table (five result columns for 行政复议, then five each for
未经复议直接起诉 and 复议后起诉). The numbers are made up but add up as a real report's do.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "示例市青山区人力资源和社会保障局2023年政府信息公开工作年度报告"
OPENING = [
    "一、总体情况",
    "2023年，区人力资源和社会保障局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开。",
    "二、主动公开政府信息情况",
]
REQUESTS_HEADING = "三、收到和处理政府信息公开申请情况"
REVIEWS_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
CLOSING = ["五、存在的主要问题及改进情况", "一是公开内容还不够丰富。"]

# The totals the tables state (what the extractor must read): 本年新收 总计; 行政复议 总计;
# 未经复议直接起诉 总计 + 复议后起诉 总计.
TOTALS = {"disclosure.requests": 17, "disclosure.reviews": 3, "disclosure.lawsuits": 3}

PROACTIVE_ROWS = [
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "2", "1", "9"],
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", "1342"],
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", "12"],
    ["行政强制", "0"],
]

# (label, 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)
REQUEST_ROWS = [
    ("一、本年新收政府信息公开申请数量", 12, 3, 0, 0, 1, 1, 17),
    ("二、上年结转政府信息公开申请数量", 1, 0, 0, 0, 0, 0, 1),
    ("（一）予以公开", 5, 1, 0, 0, 0, 0, 6),
    ("（二）部分公开", 2, 1, 0, 0, 0, 0, 3),
    ("（三）不予公开", 1, 0, 0, 0, 0, 0, 1),
    ("（四）无法提供", 4, 1, 0, 0, 1, 1, 7),
    ("四、结转下年度继续办理", 1, 0, 0, 0, 0, 0, 1),
]
# 结果维持, 结果纠正, 其他结果, 尚未审结, 总计; then the same for 未经复议直接起诉 and 复议后起诉
REVIEW_ROW = [2, 1, 0, 0, 3, 1, 0, 1, 0, 2, 1, 0, 0, 0, 1]
RESULT_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


# ---------------------------------------------------------------- HTML


def write_html(path: Path) -> Path:
    def row(cells: list[str]) -> str:
        return "<tr>" + "".join(cells) + "</tr>"

    td = lambda text, **span: "<td{}>{}</td>".format("".join(f' {k}="{v}"' for k, v in span.items()), text)  # noqa: E731
    proactive = "".join(row([td(c) for c in r]) if len(r) > 1 else row([td(r[0], colspan=4)]) for r in PROACTIVE_ROWS)
    requests = [
        row([td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3),
             td("申请人情况", colspan=7)]),
        row([td("自然人", rowspan=2), td("法人或其他组织", colspan=5), td("总计", rowspan=2)]),
        row([td(c) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]),
    ]
    for i, (label, *numbers) in enumerate(REQUEST_ROWS):
        lead = [td(label, colspan=3)] if i < 2 or i == 6 else []
        if i == 2:
            lead = [td("三、本年度办理结果", rowspan=4), td(label, colspan=2)]
        elif 2 < i < 6:
            lead = [td(label, colspan=2)]
        requests.append(row(lead + [td(str(n)) for n in numbers]))
    reviews = [
        row([td("行政复议", colspan=5), td("行政诉讼", colspan=10)]),
        row([td(c, rowspan=2) for c in RESULT_COLUMNS] + [td("未经复议直接起诉", colspan=5), td("复议后起诉", colspan=5)]),
        row([td(c) for c in RESULT_COLUMNS * 2]),
        row([td(str(n)) for n in REVIEW_ROW]),
    ]
    body = "".join(f"<p>{line}</p>" for line in OPENING)
    body += f"<table border='1'>{proactive}</table><p>{REQUESTS_HEADING}</p><table border='1'>{''.join(requests)}</table>"
    body += f"<p>{REVIEWS_HEADING}</p><table border='1'>{''.join(reviews)}</table>"
    body += "".join(f"<p>{line}</p>" for line in CLOSING)
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
        f"<nav>首页 &gt; 政务公开</nav><article><h1>{TITLE}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------- docx


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for line in OPENING:
        document.add_paragraph(line)
    proactive = document.add_table(rows=len(PROACTIVE_ROWS), cols=4)
    for r, cells in enumerate(PROACTIVE_ROWS):
        if len(cells) == 1:
            proactive.cell(r, 0).merge(proactive.cell(r, 3)).text = cells[0]
        else:
            for c, text in enumerate(cells):
                proactive.cell(r, c).text = text
    document.add_paragraph(REQUESTS_HEADING)
    table = document.add_table(rows=3 + len(REQUEST_ROWS), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for c, text in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        table.cell(2, c).text = text
    for i, (label, *numbers) in enumerate(REQUEST_ROWS):
        r = 3 + i
        if 2 <= i <= 5:
            table.cell(r, 1).merge(table.cell(r, 2)).text = label
        else:
            table.cell(r, 0).merge(table.cell(r, 2)).text = label
        for c, n in enumerate(numbers, start=3):
            table.cell(r, c).text = str(n)
    table.cell(5, 0).merge(table.cell(8, 0)).text = "三、本年度办理结果"
    document.add_paragraph(REVIEWS_HEADING)
    reviews = document.add_table(rows=4, cols=15)
    reviews.cell(0, 0).merge(reviews.cell(0, 4)).text = "行政复议"
    reviews.cell(0, 5).merge(reviews.cell(0, 14)).text = "行政诉讼"
    for c, text in enumerate(RESULT_COLUMNS):
        reviews.cell(1, c).merge(reviews.cell(2, c)).text = text
    reviews.cell(1, 5).merge(reviews.cell(1, 9)).text = "未经复议直接起诉"
    reviews.cell(1, 10).merge(reviews.cell(1, 14)).text = "复议后起诉"
    for c, text in enumerate(RESULT_COLUMNS * 2, start=5):
        reviews.cell(2, c).text = text
    for c, n in enumerate(REVIEW_ROW):
        reviews.cell(3, c).text = str(n)
    for line in CLOSING:
        document.add_paragraph(line)
    document.core_properties.title = TITLE
    document.save(str(path))
    return path


# ---------------------------------------------------------------- PDF


def write_pdf(path: Path) -> Path:
    """A PDF with real ruled tables (reportlab), spans as the format merges them."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=text, fontSize=7, leading=9)
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                       ("FONTSIZE", (0, 0), (-1, -1), 7), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])

    def table(rows: list[list], spans: list[tuple], widths: list[float]) -> Table:
        t = Table([[Paragraph(str(c), cell) if c != "" else "" for c in r] for r in rows], colWidths=widths)
        t.setStyle(TableStyle(grid.getCommands() + [("SPAN", a, b) for a, b in spans]))
        return t

    proactive = [r + [""] * (4 - len(r)) for r in PROACTIVE_ROWS]
    proactive_spans = [((0, i), (3, i)) for i, r in enumerate(PROACTIVE_ROWS) if len(r) == 1]
    requests = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
                ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    for i, (label, *numbers) in enumerate(REQUEST_ROWS):
        lead = ["三、本年度办理结果" if i == 2 else "", label, ""] if 2 <= i <= 5 else [label, "", ""]
        requests.append(lead + [str(n) for n in numbers])
    request_spans = [((0, 0), (2, 2)), ((3, 0), (9, 0)), ((3, 1), (3, 2)), ((4, 1), (8, 1)), ((9, 1), (9, 2)),
                     ((0, 5), (0, 8))] + [((0, 3 + i), (2, 3 + i)) for i in (0, 1, 6)] + [((1, 3 + i), (2, 3 + i)) for i in range(2, 6)]
    reviews = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
               RESULT_COLUMNS + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
               [""] * 5 + RESULT_COLUMNS * 2,
               [str(n) for n in REVIEW_ROW]]
    review_spans = [((0, 0), (4, 0)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))] + [((c, 1), (c, 2)) for c in range(5)]
    story = [Paragraph(TITLE, text)] + [Paragraph(line, text) for line in OPENING]
    story += [table(proactive, proactive_spans, [90, 70, 70, 70]), Spacer(1, 8), Paragraph(REQUESTS_HEADING, text),
              table(requests, request_spans, [40, 80, 60] + [48] * 7), Spacer(1, 8), Paragraph(REVIEWS_HEADING, text),
              table(reviews, review_spans, [36] * 15), Spacer(1, 8)]
    story += [Paragraph(line, text) for line in CLOSING]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), title=TITLE).build(story)
    return path


# ---------------------------------------------------------------- flattened text


def write_flattened_text(path: Path) -> Path:
    """The report as a web page's or PDF's text layer flattens it: every cell on a line of its own,
    merged header cells once, in reading order."""
    lines = [TITLE, *OPENING]
    lines += [c for r in PROACTIVE_ROWS for c in r]
    lines += [REQUESTS_HEADING, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
              "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for i, (label, *numbers) in enumerate(REQUEST_ROWS):
        if i == 2:
            lines.append("三、本年度办理结果")
        lines += [label, *map(str, numbers)]
    lines += [REVIEWS_HEADING, "行政复议", "行政诉讼", *RESULT_COLUMNS, "未经复议直接起诉", "复议后起诉", *RESULT_COLUMNS * 2]
    lines += list(map(str, REVIEW_ROW))
    lines += CLOSING
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BUILDERS = {"html": write_html, "docx": write_docx, "pdf": write_pdf, "txt": write_flattened_text}
