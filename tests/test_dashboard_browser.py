"""The dashboard in a real headless Chromium (dash[testing]'s dash_duo; run pytest with --headless)."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlparse

import pytest
from dash.testing.wait import until
from PIL import Image
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains

pytestmark = pytest.mark.browser

PAGES = ["/", "/trends", "/gaps", "/agency", "/reports"]
STATE_CONTROL = """[id*='"field":"{field}"']"""  # the control of a State field (its id as JSON)


@pytest.fixture
def duo(dash_duo, app):
    dash_duo.start_server(app)
    return dash_duo


def open_page(duo, path: str) -> None:
    duo.driver.get(duo.server_url + path)
    duo.wait_for_element(".filters", timeout=10)


def query(duo) -> dict[str, list[str]]:
    return parse_qs(urlparse(duo.driver.current_url).query)


def radio_checked(duo, value: str) -> bool:
    """Whether the radio button of `value` is checked (False while the page re-renders)."""
    try:
        return duo.find_element(f'input[type="radio"][value="{value}"]').is_selected()
    except StaleElementReferenceException:
        return False


def text_of(duo, selector: str) -> str:
    """The text of an element ('' while the page re-renders it)."""
    try:
        return duo.find_element(selector).text
    except StaleElementReferenceException:
        return ""


def distinct_colours(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((350, 250))
    return len(set(image.get_flattened_data()))


def test_every_page_loads_without_console_errors_and_is_not_blank(duo, tmp_path):
    for path in PAGES:
        open_page(duo, path)
        if path != "/reports":
            duo.wait_for_element(".js-plotly-plot .main-svg", timeout=10)
        else:
            duo.wait_for_element(".ag-row", timeout=10)
        png = duo.driver.get_screenshot_as_png()
        (tmp_path / f"{path.strip('/') or 'overview'}.png").write_bytes(png)
        assert distinct_colours(png) > 40, f"{path} looks blank"
        assert duo.find_element(".demo-badge").text == "示例数据"
        if path == "/agency":  # opened without an agency: it shows one and says which
            assert duo.find_element(".agency-head .hint").text.startswith("未指定机构")
            assert duo.find_elements(".js-plotly-plot .scatterlayer .point")  # its standing, not an empty chart
    assert duo.get_logs() == []


def open_dropdown(duo, field: str) -> list[str]:
    """Open the dropdown of a State field; the names of its options."""
    duo.find_element(STATE_CONTROL.format(field=field)).click()
    return [o.text for o in duo.find_elements(".dash-dropdown-options .dash-dropdown-option")]


def pick(duo, text: str) -> None:
    """In the open dropdown, type (part of) a name and click the first match, as a person does."""
    duo.find_element(".dash-dropdown-search").send_keys(text)
    duo.wait_for_element(".dash-dropdown-options .dash-dropdown-option", timeout=10).click()


def test_changing_a_filter_changes_the_chart_and_the_url(duo):
    open_page(duo, "/gaps")
    assert "信访办结率" not in duo.find_element(".card-header h3").text  # the default is another indicator
    open_dropdown(duo, "indicator")
    pick(duo, "信访办结率")
    until(lambda: "信访办结率" in text_of(duo, ".card-header h3"), timeout=10)
    assert query(duo)["indicator"] == ["petition.completion_rate"]
    assert duo.get_logs() == []


def test_a_url_with_state_reproduces_the_view(duo):
    open_page(duo, "/gaps?indicator=petition.completion_rate&year=2022&peers=sector")
    assert duo.find_element(".card-header h3").text.startswith("2022 年 信访办结率")
    assert radio_checked(duo, "sector")
    duo.find_element('input[type="radio"][value="level"]').click()
    until(lambda: query(duo).get("peers") == ["level"], timeout=10)
    duo.driver.back()
    until(lambda: query(duo).get("peers") == ["sector"], timeout=10)
    until(lambda: radio_checked(duo, "sector") and not radio_checked(duo, "level"), timeout=10)


def test_clicking_a_bar_shows_its_evidence_sentence(duo):
    open_page(duo, "/gaps?indicator=petition.completion_rate")
    bar = duo.wait_for_element(".js-plotly-plot .barlayer .point path", timeout=10)
    ActionChains(duo.driver).move_to_element(bar).click().perform()
    sentence = duo.wait_for_element(".evidence-sentence", timeout=10).text
    assert "信访" in sentence or "办结" in sentence
    link = duo.find_element(".evidence-open")
    link.click()
    current = duo.wait_for_element(".report-text mark.fact.current", timeout=10)
    assert urlparse(duo.driver.current_url).path == "/reports"
    assert current.text == sentence  # the report opens at the sentence of the evidence
    until(lambda: in_view(duo, current), timeout=5)
    assert "hidden" in duo.find_element("#evidence").get_attribute("class")  # the panel no longer covers it
    assert duo.get_logs() == []


def in_view(duo, element) -> bool:
    return duo.driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;", element)


def test_the_overview_leads_from_a_laggard_to_its_agency_page_and_back(duo):
    open_page(duo, "/")
    camera = duo.wait_for_element(".modebar-btn", timeout=10)
    assert camera.get_attribute("data-title") == "下载图片（PNG）"
    link = duo.wait_for_element(".laggard-name", timeout=10)
    name = link.text
    link.click()
    until(lambda: text_of(duo, ".agency-head h2") == name, timeout=10)
    assert urlparse(duo.driver.current_url).path == "/agency" and "agency" in query(duo)
    assert duo.find_elements(".agency-head .hint") == []  # chosen, not a default
    duo.driver.back()
    duo.wait_for_element(".laggard-name", timeout=10)
    assert urlparse(duo.driver.current_url).path == "/"
    assert duo.get_logs() == []


def test_choosing_a_report_shows_its_text_with_the_facts_highlighted(duo):
    open_page(duo, "/reports")
    duo.wait_for_element(".ag-row .ag-cell", timeout=10).click()
    duo.wait_for_element(".report-text mark.fact", timeout=10)
    assert "report" in query(duo)
    marks = duo.find_elements(".report-text mark.fact")
    facts = duo.find_elements("#report-facts .ag-row")
    assert len(marks) >= 1 and len(facts) >= len(marks)  # facts sharing a sentence share a mark
    text_box, table = duo.find_element(".report-text"), duo.find_element("#report-facts .ag-body-viewport")
    for box in (text_box, table):  # neither the text nor the facts scroll in a box of their own
        assert duo.driver.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", box)
    assert all(float(m.value_of_css_property("margin-right").rstrip("px")) > 0 for m in marks)  # neighbours stay apart
    assert duo.get_logs() == []


# A heatmap cell's place on the page (relative to its graph) and its key, found from the figure
# the browser drew: the first cell with a fact (arguments[1] true) or without one.
HEATMAP_CELL = """
const gd = arguments[0], t = gd.data[0], xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
for (let i = 0; i < t.y.length; i++) for (let j = 0; j < t.x.length; j++) {
  const key = t.text[i][j];
  if (arguments[1] === !key.startsWith("|") && (arguments[1] || key === arguments[2]))
    return [xa._offset + xa.l2p(j), ya._offset + ya.l2p(i), key];  // category axes: a cell at its index
}
return null;
"""


def click_heatmap_cell(duo, with_fact: bool, status: str = "|missing") -> str:
    """Click, as a person does, the first cell of the page's heatmap with a fact (or without one
    and of `status`); its key."""
    graph = next(g for g in duo.find_elements(".js-plotly-plot")
                 if duo.driver.execute_script("return arguments[0].data[0].type", g) == "heatmap")
    x, y, key = duo.driver.execute_script(HEATMAP_CELL, graph, with_fact, status)
    duo.driver.execute_script(  # the cell in the middle of the window
        "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY + arguments[1] - innerHeight / 2)",
        graph, y)
    ActionChains(duo.driver).move_to_element_with_offset(graph, x, y).click().perform()  # from its top left
    return key


@pytest.mark.parametrize("path", ["/", "/gaps?indicator=petition.completion_rate"])
def test_clicking_a_heatmap_cell_shows_the_sentence_of_its_value_or_why_there_is_none(duo, path):
    from dashboard import texts

    open_page(duo, path)
    duo.wait_for_element(".js-plotly-plot .heatmaplayer", timeout=10)
    click_heatmap_cell(duo, with_fact=True)
    sentence = duo.wait_for_element(".evidence-sentence", timeout=10).text
    assert sentence and texts.EVIDENCE_MISSING not in duo.find_element("#evidence-body").text
    if path == "/":  # the coverage matrix has cells whose report does not state the indicator
        duo.find_element("#evidence-close").click()
        click_heatmap_cell(duo, with_fact=False, status="|missing")
        until(lambda: text_of(duo, "#evidence-body") == texts.EVIDENCE_MISSING, timeout=10)
    assert duo.get_logs() == []


def test_the_kpi_cards_fill_whole_rows(duo):
    open_page(duo, "/")
    duo.wait_for_element(".kpi", timeout=10)
    tops = duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('.kpi')).map(e => Math.round(e.getBoundingClientRect().top))")
    rows = [tops.count(top) for top in sorted(set(tops))]
    assert len(tops) == 8 and rows == [4, 4]  # never 6 + 2 with an empty block


def test_the_evidence_panel_leaves_the_trends_legend_in_view(duo):
    open_page(duo, "/trends?indicator=petition.completion_rate")
    point = duo.wait_for_element(".js-plotly-plot .scatterlayer .point", timeout=10)
    ActionChains(duo.driver).move_to_element(point).click().perform()
    duo.wait_for_element(".evidence-sentence", timeout=10)
    legend, panel = duo.find_element(".js-plotly-plot .legend"), duo.find_element("#evidence")
    right_of_legend = duo.driver.execute_script("return arguments[0].getBoundingClientRect().right", legend)
    left_of_panel = duo.driver.execute_script("return arguments[0].getBoundingClientRect().left", panel)
    assert right_of_legend <= left_of_panel


@pytest.mark.parametrize("chart_name", ["agency-standing", "agency-multiples"])
def test_clicking_a_point_of_an_agencys_charts_shows_its_sentence(duo, chart_name):
    open_page(duo, "/agency")
    selector = f"""[id='{{"name":"{chart_name}","type":"chart"}}'] .scatterlayer .point"""
    duo.wait_for_element(selector, timeout=10)

    def click_first_point() -> bool:
        try:  # the page may still redraw its charts once after it loads
            point = next(p for p in duo.find_elements(selector) if p.size["width"] > 0)
            duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", point)
            ActionChains(duo.driver).move_to_element(point).click().perform()
            return bool(text_of(duo, ".evidence-sentence"))
        except StaleElementReferenceException:
            return False

    until(click_first_point, timeout=10)
    assert duo.get_logs() == []
