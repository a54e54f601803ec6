"""The web pages in a real browser: Debian's Chromium, headless, driven by Selenium, against a
server on a fresh demo database. Saves screenshots of the main pages to docs/screenshots/."""
import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browsing import DESKTOP, PHONE, absent, screenshot, sign_in, unlabelled_controls, wait_for_path


def patient_with_the_longest_diary(base):
    """The demo patient with most diary entries, found through the API (so the chart has dots)."""
    token = requests.post(base + "/api/auth/token", json={"username": "dr.okafor", "password": "clinician-demo-1"}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    patients = requests.get(base + "/api/patients?limit=200", headers=headers).json()["items"]
    counts = []
    for patient in patients:
        timeline = requests.get(base + f"/api/patients/{patient['id']}/timeline", headers=headers).json()
        if timeline["sessions"]:
            counts.append((timeline["diary"]["count"], patient))
    return max(counts, key=lambda pair: pair[0])[1]


def test_a_clinician_sees_today_and_a_patients_chart(demo_server, browser):
    browser.get(demo_server + "/login")
    screenshot(browser, "login")
    sign_in(browser, demo_server, "dr.okafor", "clinician-demo-1")
    assert browser.current_url == demo_server + "/today"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Today, ")
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert headings == ["Appointments", "Follow-ups due today", "Re-injection window opens this week",
                        "Vials expiring within 30 days"]
    assert browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Main] a[aria-current=page]").text == "Today"
    assert unlabelled_controls(browser) == []
    screenshot(browser, "today")

    patient = patient_with_the_longest_diary(demo_server)
    browser.find_element(By.LINK_TEXT, "Patients").click()
    search = browser.find_element(By.ID, "patient-query")
    search.send_keys(f"{patient['givenName']} {patient['familyName']}", Keys.ENTER)
    assert "match" in browser.find_element(By.CSS_SELECTOR, "main [role=status]").text
    assert unlabelled_controls(browser) == []
    screenshot(browser, "patient-search")
    browser.find_element(By.LINK_TEXT, f"{patient['familyName']}, {patient['givenName']}").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == f"{patient['givenName']} {patient['familyName']}"
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle.entry")) > 10
    assert len(chart.find_elements(By.CSS_SELECTOR, "line.session")) >= 1
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.window")) >= 1
    labels = {element.get_attribute("textContent") for element in chart.find_elements(By.CSS_SELECTOR, "text.follow-up-label")}
    assert labels >= {"d8", "w3", "w12"}
    rows = browser.find_elements(By.CSS_SELECTOR, "table caption")
    assert "Sessions and their follow-ups" in [row.text for row in rows]
    screenshot(browser, "patient")


def count_entries_today(driver):
    return len(driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=today-heading] ul.entries > li"))


def test_a_patient_adds_two_diary_entries_on_a_phone_and_sees_them_on_the_chart(demo_server, browser):
    browser.set_window_size(*PHONE)
    sign_in(browser, demo_server, "patient1", "patient-demo-1")
    assert browser.current_url == demo_server + "/portal"
    assert unlabelled_controls(browser) == []
    before = count_entries_today(browser)
    browser.get(demo_server + "/portal/chart?range=90d")
    dots_before = len(browser.find_elements(By.CSS_SELECTOR, "svg.chart circle.entry"))
    browser.get(demo_server + "/portal")
    screenshot(browser, "portal-diary")

    # First entry: taps on the scale and on the body chart (the script ticks the list for it).
    browser.find_element(By.CSS_SELECTOR, "label[for=painNRS-6]").click()
    browser.find_element(By.CSS_SELECTOR, "label[for=fatigue-4]").click()
    browser.find_element(By.CSS_SELECTOR, "svg rect[data-area=neck]").click()
    assert browser.find_element(By.CSS_SELECTOR, "input[name=painAreas][value=neck]").is_selected()
    browser.find_element(By.CSS_SELECTOR, "input[name=painAreas][value='lowerBack']").click()
    browser.find_element(By.ID, "note").send_keys("Stiff after the drive")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert "Saved" in browser.find_element(By.CSS_SELECTOR, ".notice").text

    # Second entry, by keyboard: the pain scale is a radio group, so the arrow keys move along it.
    browser.execute_script("document.getElementById('painNRS-0').focus()")
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform()
    assert browser.find_element(By.ID, "painNRS-3").is_selected()
    browser.find_element(By.ID, "note").send_keys("Better after a rest")
    browser.find_element(By.ID, "note").submit()
    assert "Saved" in browser.find_element(By.CSS_SELECTOR, ".notice").text

    assert count_entries_today(browser) == before + 2
    entries = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=today-heading]").text
    assert "pain 6, fatigue 4" in entries
    assert "Where: Neck; Lower back" in entries
    assert "pain 3" in entries

    browser.find_element(By.LINK_TEXT, "My chart").click()
    dots_after = len(browser.find_elements(By.CSS_SELECTOR, "svg.chart circle.entry"))
    assert dots_after == dots_before + 2
    recent = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=recent-heading]").text
    assert "Better after a rest" in recent and "Stiff after the drive" in recent
    screenshot(browser, "portal-chart")

    browser.find_element(By.LINK_TEXT, "Who looked at my record").click()
    assert "You" in browser.find_element(By.CSS_SELECTOR, "ul.entries").text
    screenshot(browser, "portal-access")


def test_a_refused_diary_entry_keeps_what_was_typed(demo_server, browser):
    browser.set_window_size(*PHONE)
    sign_in(browser, demo_server, "patient2", "patient-demo-2")
    browser.find_element(By.CSS_SELECTOR, "input[name=painAreas][value=chest]").click()
    browser.find_element(By.ID, "note").send_keys("forgot the score")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Choose a number from 0 to 10." in summary.text
    assert browser.find_element(By.CSS_SELECTOR, "input[name=painAreas][value=chest]").is_selected()
    assert browser.find_element(By.ID, "note").get_attribute("value") == "forgot the score"


def api_token(base, username="dr.okafor", password="clinician-demo-1"):
    return requests.post(base + "/api/auth/token", json={"username": username, "password": password}).json()["token"]


SCREENING_ITEMS = ["hypersensitivity", "milkProteinAllergy", "siteInfection", "neuromuscularDisorder", "pregnant",
                   "breastfeeding", "aminoglycosides", "anticoagulants", "dysphagiaOrBreathing", "under18",
                   "unresolvedAdverseEvent"]


EARLIER_DAYS = 83
OVERRIDE_REASON = "Severe flare after a fall; reviewed with the patient"


def web_date(day):
    """A date as the pages write it: "Tue 3 Mar 2026"."""
    return f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][day.weekday()]} {day.day} " \
           f"{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.month - 1]} {day.year}"


def clinic_today():
    return datetime.datetime.now(ZoneInfo("Europe/London")).date()


def patient_ready_for_a_session(base):
    """A patient of this test's own (other tests share the demo server): consent in force, one
    earlier session of 100 U onabotulinumtoxinA 83 days ago — inside the 84 days that end today,
    so it counts towards today's cumulative total, and one day short of the 84-day minimum
    interval, so today's session needs a clinician's override with a reason (which lifts the
    interval only, never a dose limit) — and two vials of the same product reconstituted an hour
    ago: 100 U in 2.5 mL (4 U per 0.1 mL) and 100 U in 4 mL (2.5 U per 0.1 mL)."""
    headers = {"Authorization": f"Bearer {api_token(base)}"}
    suffix = uuid.uuid4().hex[:6].upper()
    today = clinic_today()
    earlier = today - datetime.timedelta(days=EARLIER_DAYS)
    patient = requests.post(base + "/api/patients", headers=headers, json={
        "givenName": "Charting", "familyName": f"Twovials{suffix}", "birthDate": "1979-04-02", "sex": "female"}).json()
    consent = requests.post(base + f"/api/patients/{patient['id']}/consents", headers=headers, json={
        "date": (today - datetime.timedelta(days=120)).isoformat(), "informationVersion": "v3"})
    assert consent.status_code == 201, consent.text

    def vial(lot, diluent, reconstituted):
        reply = requests.post(base + "/api/vials", headers=headers, json={
            "product": "onabotulinumtoxinA", "lotNumber": lot, "expiryDate": "2030-01-31", "units": 100,
            "diluentMl": diluent, "reconstitutedAt": reconstituted})
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]

    old = vial(f"E2E-OLD-{suffix}", 2.5, f"{earlier.isoformat()}T08:00:00Z")
    first = requests.post(base + f"/api/patients/{patient['id']}/sessions", headers=headers, json={
        "date": earlier.isoformat(), "consentId": consent.json()["id"], "acknowledged": [],
        "screening": {item: False for item in SCREENING_ITEMS},
        "injections": [{"vialId": old, "site": {"tenderPoint": site}, "units": 50} for site in ("trapezius.left", "trapezius.right")]})
    assert first.status_code == 201, first.text
    hour_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lots = (f"E2E-A-{suffix}", f"E2E-B-{suffix}")
    vial(lots[0], 2.5, hour_ago)
    vial(lots[1], 4, hour_ago)
    return patient, lots, headers


def choose_vial(driver, row, lot):
    select = Select(driver.find_element(By.ID, f"vial{row}"))
    select.select_by_visible_text(next(option.text for option in select.options if option.text.startswith(lot)))


def text_of(driver, element_id, expected):
    """Waits until the element's text contains `expected` (the totals come from the server)."""
    WebDriverWait(driver, 10).until(lambda d: expected in d.find_element(By.ID, element_id).text)
    return driver.find_element(By.ID, element_id).text


def test_a_clinician_examines_a_patient_and_charts_a_session(demo_server, browser):
    patient, (lot_a, lot_b), headers = patient_ready_for_a_session(demo_server)
    sign_in(browser, demo_server, "dr.okafor", "clinician-demo-1")
    browser.get(demo_server + f"/patients/{patient['id']}")
    browser.find_element(By.LINK_TEXT, "Record an examination").click()

    # Tender points tapped on the body chart; the script ticks the list and scores as we go.
    for point in ("occiput.left", "occiput.right", "trapezius.left", "trapezius.right", "secondRib.left", "knee.right"):
        browser.find_element(By.CSS_SELECTOR, f"circle[data-point='{point}']").click()
    assert browser.find_element(By.ID, "tp-knee.right").is_selected()
    browser.find_element(By.ID, "widespreadPainMonths").send_keys("12")
    for area in ("neck", "upperBack", "lowerBack", "shoulderGirdle.left", "shoulderGirdle.right", "hip.left", "hip.right"):
        browser.find_element(By.CSS_SELECTOR, f"rect[data-area='{area}']").click()
    for choice in ("fatigue-2", "wakingUnrefreshed-2", "cognitiveSymptoms-1"):
        browser.find_element(By.CSS_SELECTOR, f"label[for={choice}]").click()
    for item in range(1, 22):
        browser.find_element(By.ID, f"fiqr{item}").send_keys("5")
    WebDriverWait(browser, 10).until(lambda driver: "Total 50.0" in driver.find_element(By.ID, "score-fiqr").text)
    assert browser.find_element(By.ID, "score-tender-points").text == "6 of 18 positive — ACR 1990 criterion not met"
    assert browser.find_element(By.ID, "score-acr2016").text.startswith("WPI 7/19, SSS 5/12, FS 12/31 (severe)")
    assert unlabelled_controls(browser) == []
    screenshot(browser, "examination")
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    assert "The examination was saved" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    assert "50.0 (moderate)" in browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=scores-heading]").text

    browser.find_element(By.LINK_TEXT, "Chart a session").click()
    # Before any row: the 100 U already given 83 days ago, inside the 84 days that end today, and the limit.
    today = clinic_today()
    given = browser.find_element(By.ID, "totals-given").text
    window = f"from {web_date(today - datetime.timedelta(days=EARLIER_DAYS))} to {web_date(today)}"
    assert f"onabotulinumtoxinA: 100 U already given in 1 other session {window}; limit 400 U in any 84 days." in given
    for answer in browser.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]"):
        browser.execute_script("arguments[0].click()", answer)
    # Day 83 is inside the 84-day minimum interval: the clinician overrides it with a reason.
    browser.find_element(By.ID, "overrideReason").send_keys(OVERRIDE_REASON)

    # Rows 1 and 2 from vial A (row 2 "same vial as the row above"), row 3 from vial B.
    choose_vial(browser, 1, lot_a)
    browser.find_element(By.CSS_SELECTOR, "circle[data-point='trapezius.left']").click()
    browser.find_element(By.ID, "units1").send_keys("20")
    browser.find_element(By.CSS_SELECTOR, "circle[data-point='trapezius.right']").click()
    browser.find_element(By.ID, "units2").send_keys("20")
    assert Select(browser.find_element(By.ID, "site2")).first_selected_option.text == "Tender point: Trapezius, right"
    browser.find_element(By.CSS_SELECTOR, "circle[data-point='occiput.left']").click()
    choose_vial(browser, 3, lot_b)
    browser.find_element(By.ID, "units3").send_keys("60")
    # 60 U at one site is over the 50 U per-site limit: said beside the row and in the panel.
    assert "exceeds the per-site limit of 50 U" in text_of(browser, "row3-check", "per-site limit")
    assert "⚠ Over the limit" in text_of(browser, "totals-figures", "Over the limit")
    units3 = browser.find_element(By.ID, "units3")
    units3.clear()
    units3.send_keys("10")

    # Hand-computed: 20 + 20 + 10 = 50 U this session; 100 U 83 days ago + 50 U = 150 U in the 84 days
    # from 83 days ago to today.
    assert text_of(browser, "session-total", "50 U") == "50 U"
    assert text_of(browser, "total-session", "50 U of") == "50 U of at most 400 U per session ✓ Within the limit"
    assert text_of(browser, "total-cumulative", "150 U") == \
        "150 U of at most 400 U: 100 U in 1 other session + 50 U in this one ✓ Within the limit"
    assert browser.find_element(By.ID, "total-window").text == window
    # With the override written, the dry run finds nothing wrong (no interval problem either).
    assert browser.find_element(By.ID, "totals-problems").text == ""
    assert browser.find_element(By.ID, "row3-check").text == ""
    # Each row's volume from its own vial: 20 U at 40 U/mL, 10 U at 25 U/mL.
    assert [browser.find_element(By.ID, f"volume{row}").text for row in (1, 2, 3)] == ["0.5 mL", "0.5 mL", "0.4 mL"]
    sites = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.totals-sites tbody tr")]
    assert sites == ["Trapezius, left (tender point) 20 U 50 U ✓ Within the limit",
                     "Trapezius, right (tender point) 20 U 50 U ✓ Within the limit",
                     "Occiput, left (tender point) 10 U 50 U ✓ Within the limit"]

    # Rows are added and removed in place.
    browser.find_element(By.CSS_SELECTOR, "button.add-row").click()
    assert browser.find_element(By.ID, "rowCount").get_attribute("value") == "11"
    browser.find_element(By.XPATH, "//button[normalize-space()='Remove row 11']").click()
    assert browser.find_element(By.ID, "rowCount").get_attribute("value") == "10"
    assert absent(browser, "#site11")
    assert unlabelled_controls(browser) == []
    screenshot(browser, "session")

    browser.find_element(By.CSS_SELECTOR, "form.session-form button[value=chart]").click()
    assert "The session was charted" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    upcoming = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=appointments-heading]").text
    for follow_up in ("Onset check (phone)", "Peak review", "Reassessment"):
        assert follow_up in upcoming
    table = browser.find_element(By.CSS_SELECTOR, ".timeline table tbody tr").text
    assert "50 U onabotulinumtoxinA" in table
    # Recorded with each injection's own vial, so a recall of lot B finds this patient.
    latest = requests.get(demo_server + f"/api/patients/{patient['id']}/sessions", headers=headers).json()["items"][0]
    session = requests.get(demo_server + f"/api/patients/{patient['id']}/sessions/{latest['id']}", headers=headers).json()
    assert [injection["lotNumber"] for injection in session["injections"]] == [lot_a, lot_a, lot_b]
    assert [injection["volumeMl"] for injection in session["injections"]] == [0.5, 0.5, 0.4]
    # Charted today with the clinician's override of the interval, on record with its reason.
    assert session["date"] == today.isoformat() and session["voided"] is None
    assert latest["overridden"] is True and session["overrideReason"] == OVERRIDE_REASON


def test_reception_cannot_open_a_patients_clinical_page(demo_server, browser):
    sign_in(browser, demo_server, "reception.patel", "reception-demo-1")
    assert browser.current_url == demo_server + "/today"
    browser.get(demo_server + "/patients?q=a")
    assert browser.find_elements(By.CSS_SELECTOR, "main table tbody tr"), "reception can search"
    assert absent(browser, "main table a"), "but names do not link to clinical pages"
    patient = patient_with_the_longest_diary(demo_server)
    browser.get(demo_server + f"/patients/{patient['id']}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed"
    assert patient["familyName"] not in browser.find_element(By.TAG_NAME, "main").text
    assert absent(browser, "svg.chart")
    for form in ("session", "examination"):
        browser.get(demo_server + f"/patients/{patient['id']}/{form}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed"


def test_signing_out_ends_the_session(demo_server, browser):
    sign_in(browser, demo_server, "nurse.ellis", "nurse-demo-1")
    cookie = browser.get_cookie("tenderpoint-session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    browser.find_element(By.CSS_SELECTOR, ".sign-out button").click()
    wait_for_path(browser, demo_server, lambda path: path == "/login")
    browser.get(demo_server + "/today")
    assert re.match(re.escape(demo_server) + r"/login\?next=/today$", browser.current_url)
