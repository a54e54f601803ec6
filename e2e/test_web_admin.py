"""The admin pages in a real browser (Debian's Chromium, headless, Selenium) against the shared demo
server: an admin creates a nurse account and the nurse signs in with it; the admin changes a dose
limit and sees it saved (then puts it back, so other tests see the demo's settings); the audit trail
filtered to the new nurse shows her sign-in; reception is refused. Screenshots: admin-users,
admin-settings, admin-audit."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import absent, screenshot, sign_in, unlabelled_controls, wait_for_path

ADMIN = ("admin", "admin-demo-1")


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form.sign-out button").click()
    driver.find_element(By.ID, "username")


def test_an_admin_creates_a_nurse_who_signs_in_and_appears_in_the_audit_trail(demo_server, browser):
    username = f"nurse.e2e-{uuid.uuid4().hex[:6]}"
    password = "e2e nurse secret"
    sign_in(browser, demo_server, *ADMIN)
    browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Main]").find_element(By.LINK_TEXT, "Admin").click()
    wait_for_path(browser, demo_server, lambda path: path == "/admin")
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".admin-areas h2")] == [
        "Users and roles", "Clinic settings", "Audit trail"]
    browser.find_element(By.LINK_TEXT, "Users and roles").click()
    wait_for_path(browser, demo_server, lambda path: path.startswith("/admin/users"))
    usernames = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.admin-users tbody tr td:first-child")]
    assert {"admin", "dr.okafor", "nurse.ellis", "reception.patel", "patient1"} <= set(usernames)
    assert unlabelled_controls(browser) == []
    screenshot(browser, "admin-users")

    browser.find_element(By.LINK_TEXT, "Create an account").click()
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "displayName").send_keys("Nurse E2E")
    Select(browser.find_element(By.ID, "role")).select_by_value("nurse")
    browser.find_element(By.ID, "password").send_keys(password)
    # A typing slip first: refused beside the field, the username kept, the passwords not.
    browser.find_element(By.ID, "passwordConfirmation").send_keys(password + "x")
    assert unlabelled_controls(browser) == []
    browser.find_element(By.CSS_SELECTOR, "form.admin-form button[type=submit]").click()
    assert "not the same" in browser.find_element(By.ID, "passwordConfirmation-error").text
    assert browser.find_element(By.ID, "username").get_attribute("value") == username
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "passwordConfirmation").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.admin-form button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: "done=created" in path)
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "The account was created."
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Account: {username}"
    sign_out(browser)

    # The nurse signs in with the new account.
    sign_in(browser, demo_server, username, password)
    assert browser.current_url == demo_server + "/today"
    assert browser.find_element(By.CSS_SELECTOR, ".signed-in-as").text == "Nurse E2E"
    assert absent(browser, "nav[aria-label=Main] a[href='/admin']")
    sign_out(browser)

    # The admin filters the audit trail to her: her sign-in is there.
    sign_in(browser, demo_server, *ADMIN)
    browser.get(demo_server + "/admin/audit")
    browser.find_element(By.ID, "user").send_keys(username)
    Select(browser.find_element(By.ID, "action")).select_by_value("login")
    assert unlabelled_controls(browser) == []
    browser.find_element(By.CSS_SELECTOR, "form.audit-filters button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: "user=" in path)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.audit-rows tbody tr")
    assert len(rows) == 1
    cells = [cell.text for cell in rows[0].find_elements(By.TAG_NAME, "td")]
    assert cells[1:5] == [username, "nurse", "login", "Session"]
    # Without the action filter: everything she did, from her sign-in (oldest) to her sign-out
    # (newest); the creation of her account is the admin's.
    browser.get(demo_server + f"/admin/audit?user={username}")
    actions = [row.find_elements(By.TAG_NAME, "td")[3].text for row in browser.find_elements(By.CSS_SELECTOR, "table.audit-rows tbody tr")]
    assert actions[0] == "logout" and actions[-1] == "login"
    browser.get(demo_server + "/admin/audit?resource=User&action=create")
    assert f"nurse account {username}" in browser.find_element(By.CSS_SELECTOR, "table.audit-rows tbody").text
    browser.get(demo_server + f"/admin/audit?user={username}")
    screenshot(browser, "admin-audit")


def test_an_admin_changes_a_dose_limit_and_sees_it_saved(demo_server, browser):
    sign_in(browser, demo_server, *ADMIN)
    browser.get(demo_server + "/admin/settings")
    assert browser.find_element(By.ID, "time-zone").text == "Europe/London"
    assert browser.find_element(By.ID, "prabotulinumtoxinA-effective").text == "not set"
    assert unlabelled_controls(browser) == []
    card = browser.find_element(By.ID, "limits-prabotulinumtoxinA")
    for name, value in (("perSite", "20"), ("perSession", "100"), ("cumulativeThreeMonths", "100")):
        field = card.find_element(By.ID, f"prabotulinumtoxinA-{name}")
        field.clear()
        field.send_keys(value)
    card.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for_path(browser, demo_server, lambda path: "saved=limits-prabotulinumtoxinA" in path)
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "Saved: the dose limits for prabotulinumtoxinA."
    assert browser.find_element(By.ID, "prabotulinumtoxinA-effective").text == "20 / 100 / 100 U"
    assert browser.find_element(By.ID, "prabotulinumtoxinA-raised").text == "Set by the clinic: the label has no default"
    screenshot(browser, "admin-settings")
    # Back as it was, so the other tests on this server see the demo's settings.
    browser.find_element(By.ID, "limits-prabotulinumtoxinA").find_element(By.CSS_SELECTOR, "button.secondary").click()
    wait_for_path(browser, demo_server, lambda path: "saved=reset-prabotulinumtoxinA" in path)
    assert browser.find_element(By.ID, "prabotulinumtoxinA-effective").text == "not set"
    browser.get(demo_server + "/admin/audit?resource=ClinicSetting")
    details = browser.find_element(By.CSS_SELECTOR, "table.audit-rows tbody").text
    assert "prabotulinumtoxinA: not set → 20/100/100 U" in details


def test_reception_is_refused_the_admin_pages(demo_server, browser):
    sign_in(browser, demo_server, "reception.patel", "reception-demo-1")
    assert absent(browser, "nav[aria-label=Main] a[href='/admin']")
    for path in ("/admin", "/admin/users", "/admin/settings", "/admin/audit"):
        browser.get(demo_server + path)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed", path
        assert absent(browser, "table.audit-rows, table.admin-users, form.admin-form")
