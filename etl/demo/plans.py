"""Plans: per agency a baseline and a trend per indicator, with noise per year, and the reports it publishes.

CODES gives the indicators of the demo short names (`npc`, `p_sat`); values, template slots and
reports all use them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from etl.demo.roster import Agency


def plan_agency(agency: Agency, first: int, last: int, seed: int) -> Plan:
    rng = random.Random(f"plan/{seed}/{agency.slug}")
    years = range(first - 1, last + 1)
    laggard = rng.random() < _LAGGARD_SHARE
    decimals = rng.random() < 0.5  # some bodies give rates to one decimal, others in whole numbers
    load = dict(agency.load)
    values: dict[str, dict[int, float]] = {}
    for short, base in _BASE_COUNTS.items():
        mean = base * agency.scale * load.get(FAMILY[short], 1.0) * rng.lognormvariate(0, 0.4)
        if short in _OFTEN_NONE and rng.random() < 0.2:
            mean *= 0.1
        growth = rng.uniform(-0.12, 0.15)
        floor = 1 if short in _AT_LEAST_ONE else 0
        values[short] = {y: max(floor, _noisy_count(rng, mean * (1 + growth) ** (y - first))) for y in years}
    loss_share = rng.uniform(0.0, 0.12)
    values["losses"] = {y: sum(rng.random() < loss_share for _ in range(int(n))) for y, n in values["lawsuits"].items()}
    values["combined"] = {y: values["lawsuits"][y] + values["reviews"][y] for y in years}
    visit_share = rng.uniform(0.08, 0.25)
    values["visits"] = {y: max(1, round(n * visit_share * rng.uniform(0.85, 1.15))) for y, n in values["cases"].items()}

    def rates(base: tuple[float, float], slope: tuple[float, float], low: float) -> dict[int, float]:
        b, s = rng.uniform(*base), rng.uniform(*slope)
        return {y: _rate(b + s * (y - first) + rng.gauss(0, 1.0), low, decimals) for y in years}

    if laggard:
        values["npc_done"] = rates((90, 95), (-1.0, 0.3), 90)
        values["npc_sat"] = rates((85, 90), (-1.0, 0.5), 85)
        values["head"] = rates((40, 55), (-2.0, 3.0), 40)
        values["p_done"] = rates((90, 94), (-1.0, 0.5), 90)
        values["p_sat"] = rates((85, 89), (-1.0, 0.5), 85)
    else:
        values["npc_done"] = rates((95, 101), (0.0, 1.5), 90)
        values["npc_sat"] = rates((88, 100), (0.0, 2.5), 85)
        values["head"] = rates((40, 85), (3.0, 12.0), 40)
        values["p_done"] = rates((93, 101), (0.0, 1.5), 90)
        values["p_sat"] = rates((86, 99), (0.0, 2.0), 85)
    # Many bodies report one completion and one satisfaction rate for suggestions and proposals alike.
    values["cppcc_done"] = values["npc_done"] if rng.random() < 0.6 else rates((94, 101), (0.0, 1.5), 90)
    values["cppcc_sat"] = values["npc_sat"] if rng.random() < 0.5 else rates((87, 100), (0.0, 2.0), 85)

    never = frozenset(c for c in CODES if rng.random() < (0.04 if c in ("proactive", "requests", "cases") else 0.12))
    handles_proposals = agency.level != "乡镇"
    publishes = {
        "xxgk": _years(rng, first, last, late=0.15, skip=0.08),
        "fzzf": _years(rng, first, last, late=0.4, skip=0.1),
        "jyta": _years(rng, first, last, late=0.0, skip=0.55) if handles_proposals and rng.random() < 0.6 else frozenset(),
        "xf": _years(rng, first, last, late=0.0, skip=0.55) if rng.random() < 0.5 else frozenset(),
    }
    sections = {"litigation"} if rng.random() < 0.9 else set()
    sections |= {"petition"} if rng.random() < 0.55 else set()
    sections |= {"proposals"} if handles_proposals and rng.random() < 0.55 else set()
    sections |= {"disclosure"} if rng.random() < 0.4 else set()
    return Plan(values, never, publishes, frozenset(sections), rng.random() < 0.2, first,
                int(values["proactive"][first] * rng.uniform(3, 8)))


@dataclass(frozen=True)
class Plan:
    """What one agency reports and the values behind it."""

    values: dict[str, dict[int, float]]  # short code -> year -> value (from the year before `first`)
    never: frozenset[str]  # codes it never states
    publishes: dict[str, frozenset[int]]  # report kind -> the years it publishes one
    sections: frozenset[str]  # families its 法治 report covers
    combined_only: bool  # states lawsuits and reconsiderations only as one total
    first: int
    stock0: int  # items published before `first` (for 累计 sentences)


# short name -> indicator code of ../shared/spec/indicators.md
CODES = {
    "proactive": "disclosure.proactive",
    "requests": "disclosure.requests",
    "d_reviews": "disclosure.reviews",
    "d_lawsuits": "disclosure.lawsuits",
    "npc": "proposals.npc_count",
    "cppcc": "proposals.cppcc_count",
    "npc_sat": "proposals.npc_satisfaction",
    "cppcc_sat": "proposals.cppcc_satisfaction",
    "npc_done": "proposals.npc_completion",
    "cppcc_done": "proposals.cppcc_completion",
    "lawsuits": "litigation.lawsuits",
    "reviews": "litigation.reviews",
    "combined": "litigation.combined",
    "losses": "litigation.losses",
    "head": "litigation.head_appearance_rate",
    "cases": "petition.cases",
    "visits": "petition.visits",
    "p_done": "petition.completion_rate",
    "p_sat": "petition.satisfaction_rate",
}

# Mean yearly count of a district bureau (scale 1, sector load 1).
_BASE_COUNTS = {"proactive": 120, "requests": 6, "d_reviews": 0.3, "d_lawsuits": 0.15, "npc": 14,
                "cppcc": 11, "lawsuits": 5, "reviews": 6, "cases": 170}
# Counts that a report, when it mentions them at all, never states as zero.
_AT_LEAST_ONE = {"proactive", "npc", "cppcc", "cases", "visits"}
# Counts that some bodies hardly ever have (a quiet bureau receives no requests for years).
_OFTEN_NONE = {"requests", "lawsuits", "reviews"}
# short name -> its indicator's family (disclosure, litigation, petition, proposals)
FAMILY = {short: code.split(".")[0] for short, code in CODES.items()}
_LAGGARD_SHARE = 0.15


def _years(rng: random.Random, first: int, last: int, late: float, skip: float) -> frozenset[int]:
    start = first + rng.randint(1, 3) if rng.random() < late else first
    return frozenset(y for y in range(start, last + 1) if rng.random() >= skip)


def _noisy_count(rng: random.Random, mean: float) -> int:
    if mean >= 10:
        return round(mean * rng.lognormvariate(0, 0.12))
    # Knuth's Poisson sampler: small counts such as reconsiderations are mostly 0, 1 or 2.
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _rate(value: float, low: float, decimals: bool) -> float:
    if value >= 99.6:
        return 100.0
    return round(min(max(value, low), 99.9), 1 if decimals else 0)
