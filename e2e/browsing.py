"""What the browser tests share: Debian's Chromium driven by Selenium (the `browser` fixture is in
conftest.py), signing in, waiting for a page, screenshots for docs/screenshots/ and the check that
every control has a label."""
import os
import shutil
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT

# A test run leaves the work tree clean: screenshots go to a temporary folder unless they are
# asked for (TENDERPOINT_SCREENSHOTS=1 refreshes docs/screenshots/).
SCREENSHOTS = (ROOT / "docs" / "screenshots" if os.environ.get("TENDERPOINT_SCREENSHOTS") == "1"
               else Path(tempfile.mkdtemp(prefix="tenderpoint-screenshots-")))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DESKTOP = (1280, 900)
PHONE = (375, 812)


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(*DESKTOP)
    # A click that submits a form returns before the next page has loaded: look-ups wait for it.
    driver.implicitly_wait(5)
    return driver


def sign_in(driver, base, username, password):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for_path(driver, base, lambda path: not path.startswith("/login"))


def wait_for_path(driver, base, accept):
    WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(base) and accept(d.current_url[len(base):]))


def absent(driver, css):
    """Whether nothing matches, without waiting out the implicit wait."""
    driver.implicitly_wait(0)
    try:
        return driver.find_elements(By.CSS_SELECTOR, css) == []
    finally:
        driver.implicitly_wait(5)


def screenshot(driver, name):
    """The whole page at the window's width (headless Chromium captures the viewport only, and
    the window is taller than its viewport by the browser's own frame)."""
    width, original = driver.get_window_size()["width"], driver.get_window_size()["height"]
    frame = driver.execute_script("return window.outerHeight - window.innerHeight")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + frame, 8000))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(width, original)


def unlabelled_controls(driver):
    """Every visible form control must have a label (or an accessible name)."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('input, select, textarea, button'))
          .filter(c => c.type !== 'hidden')
          .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')
                       && !(c.tagName === 'BUTTON' && c.textContent.trim()))
          .map(c => c.outerHTML.slice(0, 120));
    """)
