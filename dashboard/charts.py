"""Plotly figures built from query results: one look (fonts, Okabe–Ito colours) for every chart.

Every point or bar that stands for a fact carries `customdata = [report_id, indicator]`, which
the evidence panel turns into the sentence the number came from. A heatmap cell carries its key
in `text` instead ("report_id|indicator", or "|status" for a cell without a fact; see
`cell_key`), its hover words in `hovertext`: Dash passes a 2-D trace's clicked point without its
customdata, but with its text. Values without a peer group
(peer_median NULL, standing 'no_peers') are labelled texts.NO_PEERS, never drawn as a gap or a
percentile. All words come from texts.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dashboard import texts

FONT_FAMILY = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'

# Okabe–Ito, the palette readable with every common colour-vision deficiency.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#F0E442"]
# Laggard and leader: the same two colours on every page (vermillion against blue); vermillion
# also marks the other things that need attention (a disclosure gap, a KPI that got worse).
STANDING_COLOURS = {"laggard": "#D55E00", "leader": "#0072B2", "par": "#BBBBBB", "neutral": "#777777",
                    "no_peers": "#999999"}
STANDING_ORDER = ("laggard", "leader", "par", "neutral")
# Diverging scale of oriented gaps: worse (negative) vermillion, better (positive) blue.
GAP_SCALE = [[0.0, "#D55E00"], [0.5, "#F7F7F7"], [1.0, "#0072B2"]]
# Gaps of indicators without a better direction: one hue, no good/bad reading.
NEUTRAL_SCALE = [[0.0, "#F7F7F7"], [1.0, "#555555"]]
# Stated in parts: a pale tint of 'reported'; a gap in the laggards' vermillion.
COVERAGE_COLOURS = {"reported": "#56B4E9", "covered_by_parts": "#BFE3F7", "missing": STANDING_COLOURS["laggard"],
                    "no_report": "#EEEEEE"}
# The target, on every chart that shows one.
TARGET_COLOUR = "#009E73"
# Lines of the trend chart: Okabe–Ito without the laggard and leader colours, so that a line
# is not read as a verdict, nor the target's, so that no agency looks like the target.
LINE_COLOURS = [c for c in OKABE_ITO if c not in (STANDING_COLOURS["laggard"], STANDING_COLOURS["leader"], TARGET_COLOUR)]
MISSING_CELL = "#A6A6A6"  # heatmap cells without a value: darker than the near-white of 'level with the median'
BAND_FILL = "rgba(119, 119, 119, 0.18)"
PEER_LINE = "#555555"  # the peers' median, drawn dotted


def graph_config(filename: str) -> dict:
    """dcc.Graph config: the toolbar holds only the PNG download (named after the chart, its
    tooltip in Chinese); zooming and panning are left out, readers click points instead."""
    return {
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "locale": "zh-CN",
        "locales": {"zh-CN": {"dictionary": texts.PLOTLY_LOCALE}},
    }


def _layout(fig: go.Figure, height: int, **overrides) -> go.Figure:
    fig.update_layout(**{
        "font": {"family": FONT_FAMILY, "size": 13, "color": "#222"},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "dragmode": False,
        **overrides,
    })
    fig.update_xaxes(automargin=True, gridcolor="#EEE", zerolinecolor="#CCC")
    fig.update_yaxes(automargin=True, gridcolor="#EEE", zerolinecolor="#CCC")
    return fig


def _shown_unit(unit: str, mode: str) -> str:
    if mode == "index":
        return ""
    if mode == "yoy":
        return texts.YOY_RATE_UNIT if unit == "%" else "%"
    return unit


def _grid(df: pl.DataFrame, row: str, column: str, value: str, rows: list, columns: list) -> list[list]:
    """`value` laid out as rows × columns (None where a cell has no row in `df`)."""
    cells = dict(zip(zip(df[row], df[column]), df[value]))
    return [[cells.get((r, c)) for c in columns] for r in rows]


def _value_hover(value: float | None, unit: str, median: float | None, n: int | None) -> str:
    """Hover lines of a compared value: the value, and its peers' median or why there is none."""
    peers = (texts.PEER_MEDIAN.format(median=texts.number(median, unit), n=n) if median is not None
             else texts.LABELLED.format(label=texts.NO_PEERS, value=texts.NO_PEERS_HINT))
    return texts.VALUE.format(value=texts.number(value, unit)) + "<br>" + peers


def _legend(fig: go.Figure, entries: dict[str, str], symbol: str = "square") -> None:
    """Legend entries (label -> colour) for colours that the traces themselves do not name."""
    for label, colour in entries.items():
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=label, hoverinfo="skip",
            marker={"symbol": symbol, "size": 12, "color": colour},
        ))


def _standing_legend(fig: go.Figure, standings: list[str], symbol: str = "square") -> None:
    """Legend entries for the standing colours used, always in the same order."""
    _legend(fig, {texts.STANDING_LABELS[s]: STANDING_COLOURS[s] for s in STANDING_ORDER if s in standings}, symbol)


def cell_key(report_id: str | None, indicator: str | None, status: str = "missing") -> str:
    """The key a heatmap cell's click carries: its fact, or why it has none."""
    return f"{report_id}|{indicator}" if report_id and indicator else f"|{status}"


def clicked_fact(point: dict) -> tuple[str | None, str | None, str]:
    """(report_id, indicator, status) of a clicked point: from its customdata, or from a heatmap
    cell's key; status says why a point without a fact has none ('missing', 'no_report')."""
    if point.get("customdata"):
        report_id, indicator = point["customdata"][:2]
        return report_id, indicator, "reported" if report_id else "missing"
    if "z" not in point:  # not a heatmap cell: a line or mark that stands for no fact (a median)
        return None, None, "missing"
    report_id, _, rest = str(point.get("text") or "|missing").partition("|")
    return (report_id, rest, "reported") if report_id else (None, None, rest or "missing")


def _facts(df: pl.DataFrame) -> list[tuple[str, str]]:
    """Each row's fact as customdata: [report_id, indicator]."""
    return list(zip(df["report_id"], df["indicator"]))


def _no_peers(x: list, y: object, custom: list, hover: object, position: str) -> go.Scatter:
    """texts.NO_PEERS written where a bar, dot or cell of values without a peer group would be."""
    return go.Scatter(
        x=x, y=y, mode="text", text=[texts.NO_PEERS] * len(y), textposition=position,
        textfont={"color": STANDING_COLOURS["no_peers"]}, customdata=custom, hovertext=hover,
        hovertemplate="%{y}<br>%{hovertext}<extra></extra>", showlegend=False,
    )


def empty(message: str = texts.NO_DATA) -> go.Figure:
    """A blank figure that says why it is blank."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font={"size": 16, "color": "#777"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, 260)


def coverage_heatmap(df: pl.DataFrame) -> go.Figure:
    """Agencies × indicators; colour says reported / stated in parts / missing / no report that year."""
    if df.is_empty():
        return empty()
    statuses = list(COVERAGE_COLOURS)
    agencies = df["agency"].unique(maintain_order=True).to_list()
    indicators = df["indicator_name"].unique(maintain_order=True).to_list()

    def matrix(column: str) -> list[list]:
        return _grid(df, "agency", "indicator_name", column, agencies, indicators)

    codes = [[statuses.index(s) for s in row] for row in matrix("status")]
    hover = [
        [texts.LABELLED.format(label=texts.COVERAGE_LABELS[s], value=texts.number(v, u)) if v is not None
         else texts.COVERAGE_LABELS[s] for s, v, u in zip(*cells)]
        for cells in zip(matrix("status"), matrix("value"), matrix("unit"))
    ]
    keys = [[cell_key(r, i, s) for r, i, s in zip(*cells)]
            for cells in zip(matrix("report_id"), matrix("fact_indicator"), matrix("status"))]
    n = len(statuses)
    scale = []
    for i, status in enumerate(statuses):
        scale += [[i / n, COVERAGE_COLOURS[status]], [(i + 1) / n, COVERAGE_COLOURS[status]]]
    fig = go.Figure(go.Heatmap(
        z=codes, x=indicators, y=agencies, zmin=-0.5, zmax=n - 0.5,
        colorscale=scale, showscale=False, xgap=1, ygap=1,
        text=keys, hovertext=hover,
        hovertemplate="%{y}<br>%{x}<br>%{hovertext}<extra></extra>",
    ))
    _legend(fig, {texts.COVERAGE_LABELS[s]: COVERAGE_COLOURS[s] for s in statuses})
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", tickangle=-55, showgrid=False)
    return _layout(fig, 140 + 22 * len(agencies), legend={"orientation": "h", "y": -0.02, "yanchor": "top"})


def trend(series: pl.DataFrame, band: pl.DataFrame, indicator: dict, mode: str) -> go.Figure:
    """Chosen agencies' lines over the years with the peer median, its IQR band and the target."""
    if series.is_empty() and band.is_empty():
        return empty()
    unit = _shown_unit(indicator["unit"], mode)
    fig = go.Figure()

    def shown(value: float) -> str:
        return texts.signed(value, unit) if mode == "yoy" else texts.number(value, unit)

    if not band.is_empty():
        years = band["year"].to_list()
        fig.add_trace(go.Scatter(
            x=years + years[::-1], y=band["q3"].to_list() + band["q1"].to_list()[::-1],
            fill="toself", fillcolor=BAND_FILL, mode="lines", line={"width": 0}, name=texts.TREND_BAND,
            hoverinfo="skip",
        ))
        fig.add_trace(go.Scatter(
            x=years, y=band["median"], mode="lines", name=texts.TREND_MEDIAN,
            line={"color": "#555", "dash": "dash", "width": 2},
            text=[shown(v) for v in band["median"]],
            hovertemplate=texts.LABELLED.format(label=f"{texts.TREND_MEDIAN} {texts.year('%{x}')}",
                                                value="%{text}") + "<extra></extra>",
        ))
    for n, (agency, rows) in enumerate(series.group_by("agency", maintain_order=True)):
        values = [texts.number(v, indicator["unit"]) for v in rows["value"]]
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows["shown"], mode="lines+markers", name=agency[0],
            line={"color": LINE_COLOURS[n % len(LINE_COLOURS)], "width": 2.5}, marker={"size": 9},
            customdata=list(zip(rows["report_id"], [indicator["code"]] * rows.height)),
            text=values if mode == "value" else [texts.ORIGINAL_VALUE.format(shown=shown(s), value=v)
                                                 for s, v in zip(rows["shown"], values)],
            hovertemplate=f"{agency[0]} {texts.year('%{x}')}<br>%{{text}}<extra></extra>",
        ))
    if mode == "value" and indicator.get("target") is not None:
        fig.add_hline(
            y=indicator["target"], line={"color": TARGET_COLOUR, "dash": "dot", "width": 2},
            layer="below",  # a series at the target stays visible on top of it
            annotation_text=f"{texts.TARGET} {texts.number(indicator['target'], indicator['unit'])}",
            annotation_position="bottom left",
        )
    fig.update_xaxes(dtick=1, tickformat="d", ticksuffix=texts.YEAR_SUFFIX)
    axis = indicator["name_zh"] if mode == "value" else texts.MODE_LABELS[mode]
    fig.update_yaxes(title_text=texts.NAME_WITH_UNIT.format(name=axis, unit=unit) if unit else axis)
    # The legend below the chart, left: agency names are long, and the evidence panel opens on the right.
    return _layout(fig, 480, hovermode="closest",
                   legend={"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top", "xanchor": "left"})


def gap_bars(df: pl.DataFrame, indicator: dict) -> go.Figure:
    """One row per agency (laggards on top): its gap to the peer median, and to the target."""
    if df.is_empty():
        return empty()
    unit = indicator["unit"]
    custom = _facts(df)
    hover = [_value_hover(v, unit, m, n) for v, m, n in zip(df["value"], df["peer_median"], df["peer_n"])]
    fig = go.Figure(go.Bar(
        y=df["agency"], x=df["gap_median"], orientation="h", name=texts.GAP_TO_MEDIAN, showlegend=False,
        marker={"color": [STANDING_COLOURS[s] for s in df["standing"]]},
        # An agency at a rate's ceiling is said to be there, not only how far above the median it is.
        customdata=custom, text=[texts.AT_CEILING.format(gap=texts.change(g, unit)) if unit == "%" and v == 100
                                 else texts.change(g, unit) for g, v in zip(df["gap_median"], df["value"])],
        textposition="auto", cliponaxis=False, hovertext=hover,
        hovertemplate="%{y}<br>" + texts.GAP_TO_MEDIAN + " %{text}<br>%{hovertext}<extra></extra>",
    ))
    if indicator.get("target") is not None:
        fig.add_trace(go.Scatter(
            y=df["agency"], x=df["gap_target"], mode="markers", name=texts.GAP_TO_TARGET,
            # A thin upright tick, not a diamond: it marks the spot without covering a bar's label.
            marker={"symbol": "line-ns-open", "size": 16, "color": TARGET_COLOUR, "line": {"color": TARGET_COLOUR, "width": 3}},
            customdata=custom, text=[texts.change(g, unit) for g in df["gap_target"]],
            hovertemplate="%{y}<br>" + texts.GAP_TO_TARGET + " %{text}<extra></extra>",
        ))
    alone = df.with_columns(hover=pl.Series(hover)).filter(pl.col("standing") == "no_peers")
    if alone.height:
        fig.add_trace(_no_peers([0] * alone.height, alone["agency"], _facts(alone), alone["hover"], "middle right"))
    _standing_legend(fig, df["standing"].to_list())
    fig.update_yaxes(autorange="reversed", type="category")
    axis_unit = _shown_unit(unit, "yoy") if unit == "%" else unit
    fig.update_xaxes(title_text=texts.NAME_WITH_UNIT.format(name=texts.GAP_AXIS, unit=axis_unit),
                     zeroline=True, zerolinewidth=2)
    # Room for the labels outside the bars on both sides (wider where one says it is at the ceiling).
    right = 190 if unit == "%" and (df["value"] == 100).any() else 100
    return _layout(fig, 120 + 26 * df.height, barmode="overlay", margin={"l": 10, "r": right, "t": 30, "b": 10})


def gap_heatmap(df: pl.DataFrame, indicator: dict) -> go.Figure:
    """Agencies × years coloured by the gap to the peer median, oriented so that worse is vermillion."""
    if df.is_empty():
        return empty()
    oriented = indicator.get("higher_is_better") is not None
    colour_column = "oriented_gap" if oriented else "gap_median"
    # Agencies by their latest gap, the furthest behind first (for an indicator without a better
    # direction, the furthest above); those without a value in the latest year after them.
    latest = df.filter(pl.col("year") == df["year"].max()).select("agency", latest=colour_column)
    agencies = (
        df.select("agency").unique().join(latest, on="agency", how="left")
        .sort("latest", "agency", descending=[not oriented, False], nulls_last=True)["agency"].to_list()
    )
    years = sorted(df["year"].unique().to_list())

    def matrix(column: str) -> list[list]:
        return _grid(df, "agency", "year", column, agencies, years)

    z = matrix(colour_column)
    # Colours saturate at the 90th percentile of the gaps, so that one outlier does not wash out the rest.
    limit = df[colour_column].abs().quantile(0.9) or 1
    unit = indicator["unit"]
    hover = [[texts.change(v, unit) if v is not None else "" for v in row] for row in matrix("gap_median")]
    keys = [[cell_key(r, indicator["code"]) for r in row] for row in matrix("report_id")]
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(y) for y in years], y=agencies, text=keys, hovertext=hover,
        colorscale=GAP_SCALE if oriented else NEUTRAL_SCALE,
        zmin=-limit, zmax=limit,
        xgap=1, ygap=1, hoverongaps=False,
        # The bar's ends say which side is worse, and by how much the colour saturates.
        colorbar={"thickness": 12, "tickvals": [-limit, 0, limit],
                  "ticktext": [texts.SCALE_TICK.format(label=label, gap=texts.change(gap, unit)) for label, gap in zip(
                      texts.GAP_SCALE_LABELS if oriented else texts.NEUTRAL_SCALE_LABELS,
                      (-limit, 0, limit) if not oriented or indicator["higher_is_better"] else (limit, 0, -limit))]},
        hovertemplate=f"%{{y}} {texts.year('%{x}')}<br>{texts.GAP_TO_MEDIAN} %{{hovertext}}<extra></extra>",
    ))
    alone = df.filter(pl.col("standing") == "no_peers")
    if alone.height:
        fig.add_trace(_no_peers([str(y) for y in alone["year"]], alone["agency"], _facts(alone),
                                [_value_hover(v, unit, None, None) for v in alone["value"]], "middle center"))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(type="category", showgrid=False, ticksuffix=texts.YEAR_SUFFIX)
    return _layout(fig, 120 + 22 * len(agencies), plot_bgcolor=MISSING_CELL)


def small_multiples(df: pl.DataFrame, indicators: pl.DataFrame) -> go.Figure:
    """One small chart per indicator of one agency, coloured by its standing each year, with its
    peers' median as a dotted line; counts and rates both from zero; no line across a year
    without a value."""
    shown = indicators.filter(pl.col("code").is_in(df["indicator"].unique().to_list()))
    if shown.is_empty():
        return empty()
    columns = 3
    rows = math.ceil(shown.height / columns)
    fig = make_subplots(
        rows=rows, cols=columns,
        subplot_titles=[texts.NAME_WITH_UNIT.format(name=n, unit=u) for n, u in zip(shown["name_zh"], shown["unit"])],
        vertical_spacing=0.5 / rows if rows > 1 else 0.1, horizontal_spacing=0.07,
    )
    years = sorted(df["year"].unique().to_list())
    every_year = pl.DataFrame({"year": years}, schema={"year": df.schema["year"]})
    for n, (code, unit, kind) in enumerate(zip(shown["code"], shown["unit"], shown["kind"])):
        # Every year of the page, so that a year without a value breaks the line instead of
        # being bridged by it.
        data = every_year.join(df.filter(pl.col("indicator") == code), on="year", how="left")
        cell = {"row": n // columns + 1, "col": n % columns + 1}
        fig.add_trace(go.Scatter(
            x=data["year"], y=data["peer_median"], mode="lines", showlegend=n == 0, name=texts.PEER_MEDIAN_LINE,
            line={"color": PEER_LINE, "width": 1.5, "dash": "dot"}, hoverinfo="skip", legendgroup="median",
        ), **cell)
        stated = data.filter(pl.col("value").is_not_null())
        fig.add_trace(go.Scatter(
            x=data["year"], y=data["value"], mode="lines", showlegend=False, hoverinfo="skip",
            line={"color": "#999", "width": 1.5},
        ), **cell)
        fig.add_trace(go.Scatter(
            x=stated["year"], y=stated["value"], mode="markers", showlegend=False,
            marker={"size": 10, "color": [STANDING_COLOURS[s] for s in stated["standing"]]},
            customdata=_facts(stated),
            text=[texts.LABELLED.format(label=texts.year(y), value=texts.number(v, unit)) + "<br>"
                  + texts.STANDING_LABELS[s] for y, v, s in zip(stated["year"], stated["value"], stated["standing"])],
            hovertemplate="%{text}<extra></extra>",
        ), **cell)
        if kind == "count":  # counts from zero, with room for whole-number ticks
            top = max([v for v in (*data["value"], *data["peer_median"]) if v is not None], default=0)
            fig.update_yaxes(range=[0, max(4, 1.15 * top)], **cell)
        else:  # rates on their whole scale, as counts are: 92% and 93.5% are close, and look so
            fig.update_yaxes(range=[0, 105], tickvals=[0, 50, 100], ticksuffix=unit, **cell)
    _standing_legend(fig, df["standing"].to_list(), symbol="circle")
    fig.update_xaxes(tickvals=years, ticktext=[str(y) for y in years], range=[years[0] - 0.5, years[-1] + 0.5])
    fig.update_annotations(font={"size": 13})
    return _layout(fig, 90 + 190 * rows, margin={"l": 10, "r": 10, "t": 70, "b": 10},
                   legend={"orientation": "h", "yanchor": "top", "y": 1, "yref": "container", "x": 0})


def standing_dots(df: pl.DataFrame) -> go.Figure:
    """Percentile among peers per indicator (100 = best) as a dot coloured by standing, laggards
    first (the furthest behind on top), indicators without a better direction last; values
    without peers are labelled so, not drawn at 0."""
    if df.is_empty():
        return empty()
    rank = {s: n for n, s in enumerate((*STANDING_ORDER, "no_peers"))}
    df = df.sort(pl.col("standing").replace_strict(rank, return_dtype=pl.Int8), pl.col("percentile"), nulls_last=True)
    df = df.with_columns(hover=pl.Series([
        _value_hover(v, u, m, n) + "<br>" + texts.STANDING_LABELS[s]
        for v, u, m, n, s in zip(df["value"], df["unit"], df["peer_median"], df["peer_n"], df["standing"])
    ]))
    fig = go.Figure(go.Bar(  # a thin stem from 0, so that a percentile of 0 still shows
        y=df["indicator_name"], x=df["percentile"], orientation="h", width=0.12, marker={"color": "#CCCCCC"},
        hoverinfo="skip", showlegend=False,
    ))
    ranked = df.filter(pl.col("percentile").is_not_null())
    fig.add_trace(go.Scatter(
        y=ranked["indicator_name"], x=ranked["percentile"], mode="markers+text", showlegend=False,
        marker={"size": 14, "color": [STANDING_COLOURS[s] for s in ranked["standing"]],
                "line": {"color": "white", "width": 1}},
        customdata=_facts(ranked), text=[f"{p:.0f}" for p in ranked["percentile"]],
        textposition="middle right", hovertext=ranked["hover"],
        hovertemplate="%{y}<br>" + texts.PERCENTILE + " %{x:.0f}<br>%{hovertext}<extra></extra>",
    ))
    alone = df.filter(pl.col("percentile").is_null())
    if alone.height:
        fig.add_trace(_no_peers([0] * alone.height, alone["indicator_name"], _facts(alone), alone["hover"],
                                "middle right"))
    _standing_legend(fig, ranked["standing"].to_list(), symbol="circle")
    fig.add_vline(x=50, line={"color": "#555", "dash": "dash"})
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(range=[-4, 110], title_text=texts.PERCENTILE)
    return _layout(fig, 100 + 26 * df.height)
