"""Composing reports: one agency's report of one kind for one year, its text and the facts (gold) it states."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import cn2an

from etl.demo.phrasing import (
    DISCLOSURE_EXTRAS,
    ENFORCEMENT_EXTRAS,
    FACT_TEMPLATES,
    HOTLINE_EXTRAS,
    PETITION_EXTRAS,
    PROPOSALS_EXTRAS,
    PUFA_EXTRAS,
    SLOT,
    STUDY_EXTRAS,
    Slot,
    Template,
)
from etl.demo.plans import CODES, FAMILY, Plan, plan_agency
from etl.demo.roster import Agency
from etl.indicators import indicators
from etl.model import DEMO_MARKER


def agency_reports(agency: Agency, first: int, last: int, seed: int) -> list[Report]:
    """Every report `agency` publishes from `first` to `last`, each drawn from its own random stream."""
    plan = plan_agency(agency, first, last, seed)
    reports = []
    for year in range(first, last + 1):
        for kind in KIND_FILE_NAMES:
            if year in plan.publishes[kind]:
                rng = random.Random(f"report/{seed}/{agency.slug}/{year}/{kind}")
                reports.append(ReportWriter(agency, plan, year, kind, rng).write())
    return reports


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


KIND_FILE_NAMES = {"fzzf": "法治政府建设", "xxgk": "政府信息公开", "jyta": "建议提案办理", "xf": "信访"}


def _block_text(block: Block) -> str:
    return block if isinstance(block, str) else "\n".join(" | ".join(row) for row in block)


def _gold_fact(code: str, value: float, qualifier: str | None) -> dict:
    fact: dict = {"indicator": code, "value": int(value) if value == int(value) else value}
    if qualifier:
        fact["qualifier"] = qualifier
    return fact


# Counts that read naturally as "0件" inside a sentence.
_ZERO_STATABLE = {"requests", "d_reviews", "d_lawsuits", "lawsuits", "reviews", "losses"}
# A sum of these codes, stated with its parts, leaves this code open.
_SUM_LEAVES_OPEN = {frozenset({"reviews", "lawsuits"}): "combined"}
# Sentences are stated in the order of CODES.
_ORDER = list(CODES)
_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


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
            codes = [c for c in CODES if FAMILY[c] == family and c not in ("combined", "losses", "head")]
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
        return SLOT.sub(lambda _: self.render_slot(next(slots)), template.text)

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
