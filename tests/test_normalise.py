"""Normalisation: what the warehouse stores and evidence spans point into."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.normalise import is_heading, normalise

SEEDS = Path(__file__).resolve().parents[1] / "data" / "reports"


def test_full_width_digits_letters_and_percent_become_ascii() -> None:
    assert normalise("满意率９９．８％，共ＡＢ类１，２３４条") == "满意率99.8%，共AB类1,234条"


def test_spaces_padding_numbers_and_words_are_removed() -> None:
    assert normalise("全年主动公开信息 2872 件，2021 年度 法治政府建设") == "全年主动公开信息2872件，2021年度法治政府建设"


def test_spaces_grouping_the_thousands_of_a_counted_number_are_removed() -> None:
    assert normalise("全年主动公开政府信息 13 560 条，接待来访412批1 506人次") == "全年主动公开政府信息13560条，接待来访412批1506人次"


def test_spaces_between_two_numbers_and_in_latin_text_stay() -> None:
    assert normalise("编号12 34，见 www.example.gov.cn 网站") == "编号12 34，见 www.example.gov.cn 网站"


def test_a_page_break_inside_a_sentence_is_joined() -> None:
    text = "认真落实负责人出庭应诉制度，行政机关负责人出庭应诉率达到\n\n100%。高度重视复议工作。"
    assert normalise(text) == "认真落实负责人出庭应诉制度，行政机关负责人出庭应诉率达到100%。高度重视复议工作。"


def test_a_break_inside_book_title_marks_is_joined() -> None:
    assert normalise("对新修订的《行政处罚\n\n法》进行培训学习。") == "对新修订的《行政处罚法》进行培训学习。"


def test_a_number_on_a_line_of_its_own_is_joined_to_its_sentence() -> None:
    text = "本区到年底累计主动公开政府信息\n5928\n条，其中本年度新增\n一百二十条。"
    assert normalise(text) == "本区到年底累计主动公开政府信息5928条，其中本年度新增一百二十条。"


def test_headings_paragraphs_and_table_rows_stay_on_their_own_lines() -> None:
    text = (
        "示例市示例区司法局2022年政府信息公开工作年度报告\n\n一、总体情况\n"
        "2022年，我局主动公开政府信息88条。\n（二）依申请公开\n全年收到申请5件。\n"
        "一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    )
    assert normalise(text).split("\n") == [line for line in text.split("\n") if line]


def test_table_cells_on_lines_of_their_own_are_not_glued_into_one_number() -> None:
    assert normalise("一、本年新收政府信息公开申请数量 |\n1 |\n0 |\n11 |\n12 |") == (
        "一、本年新收政府信息公开申请数量 |\n1 |\n0 |\n11 |\n12 |"
    )
    assert normalise("本年新收申请\n3\n0\n3") == "本年新收申请3\n0\n3"


def test_a_wrapped_paragraph_goes_on_but_not_into_a_title_line() -> None:
    text = "打开微信扫一扫，点击右上角分享即可\n扎实推进行政应诉工作\n发布机构：示例市司法局"
    assert normalise(text).split("\n") == text.split("\n")


def test_bare_page_numbers_are_dropped() -> None:
    assert normalise("全年受理信访件\n- 3 -\n120件。") == "全年受理信访件120件。"


def test_a_number_that_a_pdf_wrapped_is_joined() -> None:
    text = "全年主动公开政府信息1\n286条，其中网站发布4,2\n18条。参评满意率97.\n65%，现将本镇20\n22年度工作报告如下。"
    assert normalise(text) == "全年主动公开政府信息1286条，其中网站发布4,218条。参评满意率97.65%，现将本镇2022年度工作报告如下。"


def test_a_labels_value_on_the_next_line_is_joined() -> None:
    assert normalise("本年度主动公开政府信息共计：\n1 086条。") == "本年度主动公开政府信息共计：1086条。"


def test_a_running_header_after_a_page_number_is_dropped() -> None:
    text = (
        "示例县人民政府办公室\n2023年政府信息公开工作年度报告\n全年主动公开政府信息\n— 2 —\n"
        "示例县人民政府办公室\n893条，其中政策文件41件\n- 3 -\n示例县人民政府办公室\n，政策解读23篇。"
    )
    assert normalise(text) == (
        "示例县人民政府办公室\n2023年政府信息公开工作年度报告\n全年主动公开政府信息893条，其中政策文件41件，政策解读23篇。"
    )


def test_a_running_header_named_in_the_title_is_dropped_but_table_cells_stay() -> None:
    text = "示例市示例区人民政府\n2021年法治政府建设年度报告\n全年应诉案件23件，其中败诉\n— 2 —\n示例区人民政府\n案件3件。"
    assert normalise(text).split("\n")[-1] == "全年应诉案件23件，其中败诉案件3件。"
    cells = "法人或其他组织\n— 2 —\n总计\n商业企业\n— 3 —\n总计"
    assert normalise(cells) == "法人或其他组织\n总计\n商业企业\n总计"


@pytest.mark.parametrize("line", ["一、总体情况", "（二）依申请公开情况", "(三)政府信息管理", "2.主动公开情况"])
def test_numbered_short_lines_are_headings(line: str) -> None:
    assert is_heading(line)


def test_a_numbered_paragraph_is_not_a_heading() -> None:
    assert not is_heading("（一）主动公开情况。2022年，我局全年主动公开政府信息共计二百三十条，内容涵盖机构职能。")


def test_normalise_is_idempotent_on_the_seed_reports() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        once = normalise(path.read_text(encoding="utf-8"))
        assert normalise(once) == once, path.name


@pytest.mark.parametrize(
    "text",
    [
        "根据《规定》要求，年\n5月1日起开展工作。为此，专门配备了\n132名工作人员\n（以下简称《条例》\n）和\n\n《办法》",
        "示例局文件\n全年公开信息1\n— 2 —\n示例局文件\n286条，满意率9\n— 3 —\n8.5%。数量：\n12\n3",
    ],
)
def test_normalise_is_idempotent_on_awkward_breaks(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_a_text_in_traditional_characters_becomes_simplified_and_a_simplified_one_stays() -> None:
    assert normalise("2024年8月，共受理各類環境信訪舉報投訴145件，按時辦結率達到100%。") == (
        "2024年8月，共受理各类环境信访举报投诉145件，按时办结率达到100%。"
    )
    assert normalise("乾县人民政府2023年信访工作总结") == "乾县人民政府2023年信访工作总结"


def test_pinyin_readings_a_mirror_prints_after_characters_go() -> None:
    assert normalise("辦復(fù)率和滿意率均為100%，會(huì)議") == "办复率和满意率均为100%，会议"
