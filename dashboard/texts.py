"""Every user-facing (Chinese) text of the dashboard, and the formatting of numbers with units."""

from __future__ import annotations

import math

APP_TITLE = "政府年度报告指标看板"
APP_SUBTITLE = "各机构法治政府建设、政务公开、建议提案办理与信访工作指标"

PAGES = {
    "overview": "总览",
    "trends": "趋势",
    "gaps": "差距",
    "agency": "机构",
    "reports": "报告与证据",
}

PAGE_TITLE = "{page} · " + APP_TITLE

DEMO_BADGE = "示例数据"
DEMO_BADGE_HINT = "本图表包含演示数据生成器生成的虚构机构与数字"
REAL_DATA = "真实报告"
# The note above every page when demo data is loaded: which agencies are real.
DATA_MIX_ALL_DEMO = "数据说明：看板中的机构及其数字均为演示用的虚构示例数据。"
DATA_MIX_NAMED = "数据说明：除 {names} 的数据来自真实报告外，其余 {demo} 家机构及其数字均为演示用的虚构示例数据。"
DATA_MIX_COUNTED = "数据说明：{real} 家机构的数据来自真实报告，其余 {demo} 家机构及其数字均为演示用的虚构示例数据。"
NAME_SEPARATOR = "、"

# Guidance when the warehouse cannot be shown.
MISSING_TITLE = "尚无可用的数据仓库"
MISSING_BODY = "看板需要先由 ETL 生成数据仓库文件。请在项目目录下运行："
MISSING_COMMAND = "python -m etl run --source 报告目录 --warehouse {path}"
MISSING_DEMO = "如需演示数据，可先运行 python -m etl generate-demo --out demo，再以 --source demo/reports 运行上述命令。"
MISSING_DETAIL = "详细信息：{detail}"
EMPTY_TITLE = "数据仓库中还没有报告"
EMPTY_BODY = "数据仓库 {path} 已存在，但尚未载入任何报告。请运行："
NO_DATA = "当前筛选条件下没有数据。"
# What a browser is told when the warehouse cannot be opened: the file's name only, never its
# folders on the server nor DuckDB's message (those go to the server's log).
WAREHOUSE_MISSING = "数据仓库文件 {name} 不存在。"
WAREHOUSE_UNREADABLE = "无法打开数据仓库 {name}（详情见服务器日志）。"
WAREHOUSE_NOT_CONFIGURED = "未配置数据仓库路径"

# Filters.
FILTER_YEARS = "年度范围"
FILTER_YEAR = "年度"
FILTER_REGION = "地区"
FILTER_SECTOR = "领域"
FILTER_LEVEL = "层级"
FILTER_REPORT_TYPE = "报告类型"
FILTER_FAMILY = "指标族"
FILTER_INDICATOR = "指标"
FILTER_AGENCIES = "机构"
FILTER_AGENCY = "机构"
FILTER_PEERS = "同类比较"
FILTER_MODE = "显示方式"
ALL = "全部"
DROPDOWN_LABELS = {
    "select_all": "全选", "deselect_all": "全不选", "selected_count": "已选 {num_selected} 项", "search": "搜索",
    "clear_search": "清除搜索", "clear_selection": "清除选择", "no_options_found": "没有匹配的选项",
}
RESET = "清除筛选"

PEER_LABELS = {"all": "全部机构", "sector": "同领域", "region": "同地区", "level": "同层级"}
MODE_LABELS = {"value": "数值", "yoy": "同比变化", "index": "指数（首年 = 100）"}
NO_PEERS = "无同类可比"
NO_PEERS_HINT = "同类不足 2 家，或该机构的领域、地区、层级未知"
STANDING_LABELS = {"laggard": "落后于同类中位数", "leader": "优于同类中位数", "par": "与中位数持平", "neutral": "无好坏之分",
                   "no_peers": NO_PEERS}
COVERAGE_LABELS = {"reported": "已披露", "covered_by_parts": "已分项披露（诉讼、复议）", "missing": "报告未披露",
                   "no_report": "当年无报告"}
# Ends of the heatmap's colour bar: oriented gaps, and gaps of indicators without a better direction.
GAP_SCALE_LABELS = ("落后", "持平", "领先")
SCALE_TICK = "{label} {gap}"
AT_CEILING = "{gap}（已达 100%）"
NEUTRAL_SCALE_LABELS = ("低于中位数", "中位数", "高于中位数")

# Pieces of chart labels and hover texts.
YEAR_SUFFIX = " 年"
LABELLED = "{label}：{value}"
LABEL_SEPARATOR = "；"
NAME_WITH_UNIT = "{name}（{unit}）"
VALUE = "数值 {value}"
PEER_MEDIAN = "同类中位数 {median}（{n} 家）"
ORIGINAL_VALUE = "{shown}（原值 {value}）"

# Plotly's own words (the toolbar's download button).
PLOTLY_LOCALE = {"Download plot as a PNG": "下载图片（PNG）", "Download plot": "下载图片",
                 "Double-click on legend to isolate one trace": "双击图例可只显示该项"}

# File names of chart downloads (PNG).
FILE_NAMES = {
    "coverage": "指标披露情况-{year}",
    "trend": "趋势-{indicator}",
    "gap_ranking": "差距排名-{indicator}-{year}",
    "gap_matrix": "差距热力图-{indicator}",
    "agency_standing": "同类百分位-{agency}-{year}",
    "agency_multiples": "历年指标-{agency}",
}

# Overview.
# Each page's headline sentence (dashboard/headlines.py).
HEADLINE_OVERVIEW = ("{year} 年，{n} 家机构（共比较 {total} 家）至少有一项指标落后于同类中位数，"
                     "落后比例最高的是{agency}（{lagging}/{compared} 项）。")
HEADLINE_OVERVIEW_NONE = "{year} 年，比较的 {n} 家机构没有一项指标落后于同类中位数。"
HEADLINE_OMITTING = "{n} 家机构的报告未披露至少一项指标。"
HEADLINE_GAPS = "{year} 年有 {n} 家机构（共比较 {total} 家）的{indicator}落后于同类中位数，最差为{agency}（{value}，同类中位数 {median}）。"
HEADLINE_GAPS_NONE = "{year} 年比较的 {n} 家机构中，没有机构的{indicator}落后于同类中位数。"
HEADLINE_NEUTRAL = "{year} 年比较了 {n} 家机构的{indicator}；该指标无好坏之分，图中只表示高于或低于中位数。"
HEADLINE_NO_COMPARISON = "{year} 年{indicator}没有可与同类比较的数值。"
HEADLINE_TRENDS = "{indicator}的各机构中位数从 {first} 年的 {start} 变为 {last} 年的 {end}。"
HEADLINE_AGENCY = "{agency} {year} 年有 {n} 项指标落后于同类中位数（共比较 {compared} 项），差距最大的是{indicator}（{value}，同类中位数 {median}）。"
HEADLINE_AGENCY_NONE = "{agency} {year} 年比较的 {compared} 项指标没有一项落后于同类中位数。"
HEADLINE_REPORTS = "共 {n} 份报告，其中 {silent} 份未陈述看板所列的任何指标。"
HEADLINE_REPORTS_ALL = "共 {n} 份报告，每份都陈述了看板所列的指标。"

KPI_TITLE = "{year} 年关键指标"
KPI_LABELS = {
    "agencies": ("报告机构", "家"),
    "reports": ("报告", "份"),
    "proposal_satisfaction": ("建议提案满意率中位数", "%"),
    "petition_completion": ("信访办结率中位数", "%"),
    "head_appearance": ("负责人出庭应诉率中位数", "%"),
    "cases": ("行政诉讼与复议案件合计", "件"),
    "petition_cases": ("信访件合计", "件"),
    "disclosure_requests": ("依申请公开合计", "件"),
}
KPI_CHANGE = "较上年 {change}"
KPI_NO_PREVIOUS = "上年无数据"
KPI_BELOW_TARGET = "{n} 个数值未达目标"
KPI_VERDICTS = {True: "向好", False: "需关注"}
LAGGARDS_TITLE = "{year} 年落后指标最多的机构"
LAGGARDS_NOTE = "按低于同类中位数（同类：{peers}）的指标项数排列。点击机构名称查看其各项指标。"
LAGGARDS_ROW = "落后 {lagging} 项 / 可比 {compared} 项"
LAGGARDS_NONE = "当年没有落后于同类中位数的机构。"
COVERAGE_TITLE = "{year} 年指标披露情况（机构 × 指标）"
COVERAGE_NOTE = ("橙红色格子表示该机构当年发布了报告却未披露该指标：披露缺口本身就是一项发现。"
                 "未披露指标最多的机构排在最前。点击已披露的格子可查看原文证据。")

# Trends.
TRENDS_TITLE = "{indicator}：历年变化"
TREND_MEDIAN = "各机构中位数"
PEER_MEDIAN_LINE = "同类中位数"
TREND_BAND = "中间一半机构所在区间（25%–75%）"
TREND_DEFAULT = "当前为默认选择：该指标有数值的年份最多的 {n} 家机构。可在上方“机构”框中选择其他机构。"
TREND_NOTE = "虚线与灰色带按当前筛选范围内的全部机构计算；设有目标的指标以绿色点线标出目标值。点击折线上的点可查看原文出处。"
TARGET = "目标值"
YOY_RATE_UNIT = "个百分点"

# Gaps.
GAP_RANKING_TITLE = "{year} 年 {indicator}：与同类中位数及目标的差距（落后者在前）"
GAP_TO_MEDIAN = "与同类中位数之差"
GAP_TO_TARGET = "与目标值之差"
GAP_HEATMAP_TITLE = "{indicator}：各年与同类中位数之差"
GAP_AXIS = "差距"
GAP_HEATMAP_NOTE = ("橙红色表示落后于同类中位数，蓝色表示优于，颜色越深差距越大（无好坏之分的指标用灰度表示高低）；"
                    "机构按最近一年的差距排列，最落后的在上；"
                    "深灰格子表示该年无数据，标有“" + NO_PEERS + "”的格子有数值但没有可比的同类。点击格子可查看原文出处。")
LISTED_MORE = "{names}等 {n} 家"
GAP_UNREPORTED = "{year} 年发布了报告但未披露{indicator}的机构（{n} 家，不在图中）：{names}。"
GAP_RANKING_NOTE = "柱长为与同类中位数之差，绿色竖线为与目标值之差。点击柱子可查看原文出处。"

# Agency.
AGENCY_TITLE = "{agency}"
AGENCY_META = "地区：{region}　领域：{sector}　层级：{level}"
AGENCY_STANDING_TITLE = "{year} 年在同类中的位置（百分位，越靠右越好）"
AGENCY_STANDING_NOTE = ("百分位表示该机构胜过多少比例的同类机构（与之持平的按一半计），虚线为中位数，落后的指标排在最前。"
                        "深灰色指标无好坏之分，其百分位只表示数值高低。点击点可查看原文出处。")
AGENCY_MULTIPLES_TITLE = "各项指标历年数值"
AGENCY_MULTIPLES_NOTE = "点的颜色表示当年与同类中位数相比的位置；点击点可查看原文出处。"
AGENCY_REPORTS_TITLE = "该机构的报告"
AGENCY_DEFAULT = {
    "lagging": "未指定机构，默认显示 {year} 年落后指标最多的机构。可在上方“机构”框中选择或输入名称查找其他机构。",
    "first": "未指定机构，默认显示第一个机构。可在上方“机构”框中选择或输入名称查找其他机构。",
}
AGENCY_NO_VALUES = "在当前筛选条件下，该机构的报告中没有抽取到指标数值。可在右侧表格中点击报告查看原文。"
PERCENTILE = "百分位"

# Reports.
REPORTS_TITLE = "报告列表"
REPORT_FACTS = "抽取到的指标（{n} 项，已在原文中高亮）"
REPORT_NO_FACTS = "这份报告没有陈述看板所列的任何指标。"
REPORT_NOT_FOUND = "找不到报告 {report_id}。"
REPORT_RETIRED = "该报告已退役（源文件已删除或改动）。"
REPORT_OPEN_HINT = "点击表格中的一行查看报告全文与高亮的指标。"
COLUMNS = {
    "agency": "机构",
    "year": "年度",
    "report_type": "类型",
    "title": "标题",
    "facts": "指标数",
    "source": "来源（原网页或文件名）",
    "data_source": "数据来源",
    "format": "格式",
    "indicator_name": "指标",
    "value": "数值",
    "unit": "单位",
    "evidence": "原文句子",
}

# dash-ag-grid's own words (pagination, filters).
GRID_LOCALE = {
    "page": "第", "of": "/", "to": "–", "more": "更多", "next": "下一页", "last": "末页", "first": "首页",
    "previous": "上一页", "pageSizeSelectorLabel": "每页行数：", "pageLastRowUnknown": "?", "noRowsToShow": NO_DATA,
    "loadingOoo": "加载中…", "filterOoo": "筛选…", "searchOoo": "搜索…", "selectAll": "全选", "blanks": "（空白）",
    "equals": "等于", "notEqual": "不等于", "contains": "包含", "notContains": "不包含", "startsWith": "开头是",
    "endsWith": "结尾是", "blank": "为空", "notBlank": "不为空", "lessThan": "小于", "greaterThan": "大于",
    "lessThanOrEqual": "小于等于", "greaterThanOrEqual": "大于等于", "inRange": "介于", "inRangeStart": "从",
    "inRangeEnd": "到", "andCondition": "且", "orCondition": "或", "applyFilter": "应用", "resetFilter": "重置",
    "clearFilter": "清除", "cancelFilter": "取消", "ariaFilterValue": "筛选值", "ariaRowSelect": "选择此行",
}

# Evidence panel.
EVIDENCE_TITLE = "数据来源"
EVIDENCE_HINT = "点击任一图表中的点或柱，查看该数字的原文出处。"
EVIDENCE_VALUE = "{indicator}：{value}"
EVIDENCE_REPORT = "{agency} · {year} 年 · {report_type}"
EVIDENCE_FILE = "源文件：{name}"
EVIDENCE_PAGE = "原网页："
EVIDENCE_PUBLISHED = "（发布于 {date}）"
EVIDENCE_OPEN = "查看报告全文"
EVIDENCE_MISSING = "这里没有数值：该机构当年的报告未披露此指标。"
# Why a clicked cell has no evidence, by its coverage status.
EVIDENCE_NONE = {"missing": EVIDENCE_MISSING, "no_report": "这里没有数值：该机构当年没有发布报告。"}
CLOSE = "关闭"

DOWNLOAD_CSV = "下载数据（CSV）"
UNKNOWN = "未知"


def number(value: float | None, unit: str = "", digits: int | None = None) -> str:
    """A value with its unit: 1,234 件, 98.5%, 12 批次; '—' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if digits is None:
        digits = 0 if float(value).is_integer() else 1
    text = f"{value:,.{digits}f}"
    if unit == "%":
        return text + "%"
    return f"{text} {unit}".rstrip()


def change(value: float | None, unit: str) -> str:
    """A signed change of a value in `unit`: +3 件, −1.2 个百分点 (a change of a rate is in
    percentage points)."""
    return signed(value, YOY_RATE_UNIT if unit == "%" else unit)


def signed(value: float | None, unit: str) -> str:
    """A number with its sign and unit as given: +3 件, −1.2 个百分点, +4.5%."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + number(abs(value), unit)


def fact_value(value: float, unit: str, qualifier: str | None) -> str:
    """A fact as the report states it: 500余件, 约 98%, 12 批次."""
    if qualifier == "over":
        return number(value) + "余" + unit
    if qualifier == "about":
        return "约" + number(value, unit)
    return number(value, unit)


def listed(names: list[str], most: int) -> str:
    """Names joined, at most `most` of them, the rest counted (甲、乙等 30 家)."""
    shown = NAME_SEPARATOR.join(names[:most])
    return shown if len(names) <= most else LISTED_MORE.format(names=shown, n=len(names))


def year(value: int | str) -> str:
    """2022 年 (also for a plotly placeholder such as %{x})."""
    return f"{value}{YEAR_SUFFIX}"

