"""Stage 3: what a report says about itself — agency, year, report type, region, level, sector.

Reports name their author several ways: the title may use a short form (浦东新区规划资源局),
the body the formal name (浦东新区规划和自然资源局), a relative form (区规划资源局) or just 我局.
The detector collects the names found where a report names its author, each with the weight of
the place it was found in: a header, byline or sign-off line, the title and an authorship phrase
(由…编制), the report naming itself (现公布…局2023年…报告) and its contact (请与…联系) state the
author; a body that opens a sentence and acts (2021年，区住建委以…), a news source (记者从…获悉)
and a news lead's State Council body are inferred; a title naming only a place
(桥东区2020年信访工作总结) lets the body's organ for that place be inferred (区信访局, else the
body of that place its page comes from, else the place's government); the publishing site
(来源：…) and a contributor's note (（区司法局 供稿）) only carry the page, and count once. A news
item without a title is its headline's body (XX局召开…). Only when nothing but the page's carriers
names the author are the body's own mentions counted, and only those of the kind the report
calls itself (我局, 我镇). The names are widened with longer variants of the same body found in
the text, grouped into bodies, and the body with the most weight wins; its canonical name is the
variant with the fullest place prefix and the most complete wording, its short forms expanded
(detect.toml). A body named only relatively (市城市管理局) takes its place from the text: a full
name of the same body, the place the title names, the yearbook the entry is from, the body's
address, its local paper, the province its lead names, a place that acts in its opening, or the
one place of that level the text names; failing all, it keeps the text's words (ReportMeta.placeless).
Place names are recognised with cpca, which also fills in the province and city of a district
(吴江区 -> 江苏省苏州市吴江区) where the text gives no city of its own.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import cpca

from etl.model import ReportMeta

HAN = "\u4e00-\u9fff"
PLACE_MARKERS = "省市区县旗州盟镇乡"
PLACE_END = "(?:街道|镇|乡|县|区|市|旗)(?=(?:19|20)\\d{2}年)"  # a place right before a report's year
# Place tokens that cpca does not know (townships, streets, new areas, fictional places).
PLACE_RE = re.compile(f"[{HAN}]{{1,8}}?(?:自治区|自治州|新区|高新区|开发区|地区|省|州市|市|州|盟|区|县|旗|镇|乡|街道)")
NOT_PLACES = ("城市", "城乡", "社区", "园区", "景区", "辖区", "市场")
# A national system's body before the place of its branch (中国证券监督管理委员会北京监管局).
SYSTEM_RE = re.compile(f"[{HAN}]{{4,20}}(?:委员会|总局|部|署)")
JUNK_LEAST = 4  # characters before a known place that are no part of a name (not 青 of 青峰县, whose 峰县 cpca knows)
# A body's name never holds these: 吉安县人大代表建议政协, 南通中院会同该市依法治市办, 兴海县经济社会发展大局,
# 最高人民法院和省委办公厅 (two bodies).
NOT_A_NAME_RE = re.compile("建议|提案(?!委)|会同|联合|协同|配合|(?:大|全|格|布|开|结)局$"
                           "|(?:法院|政府|委员会|局|厅|办公室)(?:和|与|及|、)|新闻中心")
RELATIVE_PREFIX = ("自治区", "省", "市", "区", "县", "镇", "乡", "州", "盟", "旗", "街道")
# Words that may stand right before a name relative to a place, even after a place: 徐州市以市政府…
FUNCTION_WORDS = "以在由将对向和与及同经为把被从按据送交给请合"
UNKNOWN_CITY_RE = re.compile(f"(?<![全本我该各此其])(?![{FUNCTION_WORDS}])[{HAN}]{{2,4}}?(?:省|市|州|盟)$")
# A body's office (两城镇人民政府党政办公室, 区政府办公室): compiling a report, it names its body.
INTERNAL_OFFICE_RE = re.compile(f"^(.+?(?:政府|局|委员会))[{HAN}]*办公室$|^(.+?政协)[{HAN}]*(?:提案委|提案委员会|办公室)$")
GLUED_RE = re.compile(f"([{PLACE_MARKERS}])[{FUNCTION_WORDS}]\\1")
YEARBOOK_RE = re.compile(f"《([{HAN}]{{2,8}}?)年鉴")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d)")
DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
PERIOD_RE = re.compile(r"(?:统计期限|统计时限|统计期|期限|时限)\D{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
# A government work report delivered to the people's congress reviews the year before.
DELIVERY_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在[^。\n]{0,40}?(?:人民代表大会|人代会)")
DELIVERY_PLACE_RE = re.compile(f"在([{HAN}]{{2,12}}?)第[一二三四五六七八九十\\d]+届人民代表大会")
# A page's publication date, and what the text says of the year it was published in.
PUBLISHED_RE = re.compile(
    r"(?:发布时间|发布日期|发表时间|时间)\s*[:：]\s*((?:19|20)\d{2})-\d{1,2}-\d{1,2}"
    r"|^\s*(?:\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})|((?:19|20)\d{2})-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.MULTILINE,
)  # a labelled date, or a line that is only a date (13.07.2015 14:18)
THIS_YEAR_RE = re.compile(r"今年(?:以来|[，,]|1\s*[-—至~]\s*\d{1,2}\s*月)")
# A meeting of a year that sums up the year before (2024年…交办会召开，总结去年…): about that year.
LAST_YEAR_REVIEWED_RE = re.compile("总结(?:了)?(?:去年|上年|上一年)")
MEETING_RE = re.compile("会议|交办会|召开|举行")
# A meeting that assigns this year's suggestions (2024年…建议提案交办会召开) and reports how last
# year's were handled (2023年，…提出建议共64件) is about last year.
ASSIGNMENT_MEETING_RE = re.compile("交办会")
HANDLED_IN = "{year}年[^。]{{0,30}}?(?:办理|建议|提案)"
# A meeting that reviews a year's results (2022年…交办会举行，总结2021年…办理情况) is about that year.
REVIEWED_RE = re.compile(r"总结(?:了)?\s*((?:19|20)\d{2})\s*年")
CN_YEAR_RE = re.compile("[一二][〇○零一二三四五六七八九]{3}(?=\\s*年)")
CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
INNER_GOVERNMENT_RE = re.compile("人民政府(?=.)")  # 长乐区人民政府吴航街道办事处: a government inside a name
OUTLET_AFTER_RE = re.compile("报|日报|新闻|电视台|频道")  # 广西政协报…: a paper named after a body
WEBSITE_RE = re.compile("门户网站|网站|官网|网(?![\u4e00-\u9fff])|网站群")  # a body's name before it names a website
LINE_DATE_RE = re.compile(r"^(?:(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?|\s)+")  # 2022-01-25 14:48武汉市…局
ADDRESS_RE = re.compile(r"(?:地址|地点|住所|邮编|电话)\s*[:：][^；;。\n)）]*")
# A local news outlet's name, whose place is the report's home (亳州晚报, 中国亳州网讯, 新华网甘肃频道).
OUTLET_RE = re.compile(f"([{HAN}]{{2,4}}?)(?:日报|晚报|新闻网|网讯|电视台|频道)|中国([{HAN}]{{2,4}}?)网")
SENTENCE_RE = re.compile("[，。；,;]")
TOWNSHIP_GOVERNMENTS = ("人民政府", "政府", "街道办事处", "办事处")
NOT_A_PLACE = tuple("我本该全各此其")  # 我镇, 全区…: words of a sentence, not a place's name
SUBJECT_LINES = 12
# How a report calls itself (我局, 我委) and the endings of the bodies of that kind; a township's
# (我镇) is any body whose place is a township.
SELF_KINDS = {"局": ("局",), "委": ("委", "委员会"), "厅": ("厅",), "镇": (), "乡": ()}
SELF_RE = re.compile(f"我({'|'.join(SELF_KINDS)})")
TERM_RE = re.compile("第?[一二三四五六七八九十]{1,3}届(?=[\u4e00-\u9fff]{0,6}(?:人大|人民代表大会|政协|委员会))")
NEWS_LEAD = 200  # characters of a news item's lead, whose subject may be a State Council body
ADDRESSEES_RE = re.compile(r"^[^。，,]{2,80}[：:]\s*$")  # a salutation line: 各镇人民政府、区直各单位：  # lines of the opening whose sentence subjects vote for the author
# Fields of a page that may follow a source's name once spaces are gone: 来源：XX局浏览次数：
FIELD_AFTER = "浏览|点击|阅读|访问|字号|字体|发布|作者|责任|编辑|时间|日期|分享|打印"
QUOTED_RE = re.compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|（\d{4}）|\(\d{4}\)")
TITLE_WORD_RE = re.compile("报告|总结|情况|年报|年度报|统计|工作$")
TITLE_CUT_RE = re.compile(r"关于|(?:19|20)\d{2}\s*年|\s")
TITLE_OPENING_RE = re.compile(r"^(?:关于|(?:19|20)\d{2}\s*年度?)+")  # 关于2022年度XX局… / 2015年西牛镇…
WRAPPED_TITLE = 20  # a title line at least this long may go on in a short line after it
TITLE_LABEL_RE = re.compile(r"^[-•·\s]*(?:标\s*题|名\s*称|题\s*名)\s*[:：]\s*")
TITLE_TAG_RE = re.compile(r"^(?:【[^】]*】|\[[^\]]*\])\s*")
# A sentence, breadcrumbs, a table row, a page's field (索引号:…), a numbered heading (一、总体情况).
NOT_TITLE_RE = re.compile(r"[，。；？！,;?!>|]|^[^:：]{1,8}[:：]|发布机构|成文日期|索引号|发文字号|组配分类|^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]")

# How much a name counts, by where the report gives it.
STATED = 1.0  # a header, byline or sign-off line; the title; 由…编制
INFERRED = 0.75  # the body's organ for the place a title names
CARRIED = 0.5  # the site or contributor that carries the page: 来源：…, （区司法局 供稿）, …门户网站
VARIANT = 0.25  # a longer wording of a found name elsewhere in the text


@dataclass(frozen=True)
class _Tables:
    report_types: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # name, title keywords, body keywords
    sectors: tuple[tuple[str, tuple[str, ...]], ...]
    organs: tuple[str, ...]
    sub_bodies: tuple[str, ...]
    party_organs: tuple[str, ...]
    office_titles: tuple[str, ...]
    national_prefixes: tuple[str, ...]
    delivered_reports: tuple[tuple[str, str], ...]  # title words, organ
    plans: tuple[str, ...]
    plan_verbs: tuple[str, ...]
    subject_verbs: tuple[str, ...]
    leading_words: tuple[str, ...]
    national_bodies: dict[str, str]  # a name as reports give it -> the formal name
    short_forms: tuple[tuple[str, str], ...]  # (short, formal), longest first
    portal_separators: tuple[str, ...]


@cache
def _tables() -> _Tables:
    data = tomllib.loads(Path(__file__).with_name("detect.toml").read_text(encoding="utf-8"))
    agency = data["agency"]
    return _Tables(
        report_types=tuple((row["name"], tuple(row["title"]), tuple(row["body"])) for row in data["report_type"]),
        sectors=tuple((row["name"], tuple(row["keywords"])) for row in data["sector"]),
        organs=tuple(agency["organs"]),
        sub_bodies=tuple(agency["sub_bodies"]),
        party_organs=tuple(agency["party_organs"]),
        office_titles=tuple(agency["office_titles"]),
        national_prefixes=tuple(agency["national_prefixes"]),
        delivered_reports=tuple((row["title"], row["organ"]) for row in data["delivered_report"]),
        plans=tuple(data["year"]["plans"]),
        plan_verbs=tuple(data["year"]["plan_verbs"]),
        subject_verbs=tuple(agency["subject_verbs"]),
        leading_words=tuple(sorted(agency["leading_words"], key=len, reverse=True)),
        national_bodies=dict(agency["national_bodies"]),
        short_forms=tuple(sorted(agency["short_forms"].items(), key=lambda item: len(item[0]), reverse=True)),
        portal_separators=tuple(agency["portal_separators"]),
    )


@dataclass(frozen=True)
class _Patterns:
    organ: str  # the end of a body's name: an organ, with a branch's name after it (…生态环境局平利分局)
    name: re.Pattern  # words ending in an organ
    line_name: re.Pattern  # a line that is only a name, or a name and an office (…人民政府市长 张三)
    source_line: re.Pattern  # 来源：XX局
    signoff: re.Pattern  # （区司法局 供稿）
    author: re.Pattern  # 由XX局结合有关统计数据编制
    relative: str  # a name relative to the place of a marker: {marker}信访局
    national: str
    plan_year: re.Pattern
    self_named: re.Pattern  # 现公布XX局2022年政府信息公开工作年度报告 / 编制了《XX局…报告》
    contact: re.Pattern  # 请与XX局联系
    subject: re.Pattern  # a sentence opening with a body: 2021年，区住建委以…
    news_source: re.Pattern  # 记者从市人大常委会获悉
    portal_header: re.Pattern  # 汉川市人民政府-卫生健康局
    national_body: re.Pattern  # 农业农村部, 国家信访局
    national_subject: re.Pattern  # a news lead's …2018年，国务院各部门牵头… / 发布的司法部2023年…报告
    body_says: re.Pattern  # a headline 桂林市政协：195件提案…


@cache
def _patterns() -> _Patterns:
    t = _tables()
    organ = "|".join(sorted(t.organs, key=len, reverse=True)) + f"|(?<=[{PLACE_MARKERS}])政府"
    branch = f"(?:(?:(?![{FUNCTION_WORDS}])[{HAN}]){{2,6}}?分局)?"
    organ = f"(?:{organ}){branch}"
    national = "|".join(t.national_prefixes)
    national_bodies = "|".join(sorted(map(re.escape, t.national_bodies), key=len, reverse=True))
    name = f"(?:{national})?[{HAN}]{{2,30}}?{organ}"
    titles = "|".join(t.office_titles)
    return _Patterns(
        organ=organ,
        name=re.compile(name),
        line_name=re.compile(f"^({name})(?:(?:{titles})\\s*[{HAN}]{{0,4}})?$"),
        source_line=re.compile(f"(?:来源|发布机构|发文单位|发文机关|发布单位)[\\s|]*[:：][\\s|]*({name})(?=[^{HAN}]|$|{FIELD_AFTER})"),
        signoff=re.compile(f"[（(]({name})(?:供稿|撰稿|提供|(?:19|20)\\d{{2}}年\\d{{1,2}}月)?[）)]"),
        author=re.compile(f"由([{HAN}]{{2,30}}{organ})(?:结合[^。，,]{{0,20}}?|根据[^。，,]{{0,20}}?|负责|牵头|组织)?(?:编制|编写|起草|撰写)"),
        relative=f"([{HAN}]{{0,10}}?{organ})",
        national=national,
        plan_year=re.compile(
            r"(?<!\d)((?:19|20)\d{2})\s*(?:" + "|".join(t.plans) + r")|(?:" + "|".join(t.plan_verbs) + r")((?:19|20)\d{2})\s*年"
        ),
        self_named=re.compile(
            f"(?:现(?:将|予以)?(?:向社会)?(?:公布|发布)|现将|编制了?|特?发布)《?((?:19|20)\\d{{2}}年度?)?((?:{national})?(?![度{''.join(NOT_A_PLACE)}])[{HAN}]{{2,30}}?(?:{organ}|{PLACE_END}))"
            f"(?!办公室|办公厅)(?:关于)?(?(1)|(?:19|20)\\d{{2}}年度?)[^。《》]{{0,30}}?(?:报告|总结|年报)"
        ),
        contact=re.compile(f"请(?:与|联系)((?:{national})?[{HAN}]{{2,30}}?{organ})(?:[{HAN}]{{0,8}}?(?:科|处|股|室))?(?:[(（][^)）]*[)）])?联系"),
        subject=re.compile(
            f"(?:^|[。；;，,\n）)]|(?:19|20)\\d{{2}}年(?:度|以来)?[，,]?)((?:{national})?[{HAN}]{{2,30}}?{organ}|[{HAN}]{{2,8}}?(?:街道|镇|乡|县|市|区|旗))"
            f"(?=[，,]?(?:{'|'.join(t.subject_verbs)}))",
            re.MULTILINE,
        ),
        news_source=re.compile(
            f"(?:从|据)((?:{national})?[{HAN}]{{2,30}}?{organ}|{national_bodies})(?:[{HAN}\\d]{{0,12}}?(?:会议|发布会|座谈会)上?)?(?:获悉|了解到|消息|介绍|通报)"
        ),
        portal_header=re.compile(
            f"^([{HAN}]{{2,12}}?(?:省|市|区|县|旗|州|盟))(?:人民政府|政府)(?:门户网站|网站)?\\s*"
            f"(?:{'|'.join(map(re.escape, t.portal_separators))})\\s*([{HAN}]{{2,16}}?{organ})$"
        ),
        national_body=re.compile(national_bodies),
        body_says=re.compile(f"^({name})[:：](?=[^:：]{{6,}}$)"),
        national_subject=re.compile(f"(?:^|(?<=[，,。；;\n年]))({national_bodies})(?=[{HAN}])|({national_bodies})(?=(?:19|20)\\d{{2}}年)"),
    )


def detect(text: str, title: str | None = None) -> ReportMeta:
    """Detect the report's agency, year, type, region, level and sector from its normalised text.

    `title` is a title the file format carried (HTML <title>, docx properties), if any.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title_index, title_line = _title_line(lines, title)
    agency, aliases = _agency(text, lines, title_index, title_line)
    place = _place(agency) if agency else None
    return ReportMeta(
        agency=_township(agency, text) if agency else None,
        year=_year(_arabic_years(text), _arabic_years(title_line) if title_line else None),
        report_type=_report_type(title_line, text),
        title=title_line,
        region=place.region if place else None,
        level=place.level if place else None,
        sector=_sector(place.core) if place else None,
        aliases=tuple(dict.fromkeys(a for a in (_township(a, text) for a in aliases) if a != _township(agency, text))) if agency else (),
        placeless=bool(agency and _relative(agency)),
    )


def pinned_to(meta: ReportMeta, agency: str | None, year: int | None) -> ReportMeta:
    """`meta` with the agency and year a manifest gives for the file (each where it gives one);
    the region, level and sector are those of the given name."""
    if year is not None:
        meta = dataclasses.replace(meta, year=year)
    if agency:
        place = _place(agency)
        meta = dataclasses.replace(
            meta, agency=agency, aliases=(), placeless=False,
            region=place.region, level=place.level, sector=_sector(place.core),
        )
    return meta


def _title_line(lines: list[str], title: str | None) -> tuple[int, str | None]:
    """The first short line near the top that reads like a report title, and its line number
    (-1 for the format's title). A page's field label (标题：) and a column tag (【…】) are dropped;
    a title a PDF wrapped (…法治政府建设工作情况 / 报告) is joined again."""
    candidates = [(-1, title.strip())] if title else []
    for index, line in enumerate(lines[:15]):
        candidates.append((index, line))
        if len(line) >= WRAPPED_TITLE and index + 1 < len(lines) and len(lines[index + 1]) < WRAPPED_TITLE:
            candidates.append((index + 1, line + lines[index + 1]))
    for index, line in candidates:
        line = TITLE_TAG_RE.sub("", TITLE_LABEL_RE.sub("", line))
        if NOT_TITLE_RE.search(line) or "位置" in line:
            continue
        if 6 <= len(line) <= 80 and TITLE_WORD_RE.search(line) and not line.startswith(("根据", "本报告", "本年度")):
            return index, line
    return -1, None


def _agency(text: str, lines: list[str], title_index: int, title_line: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The canonical name of the report's author and its aliases (see the module docstring)."""
    stated = _stated_names(text, lines, title_index, title_line)
    raw = stated + (_of_own_kind(_mentions(text), text) if all(weight == CARRIED for _, weight in stated) else [])
    canonical_of = _canonical_names({name for name, _ in raw})
    stated = [(canonical_of[name], weight) for name, weight in stated]
    group = _best_group([(canonical_of[name], weight) for name, weight in raw])
    if not group:
        return None, ()
    weights: Counter = Counter()
    for name, weight in group:
        weights[name] += weight
    if all(_relative(name) for name in weights):
        relative = max(weights, key=weights.get)
        if resolved := _resolve(relative, text, _title_head(title_line) if title_line else ""):
            return resolved, ()
        # the text's own words for its author, where it names no place (县教育局2025年…总结)
        return (relative if any(name == relative and weight >= INFERRED for name, weight in stated) else None), ()
    # The fullest place and wording (a county's 人民政府 inside a street's name adds neither), then the
    # wording the report gives most weight (its title's).
    def fullness(n: str) -> tuple:
        return not _relative(n), len(_place(n).prefix.replace("人民政府", "")), len(INNER_GOVERNMENT_RE.sub("", n)), weights[n]

    canonical = max(weights, key=fullness)
    wordings = set(weights) | {name for name, _ in raw if canonical_of[name] in weights}  # the text's own forms too
    return canonical, tuple(sorted(n for n in wordings if n != canonical and not _relative(n)))


def _canonical_names(names: set[str]) -> dict[str, str]:
    """Each name's canonical form: that of the fullest name the text gives for it (西山区教育局 with
    示例市西山区教育局 beside it is the 示例市 one, whatever city cpca's table has a 西山区 in),
    else _full_name's."""
    def fullest(name: str) -> str:
        longer = [n for n in names if len(n) > len(name) and n.endswith(name) and PLACE_RE.fullmatch(n[: len(n) - len(name)])]
        return max(longer, key=len) if longer and not _relative(name) else name
    return {name: _full_name(fullest(name)) for name in names}


def _stated_names(text: str, lines: list[str], title_index: int, title_line: str | None) -> list[tuple[str, float]]:
    """The names where a report names its author, with their weights, and their longer variants."""
    p = _patterns()
    votes: list[tuple[str, float]] = []
    byline = lines[title_index + 1 : title_index + 3] if title_index >= 0 else []
    for line in lines[:8] + byline + lines[-12:]:
        line = re.sub(r"(文件|办公室印发|印发)$", "", LINE_DATE_RE.sub("", line)) if not line.endswith("办公室") else line
        if match := p.line_name.match(line):
            votes.append((match.group(1), STATED))
    titled = _title_names(title_line, text) if title_line else []
    votes += titled
    if not title_line and (headline := _headline(lines)):
        votes.append((headline, INFERRED))
    opening = ADDRESS_RE.sub("", text[:3000])
    votes += [(_government_of(_cleaned(name)), STATED) for _, name in p.self_named.findall(opening)]  # an office's own report
    titled_names = {name for name, _ in titled}  # a government's office that the title names writes its own report

    def body_of(name: str) -> str:
        return name if name in titled_names else _body_of_office(name)

    for pattern in (p.author, p.contact):
        votes += [(body_of(_cleaned(name)), STATED) for name in pattern.findall(opening)]
    national = _tables().national_bodies
    votes += [(national.get(name) or _body_of_office(_cleaned(name)), INFERRED) for name in p.news_source.findall(opening[:1000])]
    votes += [(name, INFERRED) for name in _subjects(opening)]
    for line in lines[:4]:
        if header := p.portal_header.match(line):
            votes.append((header.group(1) + header.group(2), STATED))
    heads = "\n".join([title_line or "", *(line for line in lines[:3] if not SENTENCE_RE.search(line))])
    votes += [(national[m.group()], STATED) for m in p.national_body.finditer(heads)]
    votes += [(national[m.group(1) or m.group(2)], INFERRED) for m in p.national_subject.finditer(text[:NEWS_LEAD])]
    carried = set(p.source_line.findall(text[:3000])) | set(p.signoff.findall(text))
    votes += [(name, CARRIED) for name in carried]
    votes = [(name, weight) for name, weight in votes if not NOT_A_NAME_RE.search(name)]
    found = {_full_name(name) for name, _ in votes}
    return votes + [(v, VARIANT) for v in _longer_variants(text, list(found)) if _full_name(v) not in found]


def _subjects(text: str) -> list[str]:
    """Bodies that open a sentence of the report's first paragraphs and go on to act (2021年，区住建委
    以…, 东晓街道深入贯彻…, 市教育局党组对…高度重视), each once; a township named alone is its
    government. Not a body addressed (a line ending in a colon) nor one quoted (《…》)."""
    found = []
    for line in text.split("\n")[:SUBJECT_LINES]:
        if ADDRESSEES_RE.match(line):
            continue  # 新乡市人民政府、中共获嘉县委…： addresses bodies
        for name in _patterns().subject.findall(QUOTED_RE.sub("", line)):
            name = _cleaned(name)
            name = name[_sentence_before(name):]
            words = name.startswith(NOT_A_PLACE + _tables().leading_words) and not _opens_with_place(name)  # 我镇…, 紧紧围绕镇…
            if words or name.endswith(_tables().party_organs + _tables().sub_bodies) or len(name) < 3:
                continue
            if PLACE_RE.fullmatch(name):  # a place that acts is its government: 东晓街道深入…, 获嘉县坚持…
                if _relative(name) or (name.endswith(NOT_PLACES) and int(_recognise(name)["市_pos"]) != 0):  # 聊城市 is one
                    continue
                name = _government_of(name)
            elif not _relative(name):
                name = _trim_to_place(name, allow_unknown=True)
            if name and name not in found:
                found.append(name)
    return found


def _government_of(name: str) -> str:
    """A place named as a body (a report of 平江县三墩乡, 东晓街道深入…) is its government."""
    if not PLACE_RE.fullmatch(name) or _relative(name):
        return name
    return name + ("办事处" if name.endswith("街道") else "人民政府")


def _body_of_office(name: str) -> str:
    """The body whose office or committee it is (两城镇人民政府党政办公室 -> 两城镇人民政府, 市政协提案委 ->
    市政协): compiling or telling of a report, it names its body."""
    match = INTERNAL_OFFICE_RE.match(name)
    return next(g for g in match.groups() if g) if match else name


def _cleaned(name: str) -> str:
    """A name without the words a sentence may put before it (因此市人社局 -> 市人社局)."""
    words = _tables().leading_words
    while not _opens_with_place(name) and (lead := next((w for w in words if name.startswith(w) and len(name) - len(w) >= 3), None)):
        name = name[len(lead):]
    return name


def _opens_with_place(name: str) -> bool:
    """Whether a place cpca knows opens the name (和平区…, 从化区…: no leading word to cut)."""
    return _first_place_pos(name) == 0


def _title_head(title_line: str) -> str:
    """The words a title opens with, before its year (示例市公安局, 桥东区)."""
    return TITLE_CUT_RE.split(TITLE_OPENING_RE.sub("", _arabic_years(title_line)), maxsplit=1)[0]


def _title_names(title_line: str, text: str) -> list[tuple[str, float]]:
    """The body a title names at its head, or the body inferred for the place it names; the organ
    of the place a report was delivered in (政府工作报告 … 在京山市第九届人民代表大会…)."""
    votes = []
    for title_words, organ in _tables().delivered_reports:
        if title_words in title_line and (match := DELIVERY_PLACE_RE.search(text[:500])) and PLACE_RE.fullmatch(match.group(1)):
            votes.append((match.group(1) + organ, STATED))
    head = _title_head(title_line)
    match = _patterns().name.fullmatch(head) or _patterns().name.match(head)  # 管理委员会生态环境局: all of it
    if match and _relative(match.group(0)):
        return votes + [(match.group(0), STATED)]
    if match and (name := _trim_to_place(match.group(0), allow_unknown=True)):
        return votes + [(name, STATED)]
    return votes + [(name, INFERRED) for name in _place_and_body_organ(head, text)]


def _headline(lines: list[str]) -> str | None:
    """The body a news item's headline starts with (XX局召开…), past the page's furniture; not a
    site's name (XX市人民政府门户网站)."""
    for line in lines[:8]:
        if (said := _patterns().body_says.match(line)) and (name := _trim_to_place(said.group(1), allow_unknown=True)):
            return name  # 桂林市政协：195件提案全部找到“婆家”
        match = None if NOT_TITLE_RE.search(line) or ADDRESSEES_RE.match(line) else _patterns().name.match(line)
        carrier = match and (WEBSITE_RE.match(line, match.end()) or OUTLET_AFTER_RE.match(line, match.end()))
        if match and not carrier and (name := _trim_to_place(match.group(0), allow_unknown=True)):
            return name
    return None


def _place_and_body_organ(head: str, text: str) -> list[str]:
    """A title that names only a place (桥东区2020年信访工作总结): the body that names the organ
    relative to it (区信访局): 桥东区信访局; else the body of that place the page's source line
    names; with neither, the place's government."""
    if not PLACE_RE.fullmatch(head) or head.startswith(RELATIVE_PREFIX) or len(head) < 3:
        return []
    marker = "街道" if head.endswith("街道") else head[-1]
    organs = _relative_organs(text, marker)
    if organs:
        return [head + organs.most_common(1)[0][0]]
    carriers = [name for name in _patterns().source_line.findall(text[:3000]) if name.startswith(head) and name != head]
    if carriers:
        return carriers[:1]  # 黄石市2020年度行政复议…报告 / 来源：黄石市司法局: the place's body that published it
    return [_government_of(head)]


def _relative_organs(text: str, marker: str) -> Counter:
    """The principal organs the text names relative to a place of kind `marker` (区信访局, 区政府
    for a district), counted; not the place's party committee nor units inside a body."""
    tables = _tables()
    pattern = f"(?:(?<![{HAN}])|(?<=[{FUNCTION_WORDS}])){marker}{_patterns().relative}"
    organs = Counter(m.group(1) for m in re.finditer(pattern, text))
    return Counter({
        organ: count for organ, count in organs.items()
        if not (marker + organ).endswith(tables.party_organs) and not organ.endswith(tables.sub_bodies)
    })


def _mentions(text: str) -> list[tuple[str, float]]:
    """Bodies the text mentions: the place-prefixed names; without any (a website's name aside),
    the names relative to a place where they begin a sentence (2021年，市城市管理局…) as well."""
    body = "\n".join(line for line in text[:4000].split("\n") if not ADDRESSEES_RE.match(line))
    body = QUOTED_RE.sub(lambda m: "《》" if m.group().startswith("《") else "", body)
    found = [
        (name, CARRIED if WEBSITE_RE.match(body, end) else STATED)
        for name, end in _names_in(body) if not body.startswith("《", end)  # the issuer of a cited document
    ]
    if all(weight == CARRIED for _, weight in found):
        pattern = f"(?<![{HAN}（(])((?:{'|'.join(RELATIVE_PREFIX)}){_patterns().relative})"
        found += [
            (m.group(1), CARRIED if WEBSITE_RE.match(body, m.end()) else STATED)
            for m in re.finditer(pattern, body) if not m.group(1).endswith(_tables().party_organs)
        ]
    return found


def _of_own_kind(mentions: list[tuple[str, float]], text: str) -> list[tuple[str, float]]:
    """The mentioned bodies of the kind the report calls itself (我局 three times: a 局, not the
    县政府办 it mentions); all of them where it does not say."""
    kinds = Counter(SELF_RE.findall(QUOTED_RE.sub("", text[:4000])))
    if not kinds:
        return mentions
    kind = kinds.most_common(1)[0][0]
    suffixes = SELF_KINDS[kind]
    return [(name, weight) for name, weight in mentions if _place(_full_name(name)).core.endswith(suffixes)
            or (not suffixes and _place(name).prefix.endswith(kind))]


def _names_in(span: str) -> list[tuple[str, int]]:
    """Place-prefixed names of bodies in a stretch of text (only places cpca knows), with where
    each ends. A function word glued between a place and a name relative to it is a break:
    徐州市以市政府 is 徐州市政府."""
    found = []
    for match in _patterns().name.finditer(span):
        run = GLUED_RE.sub(r"\1", match.group(0))
        name = _trim_to_place(run, allow_unknown=False)
        if name:
            found.append((_with_national_prefix(span, match.end() - len(name), name), match.end()))
    return found


def _with_national_prefix(text: str, start: int, name: str) -> str:
    """The name with the national system's prefix the text gives right before it (国家税务总局…)."""
    before = re.search(f"(?:{_patterns().national})$", text[max(0, start - 6) : max(0, start)])
    return before.group(0) + name if before and not name.startswith(before.group(0)) else name


def _trim_to_place(run: str, allow_unknown: bool) -> str | None:
    """Cut leading words off a run of characters so that it starts with a place name.

    allow_unknown: a place the text invents (示例市, 西牛镇) may come first (a title's head);
    otherwise only names starting with a place cpca knows count.
    """
    national = re.match(f"(?:{_patterns().national})(?=[{HAN}])", run)
    if national:
        rest = _trim_to_place(run[national.end():], allow_unknown)
        return national.group(0) + rest if rest else None
    recognised = _recognise(run)
    starts = sorted((int(recognised[k + "_pos"]), recognised[k]) for k in ("省", "市", "区") if int(recognised[k + "_pos"]) >= 0)
    if allow_unknown and PLACE_RE.match(run) and run[0] not in FUNCTION_WORDS + "属归因" and not _sentence_before(run):
        name = run  # a place cpca does not know may come first: 示例市东湖区…
    elif starts:
        start, place = starts[0]
        if start > 0 and _stated_length(run, start, place) == 2 and run[start + 1] in PLACE_MARKERS:
            return None  # 办理县政府 is not 理县's government
        unknown_city = UNKNOWN_CITY_RE.search(run[:start])  # …示例市 before cpca's 北湖区
        system = SYSTEM_RE.fullmatch(run[:start])  # 中国证券监督管理委员会 before 北京监管局
        name = run if system else run[unknown_city.start() if unknown_city else start:]
    else:
        return None
    core = _place(name).core
    if NOT_A_NAME_RE.search(name):
        return None  # 吉安县人大代表建议政协, 南通中院会同该市依法治市办: words of a sentence
    return name if 2 <= len(core) <= 12 and not core.endswith(_tables().party_organs) else None


def _junk_before_place(name: str) -> int:
    """Where a place cpca knows starts in a name that words before it cannot belong to (a page's
    spam, 香港…大全新疆维吾尔自治区人民政府: 10), or 0: not a national prefix (政协, 中共), nor a
    place cpca does not know (示例市东湖区…)."""
    start = _first_place_pos(name) or 0
    before = name[:start]
    if start < JUNK_LEAST or re.fullmatch(f"(?:{_patterns().national})+", before) or PLACE_RE.match(before) \
            or SYSTEM_RE.fullmatch(before):  # 中国证券监督管理委员会北京监管局: a system's name, not junk
        return 0
    return start


def _sentence_before(run: str) -> int:
    """Where a place cpca knows starts in a run that a sentence's words lead to (切实抓好由文山市…:
    5), or 0."""
    start = _first_place_pos(run) or 0
    return start if any(char in FUNCTION_WORDS for char in run[:start]) else 0


def _first_place_pos(words: str) -> int | None:
    """Where the first place cpca finds stated in `words` starts (None if it finds none)."""
    recognised = _recognise(words)
    return min((int(recognised[k + "_pos"]) for k in ("省", "市", "区") if int(recognised[k + "_pos"]) >= 0), default=None)


def _longer_variants(text: str, names: list[str]) -> list[str]:
    """Longer wordings of the found names elsewhere in the text: the same place with a fuller
    wording of the same kind of body, or the same name after a fuller place (微山县两城镇人民政府)."""
    variants = []
    p = _patterns()
    for name in set(names):
        prefix = _place(name).prefix
        if len(prefix) < 2 or _relative(name):
            continue
        for match in re.finditer(f"(?:{p.national})?{re.escape(prefix)}[{HAN}]{{1,14}}?{p.organ}", text):
            inner_organ = re.search("政府|委员会", match.group(0)[len(prefix):-1])  # 长乐区人民政府吴航街道办事处
            if _same_body(match.group(0), name) and "关于" not in match.group(0) and not GLUED_RE.search(match.group(0)) \
                    and not inner_organ:
                variants.append(match.group(0))
        for match in re.finditer(f"[{HAN}]{{1,8}}(?={re.escape(name)})", text):
            fuller = _trim_to_place(match.group(0) + name, allow_unknown=False)
            if fuller and fuller.endswith(name) and PLACE_RE.fullmatch(fuller[: len(fuller) - len(name)]):
                variants.append(fuller)
    return variants


def _resolve(relative: str, text: str, title_head: str) -> str | None:
    """The full name of a body the text names only relatively (市城市管理局): from a full name of
    the same body in the text, the place the title names (桂东区2022年…), the place of the
    yearbook the entry is from (《江宁年鉴》), or the one place of that level the text names."""
    marker = next(m for m in sorted(RELATIVE_PREFIX, key=len, reverse=True) if relative.startswith(m))
    named = [name for name, _ in _names_in(text)]
    same = Counter(n for n in named if _same_body(n, relative) and _place(n).prefix.endswith(marker))
    if same:
        return same.most_common(1)[0][0]
    core = relative[len(marker):]
    homes = [title_head]
    if yearbook := YEARBOOK_RE.search(text[:500]):
        homes += [yearbook.group(1), yearbook.group(1) + marker]
    homes += _home_places(text)
    homes += [_place(name).prefix for name in _subjects(text[:3000])]  # 2021年，湟源县始终坚持…
    for place in homes:
        if place.endswith(marker) and _place(place + core).prefix == place:
            return _full_name(place + core)
    places = {_place(n).prefix for n in named if _place(n).prefix.endswith(marker)}
    return _full_name(places.pop() + core) if len(places) == 1 else None


def _home_places(text: str) -> list[str]:
    """The places where the report's body sits, by what its opening says outside the report's
    sentences: its address (地址：天津市和平区…) and the local outlet that carries it (亳州晚报):
    each of the province, city and district that cpca finds stated there; and the province its
    lead names (内蒙古102个旗县… for 自治区信访局, 北京 for 市水务局)."""
    opening = text[:3000]
    lead = _recognise(opening[:NEWS_LEAD])
    provinces = [lead["省"]] if int(lead["省_pos"]) >= 0 and isinstance(lead["省"], str) else []
    spans = [m.group() for m in ADDRESS_RE.finditer(opening)]
    spans += [next(g for g in m.groups() if g) for m in OUTLET_RE.finditer(opening[:300])]
    homes = []
    for span in spans:
        recognised = _recognise(span)
        for level in ("省", "市", "区"):
            place = recognised[level]
            if int(recognised[level + "_pos"]) >= 0 and isinstance(place, str):
                homes.append(place)  # 天津市 is a province and, for 市人社局, its own city
    return homes + provinces


def _best_group(votes: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The names that denote the body with the most weight (the first of equals). A page's carrier
    counts once however often it is repeated (来源 and 发布机构 lines, a contributor's note)."""
    groups: list[list[tuple[str, float]]] = []
    for name, weight in votes:
        if len(name) < 3:
            continue
        for group in groups:
            if _same_body(name, group[0][0]) and _compatible_places(name, group[0][0]):
                group.append((name, weight))
                break
        else:
            groups.append([(name, weight)])
    def weight(group: list[tuple[str, float]]) -> tuple[float, float]:
        carried = [w for _, w in group if w == CARRIED]
        return sum(w for _, w in group if w != CARRIED) + max(carried, default=0), sum(w for _, w in group)

    return max(groups, key=weight, default=[])


def _relative(name: str) -> bool:
    """A name relative to an unnamed place (区信访局) could be any district's."""
    return name.startswith(RELATIVE_PREFIX)


@lru_cache(maxsize=65536)
def _recognise(words: str) -> dict:
    """cpca's reading of the places in `words`: 省/市/区 with their positions (…_pos, -1 if inferred)."""
    return cpca.transform([words], pos_sensitive=True).iloc[0].to_dict()


@lru_cache(maxsize=65536)
def _full_name(name: str) -> str:
    """A place's 政府 is its 人民政府 (镇政府, 市政府办公厅), a standard short form of an organ is its
    formal name (detect.toml [agency.short_forms]: 住建局 -> 住房和城乡建设局), and a district's name
    gains its city where that is unambiguous (洛江区卫生健康局 -> 泉州市洛江区卫生健康局), as readers
    name district bodies. A name relative to an unnamed place (区住建委) stays as the text gives it."""
    name = TERM_RE.sub("", name)  # a body outlasts its terms: 政协第十三届绛县委员会 -> 政协绛县委员会
    if _relative(name) or not name:
        return name  # the text's own words: no place to make a canonical name with
    name = name[_junk_before_place(name):]
    name = re.sub(f"(?<=[{PLACE_MARKERS}])政府(?=办公室$|办公厅$|$)", "人民政府", name)
    for short, formal in _tables().short_forms:
        if name.endswith(short) and not name.endswith(formal):
            name = name[: len(name) - len(short)] + formal
            break
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


def _township(name: str, text: str) -> str:
    """A street's office that the text names only by its place (东晓街道2023年…报告, 东晓街道深入…)
    goes by the place's name, as the text and its readers name it; where the text gives the organ
    with the place (东晓街道办事处), the name keeps it. A township named alone is its 人民政府, as
    readers name it (马水镇2019年…报告 -> 马水镇人民政府)."""
    place = _place(name)
    if not (place.prefix.endswith("街道") and place.core in TOWNSHIP_GOVERNMENTS):
        return name
    town = PLACE_RE.findall(place.prefix)[-1] if PLACE_RE.findall(place.prefix) else place.prefix
    if any(town + organ in text for organ in TOWNSHIP_GOVERNMENTS):
        return name
    return name[: len(name) - len(place.core)]


@cache
def _unique_district_names() -> Counter:
    with open(Path(cpca.__file__).with_name("resources") / "adcodes.csv", encoding="utf-8") as f:
        return Counter(line.split(",")[1] for line in f)


@dataclass(frozen=True)
class _Place:
    prefix: str  # the place words as stated at the start of the name (after a national prefix)
    core: str  # the rest: 自然资源和规划局
    region: str | None
    level: str


@cache
def _place(name: str) -> _Place:
    """Split a name into its place prefix and its core, and say where and at what level it is.

    The region is what cpca recognised with its province and city filled in when the name starts
    with a place cpca knows; otherwise the places as stated (示例市东湖区). A township is the
    agency itself, so its own name is not part of the region. A national system's prefix
    (国家税务总局) is neither place nor core.
    """
    if national := re.match(f"(?:{_patterns().national})(?=[{HAN}]{{3}})", name):
        return _place(name[national.end():])
    recognised = _recognise(name)
    known = {}
    for key in ("省", "市", "区"):
        pos, value = int(recognised[key + "_pos"]), recognised[key]
        if not isinstance(value, str) or value == "市辖区" or len(value) < 2:
            continue
        if pos >= 0:
            end = pos + _stated_length(name, pos, value)
            if end < len(name) and name[end] in PLACE_MARKERS and name[end] != value[-1]:
                continue  # 云溪县 is not cpca's 云溪区: a place cpca does not know
        known[key] = (pos, value)
    position = max((pos + _stated_length(name, pos, value) for pos, value in known.values() if pos >= 0), default=0)
    prefix, core = name[:position], name[position:]
    stated = []  # place words after those cpca recognised
    while (match := PLACE_RE.match(core)) and len(core) - match.end() >= 2 and not _not_place(match.group(0)):
        prefix, core = prefix + match.group(0), core[match.end():]
        stated.append(match.group(0))
    township = 0
    while stated and stated[-1].endswith(("镇", "乡", "街道")):
        township += len(stated.pop())
    if not prefix or _relative(prefix):
        region = None
    elif min((pos for pos, _ in known.values() if pos >= 0), default=-1) == 0:
        region = "".join(value for _, value in known.values()) + "".join(stated)
    else:
        region = prefix[: len(prefix) - township] or None
    return _Place(prefix=prefix, core=core, region=region, level=_level(prefix, core, recognised))


def _not_place(words: str) -> bool:
    """城市, 社区…, or words that hold an organ (县委群众工作局澄江县) are no place token."""
    return words.endswith(NOT_PLACES) or any(organ in words for organ in "局委厅")


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


def _compatible_places(a: str, b: str) -> bool:
    """A relative, shorter or abbreviated place prefix may stand for a fuller one, not for a
    different place (东湖高新区 may be 武汉东湖新技术开发区; 东湖区 is not 西湖区)."""
    pa, pb = _place(a).prefix, _place(b).prefix
    if _relative(pa) or _relative(pb) or not pa or not pb:
        return True
    short, long = sorted((pa, pb), key=len)
    return short in long or (short[-1] == long[-1] and short[:2] in long)


def _arabic_years(text: str) -> str:
    """二〇一九年 -> 2019年 (for reading years only; the stored text keeps its numerals)."""
    return CN_YEAR_RE.sub(lambda m: m.group(0).translate(CN_DIGITS), text)


def _year(text: str, title_line: str | None) -> int | None:
    """The year the report is about (a 2021 report signed in January 2022 is 2021)."""
    reviewed = next((m for m in LAST_YEAR_REVIEWED_RE.finditer(text[:600])
                     if MEETING_RE.search(text, _sentence_start(text, m.start()), m.start())), None)
    if title_line and (match := YEAR_RE.search(title_line)):
        return int(match.group(1)) - (1 if reviewed and MEETING_RE.search(title_line) else 0)
    looking_back = reviewed or ASSIGNMENT_MEETING_RE.search(text[:600])
    if looking_back and (match := YEAR_RE.search(text, _sentence_start(text, looking_back.start()), looking_back.start())):
        before = int(match.group(1)) - 1  # the meeting's year, in the sentence that sums up or assigns
        if reviewed or re.search(HANDLED_IN.format(year=before), text):  # it reports how last year's were handled
            return before
    if match := DELIVERY_RE.search(text[:500]):
        return int(match.group(1)) - 1
    if match := PERIOD_RE.search(text):
        return int(match.group(1))
    if match := REVIEWED_RE.search(text[:500]):
        return int(match.group(1))
    if (published := PUBLISHED_RE.search(text[:1000])) and THIS_YEAR_RE.search(text):
        return int(next(g for g in published.groups() if g))  # a page on the year so far (今年以来…)
    counts = _year_votes(text)
    if counts:
        first_seen = {y: text.find(str(y)) for y in counts}
        return max(counts, key=lambda y: (counts[y], -first_seen[y]))
    dates = DATE_RE.findall(text)
    if dates:
        year, month = (int(x) for x in dates[-1])
        return year - 1 if month <= 6 else year
    return None


def _sentence_start(text: str, pos: int) -> int:
    return text.rfind("。", 0, pos) + 1


def _year_votes(text: str) -> Counter:
    """The years the text speaks of, by mentions; a plan (2024年工作安排) speaks of the year before it."""
    unquoted = QUOTED_RE.sub("", text)
    counts = Counter(int(m.group(1)) for m in YEAR_RE.finditer(unquoted))
    for match in _patterns().plan_year.finditer(unquoted):
        planned = int(match.group(1) or match.group(2))
        counts[planned] -= 1
        counts[planned - 1] += 1
    return +counts


def _report_type(title_line: str | None, text: str) -> str:
    """The type the title names; else the one the report names itself as (现向社会公布…2022年政府
    信息公开工作年度报告); else the one whose words the opening uses most."""
    types = _tables().report_types
    self_named = _patterns().self_named.search(text[:3000])
    for line in (title_line, self_named.group(0) if self_named else None):
        for name, title_keywords, _ in types:
            if line and any(k in line for k in title_keywords):
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
