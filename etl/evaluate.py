"""Score the extractor on a gold file, as ../shared/spec/indicators.md ("Scoring") says.

Each gold document goes through the real stages: normalise, detect, extract. A predicted fact
matches a gold fact of the same document with the same code and value (rates within 0.05);
codes outside the indicator table and each document's `ignore` codes are left out; qualifiers
are not scored. Year is right when it equals the gold's (a gold null matches only null). Agency
is right when the detected name equals the gold's, whitespace and traditional characters aside
(廣州市信訪局 is 广州市信访局), or one extends the other by
leading region names only, the shorter still naming its place (浙江省宁波市江北区住房和城乡建设局,
宁波市江北区住房和城乡建设局 and 江北区住房和城乡建设局 match; 区住建局 and 住建局 match nothing
but themselves); a gold null matches only null.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from etl.detect import detect
from etl.extract import SENTENCE, extract
from etl.indicators import indicators
from etl.model import Fact
from etl.normalise import normalise, to_simplified

RATE_TOLERANCE = 0.05
# A place name: words ending in an administrative unit (江北区, 宁波市, 浙江省, 七家子镇).
_PLACE = "[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗|镇|乡|街道)"
_NAMES_PLACE = re.compile(f"^{_PLACE}")
_REGIONS_ONLY = re.compile(f"^(?:{_PLACE})+$")


def evaluate(gold_path: Path) -> Evaluation:
    """Run the pipeline's stages over every document of a gold file and score the facts."""
    lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    return Evaluation(str(gold_path), tuple(_score_document(json.loads(line)) for line in lines if line.strip()))


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Matched over predicted; 1.0 when nothing was predicted (nothing wrong was said)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Matched over gold; 1.0 when the gold has nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Miss:
    """A gold fact the extractor did not produce."""

    indicator: str
    value: float
    predicted: Fact | None  # the extractor's fact of the same code, if it gave a wrong value
    context: str | None  # a sentence of the text where the expected number occurs


@dataclass(frozen=True)
class DocumentScore:
    id: str
    agency: str | None
    predicted_agency: str | None
    year: int | None
    predicted_year: int | None
    report_type: str
    matched: tuple[Fact, ...]
    missed: tuple[Miss, ...]
    spurious: tuple[Fact, ...]

    @property
    def agency_ok(self) -> bool:
        return same_agency(self.agency, self.predicted_agency)

    @property
    def year_ok(self) -> bool:
        return self.year == self.predicted_year

    def counts(self, indicator: str | None = None) -> Counts:
        def count(items) -> int:
            return sum(1 for item in items if indicator in (None, item.indicator))

        return Counts(count(self.matched), count(self.spurious), count(self.missed))

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "agency": self.agency,
            "predicted_agency": self.predicted_agency,
            "year": self.year,
            "predicted_year": self.predicted_year,
            "report_type": self.report_type,
            **self.counts().to_dict(),
            "missed": [
                {"indicator": m.indicator, "value": m.value,
                 "predicted": m.predicted.value if m.predicted else None, "context": m.context}
                for m in self.missed
            ],
            "spurious": [
                {"indicator": f.indicator, "value": f.value, "rule": f.rule, "evidence": f.evidence} for f in self.spurious
            ],
        }


@dataclass(frozen=True)
class Evaluation:
    gold_path: str
    documents: tuple[DocumentScore, ...]

    @property
    def totals(self) -> Counts:
        return sum((d.counts() for d in self.documents), Counts())

    @property
    def per_indicator(self) -> dict[str, Counts]:
        return {code: sum((d.counts(code) for d in self.documents), Counts()) for code in indicators()}

    @property
    def agency_accuracy(self) -> float:
        return _share(d.agency_ok for d in self.documents)

    @property
    def year_accuracy(self) -> float:
        return _share(d.year_ok for d in self.documents)

    def to_dict(self) -> dict:
        return {
            "gold": self.gold_path,
            "documents": len(self.documents),
            **self.totals.to_dict(),
            "per_indicator": {code: counts.to_dict() for code, counts in self.per_indicator.items()},
            "agency_accuracy": self.agency_accuracy,
            "year_accuracy": self.year_accuracy,
            "per_document": [d.to_dict() for d in self.documents],
        }

    def format_text(self, show_errors: bool = False) -> str:
        t = self.totals
        agency_ok, year_ok = sum(d.agency_ok for d in self.documents), sum(d.year_ok for d in self.documents)
        n = len(self.documents)
        lines = [
            f"gold: {self.gold_path} ({n} documents)",
            f"facts: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}   (tp {t.tp}, fp {t.fp}, fn {t.fn})",
            f"agency accuracy {self.agency_accuracy:.3f} ({agency_ok}/{n})   year accuracy {self.year_accuracy:.3f} ({year_ok}/{n})",
            "",
            f"{'indicator':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
        ]
        for code, c in self.per_indicator.items():
            if c.tp + c.fp + c.fn:
                lines.append(f"{code:34} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}")
        if show_errors:
            lines += self._errors()
        return "\n".join(lines)

    def _errors(self) -> list[str]:
        lines = ["", "missed facts (in the gold, not extracted):"]
        for d in self.documents:
            for m in d.missed:
                instead = f"; extracted {m.predicted.value:g} instead (rule {m.predicted.rule})" if m.predicted else ""
                lines.append(f"  [{d.id}] {m.indicator} = {m.value:g}{instead}")
                if m.predicted:
                    lines.append(f"      extracted from: “{m.predicted.evidence}”")
                lines.append(f"      expected from: “{m.context}”" if m.context else "      (the number does not occur in the text)")
        lines += ["", "spurious facts (extracted, not in the gold):"]
        for d in self.documents:
            for f in d.spurious:
                lines.append(f"  [{d.id}] {f.indicator} = {f.value:g}{f.unit}  (rule {f.rule})")
                lines.append(f"      “{f.evidence}”")
        lines += ["", "documents with a wrong agency or year:"]
        for d in self.documents:
            if not d.agency_ok:
                lines.append(f"  [{d.id}] agency: detected {d.predicted_agency!r}, gold {d.agency!r}")
            if not d.year_ok:
                lines.append(f"  [{d.id}] year: detected {d.predicted_year!r}, gold {d.year!r}")
        return lines


def _score_document(doc: dict) -> DocumentScore:
    text = normalise(doc["text"])
    meta = detect(text)
    codes = indicators()
    ignored = set(doc.get("ignore", ()))
    scored = [f for f in extract(text, meta.year, meta.report_type, meta.agency) if f.indicator in codes and f.indicator not in ignored]
    expected = [g for g in doc.get("facts", ()) if g["indicator"] in codes and g["indicator"] not in ignored]
    unmatched, matched, missed = list(scored), [], []
    for gold in expected:
        hit = next((f for f in unmatched if f.indicator == gold["indicator"] and _same_value(f, gold["value"])), None)
        if hit is not None:
            unmatched.remove(hit)
            matched.append(hit)
        else:
            wrong = next((f for f in scored if f.indicator == gold["indicator"]), None)
            missed.append(Miss(gold["indicator"], gold["value"], wrong, _context(text, gold["value"])))
    return DocumentScore(
        doc["id"], doc.get("agency"), meta.agency, doc.get("year"), meta.year, meta.report_type,
        tuple(matched), tuple(missed), tuple(unmatched),
    )


def _same_value(fact: Fact, value: float) -> bool:
    tolerance = RATE_TOLERANCE if indicators()[fact.indicator].kind == "rate" else 1e-9
    return abs(fact.value - value) <= tolerance


def _context(text: str, value: float) -> str | None:
    """The first sentence of the text where the number occurs, to show where a miss was stated."""
    found = re.search(rf"(?<![\d.]){re.escape(f'{value:g}')}(?![\d.])", text)
    if found is None:
        return None
    return next(m.group() for m in SENTENCE.finditer(text) if m.start() <= found.start() < m.end())


def same_agency(gold: str | None, detected: str | None) -> bool:
    """Whether a detected agency name is the gold's (see the module docstring)."""
    if gold is None or detected is None:
        return gold is detected
    gold, detected = ("".join(to_simplified(name).split()) for name in (gold, detected))
    if gold == detected:
        return True
    shorter, longer = sorted((gold, detected), key=len)
    return (
        longer.endswith(shorter)
        and bool(_REGIONS_ONLY.match(longer[: len(longer) - len(shorter)]))
        and bool(_NAMES_PLACE.match(shorter))
    )


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 1.0
