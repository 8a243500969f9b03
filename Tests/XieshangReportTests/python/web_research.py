"""A township's inspection report, its leader's instruction and its conversion 成果转化 recorded by the office in real
Chromium (issue 18 item 2).

usage: web_research.py CONFIG_JSON

CONFIG_JSON names "town": base (https://127.0.0.1:PORT), spki, user, password, profile; and report, activity, title,
text, leader, level, instruction, opinion (an opinion report id of the township), advice (a 建议案's title). The
forms' date stays as they fill it (today).

The office opens the research form and records the report, then a leader's instruction; a conversion into an opinion
report the township does not have is refused (the rule's message shown next to the form, nothing recorded); the
conversions into the existing opinion report and into a 建议案 are recorded. The office then reads the list of reports
and the report's detail page. Prints one JSON object: what each page showed, the widest horizontal overflow per page
(0 means none at 375 px) and the CSP refusals.
"""
import json
import sys

from web_session import open_all


def main():
    c = json.load(open(sys.argv[1]))
    town = c["town"]
    out = {}
    b = open_all(c, ["town"])["town"]
    try:
        b.get("/forms/research")
        b.submit("form.entry", {"step": "report", "id": c["report"], "activity": c["activity"], "title": c["title"],
                                "text": c["text"]})
        out["afterReport"] = b.driver.current_url.replace(town["base"], "")
        b.get("/forms/research")
        b.submit("form.entry", {"step": "instruction", "id": c["report"], "leader": c["leader"], "level": c["level"],
                                "text": c["instruction"]})
        out["afterInstruction"] = b.driver.current_url.replace(town["base"], "")
        b.get("/forms/research")
        b.submit("form.entry", {"step": "convert", "id": c["report"], "to": "opinion", "target": "NONE-1"})
        refusal = b.all("[data-refusal]")
        out["refusal"] = refusal[0].text if refusal else ""
        b.submit("form.entry", {"step": "convert", "id": c["report"], "to": "opinion", "target": c["opinion"]})
        b.get("/forms/research")
        b.submit("form.entry", {"step": "convert", "id": c["report"], "to": "advice", "target": c["advice"]})
        out["afterConvert"] = b.driver.current_url.replace(town["base"], "")
        b.get("/records/research")
        row = b.all(f"tr[data-id='{c['report']}']")
        out["listRow"] = row[0].text if row else ""
        b.get("/records/research/" + c["report"])
        out["detail"] = b.text()
        out["overflow"] = b.widest
        out["csp"] = b.csp
    finally:
        b.quit()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
