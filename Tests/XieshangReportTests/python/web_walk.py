"""Drives a node's web interface in headless Chromium as several people, each in a browser of their own (their own
Chromium and WebDriver session, profile, login and cookies: web_session.Browser), as 375 px phones, trusting only the
test's certificate by its SPKI hash; then walks every page each role can reach.

usage: web_walk.py < PLAN_JSON

PLAN: {"base": URL, "spki": HASH, "profile": DIR, "users": {name: password},
       "steps": [{"user": name, "path": "/…", "form": CSS or absent, "fields": {name: value}}],
       "walk": [name, …], "maxPages": N, "maxVariants": N, "minTarget": PX}

Each user's browser starts at their first use (signing in on /login: typing, pressing 登录) and is quit after their
last step, or after their walk when they walk; the steps run one at a time, the walks two at a time ("parallel": 1 or
2, for the machine's two cores). A step loads its path; with
"form" it fills that form's fields (a select by value, a date by script, others by typing), presses its submit button
and waits for the next page (the form's element goes stale).

The walk, for each user of "walk" in order: breadth first from "/", every same-origin link on the pages (no downloads,
no CSV, no logout/login) and every GET form's submissions as the browser would send them — as the page fills it, once
per option of each of its selects, and once with each text field set to its placeholder (the filters, periods,
drill-downs, paging and detail pages the pages themselves offer). A page is its path and its non-empty query fields
(sorted): each is opened once; at most maxVariants pages of a kind (its path, id segments counted as one, and the
names of its query fields: ``template``) and maxPages per user. Each page is measured as a
reader meets it: the HTTP status (the navigation's responseStatus), innerWidth and scrollWidth, resources loaded beyond
the page, the title, CSP refusals, and the visible form controls smaller than minTarget CSS px either way. Then every
user after the first also opens the paths the first walker reached and they did not (one URL per path: the pages a
role has no link to, which must answer 200, or 403/404 on the role's error page, and fit the phone as well).

Prints one JSON object: "steps" (url, title, text after each step), "walk" (per user, the pages: url, page (its key), path (after redirects), status,
title, innerWidth, scrollWidth, resources, cspViolations, smallControls), "probes" (per user, the same for the pages
opened without a link), "capped" (per user, pages found but not opened for the bounds) and "times".
"""
import json
import sys
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

import web_browser
from web_session import TIMES, Browser, _stale, mark

MEASURE = """
const nav = performance.getEntriesByType('navigation')[0];
const min = arguments[0];
const small = Array.from(document.querySelectorAll('input:not([type=hidden]),select,textarea,button'))
  .filter(e => e.getClientRects().length > 0)
  .map(e => { const r = e.getBoundingClientRect();
              return {control: e.tagName.toLowerCase() + (e.name ? '[name=' + e.name + ']' : '') + (e.type ? '[type=' + e.type + ']' : ''),
                      label: (e.innerText || e.value || '').slice(0, 20), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10}; })
  .filter(c => c.width < min || c.height < min);
return {status: nav ? nav.responseStatus : 0, innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
        resources: performance.getEntriesByType('resource').length, title: document.title,
        text: document.body ? document.body.innerText : '', smallControls: small};
"""

# What the page offers to open: its links (not downloads) and each GET form's submissions (as filled; each select's
# options in turn; each text field set to its placeholder), as absolute URLs.
OFFERS = """
const out = Array.from(document.links).filter(a => !a.hasAttribute('download')).map(a => a.href);
for (const f of document.forms) {
  if ((f.getAttribute('method') || 'get').toLowerCase() !== 'get') continue;
  const url = () => { const u = new URL(f.action, location.href); u.search = new URLSearchParams(new FormData(f)).toString(); return u.href; };
  out.push(url());
  for (const s of f.querySelectorAll('select')) {
    const keep = s.value;
    for (const o of s.options) { s.value = o.value; out.push(url()); }
    s.value = keep;
  }
  for (const i of f.querySelectorAll('input[placeholder]:not([type=hidden])')) {
    const keep = i.value; i.value = i.placeholder; out.push(url()); i.value = keep;
  }
}
return out;
"""

SKIP = ("/logout", "/login")


def key(url):
    """A page's identity: its path and its non-empty query fields, sorted."""
    parts = urlsplit(url)
    fields = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if v != "")
    return parts.path + ("?" + urlencode(fields) if fields else "")


def template(url):
    """The kind of page a URL is, for the bound: its path with each segment holding a digit (an id: a proposal, a record,
    a member) as `*`, and the names of its non-empty query fields — so one record's detail page stands for all of its
    kind, and a dashboard's periods are one kind, its periods of a drilled-down body another."""
    parts = urlsplit(url)
    names = sorted({k for k, v in parse_qsl(parts.query, keep_blank_values=True) if v != ""})
    return "/".join("*" if any(c.isdigit() for c in seg) else seg for seg in parts.path.split("/")) + "?" + "&".join(names)


def step(browser, s):
    driver = browser.driver
    driver.get(browser.base + s["path"])
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
            WebDriverWait(driver, 20).until(lambda d: _stale(form))
        except TimeoutException:
            invalid = driver.execute_script("return Array.from(document.querySelectorAll(':invalid')).map(e => e.name + ': ' + e.validationMessage)")
            raise SystemExit(f"step {s} did not leave {before}; invalid fields: {invalid}\n" + browser.text())
    info = driver.execute_script(MEASURE, 0)
    del info["smallControls"]
    info["url"] = driver.current_url
    return info


def visit(browser, url, plan):
    """Opens `url` and measures the page as a reader meets it."""
    d = browser.driver
    d.get(url)
    info = d.execute_script(MEASURE, plan.get("minTarget", 24))
    info["url"], info["page"] = url, key(url)
    info["path"] = urlsplit(d.current_url).path
    info["cspViolations"] = web_browser.csp_refusals(d)
    if info["status"] == 200:
        del info["text"]
    else:
        info["text"] = info["text"][:300]
    return info


def walk(browser, plan):
    base = plan["base"]
    origin = urlsplit(base).netloc
    seen, pages, queue, per_kind, capped = set(), [], deque([base + "/"]), Counter(), 0
    while queue and len(pages) < plan.get("maxPages", 150):
        url = queue.popleft()
        k = key(url)
        if k in seen:
            continue
        seen.add(k)
        kind = template(url)
        if per_kind[kind] >= plan.get("maxVariants", 12):
            capped += 1
            continue
        per_kind[kind] += 1
        info = visit(browser, url, plan)
        pages.append(info)
        seen.add(key(browser.driver.current_url))
        for href in browser.driver.execute_script(OFFERS):
            target = urlsplit(urljoin(browser.driver.current_url, href))
            if target.netloc != origin or target.path.endswith(".csv") or target.path in SKIP:
                continue
            queue.append(target._replace(fragment="").geturl())
    return pages, capped + len({key(u) for u in queue} - seen)


def main():
    plan = json.load(sys.stdin)
    steps, walkers = plan.get("steps", []), plan.get("walk", [])
    last = {s["user"]: i for i, s in enumerate(steps)}
    browsers = {}

    def browser(name):
        if name not in browsers:
            b = Browser(plan["base"], plan["spki"], f"{plan['profile']}-{name}")
            browsers[name] = b
            b.sign_in(name, plan["users"][name])
            mark(f"{name} signed in")
        return browsers[name]

    def done(name):
        b = browsers.pop(name, None)
        if b:
            b.quit()

    out = {"steps": [], "walk": {}, "probes": {}, "capped": {}}
    try:
        for i, s in enumerate(steps):
            out["steps"].append(step(browser(s["user"]), s))
            if last[s["user"]] == i and s["user"] not in walkers:
                done(s["user"])
        mark("steps")
        first = walkers[0] if walkers else None

        def walk_one(name, first_walk):
            b = browser(name)
            out["walk"][name], out["capped"][name] = walk(b, plan)
            mark(f"{name} walked")
            if first_walk is not None:
                first_walk.result()
                mine, theirs = {p["path"] for p in out["walk"][name]}, {}
                for p in out["walk"][first]:
                    theirs.setdefault(p["path"], p["url"])
                out["probes"][name] = [visit(b, url, plan) for path, url in sorted(theirs.items()) if path not in mine]
                mark(f"{name} probed")
            done(name)

        # Two browsers at a time at most (the machine's two cores); the others wait for the first walker's pages.
        with ThreadPoolExecutor(max(1, min(2, plan.get("parallel", 2)))) as pool:
            futures = [pool.submit(walk_one, first, None)] if first else []
            futures += [pool.submit(walk_one, name, futures[0]) for name in walkers[1:]]
            for f in futures:
                f.result()
    finally:
        for name in list(browsers):
            done(name)
    out["times"] = TIMES
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
