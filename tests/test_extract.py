"""The extractor's reading rules, one or more examples each (sentences written for these tests),
and the two seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.detect import detect
from etl.evaluate import evaluate
from etl.extract import RULES_PATH, extract, load_rules
from etl.indicators import indicators
from etl.normalise import normalise

SEEDS = Path(__file__).resolve().parents[1] / "data" / "reports"
PROBE = Path(__file__).resolve().parent / "data" / "probe.jsonl"
PROBE2 = Path(__file__).resolve().parent / "data" / "probe2.jsonl"
PROBE3 = Path(__file__).resolve().parent / "data" / "probe3.jsonl"


def facts(text: str, year: int | None = 2022, report_type: str = "法治政府建设") -> dict[str, float]:
    return {f.indicator: f.value for f in extract(normalise(text), year, report_type)}


# ------------------------------------------------------------------ numbers and units


def test_chinese_numerals_are_numbers() -> None:
    assert facts("全年办理人大代表建议三十三件、政协提案二十二件。") == {
        "proposals.npc_count": 33,
        "proposals.cppcc_count": 22,
    }


def test_percents_are_stored_as_the_number_before_the_sign() -> None:
    assert facts("全年受理信访件120件，按期办结率99.8%，群众满意率百分之百。") == {
        "petition.cases": 120,
        "petition.completion_rate": 99.8,
        "petition.satisfaction_rate": 100,
    }


def test_over_and_about_qualifiers_keep_the_stated_number() -> None:
    found = {f.indicator: f for f in extract("全年主动公开政府信息500余条，收到政府信息公开申请近20件。", 2022, "政府信息公开")}
    assert (found["disclosure.proactive"].value, found["disclosure.proactive"].qualifier) == (500, "over")
    assert (found["disclosure.requests"].value, found["disclosure.requests"].qualifier) == (20, "about")


def test_financial_numerals_are_numbers() -> None:
    assert facts("今年共接收代表建议叁拾陆件、委员提案肆拾贰件。", report_type="建议提案办理") == {
        "proposals.npc_count": 36,
        "proposals.cppcc_count": 42,
    }


def test_a_label_before_a_colon_names_the_number_after_it() -> None:
    assert facts("主动公开政府信息数量：486条。受理信息公开申请：12件。", report_type="政府信息公开") == {
        "disclosure.proactive": 486,
        "disclosure.requests": 12,
    }
    assert facts("行政复议方面，全年收到申请45件，受理41件。行政诉讼：新收案件23件，审结20件，败诉1件。") == {
        "litigation.reviews": 45,
        "litigation.lawsuits": 23,
        "litigation.losses": 1,
    }
    assert facts("群众满意率：96.5%。", report_type="信访") == {"petition.satisfaction_rate": 96.5}


def test_a_fact_carries_its_sentence_span_unit_and_rule() -> None:
    text = normalise("一、总体情况\n2022年，我局主动公开政府信息165条。全年收到申请3件。")
    (fact,) = [f for f in extract(text, 2022, "政府信息公开") if f.indicator == "disclosure.proactive"]
    assert text[fact.span_start : fact.span_end] == fact.evidence == "2022年，我局主动公开政府信息165条。"
    assert (fact.unit, fact.rule) == ("条", "proactive.main")


# ------------------------------------------------------------------ shared rates


def test_a_rate_after_two_subjects_counts_for_both() -> None:
    assert facts("今年共办理人大建议33件、政协提案22件，满意率100%。") == {
        "proposals.npc_count": 33,
        "proposals.cppcc_count": 22,
        "proposals.npc_satisfaction": 100,
        "proposals.cppcc_satisfaction": 100,
    }


def test_coordinated_rate_names_share_one_value() -> None:
    assert facts("全年建议提案办结率、满意率均为100%。") == {
        "proposals.npc_completion": 100,
        "proposals.cppcc_completion": 100,
        "proposals.npc_satisfaction": 100,
        "proposals.cppcc_satisfaction": 100,
    }


def test_a_rate_belongs_to_the_nearest_subject() -> None:
    text = "全年办理市人大代表建议40件，办结率100%，代表满意率99%，政协提案30件，办结率97%，委员满意率98%。"
    assert facts(text) == {
        "proposals.npc_count": 40,
        "proposals.npc_completion": 100,
        "proposals.npc_satisfaction": 99,
        "proposals.cppcc_count": 30,
        "proposals.cppcc_completion": 97,
        "proposals.cppcc_satisfaction": 98,
    }


def test_rates_after_each_subject_are_that_subjects() -> None:
    assert facts("人大建议办结率100%，满意率98%，政协提案办结率100%，满意率96%。") == {
        "proposals.npc_completion": 100,
        "proposals.npc_satisfaction": 98,
        "proposals.cppcc_completion": 100,
        "proposals.cppcc_satisfaction": 96,
    }


def test_respectively_gives_coordinated_rates_their_own_values() -> None:
    assert facts("代表建议12件、委员提案16件的办复率和满意率分别为100%和97.5%。", report_type="建议提案办理") == {
        "proposals.npc_count": 12,
        "proposals.cppcc_count": 16,
        "proposals.npc_completion": 100,
        "proposals.cppcc_completion": 100,
        "proposals.npc_satisfaction": 97.5,
        "proposals.cppcc_satisfaction": 97.5,
    }
    assert facts("信访事项办结率、满意率分别为99.5%、96%。", report_type="信访") == {
        "petition.completion_rate": 99.5,
        "petition.satisfaction_rate": 96,
    }
    # a rate name that is none of ours still holds its place in the list
    assert facts("见面率、办结率和满意率分别为100%、99%和98%。", report_type="建议提案办理") == {
        "proposals.npc_completion": 99,
        "proposals.cppcc_completion": 99,
        "proposals.npc_satisfaction": 98,
        "proposals.cppcc_satisfaction": 98,
    }


def test_respectively_after_one_rate_name_follows_the_order_of_its_subjects() -> None:
    assert facts("办理政协提案20件、人大代表建议10件，满意率分别为98%和96%。") == {
        "proposals.cppcc_count": 20,
        "proposals.npc_count": 10,
        "proposals.cppcc_satisfaction": 98,
        "proposals.npc_satisfaction": 96,
    }
    # two percents for one subject: which is which is not said
    assert facts("人大建议满意和基本满意率分别为99.3%和99.7%。", report_type="建议提案办理") == {}


def test_a_rate_stated_as_the_same_as_another_is_read() -> None:
    assert facts("同步办理人大代表建议122件，办复率同样为100%，代表满意率98.4%。") == {
        "proposals.npc_count": 122,
        "proposals.npc_completion": 100,
        "proposals.npc_satisfaction": 98.4,
    }


def test_a_rate_without_a_subject_belongs_to_the_report_type() -> None:
    assert facts("全年按期办结率达到98%，群众满意率96.5%。", report_type="信访") == {
        "petition.completion_rate": 98,
        "petition.satisfaction_rate": 96.5,
    }
    assert facts("全年按期办结率达到98%，群众满意率96.5%。", report_type="法治政府建设") == {}


def test_head_appearance_rate_needs_no_subject() -> None:
    assert facts("行政机关负责人出庭应诉率为95.6%，较上年提高10个百分点。") == {"litigation.head_appearance_rate": 95.6}
    assert facts("行政机关负责人出庭应诉比例达85%。") == {"litigation.head_appearance_rate": 85}


def test_a_note_in_brackets_between_a_rate_and_its_value_is_skipped() -> None:
    assert facts("承办人大代表建议20件、政协提案14件，代表委员满意率（含基本满意）98.6%。") == {
        "proposals.npc_count": 20,
        "proposals.cppcc_count": 14,
        "proposals.npc_satisfaction": 98.6,
        "proposals.cppcc_satisfaction": 98.6,
    }
    assert facts("行政机关负责人出庭应诉率（含委托出庭）为92%。") == {"litigation.head_appearance_rate": 92}


# ------------------------------------------------------------------ breaks inside sentences


def test_a_break_inside_a_sentence_does_not_break_it() -> None:
    assert facts("认真落实出庭应诉制度，行政机关负责人出庭应诉率达到\n\n100%。") == {"litigation.head_appearance_rate": 100}
    assert facts("本区累计主动公开政府信息\n5928\n条，其中，本年度新增主动公开政府信息\n2110\n条。", report_type="政府信息公开") == {
        "disclosure.proactive": 2110
    }


# ------------------------------------------------------------------ other years, comparisons, stocks


def test_values_of_other_years_and_comparisons_are_not_facts() -> None:
    text = "2023年度，我局共收到政府信息公开申请40件，比2022年(52件)下降23%，上年同期为52件。"
    assert facts(text, 2023, "政府信息公开") == {"disclosure.requests": 40}
    assert facts("2021年共受理行政复议案件8件。", 2022) == {}


def test_differences_and_multi_year_totals_are_not_facts() -> None:
    assert facts("与上年相比，受理行政诉讼案件增加5件。近三年共办理行政复议案件150件。") == {}
    assert facts("2020年1月至2022年11月，共受理行政诉讼案件260件。") == {}


def test_a_cumulative_stock_is_not_the_years_count() -> None:
    text = "截至年底累计主动公开政府信息6000条，本年度新增1200条。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 1200}
    assert facts("全年累计主动公开政府信息1200条。", report_type="政府信息公开") == {"disclosure.proactive": 1200}


# ------------------------------------------------------------------ numbers that are not facts


def test_dates_document_numbers_plans_and_ranks_are_not_facts() -> None:
    text = (
        "根据《关于印发〈工作方案〉的通知》（示资规发〔2022〕9号），组织实施“八五”普法规划，"
        "于2022年3月15日召开推进会，我局在全市考核中排名第3位。"
    )
    assert facts(text) == {}


def test_counts_of_other_things_are_not_facts() -> None:
    text = (
        "组织党组中心组学法4次，举办法治培训12场，覆盖全区36个街镇。"
        "12345热线受理群众诉求3456件，办结率99%，满意率97%。"
        "“好差评”评价2000条，满意率100%。区长信箱收到来信183件，答复率100%。"
    )
    assert facts(text, report_type="信访") == {}


def test_rates_of_the_opinions_a_deputies_station_collects_are_not_the_suggestions() -> None:
    text = "人大代表联络站全年接待选民210人次，收集群众意见建议58条，办结率100%，满意率97%。"
    assert facts(text, report_type="建议提案办理") == {}


def test_a_sentence_quoting_another_bodys_figures_states_none_of_ours() -> None:
    text = "据县信访局通报，全县信访总量860件，按期办结率99%。我局全年受理信访件24件，办结率100%。"
    assert facts(text) == {"petition.cases": 24, "petition.completion_rate": 100}


# ------------------------------------------------------------------ explicit zeros


def test_requests_counted_in_items() -> None:
    assert facts("全年共受理政府信息公开申请事项9项。", report_type="政府信息公开") == {"disclosure.requests": 9}


def test_no_request_received_is_a_zero() -> None:
    assert facts("本年度我单位未收到政府信息公开申请。", report_type="政府信息公开") == {"disclosure.requests": 0}


def test_no_reconsideration_or_lawsuit_is_two_zeros() -> None:
    assert facts("全年未发生行政复议和行政诉讼案件。") == {"litigation.reviews": 0, "litigation.lawsuits": 0}


def test_zeros_tied_to_disclosure_are_disclosure_codes() -> None:
    assert facts("全年办理依申请公开15件，未发生行政诉讼或复议。") == {
        "disclosure.requests": 15,
        "disclosure.reviews": 0,
        "disclosure.lawsuits": 0,
    }
    assert facts("未发生因政府信息公开申请引发的行政复议、行政诉讼。") == {"disclosure.reviews": 0, "disclosure.lawsuits": 0}


def test_a_negated_correction_is_not_a_zero_count() -> None:
    assert facts("全年行政复议无纠错案件。") == {}
    assert facts("全年行政复议零纠错。") == {}


def test_a_zero_after_its_term_is_a_zero() -> None:
    assert facts("本年度行政复议、行政诉讼案件均为零。") == {"litigation.reviews": 0, "litigation.lawsuits": 0}
    assert facts("行政诉讼案件6件，败诉案件数为零。") == {"litigation.lawsuits": 6, "litigation.losses": 0}
    assert facts("本年度依申请公开数量为0。", report_type="政府信息公开") == {"disclosure.requests": 0}
    assert facts("全年行政应诉案件零发生。") == {"litigation.lawsuits": 0}


def test_zero_before_a_case_term_is_a_zero() -> None:
    assert facts("全年应诉案件3件，实现零败诉。") == {"litigation.lawsuits": 3, "litigation.losses": 0}
    assert facts("坚持零距离服务行政复议申请人，全年受理复议申请12件。") == {"litigation.reviews": 12}


def test_cases_a_negation_says_were_not_caused_are_zeros() -> None:
    assert facts("全年受理依申请公开28件，均按时答复，未引发行政复议和行政诉讼。") == {
        "disclosure.requests": 28,
        "disclosure.reviews": 0,
        "disclosure.lawsuits": 0,
    }


def test_lawsuits_not_lost_are_a_zero_of_losses() -> None:
    assert facts("全年行政诉讼案件5件，均未败诉。") == {"litigation.lawsuits": 5, "litigation.losses": 0}


def test_a_label_or_heading_answered_none_is_a_zero() -> None:
    assert facts("（三）行政复议情况：无。") == {"litigation.reviews": 0}
    text = "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无。\n六、存在的主要问题及改进情况\n无。"
    assert facts(text, 2018, "政府信息公开") == {"disclosure.reviews": 0, "disclosure.lawsuits": 0}


def test_a_request_for_reconsideration_is_not_a_disclosure_request() -> None:
    text = "2018年，本机关未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"
    assert facts(text, 2018, "政府信息公开") == {"disclosure.reviews": 0, "disclosure.lawsuits": 0}


def test_silence_is_not_a_zero() -> None:
    assert facts("我局高度重视行政复议和行政应诉工作。") == {}


# ------------------------------------------------------------------ totals and parts


def test_a_total_wins_over_its_parts() -> None:
    assert facts("2022年，我局主动公开政府信息165条，其中网站106条、平台59条。", report_type="政府信息公开") == {
        "disclosure.proactive": 165
    }
    assert facts("共承办区人大代表建议37件（主办34件、协办3件）和区政协提案16件（主办7件、协办9件）。") == {
        "proposals.npc_count": 37,
        "proposals.cppcc_count": 16,
    }
    assert facts("共受理群众信访事项235件，其中来信45件、网上信访70件。") == {"petition.cases": 235}


def test_deputies_suggestions_in_other_words() -> None:
    assert facts("今年承办人大代表意见建议25件、政协委员提案18件。") == {
        "proposals.npc_count": 25,
        "proposals.cppcc_count": 18,
    }
    assert facts("今年共办理代表提出的建议37件，均已答复。") == {"proposals.npc_count": 37}
    assert facts("共承办建议提案43件，其中建议25件、提案18件。", report_type="建议提案办理") == {
        "proposals.npc_count": 25,
        "proposals.cppcc_count": 18,
    }
    assert facts("今年承办区人大代表建议5个、区政协提案9项，均按时答复。") == {
        "proposals.npc_count": 5,
        "proposals.cppcc_count": 9,
    }


def test_what_deputies_submitted_counts_only_where_nothing_handled_is_stated() -> None:
    """The code counts suggestions handled; a congress's report, which handles none, counts what
    its deputies submitted."""
    assert facts("会议期间，代表们共提出建议18件，会后交镇政府办理。") == {"proposals.npc_count": 18}
    assert facts("代表共提出建议120件。今年共办理代表建议35件，均已答复。") == {"proposals.npc_count": 35}
    # two scopes of submissions, no total: no single fact
    assert facts("大会期间代表提出建议96件，闭会期间提出建议7件。", report_type="建议提案办理") == {}


def test_a_governments_report_counts_the_suggestions_it_handled() -> None:
    text = normalise("区人大代表共提出建议120件，其中105件交由区政府办理。")

    def npc(agency: str | None) -> float:
        return {f.indicator: f.value for f in extract(text, 2022, "建议提案办理", agency)}["proposals.npc_count"]

    assert npc("示例市示例区人民政府") == 105
    assert npc("示例市示例区人大常委会") == 120  # the government's share is a part of the congress's count
    assert npc(None) == 120


def test_registered_proposals_are_the_count_not_those_submitted() -> None:
    assert facts("全会期间共提交提案471件，经审查立案445件，立案率94.5%。") == {"proposals.cppcc_count": 445}


def test_a_count_made_the_object_of_another_treatment_is_none_of_ours() -> None:
    assert facts("督查组对8个乡镇的120件信访事项进行了实地督查。", report_type="信访") == {}
    assert facts("代表对42件建议的办理情况进行了满意度测评。", report_type="建议提案办理") == {}
    assert facts("对受理的56件信访事项进行了登记办理。", report_type="信访") == {"petition.cases": 56}


def test_proposals_members_submitted_are_a_session_intake_not_handled() -> None:
    text = "市政府办公室承办市政协委员提案壹拾伍件。市政协全会期间，委员提交提案265件。"
    assert facts(text, report_type="建议提案办理") == {"proposals.cppcc_count": 15}


def test_a_classifier_before_a_noun_counts_that_noun() -> None:
    assert facts("今年承办的人大代表建议涉及全区9个街道。") == {}


def test_a_combined_total_of_two_codes_is_neither() -> None:
    assert facts("共办理人大代表建议和政协委员提案126件，其中人大代表建议68件、政协委员提案58件。") == {
        "proposals.npc_count": 68,
        "proposals.cppcc_count": 58,
    }
    assert facts("共承办市人大代表建议和市政协提案74件，其中人大代表建议31件，政协提案43件。") == {
        "proposals.npc_count": 31,
        "proposals.cppcc_count": 43,
    }


def test_lawsuits_and_reconsiderations_as_one_total_are_combined() -> None:
    assert facts("全年共办理诉讼复议各类案件30件。") == {"litigation.combined": 30}
    assert facts("全年办理行政复议和应诉案件33件。") == {"litigation.combined": 33}
    assert facts("全年共收到行政复议申请和行政诉讼案件46件。") == {"litigation.combined": 46}


def test_respectively_and_each_split_a_coordinated_pair() -> None:
    assert facts("行政复议、行政诉讼案件分别为5件、3件。") == {"litigation.reviews": 5, "litigation.lawsuits": 3}
    assert facts("行政复议、行政诉讼案件均为0件。") == {"litigation.reviews": 0, "litigation.lawsuits": 0}


def test_several_scopes_without_a_total_give_no_fact() -> None:
    assert facts("全年办理市人大代表建议30件、区人大代表建议12件。") == {}
    assert facts("全年共办理人大代表建议42件，市人大代表建议30件、区人大代表建议12件。") == {"proposals.npc_count": 42}
    assert facts("信访部门满意度98.8%，责任单位满意度97.4%。", report_type="信访") == {}


# ------------------------------------------------------------------ tables


def test_the_new_requests_row_total_is_its_last_cell() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 0 | 1 | 13\n"
        "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
    )
    assert facts(text, report_type="政府信息公开") == {"disclosure.requests": 13}


def test_table_cells_on_lines_of_their_own_are_read_too() -> None:
    text = "一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n1 |\n4 |\n二、上年结转政府信息公开申请数量 |\n0 |"
    assert facts(text, report_type="政府信息公开") == {"disclosure.requests": 4}


@pytest.mark.parametrize(
    "rows",
    [
        "一、本年新收政府信息公开 12 0 0 0 0 0 12\n申请数量\n二、上年结转政府信息公开 1 0 0 0 0 0 1\n申请数量",
        "一、本年新收政府信息公开\n申请数量 12 0 0 0 0 0 12\n二、上年结转政府信息公开\n申请数量 1 0 0 0 0 0 1",
        "一、本年新收政府信息公开\n12 0 0 0 0 0 12\n申请数量\n二、上年结转政府信息公开\n1 0 0 0 0 0 1\n申请数量",
        "一、本年新收政府信息\n公开申请数量\n12\n0\n0\n0\n0\n0\n12\n二、上年结转政府信息\n公开申请数量\n1",
    ],
    ids=["numbers on the first line", "numbers on the second line", "numbers between", "cells on lines of their own"],
)
def test_a_row_label_wrapped_inside_its_cell_is_read(rows: str) -> None:
    assert facts(rows, report_type="政府信息公开") == {"disclosure.requests": 12}


def test_rows_labelled_with_their_unit_in_brackets_are_read() -> None:
    text = (
        "项目\n2022年\n2021年\n新收行政复议案件（件）\n64\n51\n一审行政应诉案件（件）\n37\n42\n"
        "败诉案件（件）\n2\n3"
    )
    assert facts(text) == {"litigation.reviews": 64, "litigation.lawsuits": 37, "litigation.losses": 2}


def test_the_reconsideration_and_lawsuit_table_gives_its_totals() -> None:
    header = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
        f"{header} | 未经复议直接起诉 | 复议后起诉\n{header} | {header}\n"
        "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 2 | 3 | 0 | 0 | 0 | 1 | 1"
    )
    assert facts(text, report_type="政府信息公开") == {"disclosure.reviews": 2, "disclosure.lawsuits": 4}


# ------------------------------------------------------------------ tables with a header row


def test_a_header_row_names_what_each_cell_of_a_row_is() -> None:
    text = (
        "2022年建议提案办理情况如下：\n"
        "类别 | 件数 | 办结率 | 满意率\n"
        "人大代表建议 | 36 | 100% | 98.5%\n"
        "政协委员提案 | 41 | 100% | 97.6%\n"
        "合计 | 77 | 100% | 98.0%\n"
        "办理工作将继续加强。"
    )
    assert facts(text, report_type="建议提案办理") == {
        "proposals.npc_count": 36,
        "proposals.npc_completion": 100,
        "proposals.npc_satisfaction": 98.5,
        "proposals.cppcc_count": 41,
        "proposals.cppcc_completion": 100,
        "proposals.cppcc_satisfaction": 97.6,
    }
    assert facts(text, year=2023, report_type="建议提案办理") == {}  # the caption's year is another


def test_only_the_report_years_column_counts() -> None:
    text = (
        "项目 | 2022年 | 2021年\n"
        "承办人大代表建议（件） | 28 | 31\n"
        "承办政协提案（件） | 19 | 22\n"
        "代表满意率 | 99.1% | 97.0%"
    )
    assert facts(text, report_type="建议提案办理") == {
        "proposals.npc_count": 28,
        "proposals.cppcc_count": 19,
        "proposals.npc_satisfaction": 99.1,
    }
    assert facts(text, year=2020, report_type="建议提案办理") == {}


def test_a_table_without_a_corner_cell_is_aligned_from_the_right() -> None:
    text = "2022年 | 2021年\n新收行政复议案件 | 17 | 12\n行政应诉案件 | 9 | 14"
    assert facts(text) == {"litigation.reviews": 17, "litigation.lawsuits": 9}


def test_a_petition_table_gives_its_total_column_and_not_its_channels_cells() -> None:
    text = (
        "全年信访情况\n"
        "类别 | 来信 | 来访批次 | 网上信访 | 合计\n"
        "信访事项 | 58 | 23 | 146 | 227\n"
        "信访事项办结率 | — | — | — | 99.6%"
    )
    assert facts(text, report_type="信访") == {"petition.cases": 227, "petition.completion_rate": 99.6}


def test_visits_in_a_column_of_pieces_are_not_batches() -> None:
    text = "渠道 | 件数 | 批次\n来访 | 64 | 23"
    assert facts(text, report_type="信访") == {"petition.visits": 23}


def test_a_hotline_category_table_gives_nothing() -> None:
    text = (
        "12345热线全年受理诉求分类如下：\n"
        "类别 | 件数 | 满意率\n"
        "咨询 | 12345 | 98.2%\n"
        "投诉 | 2380 | 95.1%\n"
        "建议 | 412 | 97.3%\n"
        "信访 | 96 | 94.0%"
    )
    for report_type in ("信访", "建议提案办理", "法治政府建设"):
        assert facts(text, report_type=report_type) == {}
    assert facts(text.replace("12345热线", "本局信访"), report_type="信访") == {
        "petition.cases": 96,
        "petition.satisfaction_rate": 94.0,
    }


# ------------------------------------------------------------------ disclosure or litigation


def test_reconsiderations_about_disclosure_are_disclosure_codes() -> None:
    assert facts("本年度因政府信息公开被申请行政复议2件、提起行政诉讼1件。") == {
        "disclosure.reviews": 2,
        "disclosure.lawsuits": 1,
    }


def test_a_case_coordinated_with_a_disclosure_case_is_one_too() -> None:
    assert facts("因政府信息公开被申请行政复议2起，被提起行政诉讼1起。") == {
        "disclosure.reviews": 2,
        "disclosure.lawsuits": 1,
    }


def test_a_disclosure_report_named_by_its_title_ties_its_cases() -> None:
    text = normalise(
        "某区司法局2023年政府信息公开工作年度报告\n"
        "（三）复议诉讼情况。全年因政府信息公开引发行政复议3件，其中维持2件；引发行政诉讼2件，均驳回。"
    )
    found = {f.indicator: f.value for f in extract(text, 2023, "政府信息公开")}
    assert found == {"disclosure.reviews": 3, "disclosure.lawsuits": 2}


def test_a_disclosure_part_of_the_bodys_own_cases_is_a_disclosure_fact() -> None:
    assert facts("我局被申请行政复议12件，其中涉及政府信息公开的3件。") == {
        "litigation.reviews": 12,
        "disclosure.reviews": 3,
    }
    assert facts("我局作为被告的行政诉讼案件9件，其中因政府信息公开引发的2件。") == {
        "litigation.lawsuits": 9,
        "disclosure.lawsuits": 2,
    }
    # a review organ's docket of other bodies' disclosure disputes is not its own disclosure
    assert facts("区政府作为复议机关，受理行政复议申请86件，其中涉及政府信息公开的12件。") == {"litigation.reviews": 86}


def test_court_and_colloquial_words_for_lawsuits() -> None:
    assert facts("全县法院受理一审行政案件87件。") == {"litigation.lawsuits": 87}
    assert facts("全年涉诉案件12件，败诉1件。") == {"litigation.lawsuits": 12, "litigation.losses": 1}


def test_the_bodys_cases_in_general_are_litigation_codes() -> None:
    text = "全年受理行政复议案件12件，行政诉讼案件8件，其中败诉1件，行政机关负责人出庭应诉率达100%。"
    assert facts(text) == {
        "litigation.reviews": 12,
        "litigation.lawsuits": 8,
        "litigation.losses": 1,
        "litigation.head_appearance_rate": 100,
    }


def test_disclosure_named_elsewhere_in_the_sentence_does_not_tie_the_bodys_cases() -> None:
    assert facts("深化政务公开，政府信息公开、行政应诉等工作有序开展，全年行政复议案件5件。") == {"litigation.reviews": 5}


def test_the_section_heading_ties_cases_to_disclosure() -> None:
    text = "（二）依申请公开情况\n全年受理申请14件。其中6件申请进入行政复议程序。"
    assert facts(text, report_type="其他") == {"disclosure.reviews": 6}


def test_received_cases_win_over_concluded_ones() -> None:
    assert facts("全年共收到行政复议申请56件，依法受理48件。全年共审结行政复议案件45件，纠错3件。") == {"litigation.reviews": 56}


# ------------------------------------------------------------------ petitions


def test_petition_cases_and_visits() -> None:
    assert facts("全年共处理来信、来访、网上信访等各类信访件501件，接待群众来访23批次，完成率99.8%，满意率95%。") == {
        "petition.cases": 501,
        "petition.visits": 23,
        "petition.completion_rate": 99.8,
        "petition.satisfaction_rate": 95,
    }


def test_trips_to_higher_levels_are_not_visits() -> None:
    assert facts("全年接待信访群众300批，进京访2批、赴省访5批。", report_type="信访") == {"petition.visits": 300}


def test_letters_alone_and_visits_of_firms_are_not_petition_totals() -> None:
    assert facts("全年共接待群众来访132批次、来信86件。", report_type="信访") == {"petition.visits": 132}
    assert facts("全年共处理群众来信来访45件，满意率97%。") == {"petition.cases": 45, "petition.satisfaction_rate": 97}
    assert facts("全年接待企业来访23批次，协调解决用地问题8个。") == {}


def test_petitions_concluded_count_where_no_received_count_is_given() -> None:
    assert facts("全年办结群众信访事项64件，化解率100%。") == {"petition.cases": 64, "petition.completion_rate": 100}
    assert facts("全年受理信访事项70件，办结68件，包案化解重点信访事项9件。") == {"petition.cases": 70}


def test_visits_on_leaders_reception_days_are_a_part_of_all_visits() -> None:
    assert facts("全年接待群众来访140批次，局领导接访日接待群众31批次。", report_type="信访") == {"petition.visits": 140}


# ------------------------------------------------------------------ the seeds, the rules file, speed


def test_the_pudong_seed_yields_no_facts() -> None:
    text = normalise((SEEDS / "000_5238e1c1aba64612.txt").read_text(encoding="utf-8"))
    meta = detect(text)
    assert extract(text, meta.year, meta.report_type) == []


def test_the_wujiang_seed_yields_its_14_facts() -> None:
    text = normalise((SEEDS / "004_c58330313368c4e5.txt").read_text(encoding="utf-8"))
    meta = detect(text)
    found = {f.indicator: f.value for f in extract(text, meta.year, meta.report_type)}
    assert found == {
        "disclosure.proactive": 2872,
        "disclosure.requests": 63,
        "disclosure.reviews": 0,
        "disclosure.lawsuits": 0,
        "proposals.npc_count": 33,
        "proposals.cppcc_count": 22,
        "proposals.npc_satisfaction": 100,
        "proposals.cppcc_satisfaction": 100,
        "litigation.head_appearance_rate": 100,
        "litigation.combined": 30,
        "petition.cases": 501,
        "petition.visits": 23,
        "petition.completion_rate": 99.8,
        "petition.satisfaction_rate": 95,
    }


def test_every_rule_reads_a_known_indicator() -> None:
    rules, _ = load_rules()
    assert {r.indicator for r in rules if r.indicator} <= set(indicators())
    assert len({r.id for r in rules}) == len(rules)


def test_a_rule_naming_an_unknown_code_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(RULES_PATH.read_text(encoding="utf-8").replace('"disclosure.proactive"', '"disclosure.proactiv"', 1), encoding="utf-8")
    with pytest.raises(ValueError, match="disclosure.proactiv"):
        load_rules(bad)


def test_a_misspelt_field_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(RULES_PATH.read_text(encoding="utf-8").replace("forbid =", "forbids =", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="forbids"):
        load_rules(bad)


def test_the_held_out_probe_scores_above_its_floor() -> None:
    """tests/data/probe.jsonl: 54 passages written before the rules were read (see its notes).
    Measured 1.000 after the fixes it prompted (0.974 before); the floor leaves a margin."""
    totals = evaluate(PROBE).totals
    assert totals.precision >= 0.97
    assert totals.f1 >= 0.96


def test_the_second_held_out_probe_scores_above_its_floor() -> None:
    """tests/data/probe2.jsonl: 50 passages of other agencies and kinds, written before the rules
    were read (see its notes). Measured 0.951 F1 (0.957 precision) before the fixes it prompted
    and 1.000 after; the floor leaves a margin."""
    totals = evaluate(PROBE2).totals
    assert totals.precision >= 0.97
    assert totals.f1 >= 0.96


def test_the_third_held_out_probe_scores_above_its_floor() -> None:
    """tests/data/probe3.jsonl: 50 passages laid out as PDF text layers, web and Word copies
    (wrapped lines, page furniture, cell-per-line and ` | ` tables), written before the rules
    were read (see its notes). Measured 0.970 F1 (0.994 precision) before the fixes it prompted
    and 1.000 after; the floor leaves a margin."""
    totals = evaluate(PROBE3).totals
    assert totals.precision >= 0.97
    assert totals.f1 >= 0.97


def test_an_over_long_sentence_is_read_in_pieces_cut_at_commas() -> None:
    """A PDF text layer without 。 is one huge 'sentence'; it is cut so reading stays fast."""
    from etl.extract import MAX_SENTENCE

    text = "，".join(["本单位持续推进政务公开工作"] * 60) + "，全年主动公开政府信息215条，依申请公开9件。"
    facts = {f.indicator: f for f in extract(text, 2022, "政府信息公开")}

    assert (facts["disclosure.proactive"].value, facts["disclosure.requests"].value) == (215, 9)
    for fact in facts.values():
        assert len(fact.evidence) <= MAX_SENTENCE
        assert text[fact.span_start:fact.span_end] == fact.evidence


def test_a_year_column_is_not_read_when_the_report_year_is_unknown() -> None:
    assert extract("项目 | 2023年 | 2022年\n人大代表建议 | 33 | 30", None, None) == []


# ------------------------------------------------------------- channels, sections, headings


def test_all_channels_together_are_the_proactive_total() -> None:
    assert facts("通过门户网站、政务新媒体等平台共发布信息1260余条。", report_type="政府信息公开") == {
        "disclosure.proactive": 1260
    }


def test_under_the_proactive_heading_a_count_without_noun_is_the_total() -> None:
    text = "（一）主动公开情况\n全年共发布312条，其中政策文件45条。\n全年发布政策解读6篇，回应关切8次。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 312}
    assert facts("全年共发布312条。", report_type="政府信息公开") == {}


def test_a_heading_answered_by_nothing_received_is_a_zero_of_its_terms() -> None:
    text = "二、依申请公开情况\n本年度未接到群众要求公开的信息。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.requests": 0}


def test_a_timeliness_rate_of_suggestions_is_their_completion() -> None:
    assert facts("今年承办人大代表建议12件，办理时效率100%。", report_type="建议提案办理") == {
        "proposals.npc_count": 12,
        "proposals.npc_completion": 100,
    }


def test_a_stated_total_wins_over_its_parts_whichever_rows_read_them() -> None:
    text = "全年共发布各类信息240条，其中工作动态90条，法定主动公开内容85条，政策问答12条。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 240}
    channels = "全年公开政府信息900条。\n其中门户网站公开信息300条；通过报刊、电视等传统载体公开信息450条。"
    assert facts(channels, report_type="政府信息公开") == {"disclosure.proactive": 900}


def test_a_long_list_between_the_verb_and_its_information_is_one_count() -> None:
    text = "全县通过门户网站发布重大决策部署、财政预决算和“三公”经费、重大建设项目等涉及民生领域的政府信息1880条。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 1880}


def test_a_stock_up_to_now_is_not_the_years_count_but_the_years_count_beside_it_is() -> None:
    text = "截至目前共发布信息1500条，2022年公开政府信息120条，其中公文8篇。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 120}


def test_other_wordings_of_nothing_received_and_nothing_involved_are_zeros() -> None:
    text = "本年度我镇并未接收到一例依申请公开请求，也不涉及行政复议和行政诉讼。"
    assert facts(text, report_type="政府信息公开") == {
        "disclosure.requests": 0, "disclosure.reviews": 0, "disclosure.lawsuits": 0,
    }
    procedures = "全年受理政府信息公开申请3件，进入行政复议程序和行政诉讼程序均为0件。"
    assert facts(procedures, report_type="政府信息公开") == {
        "disclosure.requests": 3, "disclosure.reviews": 0, "disclosure.lawsuits": 0,
    }


# ---------------------------------------------------------------- courts, reviews, causes


def test_first_instance_cases_are_the_years_lawsuits_and_appeals_are_not() -> None:
    text = "2022年全市法院共新收各类行政案件2100件，其中一审行政诉讼案件1200件，二审行政诉讼案件500件。"
    assert facts(text) == {"litigation.lawsuits": 1200}


def test_cases_a_reconsideration_body_took_in_are_the_years_reviews() -> None:
    text = "全年共审结行政复议案件9800件。全市各级行政复议机关共收案11200件，同比增长8%。"
    assert facts(text) == {"litigation.reviews": 11200}


def test_satisfied_or_basically_satisfied_without_a_rate_word_is_satisfaction() -> None:
    text = "全年办理政协提案80件，委员满意或基本满意达98%以上。"
    assert facts(text, report_type="建议提案办理") == {"proposals.cppcc_count": 80, "proposals.cppcc_satisfaction": 98}


def test_a_case_with_another_cause_in_a_disclosure_report_is_the_bodys_own() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》，编制本报告。\n（四）行政复议、行政诉讼情况\n"
        "本年度未因政府信息公开被申请行政复议、提起行政诉讼。我局因具体行政行为被提起行政诉讼3起。"
    )
    assert facts(text, report_type="政府信息公开") == {
        "disclosure.reviews": 0, "disclosure.lawsuits": 0, "litigation.lawsuits": 3,
    }


def test_rates_of_disputes_mediated_are_not_petition_rates() -> None:
    text = "今年受理信访事项120件。矛盾纠纷排查化解建档率100%，化解率95%。"
    assert facts(text, report_type="信访") == {"petition.cases": 120}


def test_a_rate_kept_for_years_running_is_read() -> None:
    assert facts("行政机关负责人出庭应诉率连续5年保持100%。") == {"litigation.head_appearance_rate": 100}


def test_what_one_channel_added_is_a_part_of_the_years_total() -> None:
    text = "2022年，我局主动公开各类政府信息600条，其中在市政府信息公开平台新增70条，在官网公开300条。"
    assert facts(text, report_type="信访") == {"disclosure.proactive": 600}


def test_the_completion_of_disclosure_requests_is_no_petition_rate() -> None:
    text = "2022年全年，我局共收到12条依申请公开信息，全部按期答复，办结率100%。"
    assert facts(text, report_type="信访") == {"disclosure.requests": 12}


def test_a_percent_that_its_rates_name_follows_is_that_rate() -> None:
    text = "委员们共提出提案620件，立案580件，99.5%已办复。"
    assert facts(text, report_type="建议提案办理")["proposals.cppcc_completion"] == 99.5
    assert facts("今年承办人大代表建议40件，98%的建议已办结。", report_type="建议提案办理") == {
        "proposals.npc_count": 40, "proposals.npc_completion": 98,
    }
    assert "proposals.npc_completion" not in facts("今年承办人大代表建议40件，占全部建议的20%。", report_type="建议提案办理")


def test_requests_answered_count_only_where_none_received_is_stated() -> None:
    text = "全年共受理政府信息公开申请95件。答复政府信息公开申请98件（含上年度结转申请8件）。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.requests": 95}
    assert facts("全年答复政府信息公开申请98件。", report_type="政府信息公开") == {"disclosure.requests": 98}


def test_a_total_of_all_kinds_wins_over_the_first_instance() -> None:
    text = "2022年，全省法院新收各类行政诉讼案件38000件。其中，新收一审行政案件17000件。"
    assert facts(text) == {"litigation.lawsuits": 38000}


def test_what_a_government_will_handle_and_what_five_years_gave_are_not_the_years() -> None:
    assert facts("今年县政府系统将承办人大代表建议151件、政协提案127件。", report_type="建议提案办理") == {}
    assert facts("过去五年，市政协共立案提案2045件。", report_type="建议提案办理") == {}


def test_motions_and_suggestions_together_are_not_the_suggestions() -> None:
    text = "省人大会议以来389件代表议案建议全部办理完毕。代表提出议案23件，提出建议366件。"
    assert facts(text, report_type="建议提案办理")["proposals.npc_count"] == 366


def test_cases_a_reconsideration_body_newly_took_in_are_the_years_reviews() -> None:
    assert facts("2022年全国各级行政复议机构新收案件38.5万件，办结35.2万件。") == {"litigation.reviews": 385000}


def test_what_a_body_will_do_with_its_handling_is_no_plan_of_counts() -> None:
    text = "我局高度重视，将办理工作列入重点，全年共承办人大代表建议30件，政协提案20件。"
    assert facts(text, report_type="建议提案办理") == {"proposals.npc_count": 30, "proposals.cppcc_count": 20}


def test_one_channels_figure_after_the_sections_total_is_a_part_of_it() -> None:
    text = "一、主动公开情况\n本年度共发布212条。其中，门户网站更新信息50条。"
    assert facts(text, report_type="政府信息公开") == {"disclosure.proactive": 212}


def test_registered_proposals_win_over_those_received_in_one_sentence() -> None:
    text = "2022年，省政协共收到提案572件、审查立案524件，办复率100%。"
    assert facts(text, report_type="建议提案办理")["proposals.cppcc_count"] == 524
