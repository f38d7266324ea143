"""The records that flow between ETL stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be turned into text; the message is meant for a person."""


@dataclass(frozen=True)
class RawDocument:
    """Text as read from one file, before normalisation."""

    path: Path
    format: str  # txt | html | docx | pdf
    text: str
    title: str | None = None  # a title the format itself carries (HTML <title>, docx core properties)


@dataclass(frozen=True)
class ReportMeta:
    """What a report says about itself."""

    agency: str | None
    year: int | None
    report_type: str  # 法治政府建设 | 政府信息公开 | 建议提案办理 | 信访 | 其他
    title: str | None = None
    region: str | None = None
    level: str | None = None  # 省 | 市 | 区县 | 乡镇 | 部门
    sector: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)  # other names the text used for the agency
    # The agency is named only relative to a place the text does not name (区住建委, 县教育局): the
    # name cannot tell one county's body from another's, so a report is filed under it only where
    # a manifest or the agencies file pins it.
    placeless: bool = False


@dataclass(frozen=True)
class Fact:
    """One indicator value, grounded in a sentence of the normalised text."""

    indicator: str  # a code of indicators.toml, e.g. "petition.cases"
    value: float
    unit: str  # 件 | 条 | 批次 | %
    qualifier: str | None  # None | "over" (余/多) | "about" (近/约)
    evidence: str  # the sentence the value came from
    span_start: int  # text[span_start:span_end] == evidence, in the normalised text
    span_end: int
    rule: str  # the id of the rule that produced it


# Every report written by the demo generator carries this line; the ETL flags such reports
# `is_demo` so the dashboard can badge fictional data wherever it shows it.
DEMO_MARKER = "【示例数据】本报告由演示数据生成器生成，机构名称与数字均为虚构。"
