"""The demo corpus: reports of fictional agencies over several years, and their gold file.

Two real reports cannot show trends, so the dashboard ships with generated ones, loaded through
the same ETL. One model drives both outputs: every agency has a baseline and a trend per
indicator (some improve, some lag), each report states some of that year's values through
phrase templates drawn at random, and the gold file lists exactly the facts those templates
state under the reading rules of ../shared/spec/indicators.md — nothing that is only a
distractor (dates, document numbers, parts of totals, last year's values, hotline cases).

A template is a sentence with slots. `{npc}` states a fact; `{npc_sat=cppcc_sat}` states one
rate for two codes; `{0:reviews,lawsuits}` states explicit zeros in words; `{scope1:npc}` gives
a value for one scope without a total (the code is then `ignore`d); every other slot
(`{prev:cases}`, `{part1:proactive}`, `{int:2-6}`, `{who}` ...) is text that is not a fact.
"""

from __future__ import annotations

import json
import math
import random
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape
from io import BytesIO
from pathlib import Path

import cn2an
import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from etl.indicators import indicators
from etl.model import DEMO_MARKER


@dataclass(frozen=True)
class DemoSummary:
    agencies: int
    reports: int
    facts: int
    out_dir: Path
    reports_dir: Path
    gold_path: Path


def generate_demo(
    out_dir: Path, agencies: int = 40, years: tuple[int, int] = (2019, 2024), seed: int = 0
) -> DemoSummary:
    """Write the reports under out_dir/reports/<agency>/ and their gold file out_dir/gold.jsonl.

    The same seed gives the same corpus. Files a previous run wrote (as its gold file lists
    them) are removed first; nothing else in out_dir is touched.
    """
    first, last = years
    if first > last:
        raise ValueError(f"years must be (first, last) with first <= last, got {years}")
    roster = build_roster(agencies, seed)
    reports = [report for agency in roster for report in agency_reports(agency, first, last, seed)]
    reports_dir = out_dir / "reports"
    gold_path = out_dir / "gold.jsonl"
    _remove_previous(reports_dir, gold_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The gold file is written before the reports: it is also the list of files to remove next time.
    temp = gold_path.with_name(gold_path.name + ".tmp")
    temp.write_text("".join(json.dumps(r.gold(), ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    temp.replace(gold_path)
    for report in reports:
        path = reports_dir / report.source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report.file_bytes())
    return DemoSummary(
        agencies=len(roster),
        reports=len(reports),
        facts=sum(len(r.facts) for r in reports),
        out_dir=out_dir,
        reports_dir=reports_dir,
        gold_path=gold_path,
    )


def _remove_previous(reports_dir: Path, gold_path: Path) -> None:
    if not gold_path.exists():
        return
    root = reports_dir.resolve()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        path = (reports_dir / json.loads(line)["source"]).resolve()
        if not path.is_relative_to(root):
            continue  # not a path this generator writes
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    gold_path.unlink()


# ---------------------------------------------------------------------------------------------
# Agencies: a fictional city 示例市 in 示例省, its districts, counties, townships and bureaus.

CITY = "示例市"
PROVINCE = "示例省"

# district, slug, its townships (name, slug)
DISTRICTS = (
    ("东湖区", "donghu", (("柳溪街道", "liuxi"), ("龙湾街道", "longwan"), ("新桥街道", "xinqiao"))),
    ("西山区", "xishan", (("石门镇", "shimen"), ("枫林镇", "fenglin"), ("平安街道", "pingan"))),
    ("南岭区", "nanling", (("青石镇", "qingshi"), ("长岗镇", "changgang"), ("梅岭乡", "meiling"))),
    ("北塘区", "beitang", (("金塘镇", "jintang"), ("双河镇", "shuanghe"), ("云台镇", "yuntai"))),
    ("青云县", "qingyun", (("白沙镇", "baisha"), ("桃源乡", "taoyuan"), ("竹坪乡", "zhuping"))),
    ("云溪县", "yunxi", (("清水镇", "qingshui"), ("花溪镇", "huaxi"), ("杨柳镇", "yangliu"))),
)


@dataclass(frozen=True)
class Sector:
    name: str
    slug: str
    city_suffix: str  # the bureau's name at city level
    county_suffix: str  # ... at district/county level
    short: str  # 卫健 in 区卫健局
    abbr: str  # in document numbers: 示东资规发〔2022〕9号
    work: str
    day: str  # the sector's awareness day, for 普法 paragraphs
    load: tuple[tuple[str, float], ...] = ()  # workload factor per family, 1 when absent


SECTORS = (
    Sector("自然资源和规划", "zrzy", "自然资源和规划局", "自然资源和规划局", "资规", "资规",
           "自然资源管理和国土空间规划", "“6·25”全国土地日",
           (("litigation", 2.5), ("petition", 2.0), ("disclosure", 1.8))),
    Sector("公安", "gaj", "公安局", "公安局", "公安", "公", "公安执法和治安管理", "“1·10”中国人民警察节",
           (("litigation", 2.5), ("petition", 2.0), ("disclosure", 1.6))),
    Sector("税务", "sw", "税务局", "税务局", "税务", "税", "税收征管和纳税服务", "全国税收宣传月",
           (("litigation", 0.6), ("petition", 0.4), ("proposals", 0.5))),
    Sector("生态环境", "sthj", "生态环境局", "生态环境局", "生态环境", "环", "生态环境保护", "“6·5”环境日",
           (("petition", 1.5),)),
    Sector("交通运输", "jtys", "交通运输局", "交通运输局", "交通", "交", "交通运输管理", "“12·2”全国交通安全日",
           (("proposals", 1.5),)),
    Sector("卫生健康", "wsjk", "卫生健康委员会", "卫生健康局", "卫健", "卫健", "卫生健康事业", "“4·7”世界卫生日",
           (("proposals", 1.6), ("litigation", 0.6))),
    Sector("市场监督管理", "scjg", "市场监督管理局", "市场监督管理局", "市场监管", "市监", "市场监管",
           "“3·15”国际消费者权益日", (("litigation", 1.5), ("disclosure", 1.3))),
    Sector("教育", "jy", "教育局", "教育局", "教育", "教", "教育管理", "“12·4”国家宪法日",
           (("proposals", 2.0), ("litigation", 0.5))),
    Sector("人力资源和社会保障", "rsj", "人力资源和社会保障局", "人力资源和社会保障局", "人社", "人社",
           "人力资源和社会保障", "“12·4”国家宪法日", (("petition", 1.8), ("litigation", 1.2))),
    Sector("住房和城乡建设", "zjj", "住房和城乡建设局", "住房和城乡建设局", "住建", "建", "城乡建设管理",
           "“5·12”全国防灾减灾日", (("petition", 2.2), ("litigation", 1.3))),
    Sector("司法", "sfj", "司法局", "司法局", "司法", "司", "司法行政", "“12·4”国家宪法日",
           (("litigation", 0.5), ("petition", 0.7))),
)


@dataclass(frozen=True)
class Agency:
    name: str  # canonical: always in a report's title or sign-off
    short_name: str | None  # a title may use it instead: 东湖区生态环境局 (None for city-level bodies)
    slug: str
    level: str  # 市 | 区县 | 乡镇 | 部门
    region: str
    sector: str | None
    aliases: tuple[str, ...]  # how its reports name it in the body; the first is 我局/我区/...
    local: str  # the congress and CPPCC it answers to: 市 | 区 | 县
    upper: str  # the one above: 省 | 市
    superior: str  # 区委、区政府
    addressee: str  # whom its 法治 report is addressed to
    doc_prefix: str  # 示东资规发
    work: str
    day: str
    scale: float  # workload relative to a district bureau
    load: tuple[tuple[str, float], ...]


def _city_gov() -> Agency:
    return Agency(f"{CITY}人民政府", None, "city-gov", "市", f"{PROVINCE}{CITY}", None, ("我市", "市政府"),
                  "市", "省", "省委、省政府", f"{PROVINCE}人民政府", "示政发", "经济社会发展",
                  "“12·4”国家宪法日", 6.0, ())


def _city_bureau(s: Sector) -> Agency:
    me = "我委" if s.city_suffix.endswith("委员会") else "我局"
    short = f"市{s.short}委" if me == "我委" else f"市{s.short}局"
    return Agency(f"{CITY}{s.city_suffix}", None, f"city-{s.slug}", "部门", f"{PROVINCE}{CITY}", s.name,
                  (me, short, f"市{s.city_suffix}"), "市", "省", "市委、市政府", f"{CITY}人民政府",
                  f"示{s.abbr}发", s.work, s.day, 2.2, s.load)


def _district_gov(district: str, slug: str) -> Agency:
    unit = district[-1]
    return Agency(f"{CITY}{district}人民政府", f"{district}人民政府", f"{slug}-gov", "区县", f"{PROVINCE}{CITY}{district}", None,
                  (f"我{unit}", f"{unit}政府", f"{district}政府"), unit, "市", "市委、市政府",
                  f"{CITY}人民政府", f"{district[0]}政发", "经济社会发展", "“12·4”国家宪法日", 3.0, ())


def _district_bureau(district: str, slug: str, s: Sector) -> Agency:
    unit = district[-1]
    return Agency(f"{CITY}{district}{s.county_suffix}", f"{district}{s.county_suffix}", f"{slug}-{s.slug}", "部门",
                  f"{PROVINCE}{CITY}{district}", s.name,
                  ("我局", f"{unit}{s.short}局", f"{district}{s.county_suffix}"), unit, "市",
                  f"{unit}委、{unit}政府", f"{district}人民政府", f"{district[0]}{s.abbr}发", s.work, s.day,
                  1.0, s.load)


def _township(district: str, slug: str, town: str, town_slug: str) -> Agency:
    unit = district[-1]
    if town.endswith("街道"):
        name, me, office = f"{town}办事处", "我街道", f"{town}办事处"
    else:
        name, me, office = f"{town}人民政府", f"我{town[-1]}", f"{town}政府"
    return Agency(f"{CITY}{district}{name}", f"{district}{name}", f"{slug}-{town_slug}", "乡镇", f"{PROVINCE}{CITY}{district}", None,
                  (me, office, town), unit, "市", f"{unit}委、{unit}政府", f"{district}人民政府",
                  f"{town[:2]}政发", "基层治理", "“12·4”国家宪法日", 0.35, ())


# The order in which kinds of agency are drawn, so that a small roster is already varied.
_ROSTER_PATTERN = ("district_bureau", "city_bureau", "township", "district_bureau", "district_gov",
                   "district_bureau", "township", "city_bureau", "district_bureau", "city_gov")


def build_roster(count: int, seed: int) -> list[Agency]:
    """`count` distinct fictional agencies, drawn in a varied order that depends on `seed`."""
    rng = random.Random(f"roster/{seed}")
    pools: dict[str, list[Agency]] = {
        "city_gov": [_city_gov()],
        "city_bureau": [_city_bureau(s) for s in SECTORS],
        "district_gov": [_district_gov(d, slug) for d, slug, _ in DISTRICTS],
        "district_bureau": [_district_bureau(d, slug, s) for d, slug, _ in DISTRICTS for s in SECTORS],
        "township": [_township(d, slug, t, ts) for d, slug, towns in DISTRICTS for t, ts in towns],
    }
    available = sum(len(pool) for pool in pools.values())
    if not 1 <= count <= available:
        raise ValueError(f"agencies must be between 1 and {available}, got {count}")
    for pool in pools.values():
        rng.shuffle(pool)
    roster: list[Agency] = []
    step = 0
    while len(roster) < count:
        kind = _ROSTER_PATTERN[step % len(_ROSTER_PATTERN)]
        step += 1
        pool = pools[kind] or next(p for p in pools.values() if p)
        roster.append(pool.pop())
    return roster


# ---------------------------------------------------------------------------------------------
# Values: per agency a baseline and a trend per indicator, with noise per year.

CODES = {
    "proactive": "disclosure.proactive",
    "requests": "disclosure.requests",
    "d_reviews": "disclosure.reviews",
    "d_lawsuits": "disclosure.lawsuits",
    "npc": "proposals.npc_count",
    "cppcc": "proposals.cppcc_count",
    "npc_sat": "proposals.npc_satisfaction",
    "cppcc_sat": "proposals.cppcc_satisfaction",
    "npc_done": "proposals.npc_completion",
    "cppcc_done": "proposals.cppcc_completion",
    "lawsuits": "litigation.lawsuits",
    "reviews": "litigation.reviews",
    "combined": "litigation.combined",
    "losses": "litigation.losses",
    "head": "litigation.head_appearance_rate",
    "cases": "petition.cases",
    "visits": "petition.visits",
    "p_done": "petition.completion_rate",
    "p_sat": "petition.satisfaction_rate",
}

# Mean yearly count of a district bureau (scale 1, sector load 1).
_BASE_COUNTS = {"proactive": 120, "requests": 6, "d_reviews": 0.3, "d_lawsuits": 0.15, "npc": 14,
                "cppcc": 11, "lawsuits": 5, "reviews": 6, "cases": 170}
# Counts that a report, when it mentions them at all, never states as zero.
_AT_LEAST_ONE = {"proactive", "npc", "cppcc", "cases", "visits"}
# Counts that some bodies hardly ever have (a quiet bureau receives no requests for years).
_OFTEN_NONE = {"requests", "lawsuits", "reviews"}
_FAMILY = {short: code.split(".")[0] for short, code in CODES.items()}
_LAGGARD_SHARE = 0.15


@dataclass(frozen=True)
class Plan:
    """What one agency reports and the values behind it."""

    values: dict[str, dict[int, float]]  # short code -> year -> value (from the year before `first`)
    never: frozenset[str]  # codes it never states
    publishes: dict[str, frozenset[int]]  # report kind -> the years it publishes one
    sections: frozenset[str]  # families its 法治 report covers
    combined_only: bool  # states lawsuits and reconsiderations only as one total
    first: int
    stock0: int  # items published before `first` (for 累计 sentences)


def plan_agency(agency: Agency, first: int, last: int, seed: int) -> Plan:
    rng = random.Random(f"plan/{seed}/{agency.slug}")
    years = range(first - 1, last + 1)
    laggard = rng.random() < _LAGGARD_SHARE
    decimals = rng.random() < 0.5  # some bodies give rates to one decimal, others in whole numbers
    load = dict(agency.load)
    values: dict[str, dict[int, float]] = {}
    for short, base in _BASE_COUNTS.items():
        mean = base * agency.scale * load.get(_FAMILY[short], 1.0) * rng.lognormvariate(0, 0.4)
        if short in _OFTEN_NONE and rng.random() < 0.2:
            mean *= 0.1
        growth = rng.uniform(-0.12, 0.15)
        floor = 1 if short in _AT_LEAST_ONE else 0
        values[short] = {y: max(floor, _noisy_count(rng, mean * (1 + growth) ** (y - first))) for y in years}
    loss_share = rng.uniform(0.0, 0.12)
    values["losses"] = {y: sum(rng.random() < loss_share for _ in range(int(n))) for y, n in values["lawsuits"].items()}
    values["combined"] = {y: values["lawsuits"][y] + values["reviews"][y] for y in years}
    visit_share = rng.uniform(0.08, 0.25)
    values["visits"] = {y: max(1, round(n * visit_share * rng.uniform(0.85, 1.15))) for y, n in values["cases"].items()}

    def rates(base: tuple[float, float], slope: tuple[float, float], low: float) -> dict[int, float]:
        b, s = rng.uniform(*base), rng.uniform(*slope)
        return {y: _rate(b + s * (y - first) + rng.gauss(0, 1.0), low, decimals) for y in years}

    if laggard:
        values["npc_done"] = rates((90, 95), (-1.0, 0.3), 90)
        values["npc_sat"] = rates((85, 90), (-1.0, 0.5), 85)
        values["head"] = rates((40, 55), (-2.0, 3.0), 40)
        values["p_done"] = rates((90, 94), (-1.0, 0.5), 90)
        values["p_sat"] = rates((85, 89), (-1.0, 0.5), 85)
    else:
        values["npc_done"] = rates((95, 101), (0.0, 1.5), 90)
        values["npc_sat"] = rates((88, 100), (0.0, 2.5), 85)
        values["head"] = rates((40, 85), (3.0, 12.0), 40)
        values["p_done"] = rates((93, 101), (0.0, 1.5), 90)
        values["p_sat"] = rates((86, 99), (0.0, 2.0), 85)
    # Many bodies report one completion and one satisfaction rate for suggestions and proposals alike.
    values["cppcc_done"] = values["npc_done"] if rng.random() < 0.6 else rates((94, 101), (0.0, 1.5), 90)
    values["cppcc_sat"] = values["npc_sat"] if rng.random() < 0.5 else rates((87, 100), (0.0, 2.0), 85)

    never = frozenset(c for c in CODES if rng.random() < (0.04 if c in ("proactive", "requests", "cases") else 0.12))
    handles_proposals = agency.level != "乡镇"
    publishes = {
        "xxgk": _years(rng, first, last, late=0.15, skip=0.08),
        "fzzf": _years(rng, first, last, late=0.4, skip=0.1),
        "jyta": _years(rng, first, last, late=0.0, skip=0.55) if handles_proposals and rng.random() < 0.6 else frozenset(),
        "xf": _years(rng, first, last, late=0.0, skip=0.55) if rng.random() < 0.5 else frozenset(),
    }
    sections = {"litigation"} if rng.random() < 0.9 else set()
    sections |= {"petition"} if rng.random() < 0.55 else set()
    sections |= {"proposals"} if handles_proposals and rng.random() < 0.55 else set()
    sections |= {"disclosure"} if rng.random() < 0.4 else set()
    return Plan(values, never, publishes, frozenset(sections), rng.random() < 0.2, first,
                int(values["proactive"][first] * rng.uniform(3, 8)))


def _years(rng: random.Random, first: int, last: int, late: float, skip: float) -> frozenset[int]:
    start = first + rng.randint(1, 3) if rng.random() < late else first
    return frozenset(y for y in range(start, last + 1) if rng.random() >= skip)


def _noisy_count(rng: random.Random, mean: float) -> int:
    if mean >= 10:
        return round(mean * rng.lognormvariate(0, 0.12))
    # Knuth's Poisson sampler: small counts such as reconsiderations are mostly 0, 1 or 2.
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _rate(value: float, low: float, decimals: bool) -> float:
    if value >= 99.6:
        return 100.0
    return round(min(max(value, low), 99.9), 1 if decimals else 0)


# ---------------------------------------------------------------------------------------------
# Templates. Slot syntax: see the module docstring and Template.parse.

DISCLOSURE_TEMPLATES = (
    "{year}年，{who}共主动公开政府信息{proactive}条。",
    "全年通过政府门户网站、政务新媒体等渠道主动公开政府信息{proactive}条，其中门户网站发布{part1:proactive}条，"
    "政务新媒体发布{part2:proactive}条。",
    "{who}全年主动公开各类政府信息{proactive}条，内容涵盖机构职能、政策文件、规划计划、财政预决算和人事信息等。",
    "本年度主动公开政府信息{proactive}条，比上年的{prev:proactive}条{change:proactive}。",
    "截至{year}年底，{who}累计主动公开政府信息{stock:proactive}条，其中本年度新增主动公开{proactive}条。",
    "坚持以公开为常态、不公开为例外，全年主动发布政府信息{proactive}件。",
    "全年共收到政府信息公开申请{requests}件，均在法定期限内予以答复。",
    "{year}年，{who}受理依申请公开{requests}件，其中网上申请{part1:requests}件，信函及当面申请{part2:requests}件，"
    "均已按时办结。",
    "本年度新收政府信息公开申请{requests}件，另有上年结转申请{int:1-3}件，均已依法答复。",
    "办理依申请公开事项{requests}件，较上年的{prev:requests}件{change:requests}。",
    "{0:requests}{year}年度，{who}未收到政府信息公开申请。",
    "{0:requests}全年未收到公民、法人或其他组织提出的政府信息公开申请。",
    "因政府信息公开工作被申请行政复议{d_reviews}件、被提起行政诉讼{d_lawsuits}件。",
    "涉及政府信息公开的行政复议案件{d_reviews}件、行政诉讼案件{d_lawsuits}件。",
    "{0:d_reviews,d_lawsuits}全年未发生因政府信息公开引起的行政复议和行政诉讼。",
    "{0:d_reviews,d_lawsuits}本年度没有因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
    "本年度因政府信息公开被申请行政复议{d_reviews+}件，复议结果均为维持。",
    "{0:d_reviews}未发生因政府信息公开被申请行政复议的情况。",
    "发生涉及政府信息公开的行政诉讼案件{d_lawsuits+}件，目前尚在审理中。",
    "{0:d_lawsuits}未发生因政府信息公开被提起行政诉讼的情况。",
    "全年办理依申请公开{requests}件，{0:d_reviews,d_lawsuits}未发生行政复议或行政诉讼。",
    "收到政府信息公开申请{requests}件，均已按时答复，{0:d_reviews,d_lawsuits}无因此引发的行政复议、行政诉讼。",
)

LITIGATION_TEMPLATES = (
    "全年新收行政诉讼案件{lawsuits}件。",
    "{year}年，{who}作为被告的一审行政诉讼案件{lawsuits}件，比上年的{prev:lawsuits}件{change:lawsuits}。",
    "全年共办理行政应诉案件{lawsuits}件，已审结{under:lawsuits}件。",
    "全年办理行政复议案件{reviews}件。",
    "{who}作为被申请人的行政复议案件{reviews}件，均按期提交答复和证据材料。",
    "收到以{who}为被申请人的行政复议申请{reviews}件，较上年的{prev:reviews}件{change:reviews}。",
    "{year}年，{who}共发生行政复议案件{reviews}件、行政诉讼案件{lawsuits}件。",
    # A total given with both parts: whether it is also litigation.combined is left open (ignored).
    "全年办理行政复议和行政诉讼案件{sum:reviews+lawsuits}件，其中行政复议{reviews}件，行政诉讼{lawsuits}件。",
    "{0:reviews,lawsuits}全年未发生行政复议和行政诉讼案件。",
    "{0:reviews,lawsuits}{year}年度，{who}未被申请行政复议，也未被提起行政诉讼。",
    "{0:lawsuits}全年未发生行政诉讼案件。",
    "{0:reviews}全年未发生行政复议案件。",
    "全年共办理诉讼复议各类案件{combined+}件。",
    "{year}年，{who}共办理行政复议、行政诉讼案件{combined+}件，比上年的{prev:combined}件{change:combined}。",
    "妥善应对行政争议，全年涉及{who}的行政复议和行政诉讼案件共{combined+}件。",
    "全年行政复议、行政诉讼案件合计{combined+}件。",
    "全年行政诉讼败诉{losses}件。",
    "{0:losses}全年无败诉案件。",
    "审结案件中{who}败诉{losses+}件，已逐案分析原因并落实整改。",
    "{0:losses}未发生行政诉讼败诉案件，实现“零败诉”。",
    "全年一审行政诉讼案件{lawsuits+}件，败诉{losses}件，败诉率{lossrate:losses}。",
    "行政诉讼案件{lawsuits+}件，{0:losses}无一败诉。",
    "认真落实行政机关负责人出庭应诉制度，负责人出庭应诉率达到{head}。",
    "行政机关负责人出庭应诉率为{head}，比上年{delta:head}。",
    "全年{who}负责人出庭应诉{appear:head}件次，出庭应诉率{head}。",
    "开庭审理的行政诉讼案件中，行政机关负责人出庭应诉率{head}。",
    "应诉案件{lawsuits+}件，行政机关负责人出庭应诉率{head}，败诉{losses}件。",
)

PETITION_TEMPLATES = (
    "{year}年共受理群众来信、来访及网上信访事项{cases}件。",
    "全年共处理来信、来访、网上信访等各类信访件{cases}件，比上年的{prev:cases}件{change:cases}。",
    "{who}全年登记受理信访件{cases}件，其中网上信访{part1:cases}件，来信来访{part2:cases}件。",
    "全年受理信访事项{cases}件，均按程序登记、转送和办理。",
    "全年接待群众来访{visits}批次{people:visits}人次。",
    "共接待来访群众{visits}批{people:visits}人。",
    "全年接待群众来访{visits}批次，未发生越级上访和群体性事件。",
    "全年受理来信来访和网上信访{cases}件，接待群众来访{visits}批次，办结率{p_done}，群众满意率{p_sat}。",
    "{year}年共受理信访件{cases}件，接待来访{visits}批次。",
    "信访事项按期办结率{p_done}。",
    "信访件办结率达到{p_done}。",
    "信访事项化解率{p_done}。",
    "信访事项办理完成率为{p_done}。",
    "信访群众满意率为{p_sat}。",
    "参评群众对信访事项办理的满意率为{p_sat}。",
    "信访满意率达到{p_sat}。",
    "信访事项按期办结率{p_done}，群众满意率{p_sat}。",
    "信访事项办结率、群众满意率均为{p_done=p_sat}。",
)

PROPOSALS_TEMPLATES = (
    "{year}年，{who}共承办人大代表建议{npc}件。",
    "承办{npc_session}代表建议{npc}件（主办{part1:npc}件、协办{part2:npc}件）。",
    "办理人大代表建议{npc}件，比上年的{prev:npc}件{change:npc}。",
    "共办理{upper}、{local}两级人大代表建议{npc}件，其中{upper}人大代表建议{part1:npc}件，"
    "{local}人大代表建议{part2:npc}件。",
    # Two scopes and no total: no single fact (the code is ignored for the document).
    "办理{upper}人大代表建议{scope1:npc}件、{local}人大代表建议{scope2:npc}件。",
    "{year}年，{who}共承办政协提案{cppcc}件。",
    "承办{cppcc_session}委员提案{cppcc}件（主办{part1:cppcc}件、会办{part2:cppcc}件）。",
    "办理政协委员提案{cppcc}件，比上年的{prev:cppcc}件{change:cppcc}。",
    "办理{upper}政协提案{scope1:cppcc}件、{local}政协提案{scope2:cppcc}件。",
    "{year}年，{who}共承办人大代表建议{npc}件、政协提案{cppcc}件，建议提案合计{sum:npc+cppcc}件。",
    "全年承办{local}人大代表建议{npc}件、{local}政协委员提案{cppcc}件，均已按期办结并答复。",
    "共承办建议提案{sum:npc+cppcc}件，其中人大代表建议{npc}件、政协提案{cppcc}件。",
    "人大代表建议按期办复率{npc_done}。",
    "代表建议办结率达到{npc_done}。",
    "人大代表建议答复率为{npc_done}。",
    "政协提案按期办复率{cppcc_done}。",
    "政协提案办结率达到{cppcc_done}。",
    "委员提案答复率为{cppcc_done}。",
    "代表对办理结果的满意率为{npc_sat}。",
    "人大代表满意率{npc_sat}。",
    "代表满意和基本满意率达到{npc_sat}。",
    "政协委员满意率{cppcc_sat}。",
    "提案委员对办理结果的满意率为{cppcc_sat}。",
    "委员满意和基本满意率达到{cppcc_sat}。",
    "建议提案办结率、满意率均为{npc_done=cppcc_done=npc_sat=cppcc_sat}。",
    "建议提案按期办复率和代表委员满意率均达{npc_done=cppcc_done=npc_sat=cppcc_sat}。",
    "代表、委员满意率均为{npc_sat=cppcc_sat}。",
    "建议提案办结率{npc_done=cppcc_done}，代表委员满意率{npc_sat=cppcc_sat}。",
    "人大代表建议{npc}件、政协提案{cppcc}件，满意率均为{npc_sat=cppcc_sat}。",
    "办理人大代表建议{npc}件，办复率{npc_done}，满意率{npc_sat}；办理政协提案{cppcc}件，办复率{cppcc_done}，"
    "满意率{cppcc_sat}。",
    "人大代表建议{npc}件、政协提案{cppcc}件全部按期办结，办结率{npc_done=cppcc_done}。",
)

# Sentences that state no fact of the taxonomy, though they are full of numbers.
STUDY_EXTRAS = (
    "坚持把习近平法治思想纳入党组理论学习中心组学习重点内容，全年召开党组理论学习中心组学法会议{cn:3-8}次。",
    "举办法治专题讲座{int:2-6}场，组织干部职工参加网上学法用法考试，参考率、合格率均为{pct:100}。",
    "严格落实领导干部应知应会法律法规清单制度，组织领导干部集中学法{cn:4-12}次，参训{int:60-400}人次。",
    "于{year}年{int:2-4}月印发《{year}年度依法行政工作要点》，明确重点任务{int:12-30}项。",
)
ENFORCEMENT_EXTRAS = (
    "深入推进行政执法“三项制度”，全年作出行政处罚决定{int:10-400}件，重大执法决定法制审核{int:3-40}件。",
    "全年办理行政许可事项{int:50-2000}件，按时办结率{pct:99-100}。",
    "严格规范性文件合法性审核，全年审核规范性文件{int:2-12}件、重大行政决策{cn:1-4}项、合同协议{int:10-80}份。",
    "开展行政执法案卷评查，抽查案卷{int:20-120}卷，评查结果均为合格。",
)
PUFA_EXTRAS = (
    "认真落实“谁执法谁普法”普法责任制，扎实推进“{plan}”普法规划实施，围绕{day}等重要节点开展主题宣传活动"
    "{int:5-30}场次，发放宣传资料{int:1000-20000}份。",
    "以“{plan}”普法为抓手，组织“宪法宣传周”系列活动，于{year}年12月4日组织干部职工开展宪法宣誓。",
    "结合{day}，组织法律进机关、进社区、进企业活动{cn:6-20}次，受众{int:2000-30000}人次。",
)
PETITION_EXTRAS = (
    "落实领导干部接访下访制度，班子成员公开接访{int:10-48}次。",
    "开展矛盾纠纷排查化解专项行动{cn:2-6}次，排查矛盾纠纷{int:20-200}起。",
    "信访事项及时受理率{pct:98-100}。",
    "建立信访工作台账，实行“一案一档”，全年召开信访工作专题会议{cn:2-8}次。",
)
HOTLINE_EXTRAS = (
    "扎实做好12345政务服务便民热线办理工作，全年承办热线工单{int:200-5000}件，按时办结率{pct:96-100}，"
    "群众满意率{pct:90-99}。",
    "全年办理12345热线转办件{int:200-5000}件，回访满意率{pct:92-99}。",
    "政务服务“好差评”系统收到评价{int:500-20000}条，好评率{pct:99-100}。",
)
PROPOSALS_EXTRAS = (
    "召开建议提案办理工作推进会{cn:2-5}次，逐件明确承办科室、责任人和办理时限。",
    "坚持办前、办中、办后与代表委员沟通，面商率{pct:100}，走访代表委员{int:20-120}人次。",
    "全年确定重点建议{cn:1-3}件、重点提案{cn:1-2}件，均由主要负责同志牵头办理。",
    "办理结果按规定在门户网站公开，公开率{pct:100}。",
)
DISCLOSURE_EXTRAS = (
    "全年发布政策解读{int:2-20}篇，回应社会关切{int:3-30}次。",
    "召开新闻发布会{cn:1-6}场，政府网站信息公开专栏全年访问量{int:2-60}万人次。",
    "对{int:5-40}件规范性文件进行清理，及时更新政府信息公开指南和目录。",
    "组织政务公开业务培训{cn:1-4}次，参训{int:30-200}人次。",
)

_SLOT = re.compile(r"\{([^{}]*)\}")
# Slots that name a code but state no fact of it.
_CODE_ASIDES = {"prev", "change", "delta", "part1", "part2", "people", "under", "appear", "lossrate", "stock"}
# Counts that read naturally as "0件" inside a sentence.
_ZERO_STATABLE = {"requests", "d_reviews", "d_lawsuits", "lawsuits", "reviews", "losses"}
# A sum of these codes, stated with its parts, leaves this code open.
_SUM_LEAVES_OPEN = {frozenset({"reviews", "lawsuits"}): "combined"}


@dataclass(frozen=True)
class Slot:
    kind: str  # fact | same | zero | scope1/2 | sum | an aside of _CODE_ASIDES | int | cn | pct | fill
    codes: tuple[str, ...] = ()
    arg: str = ""
    positive: bool = False  # a fact slot that needs a value above zero


@dataclass(frozen=True)
class Template:
    text: str
    slots: tuple[Slot, ...]
    covers: frozenset[str]  # the codes whose facts (or ignores) it states

    @classmethod
    def parse(cls, text: str) -> Template:
        slots = tuple(_parse_slot(m.group(1)) for m in _SLOT.finditer(text))
        covers = frozenset(c for s in slots if s.kind in ("fact", "same", "zero", "scope1", "scope2") for c in s.codes)
        return cls(text, slots, covers)


def _parse_slot(body: str) -> Slot:
    kind, _, arg = body.partition(":")
    if arg and kind == "0":
        return Slot("zero", tuple(arg.split(",")))
    if arg and kind in ("scope1", "scope2") or kind in _CODE_ASIDES:
        return Slot(kind, (arg,))
    if arg and kind == "sum":
        return Slot(kind, tuple(arg.split("+")))
    if arg:
        return Slot(kind, arg=arg)  # int / cn / pct
    if "=" in body:
        return Slot("same", tuple(body.split("=")))
    if body.rstrip("+") in CODES:
        return Slot("fact", (body.rstrip("+"),), positive=body.endswith("+"))
    return Slot("fill", arg=body)


FACT_TEMPLATES = tuple(
    Template.parse(t) for t in DISCLOSURE_TEMPLATES + LITIGATION_TEMPLATES + PETITION_TEMPLATES + PROPOSALS_TEMPLATES
)
_ORDER = list(CODES)
_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


# ---------------------------------------------------------------------------------------------
# Reports.

@dataclass(frozen=True)
class Style:
    """How one report writes its numbers."""

    fmt: str  # txt | html | docx
    encoding: str  # utf-8 | utf-8-sig | gb18030 | gbk
    paragraph_gap: str  # between paragraphs of a .txt file
    spaced: bool  # "2872 件", as in some converted files
    full_width: bool  # "９８．５％"


Block = str | list[list[str]]  # a paragraph, or a table's rows


@dataclass(frozen=True)
class Report:
    agency: Agency
    year: int
    kind: str  # fzzf | xxgk | jyta | xf
    style: Style
    title: str
    signed: date
    blocks: tuple[Block, ...]
    facts: tuple[tuple[str, float, str | None], ...]  # (code, value, qualifier) in table order
    ignore: tuple[str, ...]

    @property
    def source(self) -> str:
        return f"{self.agency.slug}/{self.year}-{KIND_FILE_NAMES[self.kind]}.{self.style.fmt}"

    @property
    def text(self) -> str:
        gap = self.style.paragraph_gap if self.style.fmt == "txt" else "\n"
        return gap.join(_block_text(b) for b in self.blocks)

    def gold(self) -> dict:
        doc = {
            "id": f"{self.agency.slug}-{self.year}-{self.kind}",
            "source": self.source,
            "agency": self.agency.name,
            "year": self.year,
            "text": self.text,
            "facts": [_gold_fact(code, value, qualifier) for code, value, qualifier in self.facts],
        }
        if self.ignore:
            doc["ignore"] = list(self.ignore)
        return doc

    def file_bytes(self) -> bytes:
        if self.style.fmt == "txt":
            return self.text.encode(self.style.encoding)
        if self.style.fmt == "html":
            return _html_page(self).encode(self.style.encoding)
        return _docx_bytes(self)


KIND_FILE_NAMES = {"fzzf": "法治政府建设", "xxgk": "政府信息公开", "jyta": "建议提案办理", "xf": "信访"}


def _block_text(block: Block) -> str:
    return block if isinstance(block, str) else "\n".join(" | ".join(row) for row in block)


def _gold_fact(code: str, value: float, qualifier: str | None) -> dict:
    fact: dict = {"indicator": code, "value": int(value) if value == int(value) else value}
    if qualifier:
        fact["qualifier"] = qualifier
    return fact


def agency_reports(agency: Agency, first: int, last: int, seed: int) -> list[Report]:
    plan = plan_agency(agency, first, last, seed)
    reports = []
    for year in range(first, last + 1):
        for kind in KIND_FILE_NAMES:
            if year in plan.publishes[kind]:
                rng = random.Random(f"report/{seed}/{agency.slug}/{year}/{kind}")
                reports.append(ReportWriter(agency, plan, year, kind, rng).write())
    return reports


class ReportWriter:
    """Composes one report, recording every fact its text states."""

    def __init__(self, agency: Agency, plan: Plan, year: int, kind: str, rng: random.Random):
        self.agency, self.plan, self.year, self.kind, self.rng = agency, plan, year, kind, rng
        self.values = {code: series[year] for code, series in plan.values.items()}
        self.before = {code: series[year - 1] for code, series in plan.values.items()}  # for 比上年 asides
        self.style = _draw_style(rng)
        self.facts: dict[str, tuple[float, str | None]] = {}
        self.ignore: set[str] = set()
        self.exact: set[str] = set()  # codes a table states too: prose gives them without 余/近
        self.parts: dict[str, tuple[int, int]] = {}
        self.signed = date(year + 1, 1, 5) + _days(rng, 0, 80)  # January to March of the next year

    def write(self) -> Report:
        title = self.title()
        blocks = [DEMO_MARKER, title]
        if self.style.fmt == "html":
            blocks.append(f"发布时间：{self.signed + _days(self.rng, 3, 20):%Y-%m-%d}　来源：{self.agency.name}")
        blocks += {"fzzf": self.fzzf, "xxgk": self.xxgk, "jyta": self.jyta, "xf": self.xf}[self.kind]()
        blocks += self.sign_off()
        order = list(indicators())
        facts = sorted(((CODES[c], v, q) for c, (v, q) in self.facts.items()), key=lambda f: order.index(f[0]))
        ignore = sorted(CODES[c] for c in self.ignore if c not in self.facts)
        return Report(self.agency, self.year, self.kind, self.style, title, self.signed, tuple(blocks),
                      tuple(facts), tuple(ignore))

    # -- the parts every report has

    def title(self) -> str:
        a = self.agency
        name = a.short_name if a.short_name and self.rng.random() < 0.25 else a.name
        forms = {
            "fzzf": ("{n}{y}年度法治政府建设工作报告", "{n}关于{y}年法治政府建设情况的报告", "{n}{y}年法治政府建设年度报告"),
            "xxgk": ("{n}{y}年政府信息公开工作年度报告", "{y}年{n}政府信息公开工作年度报告"),
            "jyta": ("{n}{y}年建议提案办理工作总结", "{n}关于{y}年度人大代表建议和政协提案办理情况的报告"),
            "xf": ("{n}{y}年信访工作总结", "{n}关于{y}年度信访工作情况的报告"),
        }[self.kind]
        return self.rng.choice(forms).format(n=name, y=self.year)

    def sign_off(self) -> list[str]:
        signed = f"{self.signed.year}年{self.signed.month}月{self.signed.day}日"
        if self.rng.random() < 0.2:
            signed = cn2an.transform(signed, "an2cn")
        return [self.agency.name, signed]

    def heading(self, number: int, text: str, sub: bool = False) -> str:
        numeral = cn2an.an2cn(number)
        return f"（{numeral}）{text}" if sub else f"{numeral}、{text}"

    # -- the four kinds of report

    def fzzf(self) -> list[Block]:
        a = self.agency
        blocks: list[Block] = []
        if self.rng.random() < 0.4:
            blocks.append(f"{a.doc_prefix}〔{self.year + 1}〕{self.rng.randint(1, 30)}号")
        if self.rng.random() < 0.6:
            blocks.append(f"{a.addressee}：")
        blocks.append(self.fill(self.rng.choice((
            "{year}年，{who}在{superior}的坚强领导下，以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
            "全面落实法治政府建设各项任务。现将{year}年度法治政府建设情况报告如下。",
            "{year}年，{who}坚持把法治政府建设作为推进{work}的基础性工作，认真落实法治政府建设实施纲要，依法履职水平不断提升。"
            "现将有关情况报告如下：",
        ))))
        blocks.append(self.heading(1, self.rng.choice(("主要工作及成效", f"{self.year}年度推进法治政府建设的主要举措和成效"))))
        subsections: list[tuple[str, list[str]]] = [
            ("深入学习贯彻习近平法治思想", [self.extras(STUDY_EXTRAS, 2)]),
            ("严格规范公正文明执法", [self.extras(ENFORCEMENT_EXTRAS, 2)]),
        ]
        disputes = []
        if "litigation" in self.plan.sections:
            disputes.append("坚持发挥行政复议化解行政争议的主渠道作用，积极支持人民法院依法受理和审理行政案件。"
                            + self.says(self.stated("litigation")))
        if "petition" in self.plan.sections:
            disputes.append("畅通群众诉求表达渠道，完善信访工作制度。" + self.says(self.stated("petition")))
        if disputes:
            subsections.append(("依法有效化解社会矛盾纠纷", disputes))
        oversight = []
        if "proposals" in self.plan.sections:
            oversight.append("自觉接受人大法律监督和政协民主监督。" + self.says(self.stated("proposals")))
        if "disclosure" in self.plan.sections:
            oversight.append("坚持“以公开为常态、不公开为例外”，全面推进政务公开。"
                             + self.says(self.stated("disclosure")))
        if oversight:
            subsections.append(("自觉接受各方面监督", oversight))
        if self.rng.random() < 0.3:
            subsections.append(("做好12345热线诉求办理", [self.extras(HOTLINE_EXTRAS, 1)]))
        subsections.append(("深入开展法治宣传教育", [self.extras(PUFA_EXTRAS, 2)]))
        for number, (heading, paragraphs) in enumerate(subsections, 1):
            blocks.append(self.heading(number, heading, sub=True))
            blocks += paragraphs
        blocks.append(self.heading(2, "存在的问题和不足"))
        blocks.append("对照法治政府建设的新要求，仍存在一些短板：一是部分执法人员运用法治思维和法治方式解决问题的能力"
                      "有待提高；二是行政争议源头预防还需加强；三是普法宣传的针对性和实效性仍需提升。")
        blocks.append(self.heading(3, f"{self.year + 1}年工作打算"))
        blocks.append(self.fill(f"{self.year + 1}年，{{who}}将继续深入学习贯彻习近平法治思想，健全依法决策机制，"
                                "严格规范行政执法，加强行政复议和应诉工作，推动法治政府建设再上新台阶。"))
        return blocks

    def xxgk(self) -> list[Block]:
        codes = self.stated("disclosure")
        tables = self.year >= 2020 and self.rng.random() < 0.6
        table_codes = {c for c in codes if tables and c in ("requests", "d_reviews", "d_lawsuits")}
        if {"d_reviews", "d_lawsuits"} - table_codes:
            table_codes -= {"d_reviews", "d_lawsuits"}  # the standard table has both columns or is left out
        self.exact |= table_codes
        prose = [c for c in codes if c not in table_codes or self.rng.random() < 0.5]
        notice = "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）" if self.year >= 2021 else ""
        blocks: list[Block] = [self.fill(
            f"本报告根据《中华人民共和国政府信息公开条例》{notice}要求编制，由总体情况、主动公开政府信息情况、"
            "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
            "其他需要报告的事项组成。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
            "如对本报告有疑问，请与{name}办公室联系（联系电话：0999-{int:6000000-6999999}）。")]
        blocks.append(self.heading(1, "总体情况"))
        proactive = [c for c in prose if c == "proactive"]
        requests = [c for c in prose if c != "proactive"]
        asides = [self.fill(t) for t in self.rng.sample(DISCLOSURE_EXTRAS, 3)]
        blocks += [self.heading(1, "主动公开", sub=True), self.says(proactive) + asides[0]]
        blocks += [self.heading(2, "依申请公开", sub=True),
                   self.says(requests) or "严格按照《条例》规定的程序和时限办理政府信息公开申请。"]
        blocks += [self.heading(3, "政府信息管理", sub=True), "健全信息发布审核机制，落实“三审三校”制度。" + asides[1]]
        blocks += [self.heading(4, "监督保障", sub=True), "将政务公开工作纳入年度目标考核，" + asides[2]]
        number = 2
        if tables:
            blocks += [self.heading(number, "主动公开政府信息情况"), *self.rule_tables()]
            number += 1
            if "requests" in table_codes:
                blocks += [self.heading(number, "收到和处理政府信息公开申请情况"), self.requests_table()]
                number += 1
            if "d_reviews" in table_codes:
                blocks += [self.heading(number, "政府信息公开行政复议、行政诉讼情况"), self.reviews_table()]
                number += 1
        blocks += [self.heading(number, "存在的主要问题及改进情况"),
                   "主动公开的深度和广度有待拓展，政策解读形式还不够丰富。下一步将进一步规范公开内容，提升公开质量。",
                   self.heading(number + 1, "其他需要报告的事项"), "本年度未收取信息处理费。"]
        return blocks

    def jyta(self) -> list[Block]:
        stated = self.state(self.stated("proposals"))
        counts = [sentence for template, sentence in stated if not _rates_only(template)]
        rates = [sentence for template, sentence in stated if _rates_only(template)]
        return [
            self.fill("{year}年，{who}高度重视人大代表建议和政协提案办理工作，坚持把建议提案办理作为密切联系群众、"
                      "改进工作作风的重要举措。现将有关情况总结如下。"),
            self.heading(1, "基本情况"), "".join(counts) or "全年建议提案办理工作有序推进。",
            self.heading(2, "主要做法"), self.extras(PROPOSALS_EXTRAS, 2),
            self.heading(3, "办理成效"), "".join(rates) or "一批群众关心的实际问题得到解决。",
            self.heading(4, "下一步工作"),
            self.fill("{next}年，{who}将进一步健全建议提案办理工作机制，加强与代表委员的沟通联系，推动办理成果转化落实。"),
        ]

    def xf(self) -> list[Block]:
        blocks: list[Block] = [
            self.fill("{year}年，{who}坚持以人民为中心的发展思想，认真落实信访工作责任制，扎实做好信访工作。"),
            self.heading(1, "基本情况"),
            self.says(self.stated("petition")) or "全年信访形势总体平稳。",
            self.heading(2, "主要做法"), self.extras(PETITION_EXTRAS, 2),
        ]
        number = 3
        if self.rng.random() < 0.4:
            blocks += [self.heading(number, "做好热线诉求办理"), self.extras(HOTLINE_EXTRAS, 1)]
            number += 1
        blocks += [self.heading(number, "下一步打算"),
                   self.fill("{next}年，{who}将坚持和发展新时代“枫桥经验”，推动信访事项及时就地化解。")]
        return blocks

    # -- choosing what to state

    def stated(self, family: str) -> list[str]:
        """The codes of `family` this report states: gaps, and only what the year's values support."""
        v = self.values
        if family == "litigation":
            codes = ["combined"] if self.plan.combined_only else ["lawsuits", "reviews"]
            codes += ["losses", "head"] if v["lawsuits"] > 0 else []
        else:
            codes = [c for c in CODES if _FAMILY[c] == family and c not in ("combined", "losses", "head")]
        codes = [c for c in codes if c not in self.plan.never and self.rng.random() >= 0.07]
        if "combined" in codes and v["combined"] == 0:
            codes = [c for c in codes if c != "combined"] + ["lawsuits", "reviews"]  # 未发生行政复议和行政诉讼
        return codes

    def says(self, codes: Iterable[str]) -> str:
        return "".join(sentence for _, sentence in self.state(codes))

    def state(self, codes: Iterable[str]) -> list[tuple[Template, str]]:
        """Sentences that state exactly `codes`, from templates drawn at random, in a natural order."""
        remaining = set(codes)
        chosen: list[Template] = []
        while remaining:
            options = [t for t in FACT_TEMPLATES if t.covers and t.covers <= remaining and self.fits(t)]
            if not options:
                raise AssertionError(f"no template states {sorted(remaining)} with {self.values}")
            template = self.rng.choices(options, weights=[len(t.covers) for t in options])[0]
            chosen.append(template)
            remaining -= template.covers
        chosen.sort(key=lambda t: min(_ORDER.index(c) for c in t.covers))
        return [(t, self.render(t)) for t in chosen]

    def extras(self, pool: Sequence[str], count: int) -> str:
        return "".join(self.fill(t) for t in self.rng.sample(list(pool), count))

    def fill(self, text: str) -> str:
        template = Template.parse(text)
        assert not template.covers, text
        return self.render(template)

    def fits(self, template: Template) -> bool:
        return all(self.slot_fits(s) for s in template.slots)

    def slot_fits(self, slot: Slot) -> bool:
        v, before = self.values, self.before
        code = slot.codes[0] if slot.codes else ""
        if slot.kind == "fact":
            value = v[code]
            if _kind(code) == "rate":
                return True
            return value > 0 or (value == 0 and not slot.positive and code in _ZERO_STATABLE)
        if slot.kind == "same":
            return len({v[c] for c in slot.codes}) == 1
        if slot.kind == "zero":
            return all(v[c] == 0 for c in slot.codes)
        if slot.kind in ("prev", "change"):
            return before[code] > 0 and before[code] != v[code]
        if slot.kind == "delta":
            return before[code] != v[code]
        if slot.kind in ("part1", "part2", "scope1", "scope2"):
            return v[code] >= 4
        if slot.kind == "under":
            return v[code] >= 2
        if slot.kind == "appear":
            return round(v["head"] / 100 * v["lawsuits"]) >= 1
        if slot.kind == "lossrate":
            return v["lawsuits"] > 0
        return True

    # -- rendering

    def render(self, template: Template) -> str:
        slots = iter(template.slots)
        return _SLOT.sub(lambda _: self.render_slot(next(slots)), template.text)

    def render_slot(self, slot: Slot) -> str:
        v, rng = self.values, self.rng
        code = slot.codes[0] if slot.codes else ""
        if slot.kind == "fact":
            text, value, qualifier = self.count(code) if _kind(code) == "count" else (self.rate(v[code]), v[code], None)
            self.record(code, value, qualifier)
            return text
        if slot.kind == "same":
            for c in slot.codes:
                self.record(c, v[code], None)
            return self.rate(v[code])
        if slot.kind == "zero":
            for c in slot.codes:
                self.record(c, 0, None)
            return ""
        if slot.kind in ("part1", "part2", "scope1", "scope2"):
            if slot.kind.startswith("scope"):
                self.ignore.add(code)
            if code not in self.parts:
                total = int(v[code])
                # Parts: most items under the first heading (主办, 网上). Scopes: fewer from the upper level.
                low, high = (0.5, 0.9) if slot.kind.startswith("part") else (0.1, 0.4)
                first = min(max(1, round(total * rng.uniform(low, high))), total - 1)
                self.parts[code] = (first, total - first)
            return self.digits(self.parts[code][int(slot.kind[-1]) - 1])
        if slot.kind == "sum":
            if frozenset(slot.codes) in _SUM_LEAVES_OPEN:
                self.ignore.add(_SUM_LEAVES_OPEN[frozenset(slot.codes)])
            return self.digits(int(sum(v[c] for c in slot.codes)))
        if slot.kind in ("prev", "change", "delta"):
            before = self.before[code]
            if slot.kind == "prev":
                return self.digits(int(before))
            if slot.kind == "delta":
                return f"{'提高' if v[code] > before else '下降'}{_number(round(abs(v[code] - before), 1))}个百分点"
            if rng.random() < 0.5:
                unit = indicators()[CODES[code]].unit
                return f"{'增加' if v[code] > before else '减少'}{int(abs(v[code] - before))}{unit}"
            return f"{'上升' if v[code] > before else '下降'}{_number(round(abs(v[code] - before) / before * 100, 1))}%"
        if slot.kind == "stock":
            series = self.plan.values[code]
            return self.digits(self.plan.stock0 + sum(int(series[y]) for y in range(self.plan.first, self.year + 1)))
        if slot.kind == "people":
            return self.digits(round(v[code] * rng.uniform(1.2, 3.0)), pad=False)
        if slot.kind == "under":
            return self.digits(rng.randint(1, int(v[code]) - 1), pad=False)
        if slot.kind == "appear":
            return self.digits(round(v["head"] / 100 * v["lawsuits"]), pad=False)
        if slot.kind == "lossrate":
            return f"{_number(round(v['losses'] / v['lawsuits'] * 100, 1))}%"
        if slot.kind in ("int", "cn", "pct"):
            low, _, high = slot.arg.partition("-")
            if slot.kind == "pct":
                return self.digits(f"{_number(round(rng.uniform(float(low), float(high or low)), 1))}%", pad=False)
            n = rng.randint(int(low), int(high or low))
            return _chinese(n) if slot.kind == "cn" else self.digits(n, pad=False)
        return self.fill_word(slot.arg)

    def fill_word(self, word: str) -> str:
        a, rng = self.agency, self.rng
        if word == "who":
            return a.aliases[0] if rng.random() < 0.6 else rng.choice(a.aliases)
        if word in ("npc_session", "cppcc_session"):
            term = 16 + (self.year - 2017) // 5 if word == "npc_session" else 13 + (self.year - 2017) // 5
            session = cn2an.an2cn((self.year - 2017) % 5 + 1)
            body = "人大" if word == "npc_session" else "政协"
            return f"{a.local}{body}{cn2an.an2cn(term)}届{session}次会议"
        return {
            "name": a.name,
            "year": str(self.year),
            "next": str(self.year + 1),
            "local": a.local,
            "upper": a.upper,
            "superior": a.superior,
            "work": a.work,
            "day": a.day,
            "plan": "七五" if self.year <= 2020 else "八五",
        }[word]

    def record(self, code: str, value: float, qualifier: str | None) -> None:
        if code in self.facts and self.facts[code][0] != value:
            raise AssertionError(f"{code} stated as {self.facts[code][0]} and {value}")
        if code not in self.facts or qualifier is None:
            self.facts[code] = (value, qualifier)

    def count(self, code: str) -> tuple[str, int, str | None]:
        """A count as a report might write it (63, 六十三, 60余, 近70), with the value it states."""
        value, rng = int(self.values[code]), self.rng
        step = 10 if value < 1000 else 100
        r = rng.random()
        if r < 0.12 and value >= 30 and value % step and code not in self.exact:
            if r < 0.08:
                stated = value // step * step
                number = _chinese(stated) if rng.random() < 0.3 else self.digits(stated, pad=False)
                return f"{number}{rng.choice('余余多')}", stated, "over"
            stated = -(-value // step) * step
            if stated - value <= step * 0.3:
                return f"近{self.digits(stated, pad=False)}", stated, "about"
            stated = round(value / step) * step
            return f"约{self.digits(stated, pad=False)}", stated, "about"
        if r > 0.87 and value >= 10:
            return self.broken(_chinese(value)), value, None
        return self.broken(self.digits(value)), value, None

    def rate(self, value: float) -> str:
        r = self.rng.random()
        if value == 100 and r < 0.12:
            return self.broken("百分之百")
        if r < 0.05:
            return self.broken("百分之" + cn2an.an2cn(_number(value)))
        return self.broken(self.digits(f"{_number(value)}%"))

    def digits(self, value: int | float | str, pad: bool = True) -> str:
        """A number in Arabic digits, in this report's style (full-width, spaced around)."""
        text = str(value)
        if self.style.full_width:
            text = text.translate(_FULL_WIDTH)
        return f" {text} " if pad and self.style.spaced else text

    def broken(self, text: str) -> str:
        """Now and then a line or page break falls inside the sentence, before the number."""
        if self.rng.random() < 0.05:
            return self.rng.choice(("\n\n", "\n")) + text.lstrip()
        return text

    # -- the tables of a 政府信息公开 report

    def rule_tables(self) -> list[Block]:
        n = self.rng.randint
        made = n(0, 8)
        return [
            [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             ["规章", "0", "0", "0"],
             ["行政规范性文件", str(made), str(n(0, 3)), str(made + n(5, 40))]],
            [["信息内容", "本年处理决定数量"],
             ["行政许可", str(n(0, 3000))], ["行政处罚", str(n(0, 800))], ["行政强制", str(n(0, 60))]],
        ]

    def requests_table(self) -> list[list[str]]:
        total = int(self.values["requests"])
        self.record("requests", total, None)
        rng = self.rng
        new = _split(rng, total, (0.8, 0.12, 0.0, 0.02, 0.04, 0.02))
        carried = [rng.choice((0, 0, 0, 1)) for _ in new]
        pending = [min(c + k, rng.choice((0, 0, 0, 1))) for c, k in zip(new, carried)]
        handled = [_split(rng, c + k - p, (0.45, 0.2, 0.1, 0.15, 0.05, 0.05)) for c, k, p in zip(new, carried, pending)]
        outcomes = ("（一）予以公开", "（二）部分公开", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")

        def row(label: str, cells: list[int]) -> list[str]:
            return [label, *map(str, cells), str(sum(cells))]

        rows = [["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
                row("一、本年新收政府信息公开申请数量", new),
                row("二、上年结转政府信息公开申请数量", carried)]
        rows += [row(f"三、本年度办理结果{o}", [h[i] for h in handled]) for i, o in enumerate(outcomes)]
        rows += [row("三、本年度办理结果（七）总计", [sum(h) for h in handled]),
                 row("四、结转下年度继续办理", pending)]
        return rows

    def reviews_table(self) -> list[list[str]]:
        reviews, lawsuits = int(self.values["d_reviews"]), int(self.values["d_lawsuits"])
        self.record("d_reviews", reviews, None)
        self.record("d_lawsuits", lawsuits, None)
        shares = (0.6, 0.2, 0.1, 0.1)
        outcomes = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
        direct = _split(self.rng, lawsuits, shares)
        review_cells = _split(self.rng, reviews, shares)
        header = [f"{group}{o}" for group in ("行政复议", "未经复议直接起诉", "复议后起诉") for o in outcomes]
        cells = [*review_cells, reviews, *direct, lawsuits, 0, 0, 0, 0, 0]
        return [header, [str(c) for c in cells]]


def _rates_only(template: Template) -> bool:
    return all(_kind(c) == "rate" for c in template.covers)


def _kind(short: str) -> str:
    return indicators()[CODES[short]].kind


def _chinese(n: int) -> str:
    """A count in Chinese numerals, saying 两 where people do (两件, 两千余件)."""
    numeral = cn2an.an2cn(n)
    return "两" + numeral[1:] if numeral == "二" or numeral.startswith(("二千", "二万")) else numeral


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _split(rng: random.Random, total: int, shares: Sequence[float]) -> list[int]:
    """`total` spread over len(shares) cells, roughly by share."""
    cells = [0] * len(shares)
    for _ in range(total):
        cells[rng.choices(range(len(shares)), weights=[s + 0.001 for s in shares])[0]] += 1
    return cells


def _draw_style(rng: random.Random) -> Style:
    fmt = rng.choices(("txt", "html", "docx"), weights=(45, 35, 20))[0]
    if fmt == "txt":
        encoding = rng.choices(("utf-8", "utf-8-sig", "gb18030"), weights=(65, 10, 25))[0]
    elif fmt == "html":
        encoding = rng.choices(("utf-8", "gbk"), weights=(85, 15))[0]
    else:
        encoding = "utf-8"
    return Style(fmt, encoding, rng.choice(("\n", "\n\n")), fmt == "txt" and rng.random() < 0.1,
                 fmt != "docx" and rng.random() < 0.04)


# ---------------------------------------------------------------------------------------------
# Files: the same blocks as a .txt file, a government web page, or a Word document.

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
