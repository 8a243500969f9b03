"""Loads a page of a node's web interface in headless Chromium through Selenium and chromium-driver, trusting only
the test's certificate (by the SHA-256 of its public key), as a 375 px phone, and reports what a reader would meet.

usage: web_chromium.py URL SPKI_SHA256_BASE64 USER_DATA_DIR SCREENSHOT_PNG [PRINT_PDF]

With XS_WEB_USER and XS_WEB_PASSWORD in the environment, the script first signs in on the node's /login form (as a
person would: typing into the fields, pressing 登录). With XS_WEB_SUBMIT (a JSON object of field name to value), it fills
the page's entry form (form.entry) after the screenshot, submits it, and reports where the browser landed ("after":
url and text) — a real browser's post, with the Origin and Sec-Fetch-Site it sends and the form's CSRF token.

Prints one JSON object: innerWidth, scrollWidth (> innerWidth means horizontal scroll), the negotiated protocol
(nextHopProtocol, "h2" for HTTP/2), the title, the page's text, and cspViolations: the browser console's messages
about the Content-Security-Policy (a style or script the policy refused), which should be none. With PRINT_PDF, the page is also printed to that
file on A4 through WebDriver's print endpoint (what Chromium's "print to PDF" makes), and "pdfBytes" is its size. Chromium is set up by web_browser.py
(Debian's chromium and chromedriver, the SPKI pin, the 375 px phone), as in every browser test.
"""
import base64
import json
import os
import sys
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

import web_browser


def main():
    url, spki, profile, shot = sys.argv[1:5]
    pdf = sys.argv[5] if len(sys.argv) > 5 else None
    driver = web_browser.start(profile, spki=spki, scale=2)
    try:
        user, password = os.environ.get("XS_WEB_USER"), os.environ.get("XS_WEB_PASSWORD")
        if user:
            parts = urlsplit(url)
            driver.get(f"{parts.scheme}://{parts.netloc}/login")
            driver.find_element(By.NAME, "username").send_keys(user)
            driver.find_element(By.NAME, "password").send_keys(password or "")
            before = driver.current_url
            driver.find_element(By.CSS_SELECTOR, "form.entry button[type=submit]").click()
            try:
                WebDriverWait(driver, 20).until(lambda d: d.current_url != before)
            except Exception:
                raise SystemExit("the login did not leave the login page: " + driver.current_url + "\n"
                                 + driver.execute_script("return document.body.innerText"))
        driver.get(url)
        info = driver.execute_script(
            "return {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,"
            " protocol: performance.getEntriesByType('navigation')[0].nextHopProtocol,"
            " title: document.title, text: document.body.innerText}")
        info["cspViolations"] = web_browser.csp_refusals(driver)
        driver.save_screenshot(shot)
        submit = os.environ.get("XS_WEB_SUBMIT")
        if submit:
            for name, value in json.loads(submit).items():
                field = driver.find_element(By.CSS_SELECTOR, f"form.entry [name='{name}']")
                if field.tag_name == "select":
                    Select(field).select_by_value(value)
                else:
                    field.clear()
                    field.send_keys(value)
            before = driver.current_url
            driver.find_element(By.CSS_SELECTOR, "form.entry button[type=submit]").click()
            WebDriverWait(driver, 20).until(lambda d: d.current_url != before or d.find_elements(By.CSS_SELECTOR, "p.error"))
            info["after"] = {"url": driver.current_url, "text": driver.execute_script("return document.body.innerText")}
        if pdf:
            options = PrintOptions()
            options.page_width, options.page_height = 21.0, 29.7  # A4, in cm
            data = base64.b64decode(driver.print_page(options))
            with open(pdf, "wb") as f:
                f.write(data)
            info["pdfBytes"] = len(data)
        print(json.dumps(info, ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
