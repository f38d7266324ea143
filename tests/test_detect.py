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
    assert (street.agency, street.level) == ("桂花街道", "乡镇")  # a street the text names by its place alone
    town = detect("桂花镇人民政府2022年法治建设工作情况报告\n今年以来，我镇认真落实依法行政要求。")
    assert town.agency == "桂花镇人民政府"  # the organ the text gives stays
    named_alone = detect("桂花镇2022年政府信息公开工作年度报告\n2022年，我镇全年主动公开信息80条。")
    assert named_alone.agency == "桂花镇人民政府"  # a township named alone is its government


def test_a_relative_name_alone_is_the_texts_own_words_without_a_region() -> None:
    meta = detect("今年以来，县司法局认真落实依法行政要求，县司法局全年办理复议案件3件。")
    assert (meta.agency, meta.region) == ("县司法局", None)
    assert detect("今年以来，在区委、区政府的领导下，各项工作稳步推进。").agency is None  # a mention is no author


def test_the_rule_of_law_government_is_not_an_organ() -> None:
    meta = detect("示例市北湖区持续深化法治政府建设\n2023年，示例市北湖区人民政府坚持依法行政。")
    assert meta.agency == "示例市北湖区人民政府"


def test_a_work_report_is_of_no_single_topic_and_dated_by_its_session_month() -> None:
    meta = detect("政府工作报告\n——2023年1月在示例县第五届人民代表大会第二次会议上\n过去一年，全县办理人大代表建议126件。")
    assert (meta.report_type, meta.year) == ("其他", 2022)


def test_congresses_consultative_conferences_and_township_units_are_organs() -> None:
    assert detect("青山县人大常委会关于代表建议督办情况的报告\n县人大常委会坚持跟踪督办。").agency == "青山县人大常委会"
    assert detect("青山县政协关于提案工作情况的报告\n各位委员：").agency == "青山县政协"
    assert detect("柳溪镇司法所2022年工作总结\n全年调解纠纷80件。").agency == "柳溪镇司法所"
    assert detect("青山县档案馆2023年政府信息公开工作年度报告\n正文").agency == "青山县档案馆"
    assert detect("青山县柳溪镇信访办\n2022年信访工作总结\n全年受理信访事项90件。").agency == "青山县柳溪镇信访办"


def test_a_function_word_glued_to_a_place_does_not_join_the_name() -> None:
    meta = detect("政务公开\n【概况】2020年，扬州市以市政府门户网站为主平台，推进政务公开。")
    assert meta.agency == "扬州市人民政府"
    # 办理县政府… is not the government of 理县, a county with a one-character name
    text = "2023年，如皋市人民政府办公室推进政务公开。全年办理县政府依申请公开答复52件，另办理县政府信箱来信30件。"
    assert detect(text).agency == "如皋市人民政府办公室"


def test_a_unit_inside_a_body_is_not_the_author_of_a_report_on_its_place() -> None:
    text = "桂东区2023年政务服务工作情况\n区政务服务中心全年办件3万件。区数据资源管理局逐件回访差评。"
    assert detect(text).agency == "桂东区数据资源管理局"
    street = detect("桂花街道2023年基层治理工作总结\n街道社会治理中心全年调解纠纷120件。")
    assert street.agency == "桂花街道"
    county = detect("青山县2023年信访工作情况通报\n由县信访工作联席会议办公室约谈。各乡镇报送县信访局。")
    assert county.agency == "青山县信访局"


def test_the_site_and_the_contributor_only_carry_the_page() -> None:
    text = (
        "桂东区2023年行政复议工作情况\n来源：桂东区司法局\n"
        "2023年，区政府收到行政复议申请60件，区政府作为被告的行政诉讼案件20件。\n（区司法局 供稿）"
    )
    assert detect(text).agency == "桂东区人民政府"
    byline = "发布机构：青山县司法局\n青山县2022年行政复议案件统计分析报告\n青山县人民政府行政复议办公室\n我办全年收到复议申请30件。"
    assert detect(byline).agency == "青山县人民政府行政复议办公室"


def test_a_national_system_prefix_stays_with_the_name() -> None:
    meta = detect("泉州市税务局完成2023年建议提案办理工作\n来源：国家税务总局泉州市税务局\n今年以来，该局承办建议12件。")
    assert meta.agency == "国家税务总局泉州市税务局"
    assert "泉州市税务局" in meta.aliases
    assert (meta.region, meta.sector) == ("福建省泉州市", "税务")


def test_a_yearbook_entry_names_its_organs_relative_to_the_yearbook_place() -> None:
    text = "《江宁年鉴（2022）》\n信访工作\n【概况】2021年，区信访局受理信访事项800件。\n（区信访局）"
    assert detect(text).agency == "南京市江宁区信访局"


def test_a_work_report_is_the_government_of_the_place_it_is_delivered_in() -> None:
    delivered = "政府工作报告\n——2024年1月12日在示例市第八届人民代表大会第三次会议上\n各位代表：过去一年，全市经济平稳。"
    assert detect(delivered).agency == "示例市人民政府"
    signed = "政府工作报告\n示例县人民政府县长 李明\n各位代表：现在，我代表县人民政府向大会报告工作。"
    assert detect(signed).agency == "示例县人民政府"


def test_a_relative_name_takes_its_place_from_the_text() -> None:
    full_name = "2022年，市城市管理局推进政务公开。修订了《扬州市城市管理局政府信息主动公开目录》。"
    assert detect(full_name).agency == "扬州市城市管理局"
    one_city = "来源：扬州市人民政府门户网站\n2022年，市政府办公厅加强建议提案办理。市政府办公厅全年办理建议300件。"
    assert detect(one_city).agency == "扬州市人民政府办公厅"


def test_the_office_compiling_a_report_names_its_body() -> None:
    text = "一、总体情况\n本报告由柳溪镇人民政府党政办公室编制。\n联系地址：微山县柳溪镇人民政府院内"
    meta = detect(text)
    assert meta.agency == "微山县柳溪镇人民政府"
    assert meta.level == "乡镇"
    compiler = detect("本报告由示例县委信访局结合统计数据编制。2022年，我局依法公开政府信息。")
    assert compiler.agency == "示例县委信访局"
    office = detect("桂东区2022年政府信息公开工作年度报告\n本报告由区政府办公室编制。\n2022年，区政府主动公开信息1000条。")
    assert office.agency == "桂东区人民政府"


def test_a_branch_keeps_its_parents_name() -> None:
    text = "2021年，我局通过“安康市生态环境局岚皋分局”微信公众号发布信息80条。"
    assert detect(text).agency == "安康市生态环境局岚皋分局"


def test_an_abbreviated_development_zone_is_the_formal_one() -> None:
    text = "2021年东湖高新区教育局政府信息公开工作年度报告\n来源：武汉东湖新技术开发区教育局\n2021年，东湖高新区教育局主动公开信息。"
    meta = detect(text)
    assert meta.agency == "武汉东湖新技术开发区教育局"
    assert meta.aliases == ("东湖高新区教育局",)


def test_the_title_is_found_behind_a_pages_fields() -> None:
    text = (
        "索引号: 0001/2021-00143 主题分类: 建议提案办理情况\n发布机构:区农业农村局\n"
        "标 题:【建议提案办理总体情况】2021年度山亭区农业农村局人大代表建议、政协委员提案办理情况\n正文"
    )
    meta = detect(text)
    assert meta.title == "2021年度山亭区农业农村局人大代表建议、政协委员提案办理情况"
    assert meta.agency == "枣庄市山亭区农业农村局"
    assert detect("各位代表：现在，我代表街道办事处作工作报告。\n柳溪街道办事处2022年工作报告\n正文").agency == "柳溪街道办事处"


def test_a_plan_for_the_next_year_speaks_of_the_year_before() -> None:
    text = "示例区人民政府工作报告（摘要）\n一、2023年工作回顾\n过去一年，全区经济稳定。\n二、2024年工作安排\n2024年，全区将持续发力。"
    assert detect(text).year == 2023


def test_a_page_on_the_year_so_far_is_of_the_year_it_was_published() -> None:
    text = "发布时间: 2021-11-15 09:30\n出庭应诉率从2019年的15%提高到2020年的30%，今年以来继续上升，2020年全年增幅最大。"
    assert detect(text).year == 2021


def test_a_title_wrapped_by_a_pdf_or_opened_with_guanyu_still_names_the_body() -> None:
    wrapped = "青山县交通运输局关于二〇二二年度法治政府建设工作\n情况的报告\n正文"
    assert (detect(wrapped).agency, detect(wrapped).year) == ("青山县交通运输局", 2022)
    assert detect("关于青山县2022年法治政府建设情况的报告\n县政府全年收到复议申请30件。").agency == "青山县人民政府"
    assert detect("关于2022年度青山县水利局法治政府建设情况的报告\n正文").agency == "青山县水利局"


def test_a_news_item_is_its_headlines_body() -> None:
    page = normalise(
        "首页 > 政务公开 > 工作动态\n青山县水利局召开2023年建议提案交办会\n"
        "发布时间：2023-03-10 来源：青山县人民政府 浏览次数：\n3月8日，县水利局召开会议，交办人大代表建议20件。"
    )
    assert (detect(page).agency, detect(page).year) == ("青山县水利局", 2023)
    source_only = normalise("发布时间：2023-03-10 来源：青山县水利局 浏览次数：\n3月8日，召开建议交办会。")
    assert detect(source_only).agency == "青山县水利局"


def test_a_relative_title_is_not_replaced_by_another_body_the_text_names() -> None:
    text = "区交通运输局2022年建议提案办理情况\n区交通运输局承办建议37件。青岛市财政局审核资金，青岛市财政局拨付到位。"
    assert detect(text).agency == "区交通运输局"


def test_the_report_names_itself_or_its_contact() -> None:
    published = "根据条例规定，现公布示例市青山区人力资源和社会保障局2023年政府信息公开工作年度报告。我局全年主动公开信息80条。"
    assert detect(published).agency == "示例市青山区人力资源和社会保障局"
    contact = "本报告所列数据统计期限为2023年。如有疑问，请与示例县水利局办公室联系（地址：示例县人民路1号）。"
    assert detect(contact).agency == "示例县水利局"
    office = "现发布《2023年示例县人民政府办公室政府信息公开年度报告》。如有疑问，请与示例县人民政府办公室政务公开科联系。"
    assert detect(office).agency == "示例县人民政府办公室"  # an office's own report is the office's


def test_a_body_that_opens_a_sentence_and_acts_is_the_author() -> None:
    assert detect("一、总体情况\n2023年，示例县应急管理局坚持以公开为常态。").agency == "示例县应急管理局"
    assert detect("2023年，示例县坚持依法行政，县政府全年收到复议申请30件。").agency == "示例县人民政府"
    assert detect("示例市人民政府、中共示例县委：\n2023年，示例县坚持依法行政。").agency == "示例县人民政府"  # the addressees are not


def test_the_words_a_sentence_puts_before_a_name_are_not_part_of_it() -> None:
    assert detect("因此市人社局高度重视建议办理工作，全年承办建议12件。").agency == "市人社局"


def test_a_portals_department_header_names_the_place_and_department() -> None:
    text = "示例市人民政府-卫生健康局\n关于2022年人大建议与政协提案办理情况的报告\n今年由我局承办的建议共18件。"
    assert detect(text).agency == "示例市卫生健康局"


def test_state_council_bodies_by_their_formal_names() -> None:
    assert detect("住建部：去年办理建议提案近千件\n编者按：…").agency == "住房和城乡建设部"
    assert detect("农业农村部去年办理建议提案1545件\n正文").agency == "农业农村部"


def test_standard_short_forms_of_organs_are_expanded_where_the_place_is_named() -> None:
    assert detect("示例市东湖区住建局2022年政府信息公开工作年度报告\n正文").agency == "示例市东湖区住房和城乡建设局"
    assert detect("示例市城建局2023年建议提案办理情况\n正文").agency == "示例市城乡建设局"
    assert detect("区住建委2022年政府信息公开工作年度报告\n正文").agency == "区住建委"  # no place: the text's words


def test_a_name_relative_to_its_place_takes_the_place_of_its_address_or_local_paper() -> None:
    address = "现将市人社局2023年法治政府建设情况报告如下。如有疑问，请与市人社局法规处联系（地址：天津市河西区友谊路1号）。"
    assert detect(address).agency == "天津市人力资源和社会保障局"
    paper = "亳州晚报讯 日前，笔者从市政协提案委获悉，今年提案已全部办复。"
    assert detect(paper).agency == "亳州市政协"


def test_a_name_that_a_sentence_leads_into_starts_at_its_place() -> None:
    text = "会议指出，切实抓好由文山市人民政府承办的建议办理，全年办理建议120件。"
    assert detect(text).agency == "文山市人民政府"


def test_the_issuer_of_a_cited_notice_and_a_body_inside_a_paragraph_are_not_the_author() -> None:
    cited = "本报告根据徐州市人民政府办公室《关于做好年度报告编制工作的通知》编制。\n一、总体情况\n我镇全年主动公开信息60条。"
    assert detect(cited).agency is None
    paragraph = "2023年，我县信访工作稳中向好。全县信访总量143件次，其中到国家信访局信访量3件次。\n二、主要做法"
    assert detect(paragraph).agency != "国家信访局"


def test_a_plan_for_the_next_year_on_a_topic_speaks_of_the_year_before() -> None:
    text = "一年来，共收到提案120件，截止2019年底已全部办结。\n2020年提案工作安排\n2020年，提案工作要围绕中心。"
    assert detect(text).year == 2019


def test_a_news_leads_state_council_body_is_the_author() -> None:
    lead = "新华社北京3月1日电 2022年，国务院各部门牵头办理全国人大代表建议6000件，已全部按时办结。"
    assert detect(lead).agency == "国务院各部门"
    report = "本报北京4月1日电 日前发布的司法部2023年法治政府建设年度报告显示，全国新收行政复议案件31.5万件。"
    assert detect(report).agency == "司法部"


def test_a_body_outlasts_its_terms_and_its_meeting_tells_the_news() -> None:
    text = "西安晚报讯 12月27日，记者从市十六届人大常委会第二十八次会议上获悉，代表建议已全部办结。"
    assert detect(text).agency == "西安市人大常委会"


def test_a_year_after_a_verb_of_planning_speaks_of_the_year_before() -> None:
    text = "12月29日，全市信访工作会议召开，总结分析2023年工作，安排部署2024年工作。会议要求，2024年要坚持…"
    assert detect(text).year == 2023


def test_a_report_that_names_itself_has_that_type() -> None:
    text = "根据条例要求，现向社会公布示例市信访局2022年政府信息公开工作年度报告。我局信访工作……信访件……信访。"
    assert detect(text).report_type == "政府信息公开"


def test_a_news_item_told_by_a_state_council_body() -> None:
    text = "全国两会召开在即，5月20日，记者从水利部获悉，2019年共承办人大建议226件。"
    assert detect(text).agency == "水利部"


def test_a_verb_that_leads_a_sentence_is_no_place() -> None:
    assert detect("一、总体情况\n今年以来，我镇深入贯彻上级部署，紧紧围绕镇党委政府重点工作推进公开。").agency is None


def test_a_report_calling_itself_a_bureau_is_no_office_it_mentions() -> None:
    text = "一、总体情况\n2022年，我局在中江县人民政府网站主动公开信息416条。我局按县政府办要求做好公开工作。我局全年未收到申请。"
    assert detect(text).agency is None


def test_a_body_relative_to_its_region_takes_the_province_its_lead_names() -> None:
    text = "内蒙古102个旗县信访部门要全部开通网站\n2015年，自治区信访局认真组织重点信访事项督查。"
    assert detect(text).agency == "内蒙古自治区信访局"


def test_a_city_whose_name_ends_like_a_common_word_is_a_place_that_acts() -> None:
    assert detect("近年来，聊城市积极探索行政应诉工作新模式。").agency == "聊城市人民政府"


def test_runs_of_a_sentence_are_no_names() -> None:
    assert detect("2024年，吉安县人大代表建议政协委员提案交办会召开。").agency != "吉安县人大代表建议政协"
    assert detect("一、总体情况\n南通中院会同该市依法治市办首创自我纠正制度。").agency is None


def test_the_cppcc_keeps_its_prefix_and_a_pages_junk_before_a_place_goes() -> None:
    assert detect("1月27日，政协海口市第十五届委员会第一次会议召开，委员提案全部办复。").agency == "政协海口市委员会"
    assert detect("免费资料图库大全江西省人民政府\n委员提案办理工作总结\n全年办理提案19件。").agency == "江西省人民政府"


def test_a_meeting_that_sums_up_last_year_speaks_of_the_year_before() -> None:
    text = "4月2日，2024年全市政府系统建议提案交办会召开，总结去年建议提案办理工作，安排部署今年工作。"
    assert detect(text).year == 2023


def test_the_city_the_text_gives_a_district_wins_over_the_division_tables() -> None:
    text = "西山区教育局2021年建议提案办理工作总结\n2021年，西山区教育局高度重视建议办理。\n示例市西山区教育局\n2022年3月14日"
    assert detect(text).agency == "示例市西山区教育局"  # not 昆明市西山区教育局


def test_a_governments_office_the_title_names_writes_its_own_report() -> None:
    text = ("五华区人民政府办公室2022年政府信息公开工作年度报告\n本报告由五华区人民政府办公室编制而成。"
            "如有疑问，请与五华区人民政府办公室联系。")
    assert detect(text).agency == "昆明市五华区人民政府办公室"


def test_a_relative_title_takes_the_place_that_acts_in_the_text() -> None:
    text = "县人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n2021年，湟源县始终坚持把政务公开作为重要举措。"
    assert detect(text).agency == "湟源县人民政府办公室"


def test_a_report_of_a_place_is_its_governments_and_words_are_no_place() -> None:
    town = "根据条例规定，现将平江县三墩乡2024年度政府信息公开工作报告如下：\n一、总体情况"
    assert detect(town).agency == "平江县三墩乡人民政府"
    own = "现将2025年度我局政府信息公开工作情况报告如下。\n2025年，示例市榕城区医疗保障局坚持依法公开。"
    assert detect(own).agency == "示例市榕城区医疗保障局"
    assert detect("2021年，我县围绕兴海县经济社会发展大局推进公开。").agency != "兴海县经济社会发展大局"


def test_a_place_only_title_is_the_body_of_that_place_its_page_comes_from() -> None:
    text = "黄石市2020年度行政复议、行政应诉案件统计分析报告\n来源：黄石市司法局 时间：2021-03-16\n一、基本概况"
    assert detect(text).agency == "黄石市司法局"


def test_an_assignment_meeting_reports_on_the_year_before() -> None:
    text = "4月15日，2024年度县人大代表、政协委员提案交办会议召开。会议通报了2023年建议办理情况。"
    assert detect(text).year == 2023


def test_the_year_a_title_states_stands_unless_it_is_a_meetings_that_sums_up_the_year_before() -> None:
    report = "示例市公安局2022年法治政府建设工作报告\n示例市公安局认真总结上年经验，2022年共办理行政复议案件3件。"
    assert detect(report).year == 2022
    meeting = "2023年3月，示例区人民政府召开人大代表建议交办会，共交办建议50件，较2022年增加5件。2023年底全部办结。"
    assert detect(meeting).year == 2023  # it reports no handling of 2022's


def test_words_of_a_sentence_are_no_government_and_places_opening_with_a_function_word_stay_whole() -> None:
    assert detect("现将各乡镇2023年信访工作总结报告如下。").agency is None
    assert detect("2022年，和平区坚持依法行政，全年办理复议3件。").agency.endswith("和平区人民政府")
    assert detect("2022年，从化区人民政府坚持依法行政。").agency == "广州市从化区人民政府"


def test_a_national_systems_name_before_a_place_is_no_junk() -> None:
    text = "中国证券监督管理委员会北京监管局2023年政府信息公开工作年度报告\n正文"
    assert detect(text).agency == "中国证券监督管理委员会北京监管局"


def test_a_headline_a_body_speaks_and_a_paper_named_after_a_body() -> None:
    text = "示例省政协报新闻中心\n提案追踪\n示例市政协：195件提案全部找到承办单位\n3月10日，市政协召开提案交办会。"
    assert detect(text).agency == "示例市政协"


def test_two_bodies_joined_are_no_name_and_the_titles_wording_wins() -> None:
    assert detect("一、总体情况\n2023年，在最高人民法院和省委办公厅指导下，全省法院新收案件100件。").agency is None
    text = ("福州市长乐区吴航街道办事处2024年度政府信息公开工作年度报告\n"
            "本报告由福州市长乐区人民政府吴航街道办事处编制而成。")
    assert detect(text).agency == "福州市长乐区吴航街道办事处"
