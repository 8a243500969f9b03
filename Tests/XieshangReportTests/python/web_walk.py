"""Drives a node's web interface in headless Chromium (Selenium, Debian's chromium-driver) as several people, each with
a session of their own (their own login, their own cookie jar: ``People``), as 375 px phones, trusting only the test's
certificate by its SPKI hash.

usage: web_walk.py < PLAN_JSON

PLAN: {"base": URL, "spki": HASH, "profile": DIR, "users": {name: password},
       "steps": [{"user": name, "path": "/…", "form": CSS or absent, "fields": {name: value}}],
       "walk": [name, …], "maxPages": N}

Each user signs in on /login on first use (typing, pressing 登录). A step loads its path; with "form" it fills that
form's fields (a select by value, a date by script, others by typing), presses its submit button and waits for the
next page (the form's element goes stale). Then, for each user of "walk", it follows every same-origin
link reachable from "/" (breadth first, one page per path, no downloads, no logout; at most maxPages) and measures each
page as a reader meets it. Prints one JSON object: "steps" (url, title, text after each step) and "walk" (per user, a
list of path, title, innerWidth, scrollWidth, resources — requests beyond the page itself — and cspViolations).
"""
import json
import os
import sys
from collections import deque
from urllib.parse import urljoin, urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

MEASURE = ("return {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,"
           " resources: performance.getEntriesByType('resource').length, title: document.title,"
           " text: document.body ? document.body.innerText : ''}")


def chromium(plan):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={plan['profile']}", f"--ignore-certificate-errors-spki-list={plan['spki']}"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    return driver


class People:
    """One Chromium, a cookie jar per person: switching to someone puts back exactly their cookies (their own session,
    made by their own login on the /login page), as if each used a browser of their own."""
    KEEP = ("name", "value", "domain", "path", "secure", "httpOnly", "sameSite", "sourceScheme", "sourcePort")

    def __init__(self, plan):
        self.plan, self.driver, self.jars, self.current = plan, chromium(plan), {}, None

    def be(self, name):
        if self.current == name:
            return self.driver
        d = self.driver
        if self.current is not None:
            self.jars[self.current] = [{k: c[k] for k in self.KEEP if k in c} for c in d.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]]
        d.execute_cdp_cmd("Network.clearBrowserCookies", {})
        self.current = name
        if name in self.jars:
            d.execute_cdp_cmd("Network.setCookies", {"cookies": self.jars[name]})
            return d
        d.get(self.plan["base"] + "/login")
        d.find_element(By.NAME, "username").send_keys(name)
        d.find_element(By.NAME, "password").send_keys(self.plan["users"][name])
        before = d.current_url
        d.find_element(By.CSS_SELECTOR, "form.entry button[type=submit]").click()
        WebDriverWait(d, 20).until(lambda x: x.current_url != before)
        if "/login" in d.current_url or "/password" in d.current_url:
            raise SystemExit(f"{name} did not sign in: {d.current_url}\n" + d.execute_script("return document.body.innerText"))
        return d


def step(driver, plan, s):
    driver.get(plan["base"] + s["path"])
    if s.get("form"):
        form = driver.find_element(By.CSS_SELECTOR, s["form"])
        for name, value in s.get("fields", {}).items():
            field = form.find_element(By.CSS_SELECTOR, f"[name='{name}']")
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            elif field.get_attribute("type") == "date":
                driver.execute_script("arguments[0].value = arguments[1]", field, value)
            else:
                field.clear()
                field.send_keys(value)
        before = driver.current_url
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        try:
            # The answer is a new page (the proposal's page again after a step, or the form with the rule's message).
            WebDriverWait(driver, 20).until(staleness_of(form))
        except TimeoutException:
            invalid = driver.execute_script("return Array.from(document.querySelectorAll(':invalid')).map(e => e.name + ': ' + e.validationMessage)")
            raise SystemExit(f"step {s} did not leave {before}; invalid fields: {invalid}\n"
                             + driver.execute_script("return document.body.innerText"))
    info = driver.execute_script(MEASURE)
    info["url"] = driver.current_url
    return info


def walk(driver, plan):
    base = plan["base"]
    origin = urlsplit(base).netloc
    seen, pages, queue = set(), [], deque(["/"])
    while queue and len(pages) < plan.get("maxPages", 60):
        path = queue.popleft()
        key = urlsplit(path).path
        if key in seen:
            continue
        seen.add(key)
        driver.get(base + path)
        info = driver.execute_script(MEASURE)
        info["path"] = urlsplit(driver.current_url).path
        info["cspViolations"] = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
        del info["text"]
        pages.append(info)
        seen.add(info["path"])
        for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            if a.get_dom_attribute("download") is not None:
                continue
            href = urlsplit(urljoin(driver.current_url, a.get_attribute("href")))
            if href.netloc != origin or href.path.endswith(".csv") or href.path in ("/logout", "/login"):
                continue
            queue.append(href.path + (("?" + href.query) if href.query else ""))
    return pages


def main():
    plan = json.load(sys.stdin)
    people = People(plan)
    out = {"steps": [], "walk": {}}
    try:
        for s in plan.get("steps", []):
            out["steps"].append(step(people.be(s["user"]), plan, s))
        for name in plan.get("walk", []):
            out["walk"][name] = walk(people.be(name), plan)
    finally:
        people.driver.quit()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
