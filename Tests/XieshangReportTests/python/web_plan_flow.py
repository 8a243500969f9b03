"""A consultation plan through three bodies' web interfaces in real Chromium (issue 19, acceptance 4).

usage: web_plan_flow.py CONFIG_JSON

CONFIG_JSON names, for "city", "county" and "town": base (https://127.0.0.1:PORT), spki, user, password, profile;
and plan, title, document, csv (the plan's CSV text), subcsv (the county's sub-items), item (the item decomposed),
subitem, county_id, town_id.

The city's office pastes the CSV into the import form and issues the plan; the county's office waits until the plan
arrived, opens the item's 分解 link and decomposes it for its township; the township's clerk waits until the sub-item
arrived and reports 已召开; the county's office sees the township's stage under the city's item and reports its own
stage; the city's office sees it on its board, and below its item the county's sub-items with the township's stage
and overdue flag (down the tree, from the decomposition the county reported up). Each user first opens the pages
listed in their "extra" (measured like the others). Prints one JSON object: what each board showed, the widest horizontal
overflow per page (0 means none at 375 px) and the CSP refusals.
"""
import json
import sys

from selenium.webdriver.common.by import By

from web_session import TIMES, mark, open_all


def main():
    c = json.load(open(sys.argv[1]))
    out = {"overflow": {}, "csp": []}

    browsers = {}

    def open_browser(who):
        b = browsers[who]
        for path in c[who].pop("extra", []):
            b.get(path)
        return b

    try:
        browsers.update(open_all(c, ["city", "county", "town"]))
        mark("browsers open")
        plan_key = c["city"]["id"] + "/" + c["plan"]
        item_css = f"section[data-plan='{plan_key}'] article[data-item='{c['item']}']"

        city = open_browser("city")
        mark('city signed in')
        city.get("/plans/import")
        city.submit("form.entry", {"plan": c["plan"], "title": c["title"], "csv": c["csv"]})
        out["cityAfterImport"] = city.driver.current_url
        city.submit(f"section[data-plan='{plan_key}'] form", {"document": c["document"]})
        out["cityStatus"] = city.attr(f"section[data-plan='{plan_key}'] [data-plan-status]", "data-plan-status")
        out["cityOverdue"] = [e.get_attribute("data-assignee") for e in city.all("tr[data-overdue]")]

        county = open_browser("county")
        mark('county signed in')
        county.wait("the plan at the county", lambda d: d.find_elements(By.CSS_SELECTOR, item_css + " a[data-decompose]"), reload_path="/plans")
        county.click(item_css + " a[data-decompose]")
        county.submit("form.entry", {"csv": c["subcsv"]})
        out["countySubItem"] = bool(county.all(f"{item_css} ~ div.sub[data-sub-item='{c['subitem']}']"))

        town = open_browser("town")
        mark('town signed in')
        sub_css = f"section[data-plan='{c['county_id']}/{c['plan']}'] article[data-item='{c['subitem']}']"
        town.wait("the sub-item at the township", lambda d: d.find_elements(By.CSS_SELECTOR, sub_css + " form"), reload_path="/plans")
        town.submit(sub_css + " form", {"stage": "held", "note": "已召开专题协商会"})
        out["townStage"] = town.attr(f"{sub_css} tr[data-assignee='{c['town_id']}']", "data-stage")

        county = open_browser("county")
        row = f"div.sub[data-sub-item='{c['subitem']}'] tr[data-assignee='{c['town_id']}'][data-stage='held']"
        county.wait("the township's stage at the county", lambda d: d.find_elements(By.CSS_SELECTOR, row), reload_path="/plans")
        mark('county saw town')
        out["countySawTownStage"] = True
        county.submit(item_css + " form", {"stage": "held"})

        city = open_browser("city")
        cell = f"{item_css} tr[data-assignee='{c['county_id']}'][data-stage='held']"
        city.wait("the stage at the issuer", lambda d: d.find_elements(By.CSS_SELECTOR, cell), reload_path="/plans")
        mark('city saw stage')
        out["cityStage"] = city.attr(f"{item_css} tr[data-assignee='{c['county_id']}']", "data-stage")
        sub = f"section[data-plan='{plan_key}'] div.sub[data-sub-plan='{c['county_id']}/{c['plan']}']"
        town_cell = f"{sub}[data-sub-item='{c['subitem']}'] tr[data-assignee='{c['town_id']}'][data-stage='held']"
        city.wait("the township's stage at the issuer", lambda d: d.find_elements(By.CSS_SELECTOR, town_cell), reload_path="/plans")
        mark('city saw town')
        out["cityTownStage"] = {e.get_attribute("data-sub-item"): e.find_element(By.CSS_SELECTOR, f"tr[data-assignee='{c['town_id']}']").get_attribute("data-stage")
                                for e in city.all(sub)}
        out["cityTownOverdue"] = [e.get_attribute("data-sub-item") for e in city.all(sub)
                                  if e.find_elements(By.CSS_SELECTOR, f"tr[data-assignee='{c['town_id']}'][data-overdue]")]
        out["citySubLabels"] = [e.text for e in city.all(f"{sub} > p.muted")]
        out["cityText"] = city.text()
        shot = c.get("screenshot")
        if shot:
            city.driver.save_screenshot(shot)
    finally:
        for who, b in browsers.items():
            out["overflow"][who] = b.widest
            out["csp"] += b.csp
            b.quit()
    out["times"] = TIMES
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
