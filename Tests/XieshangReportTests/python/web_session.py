"""Browser sessions for the workflow tests of the web interface (issue 19): one headless Chromium per user (its own WebDriver
session and profile, set up by web_browser.py: Debian's chromium-driver, only the node's certificate trusted by its
SPKI hash, laid out as a 375 px phone), quit when done; helpers to sign in, fill and submit a form, wait for a
condition (a deadline, polled — never a fixed sleep), and measure the page (horizontal scroll, CSP refusals).
"""
import time
from urllib.parse import urlsplit
from concurrent.futures import ThreadPoolExecutor

START = time.monotonic()
TIMES = []


def mark(label):
    """Notes how long the run has taken when `label` was reached (reported as "times")."""
    TIMES.append((label, round(time.monotonic() - START, 1)))

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

import web_browser


class Browser:
    """One person's browser at one node: `base` is https://127.0.0.1:PORT."""

    def __init__(self, base, spki, profile):
        self.base = base
        self.driver = web_browser.start(profile, spki=spki)
        self.widest = {}
        self.csp = []

    def quit(self):
        self.driver.quit()

    def get(self, path):
        self.driver.get(self.base + path)
        self.measure()

    def sign_in(self, user, password):
        self.driver.get(self.base + "/login")
        self.driver.find_element(By.NAME, "username").send_keys(user)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        before = self.driver.current_url
        self.driver.find_element(By.CSS_SELECTOR, "form.entry button[type=submit]").click()
        WebDriverWait(self.driver, 20).until(lambda d: d.current_url != before)
        if urlsplit(self.driver.current_url).path in ("/login", "/password"):
            raise SystemExit(f"{user} did not sign in: {self.driver.current_url}\n" + self.text())

    def measure(self):
        """Notes the page's scroll width (by path) and the console's CSP refusals."""
        d = self.driver
        info = d.execute_script("return {w: document.documentElement.scrollWidth, iw: window.innerWidth, p: location.pathname}")
        self.widest[info["p"]] = max(self.widest.get(info["p"], 0), info["w"] - info["iw"])
        self.csp += web_browser.csp_refusals(d)

    def fill(self, form, fields):
        """Types `fields` (name -> value; a select takes its option's value) into the form matching CSS `form`."""
        f = self.driver.find_element(By.CSS_SELECTOR, form)
        for name, value in fields.items():
            field = f.find_element(By.CSS_SELECTOR, f"[name='{name}']")
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            else:
                field.clear()
                field.send_keys(value)
        return f

    def submit(self, form, fields, button="button[type=submit]"):
        """Fills and submits the form; waits for the next page (a redirect, or the form again with its refusal)."""
        f = self.fill(form, fields)
        old = self.driver.find_element(By.TAG_NAME, "html")
        f.find_element(By.CSS_SELECTOR, button).click()
        WebDriverWait(self.driver, 20).until(lambda d: _stale(old))
        self.measure()

    def click(self, css):
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, css).click()
        WebDriverWait(self.driver, 20).until(lambda d: _stale(old))
        self.measure()

    def wait(self, what, condition, seconds=40, reload_path=None):
        """Waits until `condition(driver)` is truthy (reloading `reload_path` between checks when given); its value."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                if reload_path:
                    self.driver.get(self.base + reload_path)
                value = condition(self.driver)
                if value:
                    self.measure()
                    return value
            except Exception:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what} at {self.driver.current_url}:\n" + self.text())
            _pause(self.driver)

    def text(self):
        return self.driver.execute_script("return document.body ? document.body.innerText : ''")

    def all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def attr(self, css, name):
        found = self.all(css)
        return found[0].get_attribute(name) if found else None


def open_all(config, users):
    """One signed-in browser per user of `users` (keys of `config`: base, spki, profile, user, password), started two
    at a time (a browser's start is mostly waiting on its own process; the machine has two cores)."""
    def start(who):
        b = Browser(config[who]["base"], config[who]["spki"], config[who]["profile"])
        try:
            b.sign_in(config[who]["user"], config[who]["password"])
        except BaseException:
            b.quit()
            raise
        return b
    with ThreadPoolExecutor(min(2, len(users))) as pool:
        futures = {who: pool.submit(start, who) for who in users}
    browsers, failure = {}, None
    for who, f in futures.items():
        try:
            browsers[who] = f.result()
        except BaseException as e:
            failure = e
    if failure:
        for b in browsers.values():
            b.quit()
        raise failure
    return browsers


def _stale(element):
    try:
        element.is_enabled()
        return False
    except Exception:
        return True


def _pause(driver):
    """Lets the browser run for a moment between two checks of a condition (its own timers, not ours)."""
    try:
        WebDriverWait(driver, 0.4, poll_frequency=0.4).until(lambda d: False)
    except Exception:
        pass
