"""Lays out an HTML file as a phone does and reports what a reader would meet.

usage: phone_layout.py CHROMIUM FILE WIDTH USER_DATA_DIR [print]

With "print", lays the page out for print media on a desktop of WIDTH px instead (A4 portrait within 15 mm margins is
180 mm ≈ 680 CSS px), to check that nothing is wider than the paper.

Drives headless Chromium through Selenium and Debian's chromium-driver (/usr/bin/chromedriver; Selenium Manager never
downloads anything), with the web interface's tests' one set-up (web_browser.py): emulates a phone of WIDTH CSS px
(Emulation.setDeviceMetricsOverride, mobile; the page lays out at that width only with a viewport meta), loads FILE,
and prints one JSON object: innerWidth (a phone widens its layout viewport past WIDTH when content is wider),
scrollWidth (of the document: > innerWidth means horizontal scroll), and the page's text.
"""
import json
import os
import sys

import web_browser


def main():
    chromium, path, width, profile = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    printing = len(sys.argv) > 5 and sys.argv[5] == "print"
    driver = web_browser.start(profile, width=width, scale=1 if printing else 2, mobile=not printing, binary=chromium, console=False)
    try:
        if printing:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.get("file://" + path)
        info = driver.execute_script(
            "return {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,"
            " bodyScrollWidth: document.body.scrollWidth, text: document.body.innerText}")
        print(json.dumps(info, ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
