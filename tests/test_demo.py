"""etl.demo.generate_demo: a corpus of fictional reports and its gold file, written into tmp_path."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import cn2an
import pytest

from etl.demo import DemoSummary, generate_demo
from etl.demo.phrasing import FACT_TEMPLATES
from etl.demo.plans import CODES
from etl.indicators import indicators
from etl.model import DEMO_MARKER
from etl.read import read_file


def gold(summary: DemoSummary) -> list[dict]:
    return [json.loads(line) for line in summary.gold_path.read_text(encoding="utf-8").splitlines()]


def report_files(out: Path) -> set[str]:
    return {p.relative_to(out / "reports").as_posix() for p in (out / "reports").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> DemoSummary:
    """The default corpus (40 agencies, 2019-2024); bench/etl_refresh.py times its writing."""
    return generate_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def docs(corpus: DemoSummary) -> list[dict]:
    return gold(corpus)


def test_the_default_corpus_has_hundreds_of_reports(corpus):
    summary = corpus
    assert summary.agencies == 40
    assert 400 <= summary.reports <= 600
    assert summary.facts > 5 * summary.reports // 2


def test_a_small_corpus_has_reports_of_all_three_formats(tmp_path):
    summary = generate_demo(tmp_path, agencies=4, years=(2021, 2022))
    assert summary.agencies == 4
    assert {Path(f).suffix for f in report_files(tmp_path)} == {".txt", ".html", ".docx"}


def test_some_text_files_are_gb18030(corpus):
    texts = list(corpus.reports_dir.rglob("*.txt"))
    not_utf8 = [p for p in texts if not _decodes(p.read_bytes(), "utf-8")]
    assert not_utf8 and all(_decodes(p.read_bytes(), "gb18030") for p in not_utf8)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def test_the_gold_file_lists_every_report_once(corpus, docs):
    summary = corpus
    assert sorted(d["source"] for d in docs) == sorted(report_files(summary.out_dir))
    assert len({d["id"] for d in docs}) == len(docs) == summary.reports
    assert sum(len(d["facts"]) for d in docs) == summary.facts


def test_gold_facts_use_taxonomy_codes_once_per_document(docs):
    codes = set(indicators())
    for doc in docs:
        stated = [f["indicator"] for f in doc["facts"]]
        assert set(stated) <= codes and len(stated) == len(set(stated)), doc["id"]
        assert set(doc.get("ignore", ())) <= codes - set(stated), doc["id"]
        assert all(isinstance(f["value"], int) for f in doc["facts"] if indicators()[f["indicator"]].kind == "count")


def test_every_report_starts_with_the_demo_marker(corpus, docs):
    for doc in docs:
        assert doc["text"].startswith(DEMO_MARKER + "\n"), doc["id"]
        assert read_file(corpus.reports_dir / doc["source"]).text.lstrip().startswith(DEMO_MARKER), doc["source"]


def test_title_names_agency_and_year_and_the_report_is_signed_next_spring(docs):
    for doc in docs:
        lines = [line for line in doc["text"].splitlines() if line.strip()]
        title, signer, signed = lines[1], lines[-2], cn2an.transform(lines[-1], "cn2an")
        assert str(doc["year"]) in title, doc["id"]
        assert signer == doc["agency"], doc["id"]
        assert re.fullmatch(rf"{doc['year'] + 1}年[123]月\d{{1,2}}日", signed), (doc["id"], lines[-1])


def test_every_gold_fact_is_written_in_its_text(docs):
    for doc in docs:
        text = re.sub(r"\s", "", unicodedata.normalize("NFKC", doc["text"]))
        for fact in doc["facts"]:
            assert any(s in text for s in _spellings(fact)), (doc["id"], fact)


def _spellings(fact: dict) -> list[str]:
    """Ways the text may write the fact's value (after NFKC and with whitespace removed)."""
    value = fact["value"]
    if indicators()[fact["indicator"]].kind == "rate":
        return [f"{value}%", f"百分之{cn2an.an2cn(value)}"] + (["百分之百"] if value == 100 else [])
    numbers = [str(value), cn2an.an2cn(value), "两" + cn2an.an2cn(value)[1:]]
    if fact.get("qualifier") == "over":
        return [n + q for n in numbers for q in "余多"]
    if fact.get("qualifier") == "about":
        return [q + n for n in numbers for q in "近约"]
    return numbers + (["未", "无", "没有"] if value == 0 else [])


def test_every_indicator_has_several_phrasings():
    for code in CODES:
        assert sum(code in t.covers for t in FACT_TEMPLATES) >= 3, code


def test_the_corpus_exercises_the_reading_rules(docs):
    texts = "\n".join(d["text"] for d in docs)
    facts = [(d, f) for d in docs for f in d["facts"]]
    assert re.search(r"[一二三四五六七八九十百千]+(件|条|批次)", texts)  # Chinese numerals
    assert any(f.get("qualifier") == "over" for _, f in facts) and any(f.get("qualifier") == "about" for _, f in facts)
    assert re.search(r"(率|达到|为)\n+(\d|百分之)", texts)  # a break inside a sentence
    assert any(f["value"] == 0 and f["indicator"] == "disclosure.requests" for _, f in facts)
    assert "未发生行政复议和行政诉讼案件" in texts
    assert any(d.get("ignore") for d in docs)  # several scopes and no total
    assert "满意率均为" in texts or "满意率均达" in texts  # one rate for two codes
    for distractor in ("〔", "“八五”", "12345", "比上年的", "其中网上", "主办"):
        assert distractor in texts, distractor
    table_rows = [d for d in docs if "一、本年新收政府信息公开申请数量 | " in d["text"]]
    assert table_rows and all("disclosure.requests" in {f["indicator"] for f in d["facts"]} for d in table_rows)


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_values(tmp_path):
    first = generate_demo(tmp_path / "a", agencies=4, years=(2021, 2022), seed=7)
    again = generate_demo(tmp_path / "b", agencies=4, years=(2021, 2022), seed=7)
    other = generate_demo(tmp_path / "c", agencies=4, years=(2021, 2022), seed=8)
    assert first.gold_path.read_bytes() == again.gold_path.read_bytes()
    for source in report_files(tmp_path / "a"):
        assert (first.reports_dir / source).read_bytes() == (again.reports_dir / source).read_bytes(), source
    assert [d["facts"] for d in gold(first)] != [d["facts"] for d in gold(other)]


def test_rerunning_replaces_the_corpus_and_nothing_else(tmp_path):
    generate_demo(tmp_path, agencies=6, years=(2020, 2022), seed=1)
    before = report_files(tmp_path)
    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    (tmp_path / "reports" / "mine").mkdir()
    (tmp_path / "reports" / "mine" / "2021-法治政府建设.txt").write_text("mine too", encoding="utf-8")

    summary = generate_demo(tmp_path, agencies=2, years=(2022, 2022), seed=2)

    written = {d["source"] for d in gold(summary)}
    assert report_files(tmp_path) == written | {"mine/2021-法治政府建设.txt"}
    assert before - written  # stale files were there and are gone
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine"
    assert all(any(p.iterdir()) for p in (tmp_path / "reports").iterdir())  # no empty agency folders left


def test_a_roster_larger_than_the_fictional_city_is_refused(tmp_path):
    with pytest.raises(ValueError, match="agencies"):
        generate_demo(tmp_path, agencies=1000)
