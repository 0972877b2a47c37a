#!/usr/bin/python3
"""brugpunt-catalogue against a loopback UiTdatabank Search API that serves JSON-LD fixtures
written from publiq's documented event model; plus the CSV and check commands end to end.

uitdatabank_test.py --tool BIN --demo CATALOGUE --fixtures DIR
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import delivery_test as dt  # noqa: E402  (check, fail)

check = dt.check
# The fixtures were written on this day; their dates move with the calendar so that the one-off
# event stays in the future (the importer leaves out what has ended), by whole weeks so that the
# weekdays stay as written.
WRITTEN = datetime.date(2026, 11, 23)
DATE_KEYS = {"startDate", "endDate", "availableFrom", "availableTo"}


def as_of_today(node, weeks):
    """The fixture with its schedule dates moved on by whole weeks (not its modified times)."""
    if isinstance(node, list):
        return [as_of_today(n, weeks) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in DATE_KEYS and isinstance(v, str) and re.match(r"\d{4}-\d{2}-\d{2}", v):
            day = datetime.date.fromisoformat(v[:10]) + datetime.timedelta(weeks=weeks)
            v = day.isoformat() + v[10:]
        out[k] = as_of_today(v, weeks)
    return out


EVENTS = []     # what the server holds now
REQUESTS = []   # (query dict, client id) per request


class Search(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        REQUESTS.append((q, self.headers.get("X-Client-Id")))
        if self.headers.get("X-Client-Id") != "test-client":
            return self.answer(401, {"title": "Unauthorized"})
        if url.path != "/events" or q.get("sort[modified]") != "asc" or q.get("embed") != "true":
            return self.answer(400, {"title": "bad query"})
        found = [e for e in EVENTS if e["location"]["address"]["nl"]["postalCode"] == q.get("postalCode")
                 and e["modified"] >= q.get("modifiedFrom", "")]
        found.sort(key=lambda e: e["modified"])
        start, limit = int(q.get("start", 0)), int(q.get("limit", 30))
        self.answer(200, {"@context": "http://www.w3.org/ns/hydra/context.jsonld", "@type": "PagedCollection",
                          "itemsPerPage": limit, "totalItems": len(found), "member": found[start:start + limit]})

    def answer(self, status, doc):
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def tool(*args, rc=0):
    r = subprocess.run([ARGS.tool, *args], capture_output=True, text=True, timeout=60)
    if rc is not None and r.returncode != rc:
        dt.fail(f"brugpunt-catalogue {' '.join(args)} exited {r.returncode}, not {rc}: {r.stdout}{r.stderr}")
    return r


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--demo", required=True)
    p.add_argument("--fixtures", required=True)
    ARGS = p.parse_args()
    tmp = tempfile.mkdtemp(prefix="brugpunt-uit-")
    weeks = max(0, (datetime.date.today() - WRITTEN).days // 7 + 1)
    events = as_of_today(json.load(open(os.path.join(ARGS.fixtures, "events.json"))), weeks)
    changes = as_of_today(json.load(open(os.path.join(ARGS.fixtures, "changes.json"))), weeks)
    EVENTS.extend(events)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Search)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api = f"http://127.0.0.1:{server.server_address[1]}"
    out = os.path.join(tmp, "catalogue.json")
    pull = ["import", "--uitdatabank", api, "--client-id", "test-client", "--postal-code", "9999", "--page-size", "2",
            "--out", out, "--base", ARGS.demo]

    r = tool(*pull)
    check([int(q["start"]) for q, _ in REQUESTS] == [0, 2] and all(q["limit"] == "2" for q, _ in REQUESTS),
          f"the first pull reads the 3 events of postal code 9999 in two pages of 2 ({len(REQUESTS)} requests)")
    check(all(q.get("embedUitpasPrices") == "true" and "modifiedFrom" not in q for q, _ in REQUESTS),
          "...asking for UiTPAS prices, everything (no modifiedFrom)")
    cat = json.load(open(out))
    uit = {a["id"]: a for a in cat["activities"] if a["id"].startswith("uit-")}
    check(len(uit) == 3 and len(cat["activities"]) == 48 + 3, "3 activities added next to the 48 already there")
    check("uit-4b2c3d4e-4444-4aaa-9bbb-000000000004" not in uit, "the event in another town is not pulled")
    to_fill = int(re.search(r"(\d+) fields still to fill in", r.stdout).group(1))
    check(r.stdout.count("to fill in: pictograms, de eerste keer") == 3 and to_fill > 0,
          f"the report says what the kiosk still needs for each ({to_fill} fields to fill in or fix)")
    state = open(out + ".uitdatabank").read().strip()
    check(state == "2026-11-03T08:00:00+00:00", f"the newest change seen is remembered: {state}")

    # Staff fill in what only the kiosk has; then UiTdatabank changes one event and deletes one.
    swim_id = "uit-1b2c3d4e-1111-4aaa-9bbb-000000000001"
    for a in cat["activities"]:
        if a["id"] == swim_id:
            a["pictograms"] = ["swimmer"]
            a["first_visit"]["where"] = "Ga naar de kassa van het zwembad."
    json.dump(cat, open(out, "w"), ensure_ascii=False)
    EVENTS[:] = [e for e in EVENTS if e["@id"] not in {c["@id"] for c in changes}] + changes
    del REQUESTS[:]
    r = tool(*pull)
    check(REQUESTS and all(q.get("modifiedFrom") == state for q, _ in REQUESTS),
          f"the next pull asks only for changes since then (modifiedFrom={REQUESTS[0][0].get('modifiedFrom')}, "
          f"{len(REQUESTS)} pages for 3 changed events)")
    cat = json.load(open(out))
    uit = {a["id"]: a for a in cat["activities"] if a["id"].startswith("uit-")}
    check("uit-2b2c3d4e-2222-4aaa-9bbb-000000000002" not in uit, "the event deleted in UiTdatabank is gone")
    swim = uit[swim_id]
    check(swim["price"]["cents"] == 6500, "the changed price arrived")
    check(swim["pictograms"] == ["swimmer"] and swim["first_visit"]["where"] == "Ga naar de kassa van het zwembad.",
          "...and what staff filled in for the kiosk is kept")
    check("1 removed" in r.stdout, f"the report counts the removal: {r.stdout.strip().splitlines()[-1]}")

    r = tool("import", "--uitdatabank", api, "--client-id", "wrong", "--postal-code", "9999", "--out", out, rc=1)
    check("HTTP 401 (check --client-id)" in r.stderr, f"a wrong client id: {r.stderr.strip()}")

    # check: errors by position, warnings per text.
    r = tool("check", out, rc=1)
    lines = r.stdout.splitlines()
    check(any(line.startswith(f"{out}:") and "uit-1b2c3d4e-1111-4aaa-9bbb-000000000001: price.period" in line
              for line in lines), "check names the missing price period with file:line:column")
    check(lines[-1].endswith("plain-language warnings"), f"...and sums up: {lines[-1]}")
    jargon = os.path.join(tmp, "jargon.txt")
    open(jargon, "w").write("ondiepe bad = kleine bad\n")
    r = tool("check", out, "--jargon", jargon, rc=1)
    check(any('jargon: "ondiepe bad"; say "kleine bad"' in line for line in r.stdout.splitlines()),
          "staff can add their own jargon")

    # The CSV template: imports clean; a broken cell is named by row and column.
    template = os.path.join(os.path.dirname(ARGS.demo), "..", "staff", "catalogue-template.csv")
    csv_out = os.path.join(tmp, "from-csv.json")
    r = tool("import", "--csv", template, "--base", ARGS.demo, "--out", csv_out)
    check("1 new" in r.stdout and "0 fields still to fill in" in r.stdout, "the CSV template imports with nothing to fix")
    tool("check", csv_out, rc=0)
    r = tool("import", "--json", ARGS.demo, "--out", csv_out)
    check("0 new, 48 updated" in r.stdout, "importing catalogue JSON updates the activities it shares")
    broken = os.path.join(tmp, "broken.csv")
    text = open(template).read().replace(";45,00;", ";veel;")
    open(broken, "w").write(text)
    r = tool("check", broken, rc=1)
    check(f"{broken}:2:12: price_eur: 'veel' is geen bedrag in euro" in r.stdout, "a bad cell: file:2:12 in check")
    server.shutdown()
    print("PASS")


if __name__ == "__main__":
    main()
