"""The fictional agencies: a city 示例市 in 示例省, its districts, counties, townships and bureaus."""

from __future__ import annotations

import random
from dataclasses import dataclass


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


# The order in which kinds of agency are drawn, so that a small roster is already varied.
_ROSTER_PATTERN = ("district_bureau", "city_bureau", "township", "district_bureau", "district_gov",
                   "district_bureau", "township", "city_bureau", "district_bureau", "city_gov")

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
