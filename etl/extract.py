"""Stage 4: normalised report text -> indicator facts, read by the rules of etl/rules.toml.

The engine knows how Chinese report prose is built, not what any phrase means: it splits
sentences and clauses (brackets do not split), finds quantities (etl.numbers), lets a count take
the trigger nearest before it in its clause (or in a label clause before it: 数量：486条), lets a
rate take the subjects nearest before its name, shares one value among coordinated rate names
(or hands them out in order after 分别), reads explicit zeros after negations, closing a term
(…案件为零) or answering a label (…情况：无), reads rows of the standard disclosure tables
(their labels across line breaks) and of tables whose header row names the columns (件数 | 办结率
| 2023年: a row label names the indicator, its header column the measure), carries a disclosure tie along coordinated case clauses and
into a disclosure part of the body's own cases, and drops values of other years, comparisons
and cumulative stocks, values a sentence gives one code for several scopes, and sentences
quoting another body's figures. Which words make which indicator lives in rules.toml, so that a
developer extends the rules without touching this file. Of what remains, one fact per
indicator is kept (see _choose).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etl.indicators import indicators
from etl.model import Fact
from etl.normalise import is_heading
from etl.numbers import AFTER_ITEM, Quantity, find_quantities

RULES_PATH = Path(__file__).with_name("rules.toml")
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
# A "sentence" longer than this (a PDF text layer without 。, a huge table cell) is cut at its
# commas: reading a sentence costs more than linear time in its length.
MAX_SENTENCE = 500
CLAUSE_BREAKS = frozenset("，,：:|。！？!?；;")
BRACKETS = {")": "(", "）": "（"}
DATE_UNITS = frozenset("年月日")
FACT_UNITS = frozenset({"件", "条", "批次", "%"})
YEARS = range(1980, 2051)
CELL_NUMBER = re.compile(r"\d+")
TABLE_RUN = re.compile(r"\d+(?:件|条)?(?:[ \t\n|]+\d+(?:件|条)?)*")
LIST_GAP = re.compile(r"\s*[、和及与，,]?\s*")  # between the numbers of a list (分别为5件、3件)
TABLE_GAP = re.compile(r"(?:[ \t\n|]|[(（][^)）\n]*[)）]|[件条个](?=[ \t\n|]))*")
TABLE_REACH = 800  # characters between a table's heading and its row of numbers
COUNTED_NOUN = 12  # characters after a measure word that may name the counted noun (2件人大代表建议)
NOUN_TAIL = 4  # characters after a measure word where a rule's forbidden words still count (607件积案)
_HAN = re.compile("[\u4e00-\u9fff]")
NUMBER_AHEAD = re.compile(r"(?:共|总|为|有|计|达|约|近)*[\d零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾]")


def extract(text: str, year: int | None = None, report_type: str | None = None, agency: str | None = None) -> list[Fact]:
    """The facts that normalised `text` states for `year` (at most one per indicator).

    `report_type` is etl.detect's: 法治政府建设 | 政府信息公开 | 建议提案办理 | 信访 | 其他; `agency`
    its author, if known (a government's report counts the suggestions it handled, a congress's
    those its deputies submitted).
    """
    rules, reading = load_rules()
    doc = _Document(text, year, report_type, agency, reading)
    candidates = [
        *_read_counts(doc, rules),
        *_read_rates(doc, rules),
        *_read_zeros(doc, rules),
        *_read_tables(doc, rules),
        *_read_header_tables(doc, rules),
    ]
    return _choose(candidates)


# ---------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """One row of rules.toml (see the comment at its top for what each field means)."""

    id: str
    kind: str  # count | block | rate | zero | table
    indicator: str | None
    triggers: re.Pattern | None
    followed_by: re.Pattern | None = None
    units: frozenset[str] = frozenset()
    subjects: re.Pattern | None = None
    implied_by_report: frozenset[str] = frozenset()
    report_types: frozenset[str] = frozenset()
    forbid: re.Pattern | None = None
    forbid_in_sentence: re.Pattern | None = None
    require_in_sentence: re.Pattern | None = None
    no_stock: bool = False
    disclosure: str | None = None
    components: tuple[str, ...] = ()
    cells: str | tuple[int, ...] = "last"
    row_length: int | None = None
    priority: int = 0
    fallback: bool = False
    heading: re.Pattern | None = None

    def applies_to(self, report_type: str | None) -> bool:
        return not self.report_types or report_type in self.report_types


KINDS = frozenset({"count", "block", "rate", "zero", "table"})
FIELDS = frozenset(Rule.__dataclass_fields__) | {"notes"}


@dataclass(frozen=True)
class Reading:
    """The [reading] table: phrase lists the engine's general reading rules use."""

    comparison: re.Pattern
    part: re.Pattern
    label: re.Pattern
    negation: re.Pattern
    negation_reach: int
    negation_goes_on: re.Pattern
    receipt_negation: re.Pattern
    zero_after: re.Pattern
    zero_answer: re.Pattern
    disclosure_context: re.Pattern
    other_cause: re.Pattern
    disclosure_requests: re.Pattern
    continued_case: re.Pattern
    respondent: re.Pattern
    disclosure_report_type: str
    disclosure_report_cites: re.Pattern
    rate_link: re.Pattern
    rate_after: re.Pattern
    rate_name: re.Pattern
    rate_names_before: re.Pattern
    each: re.Pattern
    respectively: re.Pattern
    coordination: re.Pattern
    total: re.Pattern
    cumulative: re.Pattern
    quoted: re.Pattern
    count_column: re.Pattern
    year_column: re.Pattern
    cell_note: re.Pattern
    counted_modifier: re.Pattern
    target: re.Pattern
    lookback: re.Pattern
    this_year: re.Pattern
    handled_by_government: re.Pattern
    government: re.Pattern
    treated: re.Pattern


@cache
def load_rules(path: Path = RULES_PATH) -> tuple[tuple[Rule, ...], Reading]:
    """Rules and reading settings, compiled once. Raises ValueError on a row with an unknown kind,
    field or indicator code, so that a typo in the table does not silently disable a rule."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    codes = indicators()
    rules = []
    for row in data["rule"]:
        if row.get("kind") not in KINDS:
            raise ValueError(f"{path.name}: rule {row.get('id')} has kind {row.get('kind')!r}, not one of {sorted(KINDS)}")
        if unknown := set(row) - FIELDS:
            raise ValueError(f"{path.name}: rule {row['id']} has unknown fields {sorted(unknown)}")
        indicator = row.get("indicator")
        for code in (indicator, row.get("disclosure")):
            if code and code not in codes:
                raise ValueError(f"{path.name}: rule {row['id']} names an unknown indicator {code!r}")
        rules.append(
            Rule(
                id=row["id"],
                kind=row["kind"],
                indicator=indicator,
                triggers=_alternatives(row.get("triggers")),
                followed_by=_alternatives(row.get("followed_by")),
                units=frozenset(row.get("units", ())),
                subjects=_alternatives(row.get("subjects")),
                implied_by_report=frozenset(row.get("implied_by_report", ())),
                report_types=frozenset(row.get("report_types", ())),
                forbid=_alternatives(row.get("forbid")),
                forbid_in_sentence=_alternatives(row.get("forbid_in_sentence")),
                require_in_sentence=_alternatives(row.get("require_in_sentence")),
                no_stock=row.get("no_stock", False),
                disclosure=row.get("disclosure"),
                components=tuple(row.get("components", ())),
                cells=cells if isinstance(cells := row.get("cells", "last"), str) else tuple(cells),
                row_length=row.get("row_length"),
                priority=row.get("priority", 0),
                fallback=row.get("fallback", False),
                heading=_alternatives(row.get("heading")),
            )
        )
    known = {rule.id for rule in rules}
    for rule in rules:
        if missing := set(rule.components) - known:
            raise ValueError(f"{path.name}: rule {rule.id} lists unknown components {sorted(missing)}")
    r = data["reading"]
    reading = Reading(
        comparison=_alternatives(r["comparison"]),
        part=_alternatives(r["part"]),
        label=re.compile(r["label"]),
        negation=re.compile(r["negation"]),
        negation_reach=r["negation_reach"],
        negation_goes_on=re.compile(r["negation_goes_on"]),
        receipt_negation=re.compile(r["receipt_negation"]),
        zero_after=re.compile(r["zero_after"]),
        zero_answer=re.compile(r["zero_answer"]),
        disclosure_context=_alternatives(r["disclosure_context"]),
        other_cause=_alternatives(r["other_cause"]),
        disclosure_requests=_alternatives(r["disclosure_requests"]),
        continued_case=re.compile(r["continued_case"]),
        respondent=_alternatives(r["respondent"]),
        disclosure_report_type=r["disclosure_report"]["report_type"],
        disclosure_report_cites=_alternatives(r["disclosure_report"]["cites"]),
        rate_link=re.compile(r["rate_link"]),
        rate_after=re.compile(r["rate_after"]),
        rate_name=re.compile(r["rate_name"]),
        rate_names_before=re.compile(r["rate_names_before"]),
        each=re.compile(r["each"]),
        respectively=re.compile(r["respectively"]),
        coordination=re.compile(r["coordination"]),
        total=_alternatives(r["total"]),
        cumulative=re.compile(r["cumulative"]),
        quoted=re.compile(r["quoted"]),
        count_column=re.compile(r["header_table"]["count_column"]),
        year_column=re.compile(r["header_table"]["year_column"]),
        cell_note=re.compile(r["header_table"]["cell_note"]),
        counted_modifier=re.compile(r["counted_modifier"]),
        target=_alternatives(r["target"]),
        lookback=_alternatives(r["lookback"]),
        this_year=_alternatives(r["this_year"]),
        handled_by_government=_alternatives(r["handled_by_government"]),
        government=re.compile(r["government"]),
        treated=re.compile(r["treated"]),
    )
    return tuple(rules), reading


def _alternatives(patterns: list[str] | None) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


# ---------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    clauses: tuple[tuple[int, int], ...]
    brackets: tuple[tuple[int, int], ...]  # matched (…) spans
    quantities: tuple[Quantity, ...]
    years: tuple[tuple[int, int], ...]  # (position, year) of the years it names
    heading: str  # the section heading above it

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def clause_at(self, pos: int) -> tuple[int, int]:
        for clause in self.clauses:
            if clause[0] <= pos < clause[1]:
                return clause
        return self.clauses[-1]

    def in_brackets(self, pos: int) -> bool:
        return any(start < pos < end for start, end in self.brackets)

    def region_start(self, text: str, pos: int, previous_end: int, label: re.Pattern) -> int:
        """Where the words that may name a number at `pos` begin: its clause, after the sentence's
        previous number; a label clause before it (主动公开政府信息数量：486条) belongs to it too."""
        index = self.clauses.index(self.clause_at(pos))
        start = self.clauses[index][0]
        if index and previous_end <= self.clauses[index - 1][0] and label.search(text, *self.clauses[index - 1]):
            start = self.clauses[index - 1][0]
        return max(start, previous_end)


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans; an over-long one is cut after the last comma within MAX_SENTENCE."""
    for m in SENTENCE.finditer(text):
        start, end = m.span()
        while end - start > MAX_SENTENCE:
            cut = max(text.rfind("，", start, start + MAX_SENTENCE), text.rfind(",", start, start + MAX_SENTENCE))
            if cut <= start:
                cut = start + MAX_SENTENCE - 1
            yield start, cut + 1
            start = cut + 1
        yield start, end


class _Document:
    """The normalised text cut into sentences and clauses, with its quantities and years. A
    sentence quoting another body's figures (reading.quoted) is left out: it states none of ours."""

    def __init__(self, text: str, year: int | None, report_type: str | None, agency: str | None,
                 reading: Reading) -> None:
        self.text, self.year, self.report_type, self.reading = text, year, report_type, reading
        self.author_is_government = bool(agency and reading.government.search(agency))
        self.is_disclosure_report = (
            report_type == reading.disclosure_report_type and bool(reading.disclosure_report_cites.search(text))
        )
        quantities = find_quantities(text)
        starts = [q.start for q in quantities]
        headings = _headings(text)
        heading_starts = [pos for pos, _ in headings]
        self.sentences = []
        for start, end in _sentence_spans(text):
            if reading.quoted.search(text, start, end):
                continue
            inside = quantities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            h = bisect.bisect_right(heading_starts, start) - 1
            brackets = _brackets(text, start, end)
            self.sentences.append(
                _Sentence(
                    start,
                    end,
                    _clauses(text, start, end, brackets),
                    brackets,
                    tuple(inside),
                    tuple((q.start, int(q.value)) for q in inside if _is_year(text, q)),
                    headings[h][1] if h >= 0 else "",
                )
            )

    def is_current(self, sentence: _Sentence, q: Quantity) -> bool:
        """Whether a value is of the report's year: no other year names it, no comparison leads to
        it, and it is a result, not a target (力争…达到100%) nor a look-back over a term."""
        clause_start = sentence.clause_at(q.start)[0]
        if self.reading.comparison.search(self.text, clause_start, q.number_start):
            return False
        if not self.states_result(sentence, q.start):
            return False
        stated = _year_of(sentence, clause_start, q.start)
        return self.year is None or stated is None or stated == self.year

    def states_result(self, sentence: _Sentence, pos: int) -> bool:
        """Whether the words of its sentence before `pos` state a result of the year: no target or
        plan (reading.target) leads to it, and no look-back over several years (reading.lookback)
        unless the year itself is named after it (本届以来…，今年…)."""
        reading = self.reading
        if reading.target.search(self.text, sentence.start, pos):
            return False
        lookback = None
        for lookback in reading.lookback.finditer(self.text, sentence.start, pos):
            pass
        return lookback is None or bool(reading.this_year.search(self.text, lookback.end(), pos))

    def handler(self, sentence: _Sentence, q: Quantity) -> re.Match | None:
        """The words of a count's clause that name a government as the one that handled it
        (其中交由区政府办理105件, 归属省政府系统组织办理的建议778件)."""
        return self.reading.handled_by_government.search(self.text, *sentence.clause_at(q.start))

    def handled(self, sentence: _Sentence, q: Quantity, candidate: _Candidate) -> _Candidate:
        """A count that a government handled is the report's when a government wrote it, and
        another body's part (of what a congress or a newspaper reports) when not."""
        if self.handler(sentence, q) is None:
            return candidate
        if self.author_is_government:
            return dataclasses.replace(candidate, standing=AUTHORS)
        return dataclasses.replace(candidate, standing=min(candidate.standing, FALLBACK), is_part=True)

    def is_disclosure(self, sentence: _Sentence, pos: int) -> bool:
        """Whether reconsiderations and lawsuits at `pos` are about information disclosure: the
        report is a disclosure report, or its section heading or its clause up to `pos` speaks of
        disclosure, or its sentence did of disclosure requests (依申请公开63件，未发生行政诉讼); not
        when its clause names another cause (因具体行政行为被提起行政诉讼2起)."""
        reading = self.reading
        clause_start = sentence.clause_at(pos - 1)[0]
        in_clause = bool(reading.disclosure_context.search(self.text, clause_start, pos))
        if not in_clause and reading.other_cause.search(self.text, clause_start, pos):
            return False
        return (
            self.is_disclosure_report
            or bool(reading.disclosure_context.search(sentence.heading))
            or in_clause
            or bool(reading.disclosure_requests.search(self.text, sentence.start, pos))
        )

    def indicator(self, rule: Rule, sentence: _Sentence, pos: int, continues_tie: bool = False) -> str | None:
        """The code a rule reads here: its disclosure code in a disclosure context, or where it
        continues a case that was (`continues_tie`)."""
        if rule.disclosure is not None and (continues_tie or self.is_disclosure(sentence, pos)):
            return rule.disclosure or None
        return rule.indicator


def _headings(text: str) -> list[tuple[int, str]]:
    found, pos = [], 0
    for line in text.split("\n"):
        if is_heading(line):
            found.append((pos, line))
        pos += len(line) + 1
    return found


def _brackets(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Spans of matched brackets; an unmatched one (a typo) brackets nothing."""
    spans, stack = [], []
    for i in range(start, end):
        char = text[i]
        if char in "(（":
            stack.append((char, i))
        elif char in BRACKETS and stack and stack[-1][0] == BRACKETS[char]:
            spans.append((stack.pop()[1], i))
    return tuple(spans)


def _clauses(text: str, start: int, end: int, brackets: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Clause spans of a sentence: cut after commas, colons and cell bars outside brackets."""
    clauses, clause_start = [], start
    for i in range(start, end):
        if text[i] in CLAUSE_BREAKS and not any(s < i < e for s, e in brackets):
            clauses.append((clause_start, i + 1))
            clause_start = i + 1
    if clause_start < end:
        clauses.append((clause_start, end))
    return tuple(clauses)


def _is_year(text: str, q: Quantity) -> bool:
    """2021年 / 2023总共: a four-digit number of a plausible year, as a date, not a count."""
    if not (q.is_integer and int(q.value) in YEARS and text[q.number_start : q.number_start + 4].isdigit()):
        return False
    return q.unit == "年" or (q.unit == "" and q.end < len(text) and "\u4e00" <= text[q.end] <= "\u9fff")


def _year_of(sentence: _Sentence, clause_start: int, pos: int) -> int | None:
    """The year a value at `pos` is stated for: the nearest year before it in its clause, else the
    year the sentence opens with."""
    before = [year for at, year in sentence.years if clause_start <= at < pos]
    if before:
        return before[-1]
    first_clause_end = sentence.clauses[0][1]
    opening = [year for at, year in sentence.years if at < first_clause_end and at < pos]
    return opening[0] if opening else None


# ---------------------------------------------------------------------------- readers


@dataclass(frozen=True)
class _Candidate:
    fact: Fact
    standing: int  # FALLBACK, STATED or AUTHORS (see _candidate)
    priority: int
    is_part: bool
    is_rate: bool


FALLBACK, STATED, AUTHORS = 0, 1, 2


def _candidate(doc: _Document, span: tuple[int, int], code: str, value: float, unit: str, qualifier: str | None,
               rule: Rule, is_part: bool = False, standing: int | None = None) -> _Candidate:
    """A fact whose evidence is text[span]; the unit the text used if it is one of FACT_UNITS. Its
    standing ranks it before any priority: a fallback row's value (what deputies submitted) is the
    fact only where nothing else is stated, a value the report's author handled (AUTHORS) wins."""
    indicator = indicators()[code]
    unit = unit if unit in FACT_UNITS else indicator.unit
    fact = Fact(code, float(value), unit, qualifier, doc.text[span[0] : span[1]], span[0], span[1], rule.id)
    if standing is None:
        standing = FALLBACK if rule.fallback else STATED
    return _Candidate(fact, standing, rule.priority, is_part, indicator.kind == "rate")


@dataclass(frozen=True)
class _Case:
    """The last count of its sentence read by a row that has a disclosure code (a case count)."""

    rule: Rule
    region_start: int
    end: int
    tied: bool  # read as its disclosure code


def _read_counts(doc: _Document, rules: tuple[Rule, ...]) -> list[_Candidate]:
    count_rules = [r for r in rules if r.kind in ("count", "block") and r.applies_to(doc.report_type)]
    by_id = {r.id: r for r in rules}
    text, reading = doc.text, doc.reading
    found = []
    for sentence in doc.sentences:
        previous_end = sentence.start
        read: list[tuple[_Candidate, bool]] = []  # this sentence's counts, and whether each is a stated total
        ends: list[tuple[str, int]] = []  # (code, where its number ends) of this sentence's counts
        owed: list[Rule] = []  # after 分别: the rows still owed the next numbers of the list
        case: _Case | None = None
        last: tuple[Rule, str, int] | None = None  # the row, code and end of the sentence's last count
        for q in sentence.quantities:
            if q.unit in DATE_UNITS:
                continue
            region_start, gap_start = sentence.region_start(text, q.start, previous_end, reading.label), previous_end
            previous_end = q.end
            if q.unit == "%" or not q.is_integer:
                owed = []
                continue
            continues_tie = False
            if owed and LIST_GAP.fullmatch(text, gap_start, q.number_start):
                readers = [owed.pop(0)]
            else:
                owed = []
                match = _count_rule(doc, sentence, region_start, q, count_rules)
                if match is None:
                    if part := _disclosure_part(doc, sentence, q, case) or _handled_part(doc, sentence, q, last):
                        read.append((part, False))
                    continue
                rule, trigger_start, trigger_end = match
                readers, owed = _readers(doc, rule, trigger_end, region_start, q, [by_id[c] for c in rule.components])
                continues_tie = bool(case and case.tied and reading.continued_case.fullmatch(text, case.end, trigger_start))
            if not doc.is_current(sentence, q):
                continue
            is_total = bool(reading.total.search(text, region_start, q.number_start))
            for reader in readers:
                code = doc.indicator(reader, sentence, q.start, continues_tie)
                if reader.disclosure is not None and code is not None:
                    case = _Case(reader, region_start, q.end, code == reader.disclosure)
                if code:
                    is_part = _is_part(doc, sentence, q, [end for c, end in ends if c == code])
                    fact = _candidate(doc, sentence.span, code, q.value, q.unit, q.qualifier, reader, is_part)
                    read.append((doc.handled(sentence, q, fact), is_total))
                    ends.append((code, q.end))
                    last = reader, code, q.end
        found += _without_scopes(_under_totals(read))
    return found


def _under_totals(read: list[tuple[_Candidate, bool]]) -> list[tuple[_Candidate, bool]]:
    """A part of a stated total (共发布各类信息171条，其中法定主动公开内容63条) ranks no higher than
    that total, whichever rows read them: the total wins over its parts."""
    totals: dict[str, int] = {}
    for c, is_total in read:
        if is_total and not c.is_part:
            totals[c.fact.indicator] = max(c.priority, totals.get(c.fact.indicator, c.priority))
    return [
        (dataclasses.replace(c, priority=totals[c.fact.indicator]) if c.is_part and c.priority > totals.get(c.fact.indicator, c.priority) else c, t)
        for c, t in read
    ]


def _handled_part(doc: _Document, sentence: _Sentence, q: Quantity, last: tuple[Rule, str, int] | None) -> _Candidate | None:
    """A part of the sentence's last count, with no term of its own, that a government handled
    (代表共提出建议120件，其中105件交由区政府办理): that count's code, ranked by doc.handled."""
    if last is None or q.unit not in last[0].units:
        return None
    rule, code, end = last
    if not (doc.reading.part.search(doc.text, end, q.start) and doc.handler(sentence, q) and doc.is_current(sentence, q)):
        return None
    return doc.handled(sentence, q, _candidate(doc, sentence.span, code, q.value, q.unit, q.qualifier, rule, True))


def _disclosure_part(doc: _Document, sentence: _Sentence, q: Quantity, case: _Case | None) -> _Candidate | None:
    """A part of the body's own cases that its clause ties to disclosure, with no term of its own
    (我局被申请行政复议12件，其中涉及政府信息公开的3件): the case row's disclosure code. Cases
    that are not the body's own (a review organ's docket) give nothing."""
    text, reading = doc.text, doc.reading
    if case is None or case.tied or not case.rule.disclosure or q.unit not in case.rule.units:
        return None
    if not (
        reading.part.search(text, case.end, q.start)
        and reading.disclosure_context.search(text, sentence.clause_at(q.start)[0], q.start)
        and reading.respondent.search(text, case.region_start, case.end)
        and doc.is_current(sentence, q)
    ):
        return None
    return _candidate(doc, sentence.span, case.rule.disclosure, q.value, q.unit, q.qualifier, case.rule)


def _without_scopes(read: list[tuple[_Candidate, bool]]) -> list[_Candidate]:
    """A sentence whose one row gives one code several values, none a part of another (市人大代表
    建议30件、区人大代表建议12件), gives them for different scopes: it states no single fact of that
    code, unless one of them is the stated total (共…). Values of different rows are different
    measures (新收…1433件，审结…1316件): the rows' priorities choose between them."""
    kept = []
    for measure in dict.fromkeys((c.fact.indicator, c.fact.rule) for c, _ in read):
        own = [(c, is_total) for c, is_total in read if (c.fact.indicator, c.fact.rule) == measure]
        wholes = [(c, is_total) for c, is_total in own if not c.is_part]
        if len({c.fact.value for c, _ in wholes}) > 1:
            totals = [c for c, is_total in wholes if is_total]
            if len(totals) != 1:
                continue
            own = [(c, is_total) for c, is_total in own if c.is_part or c is totals[0]]
        kept += [c for c, _ in own]
    return kept


def _readers(doc: _Document, rule: Rule, trigger_end: int, region_start: int, q: Quantity,
             components: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """Which rows read `q` (`rule`'s trigger ending at `trigger_end`), and which are owed the next
    numbers of the list. A coordinated pair (行政复议、行政诉讼) reads one total, unless the text
    says 均 (each gets the value) or 分别 (the numbers go to the pair's terms in the order the
    text names them)."""
    text, reading = doc.text, doc.reading
    if components and reading.respectively.search(text, trigger_end, q.number_start):
        def named_at(component: Rule) -> int:
            found = component.triggers.search(text, region_start, trigger_end)
            return found.start() if found else trigger_end
        ordered = sorted(components, key=named_at)
        return ordered[:1], ordered[1:]
    if components and reading.each.search(text, trigger_end, q.number_start):
        return components, []
    return ([] if rule.kind == "block" else [rule]), []


def _count_rule(doc: _Document, sentence: _Sentence, region_start: int, q: Quantity,
                rules: list[Rule]) -> tuple[Rule, int, int] | None:
    """The rule that reads count `q`, and where its trigger starts and ends.

    A count names what it counts in one of three places: before it (主动公开政府信息165条: the
    trigger nearest before the number decides, then the longer trigger), around it (公开401条信息:
    a trigger that the number interrupts) or right after its measure word (承办2件人大代表建议:
    the counted noun, nearest of all). Triggers are matched in the count's words with the number
    cut out, so one pattern serves all three. A count that its clause makes the object of some
    other treatment (reading.treated: 对267件信访事项进行实地督察) is none of ours. A phrase right after the number (followed_by) is
    nearer than a trigger before it. Of the rows of that indicator that match, the one with the
    highest priority reads it."""
    text, matches = doc.text, []
    clause_start, clause_end = sentence.clause_at(q.start)
    if doc.reading.treated.search(text[clause_start : q.start] + "#" + text[q.end : clause_end]):
        return None
    words = _CountWords(text, region_start, q, clause_end)
    for rule in rules:
        if q.unit not in rule.units:
            continue
        trigger = words.trigger(rule.triggers, doc.reading.counted_modifier) if rule.triggers else None
        if rule.triggers and trigger is None:
            continue
        if rule.followed_by and not rule.followed_by.match(text, q.end, sentence.end):
            continue
        span = trigger[1:] if trigger else (q.number_start, q.number_start)
        if not _allowed(doc, rule, sentence, region_start, max(q.end, span[1], words.tail_end)):
            continue
        nearness = (q.end, 0) if rule.followed_by else trigger[0]
        matches.append((nearness, rule, span))
    if not matches:
        return None
    nearest = max(matches, key=lambda m: (m[0], m[1].priority))[1]
    same = [m for m in matches if (m[1].kind, m[1].indicator) == (nearest.kind, nearest.indicator)]
    _, rule, (trigger_start, trigger_end) = max(same, key=lambda m: (m[1].priority, m[0]))
    return rule, trigger_start, trigger_end


class _CountWords:
    """The words that may name what a count counts: its region before the number and the counted
    noun after its measure word, the number itself replaced by one placeholder character at `cut`
    (so that a wildcard of a trigger may span it, but no two words meet across it)."""

    def __init__(self, text: str, region_start: int, q: Quantity, clause_end: int) -> None:
        self.region_start, self.q_end = region_start, q.end
        noun_end = q.end
        while noun_end < min(clause_end, q.end + COUNTED_NOUN) and _HAN.match(text, noun_end):
            noun_end += 1
        # the noun right after the measure word, if words of a noun follow (not 均已办结, 同比…):
        # a rule's forbidden words are looked for there too (607件积案, 11件重点提案)
        self.tail_end = min(noun_end, q.end + NOUN_TAIL) if q.end < len(text) and text[q.end] not in AFTER_ITEM else q.end
        self.cut = q.start - region_start
        self.words = text[region_start:q.start] + "#" + text[q.end:noun_end]
        self.text = text

    def position(self, index: int) -> int:
        return self.region_start + index if index <= self.cut else self.q_end + index - self.cut - 1

    def trigger(self, pattern: re.Pattern, modifier: re.Pattern) -> tuple[tuple[int, int], int, int] | None:
        """(nearness, start, end) of the trigger that names the count, or None. A trigger before
        the cut is as near as its end; one that the cut interrupts, or that starts right after it
        (its counted noun, after a modifier at most), is nearer than any before."""
        best = None
        for m in pattern.finditer(self.words):
            if m.end() <= self.cut:
                found = ((self.position(m.end()), m.end() - m.start()), self.position(m.start()), self.position(m.end()))
            elif m.start() <= self.cut < m.end() - 1 or self._counted(m, modifier):
                found = ((self.q_end + 1, m.end() - m.start()), self.position(m.start()), self.position(m.end()))
            else:
                break
            if best is None or found[0] > best[0]:
                best = found
        return best

    def _counted(self, m: re.Match, modifier: re.Pattern) -> bool:
        """A noun after the measure word is the count's own when only a modifier stands between
        (reading.counted_modifier: 2件市人大代表建议) and no number follows it (…建议20件 is that
        number's)."""
        return bool(modifier.fullmatch(self.words, self.cut + 1, m.start())) and not NUMBER_AHEAD.match(self.text, self.position(m.end()))


def _last_trigger(rule: Rule, text: str, start: int, end: int) -> re.Match | None:
    trigger = None
    for trigger in rule.triggers.finditer(text, start, end) if rule.triggers else ():
        pass
    return trigger


def _allowed(doc: _Document, rule: Rule, sentence: _Sentence, start: int, end: int) -> bool:
    """The rule's forbidden and required words, its section, and its stance on cumulative stocks."""
    text = doc.text
    if rule.heading and not rule.heading.search(sentence.heading):
        return False
    if rule.forbid and rule.forbid.search(text, start, end):
        return False
    if rule.no_stock and any(m.end() > start for m in doc.reading.cumulative.finditer(text, sentence.start, end)):
        return False
    if rule.forbid_in_sentence and rule.forbid_in_sentence.search(text, sentence.start, sentence.end):
        return False
    return not rule.require_in_sentence or bool(rule.require_in_sentence.search(text, sentence.start, sentence.end))


def _is_part(doc: _Document, sentence: _Sentence, q: Quantity, earlier: list[int]) -> bool:
    """A value in brackets is a part; so is one after 其中 that follows a value of the same code
    (主动公开165条，其中网站106条)."""
    if sentence.in_brackets(q.start):
        return True
    return any(doc.reading.part.search(doc.text, end, q.start) for end in earlier)


def _read_rates(doc: _Document, rules: tuple[Rule, ...]) -> list[_Candidate]:
    rate_rules = [r for r in rules if r.kind == "rate" and r.applies_to(doc.report_type)]
    found = []
    for sentence in doc.sentences:
        names: dict[int, tuple[int, list[Rule]]] = {}  # a name's end -> its start, the rules naming it
        for rule in rate_rules:
            for m in rule.triggers.finditer(doc.text, sentence.start, sentence.end):
                start, named = names.get(m.end(), (m.start(), []))
                names[m.end()] = (min(start, m.start()), [*named, rule])
        paragraph_start = doc.text.rfind("\n", 0, sentence.start) + 1
        read = []
        for name_end, (name_start, named) in sorted(names.items()):
            values = _rate_values(doc, sentence, name_end)
            if values is None:
                continue
            before = doc.reading.rate_names_before.search(doc.text, sentence.start, name_start)
            earlier = 1 + len(doc.reading.rate_name.findall(before.group())) if before else 0
            scopes = _subject_scopes(sentence, names, name_start, named, paragraph_start)
            owners = [r for r in _rate_owners(doc, scopes, name_start, named) if r.indicator]
            clause_start = sentence.clause_at(name_start)[0]
            for rule, q in _assign(doc, sentence, name_start, owners, values, earlier):
                if doc.is_current(sentence, q) and _allowed(doc, rule, sentence, clause_start, q.end):
                    read.append((_candidate(doc, sentence.span, rule.indicator, q.value, "%", q.qualifier, rule), False))
        read += [(c, False) for c in _rates_named_after(doc, sentence, rate_rules, names, paragraph_start)]
        found += _without_scopes(read)
    return found


def _rates_named_after(doc: _Document, sentence: _Sentence, rate_rules: list[Rule],
                       names: dict[int, tuple[int, list[Rule]]], paragraph_start: int) -> list[_Candidate]:
    """Percents that their rate's name follows (提出提案6117件，立案5039件，99.8%已办复 / 98%的建议
    已办结): the rate whose name the words make, of the subject before the percent."""
    found = []
    for q in sentence.quantities:
        after = doc.reading.rate_after.match(doc.text, q.end, sentence.end) if q.unit == "%" and q.value <= 100 else None
        if after is None:
            continue
        named = [r for r in rate_rules if r.triggers.fullmatch(after.group("name") + "率")]
        scopes = _subject_scopes(sentence, names, q.start, named, paragraph_start)
        clause_start = sentence.clause_at(q.start)[0]
        for rule in _rate_owners(doc, scopes, q.start, named):
            if rule.indicator and doc.is_current(sentence, q) and _allowed(doc, rule, sentence, clause_start, q.end):
                found.append(_candidate(doc, sentence.span, rule.indicator, q.value, "%", q.qualifier, rule))
    return found


def _assign(doc: _Document, sentence: _Sentence, name_start: int, owners: list[Rule],
            values: tuple[list[Quantity], int], earlier: int) -> list[tuple[Rule, Quantity]]:
    """Which percent each owner of a rate's name gets. One percent: all of them. After 分别, a list
    goes to the coordinated names in order (办复率和满意率分别为100%和97.5%: `earlier` names
    stand before this one, `later` after it), or, for a name alone, to its owners in the order
    their subjects stand (人大建议…、政协提案…，满意率分别为99.3%和99.7%); a list that fits
    neither says nothing certain."""
    percents, later = values
    if len(percents) == 1:
        return [(rule, percents[0]) for rule in owners]
    if earlier + 1 + later == len(percents):
        return [(rule, percents[earlier]) for rule in owners]
    if earlier + later == 0 and len(owners) == len(percents):
        def subject_at(rule: Rule) -> int:
            return max((m.end() for m in rule.subjects.finditer(doc.text, sentence.start, name_start)), default=-1)
        return list(zip(sorted(owners, key=subject_at), percents))
    return []


def _subject_scopes(sentence: _Sentence, names: dict[int, tuple[int, list[Rule]]], name_start: int,
                    named: list[Rule], paragraph_start: int) -> tuple[int, ...]:
    """Where the stretches to look for a rate's subjects start, narrowest first: its clause,
    since the sentence's previous rate, since the previous rate of the same name, the sentence
    (人大建议办结率100%，满意率98%，政协提案…满意率96%: the second 满意率 is the 政协's), its
    paragraph (…代表共提出建议730件。…见面率和答复率均为100%: the deputies')."""
    codes = {r.indicator for r in named if r.indicator}
    previous_rate = [q.end for q in sentence.quantities if q.unit == "%" and q.end <= name_start]
    previous_name = [end for end, (_, other) in names.items() if end <= name_start and codes & {r.indicator for r in other}]
    return (
        sentence.clause_at(name_start)[0],
        max(previous_rate, default=sentence.start),
        max(previous_name, default=sentence.start),
        sentence.start,
        paragraph_start,
    )


def _rate_values(doc: _Document, sentence: _Sentence, name_end: int) -> tuple[list[Quantity], int] | None:
    """The percents a rate's name states, right after it or after coordinated names and a verb,
    and how many coordinated names follow it: one percent, or after 分别 the list of them."""
    text, reading = doc.text, doc.reading
    link = reading.rate_link.match(text, name_end, sentence.end)
    at = link.end() if link else name_end
    i = next((i for i, q in enumerate(sentence.quantities) if q.start <= at <= q.number_start), None)
    if i is None:
        return None
    percents = [sentence.quantities[i]]
    if link and reading.respectively.search(link.group()):
        for q in sentence.quantities[i + 1 :]:
            if q.unit != "%" or not LIST_GAP.fullmatch(text, percents[-1].end, q.start):
                break
            percents.append(q)
    if any(q.unit != "%" or q.value > 100 for q in percents):
        return None
    return percents, len(reading.rate_name.findall(link.group())) if link else 0


def _rate_owners(doc: _Document, scopes: tuple[int, ...], name_start: int, named: list[Rule]) -> list[Rule]:
    """Whose rate a name states: rows needing no subject, plus the family whose subjects stand
    nearest before the name in the narrowest of `scopes` that names any, or failing any subject,
    the rows the report type implies. A row without indicator is a family of its own that reads
    nothing (a hotline's 满意率)."""
    fixed = [r for r in named if r.subjects is None]
    for scope_start in scopes:
        nearest = {}
        for rule in named:
            if rule.subjects is not None:
                ends = [m.end() for m in rule.subjects.finditer(doc.text, scope_start, name_start)]
                if ends:
                    nearest[rule] = ends[-1]
        if nearest:
            family = _family(max(nearest, key=nearest.get))
            return fixed + [r for r in nearest if _family(r) == family]
    return fixed + [r for r in named if r.subjects is not None and doc.report_type in r.implied_by_report]


def _family(rule: Rule) -> str | None:
    return indicators()[rule.indicator].family if rule.indicator else None


def _read_zeros(doc: _Document, rules: tuple[Rule, ...]) -> list[_Candidate]:
    """Explicit zeros: what a negation governs in its clause (未收到政府信息公开申请, 零败诉), a
    term that a zero closes (行政复议案件为零), or a label or heading answered 无."""
    zero_rules = [r for r in rules if r.kind == "zero" and r.applies_to(doc.report_type)]
    found = []
    for index, sentence in enumerate(doc.sentences):
        for owner, clause, window, closed in _zero_windows(doc, index):
            if owner is not sentence and owner.end <= sentence.start and _names_a_term(doc, sentence, zero_rules):
                continue  # the sentence's own words say what it has none of
            stated = _year_of(owner, clause[0], window[1] if closed else window[0])
            if doc.year is not None and stated is not None and stated != doc.year:
                continue
            for rule in _negated(doc, window, zero_rules, closed):
                if _allowed(doc, rule, owner, clause[0], clause[1]):
                    if code := doc.indicator(rule, owner, clause[1]):
                        found.append(_candidate(doc, (owner.start, sentence.end), code, 0, "", None, rule))
    return found


def _names_a_term(doc: _Document, sentence: _Sentence, rules: list[Rule]) -> bool:
    """Whether the sentence names a term of the zero rules (then a heading's terms are not its)."""
    return any(rule.triggers.search(doc.text, sentence.start, sentence.end) for rule in rules)


def _zero_windows(doc: _Document, index: int) -> Iterator[tuple[_Sentence, tuple[int, int], tuple[int, int], bool]]:
    """(sentence, clause, window, closed) where the sentence at `index` states zeros: the words
    after a negation, up to negation_reach in its clause (and the next clause, when that goes on
    with another case: 无因政府信息产生行政复议，提起行政诉讼情况发生); or, `closed`, the clause up
    to a zero word (…案件为零); or the label or heading line that it answers 无 (…行政诉讼情况：无。)
    or, as the first sentence under it, answers that nothing was received (二、依申请公开情况 /
    本年度未接到群众要求公开的信息。)."""
    text, reading = doc.text, doc.reading
    sentence = doc.sentences[index]
    for negation in reading.negation.finditer(text, sentence.start, sentence.end):
        clause = sentence.clause_at(negation.start())
        if clause[1] < sentence.end and reading.negation_goes_on.match(text, clause[1], sentence.end):
            clause = (clause[0], sentence.clause_at(clause[1])[1])
        yield sentence, clause, (negation.end(), min(clause[1], negation.end() + reading.negation_reach)), False
    for clause in sentence.clauses:
        for zero in reading.zero_after.finditer(text, *clause):
            yield sentence, clause, (clause[0], zero.start()), True
    if index and (negation := reading.receipt_negation.search(text, sentence.start, sentence.end)):
        label = _label_line(doc, doc.sentences[index - 1], sentence)
        if label is not None and is_heading(text[label.start : label.end]):
            yield label, label.span, label.span, False  # the heading's terms, if the sentence names none
    for k, clause in enumerate(sentence.clauses):
        if not reading.zero_answer.fullmatch(text, *clause):
            continue
        if k and reading.label.search(text, *sentence.clauses[k - 1]):
            yield sentence, sentence.clauses[k - 1], sentence.clauses[k - 1], False
        elif not k and index and (label := _label_line(doc, doc.sentences[index - 1], sentence)):
            yield label, label.span, label.span, False


def _label_line(doc: _Document, previous: _Sentence, sentence: _Sentence) -> _Sentence | None:
    """The line right before `sentence` if it is a heading or ends as a label (…情况：)."""
    if doc.text[previous.end : sentence.start] != "\n":
        return None
    line = doc.text[previous.start : previous.end]
    return previous if is_heading(line) or doc.reading.label.search(line) else None


def _negated(doc: _Document, window: tuple[int, int], rules: list[Rule], closed: bool = False) -> list[Rule]:
    """The rows whose terms a negation governs: the last term of its window (the head of what is
    negated), with the terms coordinated with it (行政复议或行政诉讼). A term that only qualifies
    the head (因政府信息公开申请引发的行政复议) is not negated. In a `closed` window the head must
    end where the zero word begins (行政复议案件为零, not 行政复议工作…为零)."""
    terms = sorted(
        ((m.start(), m.end(), rule) for rule in rules for m in rule.triggers.finditer(doc.text, *window)),
        key=lambda term: term[1],
    )
    if not terms or (closed and terms[-1][1] != window[1]):
        return []
    negated = [terms[-1]]
    for term in reversed(terms[:-1]):
        if term[1] <= negated[-1][0] and doc.reading.coordination.fullmatch(doc.text, term[1], negated[-1][0]):
            negated.append(term)
    return list(dict.fromkeys(rule for _, _, rule in negated))


def _read_tables(doc: _Document, rules: tuple[Rule, ...]) -> list[_Candidate]:
    """Rows of the standard tables: numbers after a row label (the last is the 总计), or the
    first full row of numbers after a block's heading (its cells added up). Labels are matched
    across line breaks: a PDF wraps them inside their cells (本年新收政府信息公\n开申请数量)."""
    found = []
    text = doc.text
    joined, breaks = text.replace("\n", ""), [m.start() - k for k, m in enumerate(re.finditer("\n", text))]

    def position(index: int) -> int:  # where the character at `index` of `joined` stands in `text`
        return index + bisect.bisect_right(breaks, index)

    for rule in (r for r in rules if r.kind == "table" and r.applies_to(doc.report_type)):
        for label in rule.triggers.finditer(joined):
            start, end = position(label.start()), position(label.end() - 1) + 1
            run = _table_row(text, end, rule.row_length)
            if run is None:
                continue
            numbers = [int(n) for n in CELL_NUMBER.findall(run.group())]
            value = numbers[-1] if rule.cells == "last" else sum(numbers[i] for i in rule.cells)
            found.append(_candidate(doc, (start, run.end()), rule.indicator, value, "", None, rule))
    return found


def _table_row(text: str, start: int, row_length: int | None) -> re.Match | None:
    """The numbers of a row (after the label's bars, notes in brackets and unit cell), or the
    first run of `row_length` numbers after a block heading."""
    if row_length is None:
        return TABLE_RUN.match(text, TABLE_GAP.match(text, start).end())
    for run in TABLE_RUN.finditer(text, start, start + TABLE_REACH):
        if len(CELL_NUMBER.findall(run.group())) >= row_length:
            return run
    return None


@dataclass(frozen=True)
class _Column:
    """A header cell that names a measure: a count (件数, 合计), a rate (the rate rows its name
    matches), or a year (only the report's year is read)."""

    header: str
    rates: tuple[Rule, ...] = ()
    year: int | None = None


def _read_header_tables(doc: _Document, rules: tuple[Rule, ...]) -> list[_Candidate]:
    """Tables whose header row names the columns (类别 | 件数 | 办结率 | 满意率, 项目 | 2023年 |
    2022年): each following row whose label a count row's triggers match (人大代表建议) gives, under
    a count column or the report's year, that row's indicator, and under a rate column the rate of
    the label's subjects in that row's family. A table whose caption or header names the subjects
    of a rate row without indicator (12345热线), or whose caption names another year, gives nothing."""
    rate_rules = [r for r in rules if r.kind == "rate" and r.applies_to(doc.report_type)]
    count_rules = [r for r in rules if r.kind in ("count", "block") and r.triggers and not r.followed_by
                   and r.applies_to(doc.report_type)]
    units = frozenset(u for r in count_rules for u in r.units)
    rows = {s.start: s for s in doc.sentences}
    found = []
    for header, columns, body in _header_tables(doc, rate_rules):
        caption = _caption(doc.text, header[0])
        if any(r.indicator is None and r.subjects and r.subjects.search(doc.text, caption, header[1]) for r in rate_rules):
            continue
        title = rows.get(caption)
        stated = next((year for _, year in title.years), None) if title else None
        if stated and doc.year and stated != doc.year:
            continue
        for start, end in body:
            cells = doc.text[start:end].split(" | ")
            if start not in rows or len(cells) != len(columns) + 1:
                continue
            row, label_end = rows[start], start + len(cells[0])
            named = _label_rule(doc, row, label_end, count_rules)
            if named is None and not any(r.triggers.search(doc.text, start, label_end) for r in rate_rules):
                continue
            cell_start = label_end + len(" | ")
            for column, cell in zip(columns, cells[1:]):
                cell_end, cell_start = cell_start + len(cell), cell_start + len(cell) + len(" | ")
                if column is None or column.year is not None and column.year != doc.year:
                    continue
                quantities = [q for q in row.quantities if cell_end - len(cell) <= q.start < cell_end]
                if candidate := _header_cell(doc, row, cells[0], named, column, quantities, rate_rules, units):
                    found.append(candidate)
    return found


def _header_tables(doc: _Document, rate_rules: list[Rule]) -> Iterator[tuple[tuple[int, int], list[_Column | None], list[tuple[int, int]]]]:
    """(header line span, its measure columns, the spans of the row lines under it). A header row
    has no number but years and names a measure in some cell after the first (the label
    column's name: 类别, 项目; a table without one has its empty corner cell dropped); its
    other cells (来信, 网上信访: channels, parts) are read as nothing."""
    text, reading = doc.text, doc.reading
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, end = lines[i]
        i += 1
        cells = text[start:end].split(" | ")
        if len(cells) < 2:
            continue
        columns = [_column(reading, cell, rate_rules) for cell in cells]
        if columns[0] is not None:  # no label column name: its corner cell was empty
            cells, columns = [""] + cells, [None] + columns
        if all(c is None for c in columns[1:]) or any(
            (c is None or c.year is None) and CELL_NUMBER.search(cell) for c, cell in zip(columns, cells)
        ):
            continue
        body = []
        while i < len(lines) and " | " in text[lines[i][0] : lines[i][1]]:
            body.append(lines[i])
            i += 1
        yield (start, end), columns[1:], body


def _column(reading: Reading, cell: str, rate_rules: list[Rule]) -> _Column | None:
    name = reading.cell_note.sub("", cell).strip()
    if reading.count_column.fullmatch(name):
        return _Column(cell)
    if year := reading.year_column.fullmatch(name):
        return _Column(cell, year=int(year.group(1)))
    if rates := tuple(r for r in rate_rules if r.triggers.fullmatch(name)):
        return _Column(cell, rates=rates)
    return None


def _caption(text: str, header_start: int) -> int:
    """Where the line above a table's header row (its title) starts, or the header if that line is
    a row itself."""
    end = header_start
    while end and text[end - 1] == "\n":
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    return header_start if " | " in text[start:end] else start


def _header_cell(doc: _Document, row: _Sentence, label: str, named: Rule | None, column: _Column,
                 quantities: list[Quantity], rate_rules: list[Rule], units: frozenset[str]) -> _Candidate | None:
    """The fact of one cell: an integer under a count or year column, of the count row the label
    names (`named`); a percent under a rate column, of that row's family (a hotline's 建议 row names no
    suggestions of deputies), or under any column, of a label that is a rate's name itself
    (代表满意率). A cell holding anything more (notes, two numbers) is left alone."""
    if len(quantities) != 1 or quantities[0].value > 100 and quantities[0].unit == "%":
        return None
    q, label_end = quantities[0], row.start + len(label)
    if q.unit == "%":
        rule = _label_rate(doc, row, label_end, column.rates or tuple(r for r in rate_rules if r.triggers.search(label)))
        if rule is None or column.rates and (named is None or _family(named) != _family(rule)):
            return None
        return _candidate(doc, row.span, rule.indicator, q.value, "%", q.qualifier, rule)
    if column.rates or not q.is_integer or q.unit not in ("", *FACT_UNITS):
        return None
    if named is None or not _unit_fits(doc.reading, named, label, column.header, q.unit, units):
        return None
    return _candidate(doc, row.span, named.indicator, q.value, q.unit, q.qualifier, named)


def _label_rate(doc: _Document, row: _Sentence, label_end: int, named: tuple[Rule, ...]) -> Rule | None:
    """The rate row of the subject a table row's label names last (人大代表建议 -> the deputies'),
    if it has an indicator (a 12345 row has none)."""
    subjects = [(_last_trigger_end(r.subjects, doc.text, row.start, label_end), r) for r in named if r.subjects]
    subjects = [(end, r) for end, r in subjects if end is not None and _allowed(doc, r, row, row.start, row.end)]
    if not subjects:
        return None
    rule = max(subjects, key=lambda s: (s[0], s[1].priority))[1]
    return rule if rule.indicator else None


def _last_trigger_end(pattern: re.Pattern, text: str, start: int, end: int) -> int | None:
    return max((m.end() for m in pattern.finditer(text, start, end)), default=None)


def _label_rule(doc: _Document, row: _Sentence, end: int, count_rules: list[Rule]) -> Rule | None:
    """The count row a table row's label (ending at `end`) names, chosen as for a count in prose:
    the trigger ending last (then the longer), then among that indicator's rows the highest
    priority; a block row (a combined total) reads nothing."""
    matches = []
    for rule in count_rules:
        trigger = _last_trigger(rule, doc.text, row.start, end)
        if trigger and _allowed(doc, rule, row, row.start, end):
            matches.append(((trigger.end(), trigger.end() - trigger.start()), rule))
    if not matches:
        return None
    nearest = max(matches, key=lambda m: (m[0], m[1].priority))[1]
    rule = max((r for _, r in matches if (r.kind, r.indicator) == (nearest.kind, nearest.indicator)),
               key=lambda r: r.priority)
    return rule if rule.kind == "count" and rule.indicator else None


def _unit_fits(reading: Reading, rule: Rule, label: str, header: str, unit: str, units: frozenset[str]) -> bool:
    """A measure word (of `units`, the count rows') that the cell, its header (件数) or the label's
    note (（批次）) gives must be one of the row's units (来访 in a 件数 column is not a count of
    batches)."""
    named = {u for u in units if u in header or any(u in note.group() for note in reading.cell_note.finditer(label))}
    named |= {unit} - {""}
    longest = {u for u in named if not any(u != v and u in v for v in named)}
    return not longest or bool(longest & rule.units)


# ---------------------------------------------------------------------------- choosing


def _choose(candidates: list[_Candidate]) -> list[Fact]:
    """One fact per indicator: the best standing, the highest priority, then a whole rather than a
    part, then the largest count (a total is at least each of its parts) or the first rate."""
    best: dict[str, _Candidate] = {}

    def rank(c: _Candidate) -> tuple:
        return (c.standing, c.priority, not c.is_part, 0 if c.is_rate else c.fact.value, -c.fact.span_start)

    for c in candidates:
        current = best.get(c.fact.indicator)
        if current is None or rank(c) > rank(current):
            best[c.fact.indicator] = c
    return sorted((c.fact for c in best.values()), key=lambda f: (f.span_start, f.indicator))
