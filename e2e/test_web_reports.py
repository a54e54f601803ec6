"""The outcome report page and a patient's "Response to treatment" in a real browser (Debian's
Chromium, headless, through Selenium) against the demo clinic: the page's figures are the JSON
API's for the same filter, its CSV link gives exactly the rows behind them, and reception is
refused. Saves the screenshots `outcomes` and `patient-outcomes`."""
import csv
import io

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import SCREENSHOTS, absent, screenshot, sign_in, unlabelled_controls, wait_for_path

PRODUCTS = ("onabotulinumtoxinA", "abobotulinumtoxinA", "incobotulinumtoxinA", "rimabotulinumtoxinB",
            "daxibotulinumtoxinA", "prabotulinumtoxinA", "letibotulinumtoxinA")


def bearer(base):
    token = requests.post(base + "/api/auth/token", json={"username": "dr.okafor", "password": "clinician-demo-1"},
                          timeout=10).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def api_report(base, headers, **filters):
    response = requests.get(base + "/api/reports/outcomes", params=filters, headers=headers, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()


def browser_session(driver):
    """The browser's cookies, so a link can be fetched as the signed-in user."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session


def text_of(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css).get_attribute("textContent")


def test_a_clinician_filters_the_outcomes_by_product_and_gets_the_apis_figures_and_rows(demo_server, browser):
    headers = bearer(demo_server)
    # The demo's product with the most sessions, preferring one whose benefit reaches a median.
    reports = {product: api_report(demo_server, headers, product=product) for product in PRODUCTS}
    product = max((name for name in PRODUCTS if reports[name]["sessions"] > 0),
                  key=lambda name: (reports[name]["kaplanMeier"]["median"] is not None, reports[name]["sessions"]))

    sign_in(browser, demo_server, "dr.okafor", "clinician-demo-1")
    browser.find_element(By.LINK_TEXT, "Outcomes").click()
    wait_for_path(browser, demo_server, lambda path: path.startswith("/reports/outcomes"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Outcomes"
    assert unlabelled_controls(browser) == []
    assert "Observed in this clinic (uncontrolled)." in browser.find_element(By.CSS_SELECTOR, "main").text

    Select(browser.find_element(By.ID, "product")).select_by_value(product)
    browser.find_element(By.CSS_SELECTOR, "form.report-filters button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: f"product={product}" in path)
    assert Select(browser.find_element(By.ID, "product")).first_selected_option.get_attribute("value") == product

    expected = api_report(demo_server, headers, product=product)
    sessions = int(browser.find_element(By.ID, "figure-sessions").get_attribute("data-value"))
    assert sessions == expected["sessions"] > 0
    assert int(browser.find_element(By.ID, "figure-patients").get_attribute("data-value")) == expected["patients"]
    week3 = expected["responders"]["week3"]["atLeast30"]
    assert f"{week3['count']:,} of {week3['n']:,}" in text_of(browser, "#responders-week3")

    # The Kaplan–Meier chart, its median in the picture and in the text beside it.
    chart = browser.find_element(By.CSS_SELECTOR, "svg.kaplan-meier")
    assert chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent").startswith(
        f"{expected['kaplanMeier']['cycles']} responding session")
    median = expected["kaplanMeier"]["median"]
    if median is None:
        assert text_of(browser, "#km-median") == "not reached"
    else:
        assert text_of(browser, "#km-median") == f"{int(median)} days"
        assert chart.find_element(By.CSS_SELECTOR, "text.median-label").get_attribute("textContent").startswith(
            f"median {int(median)} days (95% CI")
    at_risk = browser.find_elements(By.CSS_SELECTOR, "#at-risk-table tbody tr:first-child td")
    assert int(at_risk[0].text.replace(",", "")) == expected["kaplanMeier"]["cycles"]

    # The CSV link: exactly the rows the figures were computed from, for the same filter.
    link = browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert link == f"{demo_server}/reports/outcomes/cycles.csv?product={product}"
    download = browser_session(browser).get(link, timeout=120)
    assert download.status_code == 200
    assert download.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert len(rows) == sessions
    assert {row["product"] for row in rows} == {product}
    assert len({row["patientId"] for row in rows}) == expected["patients"]
    report = browser_session(browser).get(browser.find_element(By.ID, "download-json").get_attribute("href"), timeout=120).json()
    assert report["sessions"] == sessions and report["kaplanMeier"] == expected["kaplanMeier"]
    screenshot(browser, "outcomes")


def test_a_bad_date_is_shown_beside_its_field_with_what_was_typed(demo_server, browser):
    sign_in(browser, demo_server, "nurse.ellis", "nurse-demo-1")
    browser.get(demo_server + "/reports/outcomes")
    field = browser.find_element(By.ID, "from")
    field.send_keys("2025-02-30")
    browser.find_element(By.CSS_SELECTOR, "form.report-filters button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: "from=2025-02-30" in path)
    assert "from must be a date YYYY-MM-DD, not '2025-02-30'." in text_of(browser, "#from-field .error-message")
    assert browser.find_element(By.ID, "from").get_attribute("value") == "2025-02-30"
    assert absent(browser, "#figure-sessions")
    assert browser.find_element(By.CSS_SELECTOR, "#error-summary a[href='#from-field']")


def test_a_patients_page_shows_their_response_to_treatment(demo_server, browser):
    headers = bearer(demo_server)
    patients = requests.get(demo_server + "/api/patients?limit=200", headers=headers, timeout=10).json()["items"]
    # The patient with the most responding cycles, so the picture has an onset, a peak and a wear-off.
    best = None
    for patient in patients:
        outcomes = requests.get(demo_server + f"/api/patients/{patient['id']}/outcomes", headers=headers, timeout=30).json()
        responded = sum(1 for cycle in outcomes["cycles"] if cycle["curve"]["wearOff"]["status"] == "found")
        if outcomes["cycles"] and (best is None or responded > best[0]):
            best = (responded, patient, outcomes)
    _, patient, outcomes = best

    sign_in(browser, demo_server, "dr.okafor", "clinician-demo-1")
    browser.get(demo_server + f"/patients/{patient['id']}")
    assert browser.find_element(By.ID, "outcomes-heading").text == "Response to treatment"
    cycles = browser.find_elements(By.CSS_SELECTOR, "#outcomes details.cycle")
    assert len(cycles) == len(outcomes["cycles"])
    newest = browser.find_element(By.CSS_SELECTOR, "#outcomes details.cycle[open]")
    assert newest.get_attribute("id") == "cycle-" + outcomes["cycles"][-1]["sessionId"].upper()
    assert newest.find_element(By.CSS_SELECTOR, "svg.response-curve title").get_attribute("textContent").startswith(
        "Pain before and after the session of " + outcomes["cycles"][-1]["sessionDate"])
    prediction = outcomes["prediction"]
    assert f"day {prediction['benefitDays']} after the session" in text_of(browser, "#predicted-wear-off")
    flags = outcomes["nonResponse"]
    if flags["primary"] is None and flags["possibleSecondary"] is None:
        assert text_of(browser, "#no-flags") == "No non-response flag is raised."
    else:
        assert browser.find_element(By.CSS_SELECTOR, "#outcomes .flag")
    # An older session opens from the keyboard-reachable summary, and shows its own curve.
    found = [cycle for cycle in outcomes["cycles"] if cycle["curve"]["wearOff"]["status"] == "found"]
    if found:
        details = browser.find_element(By.ID, "cycle-" + found[-1]["sessionId"].upper())
        if details.get_attribute("open") is None:
            details.find_element(By.TAG_NAME, "summary").click()
        day = found[-1]["curve"]["wearOff"]["milestone"]["day"]
        assert details.find_element(By.CSS_SELECTOR, "dd.wear-off").text.startswith(f"day {day} (")
        assert details.find_element(By.CSS_SELECTOR, "svg.response-curve circle.milestone.wear-off")
    # The section alone: the rest of the patient page has its own screenshot.
    width, height = browser.get_window_size()["width"], browser.get_window_size()["height"]
    browser.set_window_size(width, min(browser.execute_script("return document.documentElement.scrollHeight") + 200, 8000))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.find_element(By.ID, "outcomes").screenshot(str(SCREENSHOTS / "patient-outcomes.png"))
    browser.set_window_size(width, height)


def test_reception_is_refused_the_outcome_report(demo_server, browser):
    sign_in(browser, demo_server, "reception.patel", "reception-demo-1")
    assert absent(browser, "nav[aria-label=Main] a[href='/reports/outcomes']")
    browser.get(demo_server + "/reports/outcomes")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed"
    assert absent(browser, "#figure-sessions")
    browser.get(demo_server + "/reports/outcomes/cycles.csv")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed"
