"""Stage 2: text as read -> the normalised text that the warehouse stores and evidence spans point into.

- Full-width digits, letters and ％ become ASCII, and so do a full-width point or thousands comma
  inside a number (９９．８％, １，２３４); other full-width punctuation is kept: it is Chinese text.
- Spaces that only pad a number or a Chinese word (主动公开信息 2872 件, 2021 年) are removed, and
  so are spaces grouping the digits of one counted number (1 086条, 13 560条: thousands as
  yearbooks and PDFs print them); other spaces between two numbers or inside Latin text are
  kept, table cells keep their ` | `.
- A line or page break inside a sentence is joined (达到\\n\\n100%, 《行政处罚\\n\\n法》,
  forum copies that put a number on a line of its own); headings, paragraphs and table rows stay
  on their own lines. Blank lines and bare page numbers (- 3 -) are dropped.

The result is stable: normalise(normalise(x)) == normalise(x), because joining is repeated until
a pass changes nothing.
"""

from __future__ import annotations

import re

# Full-width digits and letters, percent signs; zero-width characters go, form feeds and line
# separators are line breaks.
CHARACTERS = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
CHARACTERS |= {ord("％"): "%", ord("﹪"): "%", 0x200B: None, 0xFEFF: None, ord("\f"): "\n", 0x2028: "\n", 0x2029: "\n"}
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
OPENING_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))
HEADING_LENGTH = 40  # a numbered line longer than this is a paragraph, not a heading


def normalise(text: str) -> str:
    """Normalise report text (see the module docstring)."""
    text = text.translate(CHARACTERS)
    text = FULL_WIDTH_THOUSANDS.sub(",", FULL_WIDTH_POINT.sub(".", text))
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = PADDING.sub("", SPACE_RUN.sub(" ", raw)).strip()
        line = DIGIT_GROUPS.sub(lambda m: m.group().replace(" ", ""), line)
        if line and not PAGE_NUMBER.match(line):
            lines.append(line)
    while (joined := _join_broken_sentences(lines)) != lines:
        lines = joined
    return "\n".join(lines)


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
    if line.startswith(CONTINUATION):
        return True
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
