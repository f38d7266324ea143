"""Quantities in Chinese report text: Arabic and Chinese numerals, percents, qualifiers, units.

    共办理三十三件 -> 33 件;  500余件 -> 500 件 over;  近500件 -> 500 件 about;
    满意率99.8% -> 99.8 %;  百分之九十九点八 -> 99.8 %;  百分之百 -> 100 %;  1.2万条 -> 12000 条;
    近千件 -> 1000 件 about;  2千余条 -> 2000 条 over;
    叁拾陆件 -> 36 件 (the financial numerals some offices write counts in)

Chinese numerals go through cn2an, which rejects qualifiers and 百分之 (see
../shared/notes/dependencies.md), so those are taken off first. A Chinese numeral counts only
when a unit follows (一是, 一站式 and 八五普法 are words, not quantities); an Arabic number
counts with or without a unit (a year, a phone number), so that callers can see it is there.
A number without a unit after it takes the unit its label gives in brackets right before it,
as a table's row label does (新收行政复议案件（件）64 -> 64 件).
The classifiers 个 and 项 right before a noun count that noun (涉及12个镇街, 8项措施), not the
term before the number, so such a quantity has no unit; before a verb or a stop (建议5个，均已
答复) they are its unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

# Measure words, longest first so that 件次 is not read as 件.
UNITS = (
    "个百分点", "件次", "人次", "批次", "天次", "户次", "课时", "小时", "万元", "亿元",
    "件", "条", "篇", "宗", "起", "批", "次", "人", "名", "个", "项", "家", "场", "期", "份", "部",
    "所", "户", "处", "届", "天", "年", "月", "日", "号", "元", "%",
)
CLASSIFIERS = frozenset("个项")
# What may follow a counted item's classifier: words that go on about the item, not a noun it counts.
AFTER_ITEM = frozenset("均都已全并和及与或中为是的未被由等")
QUALIFIER_BEFORE = {"近": "about", "约": "about", "大约": "about", "逾": "over", "超过": "over"}
QUALIFIER_AFTER = {"余": "over", "多": "over"}
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"

_unit = "|".join(re.escape(u) for u in UNITS)
_before = "|".join(sorted(QUALIFIER_BEFORE, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<before>{_before})?"
    r"(?:百分之(?P<percent>百|[零〇一二两三四五六七八九十百点]+)"
    r"|(?P<arabic>\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)"
    rf"|(?P<chinese>[{CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?))"
    r"(?P<after>余|多)?(?P<scale>千|万|亿)?(?P<after2>余|多)?"
    rf"(?P<unit>{_unit})?"
)
SCALE = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
ROUND = {"百": 100, "千": 1_000, "万": 10_000}  # a round number named alone: 逾百件, 近千件, 万余条
LABEL_UNIT = re.compile(rf"[（(](?:单位[：:])?(?P<unit>{_unit})[)）]$")  # 败诉案件（件）2 / 数量(单位:条)86
LABEL_REACH = 8


@dataclass(frozen=True)
class Quantity:
    start: int  # the whole mention, qualifier and unit included
    end: int
    value: float
    unit: str  # a measure word of UNITS, "%" for percents, "" when none follows
    qualifier: str | None  # None | "over" | "about"
    number_start: int  # where the number itself begins (after 近/约)

    @property
    def is_integer(self) -> bool:
        return self.value == int(self.value)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order. Ordinals (第3次) are left out: they are ranks."""
    found = []
    for m in QUANTITY.finditer(text):
        if m.group("chinese") and not (m.group("unit") or m.group("scale")):
            continue  # 一是, 八五普法: words, not quantities
        if m.group("chinese") in ROUND and not (m.group("before") or m.group("after") or m.group("after2")):
            continue  # 千家万户: a round numeral alone is a figure of speech unless qualified (近千件, 百余条)
        number_start = m.start() + len(m.group("before") or "")
        if text[max(0, number_start - 1):number_start] == "第":
            continue
        value = _value(m)
        if value is None:
            continue
        unit = "%" if m.group("percent") else (m.group("unit") or _label_unit(text, number_start))
        if unit in CLASSIFIERS and _counts_next_noun(text, m.end()):
            unit = ""
        qualifier = QUALIFIER_AFTER.get(m.group("after") or m.group("after2") or "") or QUALIFIER_BEFORE.get(m.group("before") or "")
        found.append(Quantity(m.start(), m.end(), value, unit, qualifier, number_start))
    return found


def parse_number(numeral: str) -> float:
    """An Arabic or Chinese numeral as a number: '2,872' -> 2872, '三十三' -> 33, '两千' -> 2000,
    '九十九点八' -> 99.8, '百' -> 100, '千' -> 1000 (逾百件, 近千件). Raises ValueError for anything else."""
    numeral = numeral.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", numeral):
        return float(numeral.replace(",", ""))
    if numeral in ROUND:
        return float(ROUND[numeral])
    return float(cn2an.cn2an(numeral, "smart"))


def _label_unit(text: str, number_start: int) -> str:
    """The unit a bracket right before a number names (its row label's unit), or ""."""
    label = LABEL_UNIT.search(text, max(0, number_start - LABEL_REACH), number_start)
    return label.group("unit") if label else ""


def _counts_next_noun(text: str, pos: int) -> bool:
    """Whether a classifier ending at `pos` stands before the noun it counts (12个镇街)."""
    return pos < len(text) and "\u4e00" <= text[pos] <= "\u9fff" and text[pos] not in AFTER_ITEM


def _value(m: re.Match) -> float | None:
    numeral = m.group("percent") or m.group("arabic") or m.group("chinese")
    try:
        value = parse_number(numeral)
    except ValueError:
        return None
    scale = SCALE.get(m.group("scale") or "", 1)
    return round(value * scale, 6) if scale > 1 else value  # 74.96万 is 749600, not 749599.99…
