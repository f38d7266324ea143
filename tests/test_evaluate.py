"""Scoring a gold file: a tiny hand-checkable one, and the shared seeds and dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.evaluate import evaluate, same_agency

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TITLE = "示例市示例区司法局2022年度法治政府建设工作报告\n"


def write_gold(path: Path, documents: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    return path


@pytest.fixture
def tiny_gold(tmp_path: Path) -> Path:
    """Two documents: 4 gold facts (one ignored); the extractor finds 4 facts, 2 of them right."""
    return write_gold(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "agency": "示例市示例区司法局",
                "year": 2022,
                "text": TITLE + "全年受理行政复议案件12件，行政诉讼案件8件，行政机关负责人出庭应诉率达99.98%。",
                # reviews right, lawsuits wrong (7 vs 8: one miss and one spurious), rate right within 0.05
                "facts": [
                    {"indicator": "litigation.reviews", "value": 12},
                    {"indicator": "litigation.lawsuits", "value": 7},
                    {"indicator": "litigation.head_appearance_rate", "value": 100},
                ],
            },
            {
                "id": "b",
                "agency": "示例市另一个局",
                "year": 2021,
                "text": TITLE + "全年接待群众来访23批次，共办理人大建议10件。",
                # visits ignored; npc_count 10 is extracted but not in the gold: spurious
                "facts": [{"indicator": "petition.visits", "value": 30}],
                "ignore": ["petition.visits"],
            },
        ],
    )


def test_precision_recall_and_f1_are_counted_over_facts(tiny_gold: Path) -> None:
    result = evaluate(tiny_gold).to_dict()
    assert (result["tp"], result["fp"], result["fn"]) == (2, 2, 1)
    assert result["precision"] == pytest.approx(2 / 4)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 * (1 / 2) * (2 / 3) / (1 / 2 + 2 / 3))


def test_per_indicator_counts(tiny_gold: Path) -> None:
    per = evaluate(tiny_gold).to_dict()["per_indicator"]
    assert per["litigation.reviews"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert (per["litigation.lawsuits"]["tp"], per["litigation.lawsuits"]["fp"], per["litigation.lawsuits"]["fn"]) == (0, 1, 1)
    assert per["litigation.head_appearance_rate"]["tp"] == 1  # 99.98 is within 0.05 of 100
    assert per["petition.visits"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}  # ignored
    assert per["proposals.npc_count"]["fp"] == 1


def test_agency_and_year_accuracy(tiny_gold: Path) -> None:
    result = evaluate(tiny_gold)
    assert result.agency_accuracy == 0.5  # b's agency is not the one its text names
    assert result.year_accuracy == 0.5  # b's text is about 2022, its gold says 2021


def test_the_text_report_lists_every_error_with_its_sentence(tiny_gold: Path) -> None:
    report = evaluate(tiny_gold).format_text(show_errors=True)
    assert "precision 0.500" in report and "recall 0.667" in report
    assert "[a] litigation.lawsuits = 7; extracted 8 instead (rule lawsuits.received)" in report
    assert "[b] proposals.npc_count = 10件  (rule npc.count)" in report
    assert "全年接待群众来访23批次，共办理人大建议10件。" in report
    assert "[b] agency: detected '示例市示例区司法局', gold '示例市另一个局'" in report
    assert "[b] year: detected 2022, gold 2021" in report
    assert "missed" not in evaluate(tiny_gold).format_text()


@pytest.mark.parametrize(
    ("gold", "detected", "right"),
    [
        ("宁波市江北区住房和城乡建设局", "宁波市江北区住房和城乡建设局", True),
        ("江北区住房和城乡建设局", "浙江省宁波市江北区住房和城乡建设局", True),  # leading region names only
        ("浙江省宁波市江北区住房和城乡建设局", "宁波市江北区住房和城乡建设局", True),
        ("七家子镇", "辽宁省铁岭市昌图县七家子镇", True),
        ("宁波市江北区住房和城乡建设局", "区住建局", False),  # a short form names no place
        ("江北区住房和城乡建设局", "区住房和城乡建设局", False),
        ("市审计局", "审计局", False),
        ("区住建委", "区住建委", True),  # the same words, place or not
        ("廣州市信訪局", "广州市信访局", True),  # in traditional characters, the same name
        ("江北区住房和城乡建设局", "江北区人民政府", False),
        ("江北区住房和城乡建设局", "江北区住房和城乡建设局办公室", False),  # a sub-unit is another body
        (None, None, True),
        (None, "江北区人民政府", False),
        ("江北区人民政府", None, False),
    ],
)
def test_an_agency_is_right_when_the_names_differ_by_leading_regions_only(gold, detected, right) -> None:
    assert same_agency(gold, detected) is right


def test_json_output_is_one_serialisable_object(tiny_gold: Path) -> None:
    result = evaluate(tiny_gold).to_dict()
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    assert [d["id"] for d in result["per_document"]] == ["a", "b"]


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl", "dev2.jsonl"])
def test_the_shared_gold_sets_meet_the_targets(name: str) -> None:
    gold = SHARED / "eval" / name
    if not gold.exists():
        pytest.skip(f"{gold} is absent: the shared evaluation sets live next to the project, in ../shared")
    result = evaluate(gold)
    assert result.totals.f1 >= 0.95, result.format_text(show_errors=True)
    assert result.totals.precision >= 0.95, result.format_text(show_errors=True)
