"""One plain sentence at the top of each page, computed from the same data as its charts, so that
a leader who reads one line gets the page's point. Each function takes the frames its page
already has and returns the sentence (words from texts), or None where the page shows nothing.
"""

from __future__ import annotations

import polars as pl

from dashboard import texts


def overview(laggards: pl.DataFrame, coverage: pl.DataFrame, year: int | None) -> str | None:
    """How many agencies lag on at least one indicator, who lags most, and how many reports leave
    indicators out."""
    compared = laggards.filter(pl.col("compared") > 0)
    if year is None or compared.is_empty():
        return None
    lagging = compared.filter(pl.col("lagging") > 0)  # the laggards query ranks by the share lagging
    omitting = coverage.filter(pl.col("status") == "missing")["agency_id"].n_unique()
    if lagging.is_empty():
        sentence = texts.HEADLINE_OVERVIEW_NONE.format(year=year, n=compared.height)
    else:
        worst = lagging.row(0, named=True)
        sentence = texts.HEADLINE_OVERVIEW.format(year=year, n=lagging.height, total=compared.height,
                                                  agency=worst["agency"], lagging=worst["lagging"],
                                                  compared=worst["compared"])
    return sentence + (texts.HEADLINE_OMITTING.format(n=omitting) if omitting else "")


def gaps(ranking: pl.DataFrame, indicator: dict, year: int | None) -> str | None:
    """How many agencies lag their peers on the indicator, and the furthest behind."""
    if not indicator or year is None:
        return None
    name, unit = indicator["name_zh"], indicator["unit"]
    compared = ranking.filter(pl.col("peer_median").is_not_null())
    if compared.is_empty():
        return texts.HEADLINE_NO_COMPARISON.format(year=year, indicator=name)
    if indicator.get("higher_is_better") is None:
        return texts.HEADLINE_NEUTRAL.format(year=year, indicator=name, n=compared.height)
    lagging = compared.filter(pl.col("standing") == "laggard")
    if lagging.is_empty():
        return texts.HEADLINE_GAPS_NONE.format(year=year, indicator=name, n=compared.height)
    worst = lagging.sort("oriented_gap").row(0, named=True)
    return texts.HEADLINE_GAPS.format(year=year, n=lagging.height, total=compared.height, indicator=name,
                                      agency=worst["agency"], value=texts.number(worst["value"], unit),
                                      median=texts.number(worst["peer_median"], unit))


def trends(band: pl.DataFrame, indicator: dict, mode: str) -> str | None:
    """Where the agencies' median went from the first year to the last."""
    if not indicator or mode != "value" or band.height < 2:
        return None
    first, last = band.row(0, named=True), band.row(band.height - 1, named=True)
    unit = indicator["unit"]
    return texts.HEADLINE_TRENDS.format(indicator=indicator["name_zh"], first=first["year"], last=last["year"],
                                        start=texts.number(first["median"], unit), end=texts.number(last["median"], unit))


def agency(name: str, standing: pl.DataFrame, year: int | None) -> str | None:
    """On how many indicators the agency lags its peers in the year, and where it lags most."""
    compared = standing.filter(pl.col("peer_median").is_not_null() & pl.col("direction").is_not_null())
    if year is None or compared.is_empty():
        return None
    lagging = compared.filter(pl.col("standing") == "laggard")
    if lagging.is_empty():
        return texts.HEADLINE_AGENCY_NONE.format(agency=name, year=year, compared=compared.height)
    worst = lagging.sort("oriented_gap").row(0, named=True)
    return texts.HEADLINE_AGENCY.format(agency=name, year=year, n=lagging.height, compared=compared.height,
                                        indicator=worst["indicator_name"],
                                        value=texts.number(worst["value"], worst["unit"]),
                                        median=texts.number(worst["peer_median"], worst["unit"]))


def reports(listed: pl.DataFrame) -> str | None:
    """How many reports there are, and how many state none of the indicators."""
    if listed.is_empty():
        return None
    silent = listed.filter(pl.col("facts") == 0).height
    return (texts.HEADLINE_REPORTS if silent else texts.HEADLINE_REPORTS_ALL).format(n=listed.height, silent=silent)
