"""The schedule in a real browser: reception books a free slot from the week view through the
booking form, and a clinician's calendar feed (RFC 5545) carries that appointment, checked with
the independent `icalendar` parser. Saves docs/screenshots/schedule.png and schedule-booking.png."""
import datetime
import uuid

import icalendar
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import PHONE, screenshot, sign_in, unlabelled_controls, wait_for_path


def api(base, username, password):
    token = requests.post(base + "/api/auth/token", json={"username": username, "password": password}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def unique_family_name():
    """Letters only, different on every run, so the search finds exactly this test's patient."""
    return "Slot" + "".join(chr(ord("a") + int(digit, 16) % 26) for digit in uuid.uuid4().hex[:8])


def a_quiet_monday():
    """A Monday about 40 weeks ahead: inside the feed's year, and a week no other test books in."""
    day = datetime.date.today() + datetime.timedelta(days=280)
    return day - datetime.timedelta(days=day.weekday())


def test_reception_books_a_free_slot_and_the_clinicians_feed_carries_it(demo_server, browser):
    reception = api(demo_server, "reception.patel", "reception-demo-1")
    family = unique_family_name()
    patient = requests.post(demo_server + "/api/patients", headers=reception, json={
        "givenName": "Wren", "familyName": family, "birthDate": "1980-04-02", "sex": "female"}).json()
    practitioners = requests.get(demo_server + "/api/practitioners", headers=reception).json()
    practitioners = practitioners["items"] if isinstance(practitioners, dict) else practitioners
    okafor = next(p for p in practitioners if p["displayName"] == "Dr Adaeze Okafor")
    monday = a_quiet_monday()

    # Reception opens the week and picks Dr Okafor.
    sign_in(browser, demo_server, "reception.patel", "reception-demo-1")
    browser.find_element(By.LINK_TEXT, "Schedule").click()
    wait_for_path(browser, demo_server, lambda path: path.startswith("/schedule"))
    assert browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Main] a[aria-current=page]").text == "Schedule"
    Select(browser.find_element(By.ID, "practitioner")).select_by_visible_text("Dr Adaeze Okafor")
    browser.find_element(By.CSS_SELECTOR, "form.schedule-picker button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: okafor["id"] in path)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Schedule: Dr Adaeze Okafor"
    assert unlabelled_controls(browser) == []
    browser.get(demo_server + f"/schedule?practitioner={okafor['id']}&week={monday.isoformat()}")
    day = browser.find_element(By.CSS_SELECTOR, f"section[aria-labelledby='day-{monday.isoformat()}']")
    slot = day.find_element(By.CSS_SELECTOR, "a.slot")
    time = slot.get_attribute("href").rsplit("time=", 1)[1]
    assert len(time) == 5 and time[2] == ":"
    assert time in slot.get_attribute("textContent")
    slot.click()

    # The booking form comes prefilled from the slot; reception finds the patient by name.
    wait_for_path(browser, demo_server, lambda path: path.startswith("/schedule/book"))
    assert browser.find_element(By.ID, "date").get_attribute("value") == monday.isoformat()
    assert browser.find_element(By.ID, "time").get_attribute("value") == time
    assert browser.find_elements(By.ID, "overrideReason") == []
    browser.find_element(By.ID, "patientQuery").send_keys(family)
    browser.find_element(By.CSS_SELECTOR, "button[value=search]").click()
    assert browser.find_element(By.CSS_SELECTOR, "#patientId-field [role=status]").text == "1 patient matches."
    chosen = browser.find_element(By.CSS_SELECTOR, "input[name=patientId]:checked")
    assert chosen.get_attribute("value").lower() == patient["id"].lower()
    Select(browser.find_element(By.ID, "kind")).select_by_visible_text("Assessment")
    assert unlabelled_controls(browser) == []
    screenshot(browser, "schedule-booking")
    browser.find_element(By.CSS_SELECTOR, "button[value=book]").click()

    # Back on the week, the appointment is on the grid and its slot is gone.
    wait_for_path(browser, demo_server, lambda path: "done=booked" in path)
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "The appointment is booked."
    day = browser.find_element(By.CSS_SELECTOR, f"section[aria-labelledby='day-{monday.isoformat()}']")
    booked = [item for item in day.find_elements(By.CSS_SELECTOR, "li.schedule-appointment") if family in item.text]
    assert len(booked) == 1
    assert booked[0].find_element(By.CSS_SELECTOR, ".schedule-time").text.startswith(time + "–")
    assert "Assessment" in booked[0].text
    assert not [link for link in day.find_elements(By.CSS_SELECTOR, "a.slot") if link.get_attribute("href").endswith("time=" + time)]
    screenshot(browser, "schedule")

    # At phone width the days stack: each day starts below the one before, at the same left edge.
    browser.set_window_size(*PHONE)
    days = browser.find_elements(By.CSS_SELECTOR, "section.schedule-day")
    assert days[0].location["x"] == days[1].location["x"]
    assert days[1].location["y"] > days[0].location["y"] + days[0].size["height"] - 1

    appointments = requests.get(demo_server + f"/api/appointments?patientId={patient['id']}", headers=reception).json()["items"]
    assert len(appointments) == 1
    appointment = appointments[0]

    # The clinician makes their feed link; a calendar client fetches it with nothing but the URL.
    browser.delete_all_cookies()
    browser.set_window_size(1280, 900)
    sign_in(browser, demo_server, "dr.okafor", "clinician-demo-1")
    browser.get(demo_server + "/schedule")
    browser.find_element(By.CSS_SELECTOR, "section.calendar-feed form button[type=submit]").click()
    url = browser.find_element(By.ID, "feed-url").get_attribute("value")
    assert url.startswith(demo_server + "/calendar/") and url.endswith(".ics")

    response = requests.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "private"
    assert b"\r\n" in response.content and b"\n" not in response.content.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    event = events[f"{appointment['id'].lower()}@tenderpoint"]
    start = event.decoded("DTSTART")
    expected = datetime.datetime.fromisoformat(appointment["start"].replace("Z", "+00:00"))
    assert start == expected
    assert start.utcoffset() == datetime.timedelta(0)
    assert f"DTSTART:{expected.strftime('%Y%m%dT%H%M%SZ')}".encode() in response.content
    assert str(event["SUMMARY"]) == f"W{family[0]} · Assessment"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert family.encode() not in response.content

    # A wrong token is a bare 404.
    wrong = url[: -len(".ics") - 1] + ("A" if url[-len(".ics") - 1] != "A" else "B") + ".ics"
    missing = requests.get(wrong)
    assert missing.status_code == 404
    assert missing.text == "Not found\n"
