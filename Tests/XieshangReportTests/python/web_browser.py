"""The one Chromium set-up of the browser tests (C-INTEROP.md, "Browser tests"): Debian's headless Chromium driven by
Selenium through Debian's chromium-driver (given by path, so Selenium Manager never downloads anything), with its own
profile directory, trusting only the certificate whose public key has the given SHA-256 (SPKI pin; never
--ignore-certificate-errors), and laid out as a phone (mobile emulation: headless Chromium will not make a window
narrower than 500 px, and a page lays out at the phone's width only with its viewport meta).

Used by web_chromium.py (one page), web_session.py (one browser per person: the workflow and walk tests) and
phone_layout.py (a report file).
"""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
PHONE_WIDTH = 375


def start(profile, spki=None, width=PHONE_WIDTH, scale=1, mobile=True, binary=CHROMIUM, console=True):
    """A new WebDriver session on a Chromium of its own, using `profile` as its user data directory; with `spki`
    (base64 SHA-256 of a certificate's public key) it trusts that key's self-signed certificate and no other; laid out
    `width` CSS px wide at `scale` device pixels per CSS px (`mobile`: as a phone); with `console`, the browser's
    console is kept (``csp_refusals``). The caller quits it (``driver.quit()``)."""
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--user-data-dir={profile}"]:
        options.add_argument(arg)
    if spki:
        options.add_argument(f"--ignore-certificate-errors-spki-list={spki}")
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 800, "deviceScaleFactor": scale, "mobile": mobile})
    except BaseException:
        driver.quit()
        raise
    return driver


def csp_refusals(driver):
    """The console's messages since the last call about a style or script the Content-Security-Policy refused."""
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
