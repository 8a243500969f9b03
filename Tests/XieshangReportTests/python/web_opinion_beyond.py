"""An opinion report beyond the federation on the desk, in real Chromium (issue 18 item 2).

usage: web_opinion_beyond.py CONFIG_JSON

CONFIG_JSON names, for "city" and "town": base (https://127.0.0.1:PORT), spki, user, password, profile; and origin, id
(the township's report, adopted at the city), issue (the provincial bulletin issue), department, handling.

The city's office opens the report on its desk, sends it up to 省政协, records the province's adoption, sends it to a
department, sends it there again (refused: the page shows the rule's message), and records the department's reply;
the township's office waits until the province's adoption shows on its own page of the report. Prints one JSON object:
what each page showed, the widest horizontal overflow per page (0 means none at 375 px) and the CSP refusals.
"""
import json
import sys

from selenium.webdriver.common.by import By

from web_session import TIMES, mark, open_all


def main():
    c = json.load(open(sys.argv[1]))
    out = {"overflow": {}, "csp": []}
    browsers = {}
    page = f"/desk/report?origin={c['origin']}&id={c['id']}"
    try:
        browsers.update(open_all(c, ["city", "town"]))
        mark("browsers open")
        city = browsers["city"]
        city.get(page)
        city.submit("form[action='/desk/send-up']", {"level": "province"})
        out["citySentAbove"] = city.attr("[data-sent-above]", "data-sent-above")
        city.submit("form[action='/desk/adopted-above']", {"level": "province", "issue": c["issue"]})
        out["cityAdoptedAbove"] = city.attr("[data-adopted-above]", "data-adopted-above")
        city.submit("form[action='/desk/send-to-department']", {"department": c["department"]})
        out["cityAwaiting"] = bool(city.all("[data-awaiting]"))
        city.get(page)
        city.submit("form[action='/desk/send-to-department']", {"department": c["department"]})
        out["refusal"] = city.text() if city.all("[data-refusal]") else ""
        city.get(page)
        city.submit("form[action='/desk/department-reply']", {"department": c["department"], "result": "adopted", "handling": c["handling"]})
        out["cityResult"] = city.attr("[data-result]", "data-result")
        out["cityChain"] = city.driver.find_element(By.CSS_SELECTOR, "section[data-provenance]").text
        mark("city done")

        town = browsers["town"]
        town.wait("the province's adoption at the township", lambda d: d.find_elements(By.CSS_SELECTOR, "[data-adopted-above='province']"),
                  reload_path=page)
        out["townChain"] = town.driver.find_element(By.CSS_SELECTOR, "section[data-provenance]").text
        mark("town saw it")
    finally:
        for who, b in browsers.items():
            out["overflow"][who] = b.widest
            out["csp"] += b.csp
            b.quit()
    out["times"] = TIMES
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
