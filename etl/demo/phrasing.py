"""The phrasing: sentence templates that state facts, sentences that only look like they do, and
the slot syntax both are written in.

A template is a sentence with slots. `{npc}` states a fact; `{npc_sat=cppcc_sat}` states one
rate for two codes; `{0:reviews,lawsuits}` states explicit zeros in words; `{scope1:npc}` gives
a value for one scope without a total (the code is then `ignore`d); every other slot
(`{prev:cases}`, `{part1:proactive}`, `{int:2-6}`, `{who}` ...) is text that is not a fact.
A slot's code is a key of plans.CODES.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.demo.plans import CODES


DISCLOSURE_TEMPLATES = (
    "{year}年，{who}共主动公开政府信息{proactive}条。",
    "全年通过政府门户网站、政务新媒体等渠道主动公开政府信息{proactive}条，其中门户网站发布{part1:proactive}条，"
    "政务新媒体发布{part2:proactive}条。",
    "{who}全年主动公开各类政府信息{proactive}条，内容涵盖机构职能、政策文件、规划计划、财政预决算和人事信息等。",
    "本年度主动公开政府信息{proactive}条，比上年的{prev:proactive}条{change:proactive}。",
    "截至{year}年底，{who}累计主动公开政府信息{stock:proactive}条，其中本年度新增主动公开{proactive}条。",
    "坚持以公开为常态、不公开为例外，全年主动发布政府信息{proactive}件。",
    "全年共收到政府信息公开申请{requests}件，均在法定期限内予以答复。",
    "{year}年，{who}受理依申请公开{requests}件，其中网上申请{part1:requests}件，信函及当面申请{part2:requests}件，"
    "均已按时办结。",
    "本年度新收政府信息公开申请{requests}件，另有上年结转申请{int:1-3}件，均已依法答复。",
    "办理依申请公开事项{requests}件，较上年的{prev:requests}件{change:requests}。",
    "{0:requests}{year}年度，{who}未收到政府信息公开申请。",
    "{0:requests}全年未收到公民、法人或其他组织提出的政府信息公开申请。",
    "因政府信息公开工作被申请行政复议{d_reviews}件、被提起行政诉讼{d_lawsuits}件。",
    "涉及政府信息公开的行政复议案件{d_reviews}件、行政诉讼案件{d_lawsuits}件。",
    "{0:d_reviews,d_lawsuits}全年未发生因政府信息公开引起的行政复议和行政诉讼。",
    "{0:d_reviews,d_lawsuits}本年度没有因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
    "本年度因政府信息公开被申请行政复议{d_reviews+}件，复议结果均为维持。",
    "{0:d_reviews}未发生因政府信息公开被申请行政复议的情况。",
    "发生涉及政府信息公开的行政诉讼案件{d_lawsuits+}件，目前尚在审理中。",
    "{0:d_lawsuits}未发生因政府信息公开被提起行政诉讼的情况。",
    "全年办理依申请公开{requests}件，{0:d_reviews,d_lawsuits}未发生行政复议或行政诉讼。",
    "收到政府信息公开申请{requests}件，均已按时答复，{0:d_reviews,d_lawsuits}无因此引发的行政复议、行政诉讼。",
)

LITIGATION_TEMPLATES = (
    "全年新收行政诉讼案件{lawsuits}件。",
    "{year}年，{who}作为被告的一审行政诉讼案件{lawsuits}件，比上年的{prev:lawsuits}件{change:lawsuits}。",
    "全年共办理行政应诉案件{lawsuits}件，已审结{under:lawsuits}件。",
    "全年办理行政复议案件{reviews}件。",
    "{who}作为被申请人的行政复议案件{reviews}件，均按期提交答复和证据材料。",
    "收到以{who}为被申请人的行政复议申请{reviews}件，较上年的{prev:reviews}件{change:reviews}。",
    "{year}年，{who}共发生行政复议案件{reviews}件、行政诉讼案件{lawsuits}件。",
    # A total given with both parts: whether it is also litigation.combined is left open (ignored).
    "全年办理行政复议和行政诉讼案件{sum:reviews+lawsuits}件，其中行政复议{reviews}件，行政诉讼{lawsuits}件。",
    "{0:reviews,lawsuits}全年未发生行政复议和行政诉讼案件。",
    "{0:reviews,lawsuits}{year}年度，{who}未被申请行政复议，也未被提起行政诉讼。",
    "{0:lawsuits}全年未发生行政诉讼案件。",
    "{0:reviews}全年未发生行政复议案件。",
    "全年共办理诉讼复议各类案件{combined+}件。",
    "{year}年，{who}共办理行政复议、行政诉讼案件{combined+}件，比上年的{prev:combined}件{change:combined}。",
    "妥善应对行政争议，全年涉及{who}的行政复议和行政诉讼案件共{combined+}件。",
    "全年行政复议、行政诉讼案件合计{combined+}件。",
    "全年行政诉讼败诉{losses}件。",
    "{0:losses}全年无败诉案件。",
    "审结案件中{who}败诉{losses+}件，已逐案分析原因并落实整改。",
    "{0:losses}未发生行政诉讼败诉案件，实现“零败诉”。",
    "全年一审行政诉讼案件{lawsuits+}件，败诉{losses}件，败诉率{lossrate:losses}。",
    "行政诉讼案件{lawsuits+}件，{0:losses}无一败诉。",
    "认真落实行政机关负责人出庭应诉制度，负责人出庭应诉率达到{head}。",
    "行政机关负责人出庭应诉率为{head}，比上年{delta:head}。",
    "全年{who}负责人出庭应诉{appear:head}件次，出庭应诉率{head}。",
    "开庭审理的行政诉讼案件中，行政机关负责人出庭应诉率{head}。",
    "应诉案件{lawsuits+}件，行政机关负责人出庭应诉率{head}，败诉{losses}件。",
)

PETITION_TEMPLATES = (
    "{year}年共受理群众来信、来访及网上信访事项{cases}件。",
    "全年共处理来信、来访、网上信访等各类信访件{cases}件，比上年的{prev:cases}件{change:cases}。",
    "{who}全年登记受理信访件{cases}件，其中网上信访{part1:cases}件，来信来访{part2:cases}件。",
    "全年受理信访事项{cases}件，均按程序登记、转送和办理。",
    "全年接待群众来访{visits}批次{people:visits}人次。",
    "共接待来访群众{visits}批{people:visits}人。",
    "全年接待群众来访{visits}批次，未发生越级上访和群体性事件。",
    "全年受理来信来访和网上信访{cases}件，接待群众来访{visits}批次，办结率{p_done}，群众满意率{p_sat}。",
    "{year}年共受理信访件{cases}件，接待来访{visits}批次。",
    "信访事项按期办结率{p_done}。",
    "信访件办结率达到{p_done}。",
    "信访事项化解率{p_done}。",
    "信访事项办理完成率为{p_done}。",
    "信访群众满意率为{p_sat}。",
    "参评群众对信访事项办理的满意率为{p_sat}。",
    "信访满意率达到{p_sat}。",
    "信访事项按期办结率{p_done}，群众满意率{p_sat}。",
    "信访事项办结率、群众满意率均为{p_done=p_sat}。",
)

PROPOSALS_TEMPLATES = (
    "{year}年，{who}共承办人大代表建议{npc}件。",
    "承办{npc_session}代表建议{npc}件（主办{part1:npc}件、协办{part2:npc}件）。",
    "办理人大代表建议{npc}件，比上年的{prev:npc}件{change:npc}。",
    "共办理{upper}、{local}两级人大代表建议{npc}件，其中{upper}人大代表建议{part1:npc}件，"
    "{local}人大代表建议{part2:npc}件。",
    # Two scopes and no total: no single fact (the code is ignored for the document).
    "办理{upper}人大代表建议{scope1:npc}件、{local}人大代表建议{scope2:npc}件。",
    "{year}年，{who}共承办政协提案{cppcc}件。",
    "承办{cppcc_session}委员提案{cppcc}件（主办{part1:cppcc}件、会办{part2:cppcc}件）。",
    "办理政协委员提案{cppcc}件，比上年的{prev:cppcc}件{change:cppcc}。",
    "办理{upper}政协提案{scope1:cppcc}件、{local}政协提案{scope2:cppcc}件。",
    "{year}年，{who}共承办人大代表建议{npc}件、政协提案{cppcc}件，建议提案合计{sum:npc+cppcc}件。",
    "全年承办{local}人大代表建议{npc}件、{local}政协委员提案{cppcc}件，均已按期办结并答复。",
    "共承办建议提案{sum:npc+cppcc}件，其中人大代表建议{npc}件、政协提案{cppcc}件。",
    "人大代表建议按期办复率{npc_done}。",
    "代表建议办结率达到{npc_done}。",
    "人大代表建议答复率为{npc_done}。",
    "政协提案按期办复率{cppcc_done}。",
    "政协提案办结率达到{cppcc_done}。",
    "委员提案答复率为{cppcc_done}。",
    "代表对办理结果的满意率为{npc_sat}。",
    "人大代表满意率{npc_sat}。",
    "代表满意和基本满意率达到{npc_sat}。",
    "政协委员满意率{cppcc_sat}。",
    "提案委员对办理结果的满意率为{cppcc_sat}。",
    "委员满意和基本满意率达到{cppcc_sat}。",
    "建议提案办结率、满意率均为{npc_done=cppcc_done=npc_sat=cppcc_sat}。",
    "建议提案按期办复率和代表委员满意率均达{npc_done=cppcc_done=npc_sat=cppcc_sat}。",
    "代表、委员满意率均为{npc_sat=cppcc_sat}。",
    "建议提案办结率{npc_done=cppcc_done}，代表委员满意率{npc_sat=cppcc_sat}。",
    "人大代表建议{npc}件、政协提案{cppcc}件，满意率均为{npc_sat=cppcc_sat}。",
    "办理人大代表建议{npc}件，办复率{npc_done}，满意率{npc_sat}；办理政协提案{cppcc}件，办复率{cppcc_done}，"
    "满意率{cppcc_sat}。",
    "人大代表建议{npc}件、政协提案{cppcc}件全部按期办结，办结率{npc_done=cppcc_done}。",
)

# Sentences that state no fact of the taxonomy, though they are full of numbers.
STUDY_EXTRAS = (
    "坚持把习近平法治思想纳入党组理论学习中心组学习重点内容，全年召开党组理论学习中心组学法会议{cn:3-8}次。",
    "举办法治专题讲座{int:2-6}场，组织干部职工参加网上学法用法考试，参考率、合格率均为{pct:100}。",
    "严格落实领导干部应知应会法律法规清单制度，组织领导干部集中学法{cn:4-12}次，参训{int:60-400}人次。",
    "于{year}年{int:2-4}月印发《{year}年度依法行政工作要点》，明确重点任务{int:12-30}项。",
)
ENFORCEMENT_EXTRAS = (
    "深入推进行政执法“三项制度”，全年作出行政处罚决定{int:10-400}件，重大执法决定法制审核{int:3-40}件。",
    "全年办理行政许可事项{int:50-2000}件，按时办结率{pct:99-100}。",
    "严格规范性文件合法性审核，全年审核规范性文件{int:2-12}件、重大行政决策{cn:1-4}项、合同协议{int:10-80}份。",
    "开展行政执法案卷评查，抽查案卷{int:20-120}卷，评查结果均为合格。",
)
PUFA_EXTRAS = (
    "认真落实“谁执法谁普法”普法责任制，扎实推进“{plan}”普法规划实施，围绕{day}等重要节点开展主题宣传活动"
    "{int:5-30}场次，发放宣传资料{int:1000-20000}份。",
    "以“{plan}”普法为抓手，组织“宪法宣传周”系列活动，于{year}年12月4日组织干部职工开展宪法宣誓。",
    "结合{day}，组织法律进机关、进社区、进企业活动{cn:6-20}次，受众{int:2000-30000}人次。",
)
PETITION_EXTRAS = (
    "落实领导干部接访下访制度，班子成员公开接访{int:10-48}次。",
    "开展矛盾纠纷排查化解专项行动{cn:2-6}次，排查矛盾纠纷{int:20-200}起。",
    "信访事项及时受理率{pct:98-100}。",
    "建立信访工作台账，实行“一案一档”，全年召开信访工作专题会议{cn:2-8}次。",
)
HOTLINE_EXTRAS = (
    "扎实做好12345政务服务便民热线办理工作，全年承办热线工单{int:200-5000}件，按时办结率{pct:96-100}，"
    "群众满意率{pct:90-99}。",
    "全年办理12345热线转办件{int:200-5000}件，回访满意率{pct:92-99}。",
    "政务服务“好差评”系统收到评价{int:500-20000}条，好评率{pct:99-100}。",
)
PROPOSALS_EXTRAS = (
    "召开建议提案办理工作推进会{cn:2-5}次，逐件明确承办科室、责任人和办理时限。",
    "坚持办前、办中、办后与代表委员沟通，面商率{pct:100}，走访代表委员{int:20-120}人次。",
    "全年确定重点建议{cn:1-3}件、重点提案{cn:1-2}件，均由主要负责同志牵头办理。",
    "办理结果按规定在门户网站公开，公开率{pct:100}。",
)
DISCLOSURE_EXTRAS = (
    "全年发布政策解读{int:2-20}篇，回应社会关切{int:3-30}次。",
    "召开新闻发布会{cn:1-6}场，政府网站信息公开专栏全年访问量{int:2-60}万人次。",
    "对{int:5-40}件规范性文件进行清理，及时更新政府信息公开指南和目录。",
    "组织政务公开业务培训{cn:1-4}次，参训{int:30-200}人次。",
)

# A slot in a template's text: Template.parse reads them, compose.ReportWriter fills them in.
SLOT = re.compile(r"\{([^{}]*)\}")
# Slots that name a code but state no fact of it.
_CODE_ASIDES = {"prev", "change", "delta", "part1", "part2", "people", "under", "appear", "lossrate", "stock"}


@dataclass(frozen=True)
class Slot:
    kind: str  # fact | same | zero | scope1/2 | sum | an aside of _CODE_ASIDES | int | cn | pct | fill
    codes: tuple[str, ...] = ()
    arg: str = ""
    positive: bool = False  # a fact slot that needs a value above zero


@dataclass(frozen=True)
class Template:
    text: str
    slots: tuple[Slot, ...]
    covers: frozenset[str]  # the codes whose facts (or ignores) it states

    @classmethod
    def parse(cls, text: str) -> Template:
        slots = tuple(_parse_slot(m.group(1)) for m in SLOT.finditer(text))
        covers = frozenset(c for s in slots if s.kind in ("fact", "same", "zero", "scope1", "scope2") for c in s.codes)
        return cls(text, slots, covers)


def _parse_slot(body: str) -> Slot:
    kind, _, arg = body.partition(":")
    if arg and kind == "0":
        return Slot("zero", tuple(arg.split(",")))
    if arg and kind in ("scope1", "scope2") or kind in _CODE_ASIDES:
        return Slot(kind, (arg,))
    if arg and kind == "sum":
        return Slot(kind, tuple(arg.split("+")))
    if arg:
        return Slot(kind, arg=arg)  # int / cn / pct
    if "=" in body:
        return Slot("same", tuple(body.split("=")))
    if body.rstrip("+") in CODES:
        return Slot("fact", (body.rstrip("+"),), positive=body.endswith("+"))
    return Slot("fill", arg=body)


FACT_TEMPLATES = tuple(
    Template.parse(t) for t in DISCLOSURE_TEMPLATES + LITIGATION_TEMPLATES + PETITION_TEMPLATES + PROPOSALS_TEMPLATES
)
