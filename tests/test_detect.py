"""What a report says about itself: agency, year, type, region, level, sector."""

from __future__ import annotations

from pathlib import Path

from etl.detect import detect
from etl.normalise import normalise

SEEDS = Path(__file__).resolve().parents[1] / "data" / "reports"


def detect_file(name: str):
    return detect(normalise((SEEDS / name).read_text(encoding="utf-8")))


def test_title_short_name_and_body_formal_name_are_one_agency() -> None:
    meta = detect_file("000_5238e1c1aba64612.txt")  # title: 浦东新区规划资源局; body: 浦东新区规划和自然资源局
    assert meta.agency == "浦东新区规划和自然资源局"
    assert "浦东新区规划资源局" in meta.aliases
    assert (meta.year, meta.report_type) == (2023, "法治政府建设")
    assert (meta.region, meta.level, meta.sector) == ("上海市浦东新区", "部门", "自然资源和规划")


def test_a_report_signed_in_january_is_about_the_year_before() -> None:
    meta = detect_file("004_c58330313368c4e5.txt")  # signed 2022年1月29日, about 2021
    assert meta.agency == "苏州市吴江区自然资源和规划局"
    assert meta.year == 2021
    assert meta.region == "江苏省苏州市吴江区"


def test_the_statistics_period_gives_the_year() -> None:
    text = "关于本单位政务公开的说明\n本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n2020年3月2日"
    assert detect(text).year == 2019


def test_only_a_signing_date_early_in_the_year_means_the_year_before() -> None:
    assert detect("我局全面推进依法行政，各项工作稳步开展。\n示例市西山区教育局\n2023年2月10日").year == 2022


def test_report_types_come_from_the_title() -> None:
    assert detect("示例市公安局2022年政府信息公开工作年度报告\n正文").report_type == "政府信息公开"
    assert detect("示例市公安局2022年人大代表建议和政协提案办理工作总结\n正文").report_type == "建议提案办理"
    assert detect("示例市公安局2022年信访工作总结\n正文").report_type == "信访"
    assert detect("示例市公安局2022年度法治政府建设情况报告\n正文").report_type == "法治政府建设"
    assert detect("示例市公安局2022年工作总结\n正文").report_type == "其他"


def test_a_fictional_district_bureau_keeps_the_region_as_stated() -> None:
    meta = detect("示例市东湖区生态环境局2021年度法治政府建设工作报告\n2021年，区生态环境局坚持依法行政。")
    assert meta.agency == "示例市东湖区生态环境局"
    assert (meta.region, meta.level, meta.sector) == ("示例市东湖区", "部门", "生态环境")


def test_levels_of_governments() -> None:
    assert detect("示例市南岭区青石镇人民政府2021年法治政府建设工作报告\n正文").level == "乡镇"
    assert detect("平度市人民政府2021年法治政府建设工作报告\n正文").level == "区县"
    assert detect("苏州市人民政府2021年法治政府建设工作报告\n正文").level == "市"


def test_a_district_gains_its_city_when_the_text_omits_it() -> None:
    meta = detect("洛江区卫生健康局2025年政府信息公开工作年度报告\n正文")
    assert meta.agency == "泉州市洛江区卫生健康局"
    assert meta.region == "福建省泉州市洛江区"


def test_no_name_no_agency() -> None:
    meta = detect("今年以来，我局认真落实各项要求，工作取得新成效。")
    assert meta.agency is None
    assert meta.aliases == ()


def test_years_in_chinese_numerals() -> None:
    assert detect("白河县民政局二〇二二年工作总结\n二〇二二年，县民政局扎实推进各项工作。").year == 2022


def test_a_government_work_report_reviews_the_year_before_its_delivery() -> None:
    text = "政府工作报告\n——2024年1月15日在示例市第九届人民代表大会第三次会议上\n各位代表：过去一年，全市经济稳步回升。"
    assert detect(text).year == 2023


def test_a_title_naming_a_place_and_a_body_naming_the_organ() -> None:
    meta = detect("桂东区2022年信访工作总结\n2022年，在区委、区政府领导下，区信访局扎实做好信访工作。区信访局全年受理信访事项300件。")
    assert meta.agency == "桂东区信访局"
    street = detect("桂花街道2022年法治建设工作情况汇报\n今年以来，街道认真落实依法行政要求。")
    assert street.agency == "桂花街道办事处"


def test_a_relative_name_alone_is_no_agency() -> None:
    assert detect("今年以来，县司法局认真落实依法行政要求，县司法局全年办理复议案件3件。").agency is None


def test_the_rule_of_law_government_is_not_an_organ() -> None:
    meta = detect("示例市北湖区持续深化法治政府建设\n2023年，示例市北湖区人民政府坚持依法行政。")
    assert meta.agency == "示例市北湖区人民政府"


def test_a_work_report_is_of_no_single_topic_and_dated_by_its_session_month() -> None:
    meta = detect("政府工作报告\n——2023年1月在示例县第五届人民代表大会第二次会议上\n过去一年，全县办理人大代表建议126件。")
    assert (meta.report_type, meta.year) == ("其他", 2022)
