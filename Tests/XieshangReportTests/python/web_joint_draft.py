"""Two alliance offices edit one joint draft in two browsers at the same time (issue 19, acceptance 3).

usage: web_joint_draft.py CONFIG_JSON

CONFIG_JSON names, for "a" (the host) and "b": base, spki, user, password, profile, id (the node id); and draft (its
id), addA, addB, addB2 (text each office types).

Both browsers open the draft; each office types its change into the textarea (A at the end, B at the start) and both
save, each on the version its page showed: the two edits merge, and both pages — reloaded by the page's own script
as the other's edit arrives, never by the test — end with the same text and content hash. A signs that hash; B's
page shows the sign-off; B then edits again, which voids A's sign-off on both pages; both sign the new hash and the
draft is submitted on both pages. Prints one JSON object with what the pages showed at each step, the widest
horizontal overflow per page (0: none at 375 px) and the CSP refusals.
"""
import json
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from web_session import TIMES, mark, open_all


def main():
    c = json.load(open(sys.argv[1]))
    path = "/drafts/show?id=" + c["draft"].replace("/", "%2F")
    out = {}
    browsers = {}
    try:
        browsers.update(open_all(c, ["a", "b"]))
        mark('signed in')
        a, b = browsers["a"], browsers["b"]
        a.get("/drafts")
        a.get(path)
        b.wait("the draft at B", lambda d: d.find_elements(By.CSS_SELECTOR, "[data-text]"), reload_path=path)
        out["initial"] = [x.all("[data-hash]")[0].text for x in (a, b)]

        # Both type at the same time, on the version their page shows; then both save.
        area_a = a.driver.find_element(By.CSS_SELECTOR, "textarea[name=text]")
        area_a.send_keys(Keys.CONTROL, Keys.END)
        area_a.send_keys("\n" + c["addA"])
        area_b = b.driver.find_element(By.CSS_SELECTOR, "textarea[name=text]")
        area_b.send_keys(Keys.CONTROL, Keys.HOME)
        area_b.send_keys(c["addB"] + "\n")
        a.click("button[data-save]")
        b.click("button[data-save]")
        mark('saved')
        out["afterSave"] = {"a": a.text()[:2000], "b": b.text()[:2000]}

        def merged(d):
            t = d.find_elements(By.CSS_SELECTOR, "[data-text]")
            return t and c["addA"] in t[0].text and c["addB"] in t[0].text and (t[0].text, d.find_element(By.CSS_SELECTOR, "[data-hash]").text)

        seen = {who: x.wait(f"both edits on {who}'s page", merged) for who, x in browsers.items()}
        mark('merged')
        out["mergedText"] = {who: v[0] for who, v in seen.items()}
        out["mergedHash"] = {who: v[1] for who, v in seen.items()}

        # A signs the version shown; B's page comes to show it (its script reloads it).
        a.click("button[data-sign]")
        signed = f"li[data-signoff='{c['a']['id']}'][data-signed-hash='{seen['a'][1]}']:not([data-void])"
        for who, x in browsers.items():
            x.wait(f"A's sign-off on {who}'s page", lambda d: d.find_elements(By.CSS_SELECTOR, signed))
        mark('signed')
        out["signedHash"] = seen["a"][1]

        # B edits after the sign-off: it is void on both pages.
        area_b = b.driver.find_element(By.CSS_SELECTOR, "textarea[name=text]")
        area_b.send_keys(Keys.CONTROL, Keys.END)
        area_b.send_keys("\n" + c["addB2"])
        b.click("button[data-save]")
        voided = f"li[data-signoff='{c['a']['id']}'][data-void]"
        for who, x in browsers.items():
            x.wait(f"A's sign-off void on {who}'s page", lambda d: d.find_elements(By.CSS_SELECTOR, voided)
                   and c["addB2"] in d.find_element(By.CSS_SELECTOR, "[data-text]").text)
        mark('void')
        out["voidOnBoth"] = True
        final = {who: x.all("[data-hash]")[0].text for who, x in browsers.items()}
        out["finalHash"] = final

        # Both sign the version shown: the draft is submitted, on both pages, with both sign-offs on one hash.
        a.click("button[data-sign]")
        b.wait("B's page after A's second sign-off", lambda d: d.find_elements(By.CSS_SELECTOR, f"li[data-signoff='{c['a']['id']}']:not([data-void])"))
        b.click("button[data-sign]")
        for who, x in browsers.items():
            x.wait(f"submitted on {who}'s page", lambda d: d.find_elements(By.CSS_SELECTOR, "[data-status='submitted']"))
        mark('submitted')
        out["submitted"] = {who: [(e.get_attribute("data-signoff"), e.get_attribute("data-signed-hash"), e.get_attribute("data-void"))
                                  for e in x.all("li[data-signoff]")] for who, x in browsers.items()}
        out["editFormAfterSubmission"] = {who: bool(x.all("textarea[name=text]")) for who, x in browsers.items()}
        out["text"] = {who: x.all("[data-text]")[0].text for who, x in browsers.items()}
        shot = c.get("screenshot")
        if shot:
            a.driver.save_screenshot(shot)
    finally:
        out["overflow"] = {who: x.widest for who, x in browsers.items()}
        out["csp"] = sum((x.csp for x in browsers.values()), [])
        for x in browsers.values():
            x.quit()
    out["times"] = TIMES
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
