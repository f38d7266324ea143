"""Stage 3: what a report says about itself — agency, year, report type, region, level, sector.

Reports name their author several ways: the title may use a short form (浦东新区规划资源局),
the body the formal name (浦东新区规划和自然资源局), a relative form (区规划资源局) or just 我局.
The detector collects the names found where a report names its author (header, title, source
lines, sign-off), widens them with longer variants of the same body found in the text, groups
the variants that denote one body, and picks as canonical the variant with the fullest place
prefix and the most complete wording. Place names are recognised with cpca, which also fills in
the province and city of a district (吴江区 -> 江苏省苏州市吴江区).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import cpca

from etl.model import DEMO_MARKER, ReportMeta

HAN = "\u4e00-\u9fff"
ORGAN = (
    "人民政府办公室|人民政府办公厅|人民政府|政府办公室|街道办事处|办事处|委员会|管理委员会|"
    "管理局|分局|局|委|办公室|办公厅|厅|依法治区办|依法治市办|依法治县办|中心|(?<=[省市区县镇乡旗])政府"
)
ORGAN_RE = re.compile(f"(?:{ORGAN})$")
# A name standing alone on a line: header (…局文件), sign-off, or a source line.
LINE_NAME_RE = re.compile(f"^[{HAN}]{{2,30}}?(?:{ORGAN})$")
SOURCE_LINE_RE = re.compile(f"(?:来源|发布机构|发文单位|发文机关|发布单位)\\s*[:：]\\s*([{HAN}]{{2,30}}?(?:{ORGAN}))(?![{HAN}])")
# Place tokens that cpca does not know (townships, streets, new areas, fictional places).
PLACE_RE = re.compile(f"[{HAN}]{{1,8}}?(?:自治区|自治州|新区|高新区|开发区|地区|省|市|州|盟|区|县|旗|镇|乡|街道)")
NOT_PLACES = ("城市", "城乡", "社区", "园区", "景区", "辖区", "市场")
PARTY_ORGANS = ("党委", "区委", "县委", "市委", "省委", "州委")  # party committees do not file these reports
PLACE_MARKERS = "省市区县旗州盟镇乡"
UNKNOWN_CITY_RE = re.compile(f"(?<![全本我该各此其])[{HAN}]{{2,4}}?(?:省|市|州|盟)$")
RELATIVE_PREFIX = ("省", "市", "区", "县", "镇", "乡", "州", "盟", "旗")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d)")
DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
PERIOD_RE = re.compile(r"(?:统计期限|统计时限|统计期|期限|时限)\D{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
# A government work report delivered to the people's congress reviews the year before.
DELIVERY_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在[^。\n]{0,40}?(?:人民代表大会|人代会)")
CN_YEAR_RE = re.compile("[一二][〇○零一二三四五六七八九]{3}(?=\\s*年)")
CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
QUOTED_RE = re.compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|（\d{4}）|\(\d{4}\)")
TITLE_WORD_RE = re.compile("报告|总结|情况|年报|统计")
TITLE_CUT_RE = re.compile(r"关于|(?:19|20)\d{2}\s*年|\s")


@dataclass(frozen=True)
class _Tables:
    report_types: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # name, title keywords, body keywords
    sectors: tuple[tuple[str, tuple[str, ...]], ...]


@cache
def _tables() -> _Tables:
    data = tomllib.loads(Path(__file__).with_name("detect.toml").read_text(encoding="utf-8"))
    return _Tables(
        report_types=tuple((row["name"], tuple(row["title"]), tuple(row["body"])) for row in data["report_type"]),
        sectors=tuple((row["name"], tuple(row["keywords"])) for row in data["sector"]),
    )


def detect(text: str, title: str | None = None) -> ReportMeta:
    """Detect the report's agency, year, type, region, level and sector from its normalised text.

    `title` is a title the file format carried (HTML <title>, docx properties), if any.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title_line = _title_line(lines, title)
    dated = _arabic_years(text)
    names = _agency_names(text, lines, title_line)
    agency, aliases = _canonical(names)
    place = _place(agency) if agency else None
    return ReportMeta(
        agency=agency,
        year=_year(dated, _arabic_years(title_line) if title_line else None),
        report_type=_report_type(title_line, text),
        title=title_line,
        region=place.region if place else None,
        level=place.level if place else None,
        sector=_sector(place.core) if place else None,
        aliases=aliases,
    )


def _title_line(lines: list[str], title: str | None) -> str | None:
    """The first short line near the top that reads like a report title."""
    candidates = ([title.strip()] if title else []) + lines[:15]
    for line in candidates:
        if ">" in line or "位置" in line or line == DEMO_MARKER:  # a web page's breadcrumbs; the demo's notice
            continue
        if 6 <= len(line) <= 80 and TITLE_WORD_RE.search(line) and not line.startswith(("根据", "本报告", "本年度")):
            return line
    return None


def _agency_names(text: str, lines: list[str], title_line: str | None) -> list[str]:
    """Names the report uses for its author, most authoritative first (with repeats as votes)."""
    names: list[str] = []
    head, tail = lines[:8], lines[-12:]
    for line in head + tail:
        line = re.sub(r"(文件|办公室印发|印发)$", "", line) if not line.endswith("办公室") else line
        if LINE_NAME_RE.match(line):
            names.append(line)
    names += SOURCE_LINE_RE.findall(text[:3000])
    if title_line:
        head_of_title = TITLE_CUT_RE.split(title_line, maxsplit=1)[0]
        if not head_of_title:  # the title starts with its year: 2015年西牛镇政府信息公开…
            head_of_title = re.sub(r"^(?:19|20)\d{2}\s*年度?", "", title_line)
        names += _names_in(head_of_title, anchored=True) or _place_and_body_organ(_arabic_years(head_of_title), text)
    if not names:
        names += _names_in(QUOTED_RE.sub("", text[:4000]), anchored=False)
    names = [_full_name(n) for n in names]
    return names + [_full_name(n) for n in _longer_variants(text, names)]


def _place_and_body_organ(head: str, text: str) -> list[str]:
    """A title that names only a place (桥东区2020年信访工作总结) and a body that names the organ
    relative to it (区信访局): 桥东区信访局. With no such organ, the place's government."""
    head = re.sub(r"(?:19|20)\d{2}\s*年.*$", "", head)
    match = PLACE_RE.fullmatch(head)
    if not match or head.startswith(RELATIVE_PREFIX) or len(head) < 3:
        return []
    marker = "街道" if head.endswith("街道") else head[-1]
    relative = re.compile(f"(?:(?<![{HAN}])|(?<=[在由将对向和与及同经]))(?:{marker})([{HAN}]{{1,10}}?(?:{ORGAN}))")
    organs = Counter(m.group(1) for m in relative.finditer(text) if not (marker + m.group(1)).endswith(PARTY_ORGANS))
    if organs:
        return [head + organs.most_common(1)[0][0]]
    return [head + ("办事处" if marker == "街道" else "人民政府")]


def _names_in(span: str, anchored: bool) -> list[str]:
    """Place-prefixed names of bodies in a stretch of text.

    anchored: the name must start the span (a title's head), and a place the text invents
    (示例市, 西牛镇) is accepted; otherwise only names starting with a place cpca knows count.
    """
    found = []
    for match in re.finditer(f"[{HAN}]{{2,30}}?(?:{ORGAN})", span):
        if anchored and match.start() != 0:
            continue
        name = _trim_to_place(match.group(0), allow_unknown=anchored)
        if name:
            found.append(name)
    return found


def _trim_to_place(run: str, allow_unknown: bool) -> str | None:
    """Cut leading words off a run of characters so that it starts with a place name."""
    recognised = _recognise(run)
    starts = [int(recognised[k]) for k in ("省_pos", "市_pos", "区_pos") if int(recognised[k]) >= 0]
    if allow_unknown and PLACE_RE.match(run):
        name = run  # a place cpca does not know may come first: 示例市东湖区…
    elif starts:
        start = min(starts)
        unknown_city = UNKNOWN_CITY_RE.search(run[:start])  # …示例市 before cpca's 北湖区
        name = run[unknown_city.start() if unknown_city else start:]
    else:
        return None
    core = _place(name).core
    return name if 2 <= len(core) <= 12 and not core.endswith(PARTY_ORGANS) else None


def _longer_variants(text: str, names: list[str]) -> list[str]:
    """Longer wordings of the found names elsewhere in the text (same place, same kind of body)."""
    variants = []
    for name in set(names):
        prefix = _place(name).prefix
        if len(prefix) < 2:
            continue
        for match in re.finditer(re.escape(prefix) + f"[{HAN}]{{1,14}}?(?:{ORGAN})", text):
            if _same_body(match.group(0), name):
                variants.append(match.group(0))
    return variants


@lru_cache(maxsize=65536)
def _recognise(words: str) -> dict:
    """cpca's reading of the places in `words`: 省/市/区 with their positions (…_pos, -1 if inferred)."""
    return cpca.transform([words], pos_sensitive=True).iloc[0].to_dict()


@lru_cache(maxsize=65536)
def _full_name(name: str) -> str:
    """A township's 镇政府 is its 镇人民政府; a district's name gains its city where that is unambiguous
    (洛江区卫生健康局 -> 泉州市洛江区卫生健康局), as readers name district bodies."""
    name = re.sub("(?<=[省市区县镇乡旗])政府$", "人民政府", name)
    recognised = _recognise(name)
    district, city = recognised["区"], recognised["市"]
    if (
        int(recognised["区_pos"]) == 0
        and int(recognised["市_pos"]) < 0
        and isinstance(city, str)
        and city != "市辖区"
        and district.endswith("区")
        and name.startswith(district)
        and _unique_district_names().get(district) == 1
    ):
        return city + name
    return name


@cache
def _unique_district_names() -> Counter:
    with open(Path(cpca.__file__).with_name("resources") / "adcodes.csv", encoding="utf-8") as f:
        return Counter(line.split(",")[1] for line in f)


@dataclass(frozen=True)
class _Place:
    prefix: str  # the place words as stated at the start of the name
    core: str  # the rest: 自然资源和规划局
    region: str | None
    level: str


@cache
def _place(name: str) -> _Place:
    """Split a name into its place prefix and its core, and say where and at what level it is.

    The region is what cpca recognised with its province and city filled in when the name starts
    with a place cpca knows; otherwise the places as stated (示例市东湖区). A township is the
    agency itself, so its own name is not part of the region.
    """
    recognised = _recognise(name)
    known = {}
    for key in ("省", "市", "区"):
        pos, value = int(recognised[key + "_pos"]), recognised[key]
        if not isinstance(value, str) or value == "市辖区":
            continue
        if pos >= 0:
            end = pos + _stated_length(name, pos, value)
            if end < len(name) and name[end] in PLACE_MARKERS and name[end] != value[-1]:
                continue  # 云溪县 is not cpca's 云溪区: a place cpca does not know
        known[key] = (pos, value)
    position = max((pos + _stated_length(name, pos, value) for pos, value in known.values() if pos >= 0), default=0)
    prefix, core = name[:position], name[position:]
    stated = []  # place words after those cpca recognised
    while (match := PLACE_RE.match(core)) and len(core) - match.end() >= 2 and not match.group(0).endswith(NOT_PLACES):
        prefix, core = prefix + match.group(0), core[match.end():]
        stated.append(match.group(0))
    township = 0
    while stated and stated[-1].endswith(("镇", "乡", "街道")):
        township += len(stated.pop())
    if not prefix or prefix.startswith(RELATIVE_PREFIX):
        region = None
    elif min((pos for pos, _ in known.values() if pos >= 0), default=-1) == 0:
        region = "".join(value for _, value in known.values()) + "".join(stated)
    else:
        region = prefix[: len(prefix) - township] or None
    return _Place(prefix=prefix, core=core, region=region, level=_level(prefix, core, recognised))


def _stated_length(name: str, pos: int, value: str) -> int:
    """How many characters of `name` at `pos` spell the place cpca recognised (吴江区 or 吴江)."""
    for length in range(len(value), 1, -1):
        if name.startswith(value[:length], pos):
            return length
    return len(value)


def _level(prefix: str, core: str, recognised) -> str:
    if not core.startswith(("人民政府", "政府", "街道办事处", "办事处")) or "办公" in core:
        return "部门"
    if prefix.endswith(("镇", "乡", "街道")) or core.startswith(("街道办事处", "办事处")):
        return "乡镇"
    if isinstance(recognised["区"], str) and recognised["区"] != "市辖区" and prefix.endswith(recognised["区"][-1]):
        return "区县"
    if prefix.endswith(("区", "县", "旗")):
        return "区县"
    if prefix.endswith(("省", "自治区")):
        return "省"
    return "市"


def _same_body(a: str, b: str) -> bool:
    """Whether two names denote one body: same kind of organ and one core's words within the other's."""
    core_a, core_b = _place(a).core, _place(b).core
    if not core_a or not core_b or core_a[-1] != core_b[-1]:
        return False
    short, long = sorted((core_a, core_b), key=len)
    return set(short) <= set(long)


def _canonical(names: list[str]) -> tuple[str | None, tuple[str, ...]]:
    """The canonical name and its aliases: the group of variants with the most votes, then its
    fullest and most complete variant. Aliases are the group's other names that stand on their
    own (a relative 区规划资源局 could be any district's, so it is not an alias)."""
    usable = [n for n in names if len(n) >= 3]
    if not usable:
        return None, ()
    groups: list[list[str]] = []
    for name in usable:
        for group in groups:
            if _same_body(name, group[0]) and _compatible_places(name, group[0]):
                group.append(name)
                break
        else:
            groups.append([name])
    best = max(groups, key=len)
    if all(n.startswith(RELATIVE_PREFIX) for n in best):
        return None, ()  # 县司法局 could be any county's: no agency rather than a wrong merge
    canonical = max(set(best), key=lambda n: (not n.startswith(RELATIVE_PREFIX), len(_place(n).prefix), len(n), Counter(best)[n]))
    aliases = tuple(sorted({n for n in best if n != canonical and not n.startswith(RELATIVE_PREFIX)}))
    return canonical, aliases


def _compatible_places(a: str, b: str) -> bool:
    """A relative or shorter place prefix may stand for a fuller one, not for a different place."""
    pa, pb = _place(a).prefix, _place(b).prefix
    if pa.startswith(RELATIVE_PREFIX) or pb.startswith(RELATIVE_PREFIX) or not pa or not pb:
        return True
    return pa.endswith(pb) or pb.endswith(pa) or pa in pb or pb in pa


def _arabic_years(text: str) -> str:
    """二〇一九年 -> 2019年 (for reading years only; the stored text keeps its numerals)."""
    return CN_YEAR_RE.sub(lambda m: m.group(0).translate(CN_DIGITS), text)


def _year(text: str, title_line: str | None) -> int | None:
    """The year the report is about (a 2021 report signed in January 2022 is 2021)."""
    if title_line and (match := YEAR_RE.search(title_line)):
        return int(match.group(1))
    if match := DELIVERY_RE.search(text[:500]):
        return int(match.group(1)) - 1
    if match := PERIOD_RE.search(text):
        return int(match.group(1))
    counts = Counter(int(m.group(1)) for m in YEAR_RE.finditer(QUOTED_RE.sub("", text)))
    if counts:
        first_seen = {y: text.find(str(y)) for y in counts}
        return max(counts, key=lambda y: (counts[y], -first_seen[y]))
    dates = DATE_RE.findall(text)
    if dates:
        year, month = (int(x) for x in dates[-1])
        return year - 1 if month <= 6 else year
    return None


def _report_type(title_line: str | None, text: str) -> str:
    types = _tables().report_types
    for name, title_keywords, _ in types:
        if title_line and any(k in title_line for k in title_keywords):
            return name
    opening = text[:3000]
    counts = {name: sum(opening.count(k) for k in body_keywords) for name, _, body_keywords in types}
    best = max(counts, key=lambda name: counts[name])  # the first of equals, in table order
    return best if counts[best] else "其他"


def _sector(core: str) -> str | None:
    for name, keywords in _tables().sectors:
        if any(k in core for k in keywords):
            return name
    return None
