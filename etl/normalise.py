"""Stage 2: text as read -> the normalised text that the warehouse stores and evidence spans point into.

- Full-width digits, letters and ％ become ASCII, and so do a full-width point or thousands comma
  inside a number (９９．８％, １，２３４); other full-width punctuation is kept: it is Chinese text.
- Spaces that only pad a number or a Chinese word (主动公开信息 2872 件, 2021 年) are removed, and
  so are spaces grouping the digits of one counted number (1 086条, 13 560条: thousands as
  yearbooks and PDFs print them); other spaces between two numbers or inside Latin text are
  kept, table cells keep their ` | `.
- A line or page break inside a sentence is joined (达到\\n\\n100%, 《行政处罚\\n\\n法》,
  forum copies that put a number on a line of its own), even inside a number that a PDF's text
  layer wrapped (公开政府信息1\\n286条, 满意率97.\\n65%), or after a label's colon (共计：\\n86条);
  headings, paragraphs and table rows stay on their own lines. Blank lines and bare page
  numbers (- 3 -) are dropped, and so is a running header right after a page number (a name
  line that the document repeats elsewhere).

- Readings in pinyin that a mirror prints in brackets after characters (會(huì)議) go.
- A text in traditional characters (a Hong Kong or Taiwan mirror of a mainland page, 受理信訪舉報
  總量178件) becomes simplified, by OpenCC; a simplified text is left alone, so that names such as
  乾县 are never "simplified" into 干县.

The result is stable: normalise(normalise(x)) == normalise(x), because joining is repeated until
a pass changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import opencc

# Full-width digits and letters, percent signs; zero-width characters go, form feeds and line
# separators are line breaks.
CHARACTERS = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
CHARACTERS |= {ord("％"): "%", ord("﹪"): "%", 0x200B: None, 0xFEFF: None, ord("\f"): "\n", 0x2028: "\n", 0x2029: "\n"}
# A character's reading in pinyin, in brackets right after it, as some mirrors print them (會(huì)議).
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[\u00e0-\u01dc])[a-z\u00e0-\u01dc]{1,7}\)")
FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
FULL_WIDTH_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")  # １，２３４条 -> 1,234条

# Characters of Chinese text: ideographs, CJK and full-width punctuation, quotes and brackets.
CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f\u2026\u2014"
SPACES = r"[ \t\u00a0\u3000\u2002-\u200a\u202f]+"
PADDING = re.compile(
    rf"(?<=[{CJK}]){SPACES}(?=[{CJK}\d])"  # 信息 2872 / 年度 法治
    rf"|(?<=\d){SPACES}(?=[{CJK}%])"  # 2872 件 / 100 %
)
SPACE_RUN = re.compile(SPACES)
UNIT_START = "件条篇个名次项人批起宗家场期份万亿元%"  # characters a measure word (or 万, %) begins with
# Groups of three digits after a space, the last one carrying a unit: one number (1 506人次).
DIGIT_GROUPS = re.compile(rf"(?<![\d.,])\d{{1,3}}(?: \d{{3}})+(?=[{UNIT_START}])")
PAGE_NUMBER = re.compile(r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")

# A line ending with one of these ends its sentence and is never continued.
TERMINAL = tuple("。！？!?；;：:….")
# A line starting with one of these continues the line before it, whatever that was.
CONTINUATION = tuple(",，、。；;：:）)》」』”’%")
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节部分]|[①-⑳])"
)
# A line that is a bare number, or starts with a quantity (89.7%。… / 132名… / 一百二十七条…), not with a year.
NUMBER_START = re.compile(
    r"^(?:\d[\d,.]*(?:$|%|(?:余|多)?[件条篇个名次项人批起宗家场期份万])"
    r"|[零〇一二两三四五六七八九十百千万]+(?:余|多)?[件条篇个名次项人批起宗家场期份]|百分之)"
)
# A line ending inside a number that the next line goes on with (信息1 / 286条, 信息4,2 / 18条,
# 满意率97. / 65%, 本镇20 / 22年度): the number follows words or a bracket, so it is not a table
# cell, and the rest carries a unit, percent or 年.
NUMBER_END = re.compile(r"[^\d\s|.,%]\d[\d,]*\.?$")
NUMBER_REST = re.compile(r"^\d+(?:\.\d+)?(?:%|年|(?:余|多)?[件条篇个名次项人批起宗家场期份万])")
TITLE_BLOCK_LINES = 3  # a document's first lines: its header and title
RUNNING_HEADER_LENGTH = 6  # Chinese characters of a running header (a body's or document's name)
OPENING_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))
HEADING_LENGTH = 40  # a numbered line longer than this is a paragraph, not a heading


# A text is in traditional characters when OpenCC changes more than this share of its Chinese
# characters, and at least TRADITIONAL_LEAST of them: one 乾 in a simplified name is no evidence.
TRADITIONAL_SHARE = 0.05
TRADITIONAL_LEAST = 3


def normalise(text: str) -> str:
    """Normalise report text (see the module docstring)."""
    text = _simplified_if_traditional(PINYIN.sub("", text.translate(CHARACTERS)))
    text = FULL_WIDTH_THOUSANDS.sub(",", FULL_WIDTH_POINT.sub(".", text))
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = PADDING.sub("", SPACE_RUN.sub(" ", raw)).strip()
        line = DIGIT_GROUPS.sub(lambda m: m.group().replace(" ", ""), line)
        if line:
            lines.append(line)
    lines = _without_page_furniture(lines)
    while (joined := _join_broken_sentences(lines)) != lines:
        lines = joined
    return "\n".join(lines)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(name: str) -> str:
    """A name in simplified characters, whichever it was written in (廣州市信訪局 -> 广州市信访局)."""
    return _t2s().convert(name)


def _simplified_if_traditional(text: str) -> str:
    """The text in simplified characters if it is written in traditional ones."""
    han = sum("\u4e00" <= char <= "\u9fff" for char in text)
    if not han:
        return text
    converted = _t2s().convert(text)
    changed = sum(a != b for a, b in zip(text, converted)) if len(converted) == len(text) else han
    return converted if changed > max(han * TRADITIONAL_SHARE, TRADITIONAL_LEAST - 1) else text


def _without_page_furniture(lines: list[str]) -> list[str]:
    """Lines without page numbers, nor the running header printed after one: a line right after a
    page number that the document repeats (as a line, or within its title block) and that reads
    as a name, not as a sentence, heading or table cell (— 3 — / 示例市人民政府办公室文件)."""
    counts = Counter(lines)
    title_block = "\n".join(lines[:TITLE_BLOCK_LINES])
    kept = []
    for i, line in enumerate(lines):
        if PAGE_NUMBER.match(line):
            continue
        after_page_number = i > 0 and PAGE_NUMBER.match(lines[i - 1])
        repeated = counts[line] > 1 or (i >= TITLE_BLOCK_LINES and line in title_block)
        if after_page_number and repeated and _is_running_header(line):
            continue
        kept.append(line)
    return kept


def _is_running_header(line: str) -> bool:
    """A name or title line (示例市人民政府办公室文件 / 示例局2022年政府信息公开工作年度报告)."""
    han = sum("\u4e00" <= char <= "\u9fff" for char in line)
    return han >= RUNNING_HEADER_LENGTH and "|" not in line and not _is_body(line) and not is_heading(line)


def _join_broken_sentences(lines: list[str]) -> list[str]:
    """One pass of joining; repeated until nothing changes, so that a second normalise agrees."""
    joined: list[str] = []
    for line in lines:
        if joined and _continues(joined[-1], line):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _continues(previous: str, line: str) -> bool:
    """Whether `line` is the rest of the sentence that `previous` (the line built so far) began."""
    if "|" in previous or "|" in line:
        return False  # table rows arrive whole, one per line
    if line.startswith(CONTINUATION) or (NUMBER_END.search(previous) and NUMBER_REST.match(line)):
        return True
    if previous.endswith(("：", ":")) and NUMBER_START.match(line):
        return True  # a label's value on the next line (主动公开政府信息共计： / 1086条。)
    if previous.endswith(TERMINAL) or is_heading(previous) or is_heading(line):
        return False
    if previous[-1].isdigit() and line[0].isdigit():
        return False  # two cells of a table, not one number
    if NUMBER_START.match(line) or _unclosed(previous) or line.startswith(("(", "（")):
        return True
    if previous[-1].isdigit() and line[0] in UNIT_START:
        return True  # 5928 / 条
    # a wrapped paragraph goes on with more running text, not with a bare title or label line
    return _is_body(previous) and (_is_body(line) or line[0].isdigit() or line.endswith(TERMINAL))


def is_heading(line: str) -> bool:
    """Whether a line is a section heading: 一、总体情况 / （二）依申请公开情况 / 2.主动公开 —
    numbered, short, no full stop inside."""
    return bool(HEADING.match(line)) and len(line) <= HEADING_LENGTH and "。" not in line[:-1]


def _is_body(line: str) -> bool:
    """A line of running text: it carries sentence punctuation (a title, label or breadcrumb does not)."""
    return any(mark in line for mark in "，,、；;。")


def _unclosed(line: str) -> bool:
    return any(line.count(opening) > line.count(closing) for opening, closing in OPENING_PAIRS)
