"""Quantities: Arabic and Chinese numerals, percents, qualifiers and units."""

from __future__ import annotations

import pytest

from etl.numbers import find_quantities, parse_number


def read(text: str) -> list[tuple[float, str, str | None, str]]:
    return [(q.value, q.unit, q.qualifier, text[q.start : q.end]) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("33", 33), ("2,872", 2872), ("99.8", 99.8), ("三十三", 33), ("两千", 2000), ("一百零五", 105), ("九十九点八", 99.8), ("百", 100),
     ("千", 1000)],
)
def test_parse_number(numeral: str, value: float) -> None:
    assert parse_number(numeral) == value


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        parse_number("若干")


def test_chinese_numerals_with_a_unit_are_quantities() -> None:
    assert read("共办理人大建议三十三件、政协提案二十二件") == [(33, "件", None, "三十三件"), (22, "件", None, "二十二件")]


def test_chinese_numerals_without_a_unit_are_words() -> None:
    assert read("一是加强领导，实行一站式服务，组织实施八五普法规划") == []


def test_over_and_about_qualifiers_keep_the_stated_number() -> None:
    assert read("办理两千余件，发布500余条、755多条，近500件，约30条") == [
        (2000, "件", "over", "两千余件"),
        (500, "条", "over", "500余条"),
        (755, "条", "over", "755多条"),
        (500, "件", "about", "近500件"),
        (30, "条", "about", "约30条"),
    ]


def test_percents_arabic_and_chinese() -> None:
    assert read("满意率99.8%，办结率百分之九十九点八，答复率百分之百") == [
        (99.8, "%", None, "99.8%"),
        (99.8, "%", None, "百分之九十九点八"),
        (100, "%", None, "百分之百"),
    ]


def test_longest_unit_wins_and_scales_apply() -> None:
    assert read("来信来访300件次861人次，接待12批次，发布1.2万条") == [
        (300, "件次", None, "300件次"),
        (861, "人次", None, "861人次"),
        (12, "批次", None, "12批次"),
        (12000, "条", None, "1.2万条"),
    ]


def test_ordinals_are_ranks_not_quantities() -> None:
    assert read("在全市考核中排名第3位，第八个宪法日") == []


def test_numbers_without_units_are_kept_for_the_caller() -> None:
    assert read("示资规发〔2022〕9号，2021年，热线12345") == [
        (2022, "", None, "2022"),
        (9, "号", None, "9号"),
        (2021, "年", None, "2021年"),
        (12345, "", None, "12345"),
    ]


def test_financial_numerals_are_numbers() -> None:
    assert read("接收代表建议叁拾陆件、委员提案肆拾贰件，队伍建设持续加强") == [
        (36, "件", None, "叁拾陆件"),
        (42, "件", None, "肆拾贰件"),
    ]


def test_a_classifier_before_a_noun_counts_the_noun_not_the_term_before() -> None:
    assert read("代表建议5个，均已答复；涉及12个镇街，落实8项措施，提案9项") == [
        (5, "个", None, "5个"),
        (12, "", None, "12个"),
        (8, "", None, "8项"),
        (9, "项", None, "9项"),
    ]


def test_a_round_numeral_counts_only_with_a_qualifier() -> None:
    assert read("受理近千件，发布千余条、2千余条，惠及千家万户") == [
        (1000, "件", "about", "近千件"),
        (1000, "条", "over", "千余条"),
        (2000, "条", "over", "2千余条"),
    ]


def test_a_number_takes_the_unit_its_label_gives_in_brackets() -> None:
    assert read("新收行政复议案件（件）64\n主动公开数量(单位:条)86\n合计（户）3") == [
        (64, "件", None, "64"),
        (86, "条", None, "86"),
        (3, "户", None, "3"),
    ]


def test_a_decimal_count_of_ten_thousands_is_exact() -> None:
    (quantity,) = find_quantities("全国新收行政复议案件74.96万件")
    assert (quantity.value, quantity.unit) == (749600, "件")
