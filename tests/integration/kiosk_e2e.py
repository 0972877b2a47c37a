#!/usr/bin/python3
"""The whole kiosk, driven like a visitor: real X clicks (xdotool) under Xvfb on the real program,
through "Maak een afspraak", to a real brugpunt-balie behind nginx with TLS on loopback, which
sees the running kiosk's heartbeat too. Then the staff screen.

kiosk_e2e.py --brugpunt BIN --balie BIN   (run inside xvfb-run, screen 1920x1080)

The kiosk writes where each widget was drawn (--widget-map); this driver clicks their centres.
"""
import argparse
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import delivery_test as dt  # certificates, Balie behind nginx, checks

PHONE_TYPED = "0671234567"  # a Ukrainian mobile, typed as a Ukrainian would, trunk 0 and all


def widget_map(path):
    try:
        with open(path) as f:
            return {p[0]: tuple(map(float, p[1:])) for p in (line.split() for line in f) if len(p) == 5}
    except FileNotFoundError:
        return {}


def wait_for(path, widget, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        m = widget_map(path)
        if widget in m:
            return m
        time.sleep(0.05)
    dt.fail(f"widget {widget} never appeared; on screen: {sorted(widget_map(path))}")


def click(path, widget, offset=(0, 0)):
    m = wait_for(path, widget)
    x0, y0, x1, y1 = m[widget]
    x, y = (x0 + x1) / 2 + offset[0], (y0 + y1) / 2 + offset[1]
    subprocess.run(["xdotool", "mousemove", str(int(x)), str(int(y)), "click", "1"], check=True)
    time.sleep(0.12)  # a press and a release, a few frames apart


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--brugpunt", required=True)
    p.add_argument("--balie", required=True)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="brugpunt-e2e-") as tmp:
        dt.TMP = tmp
        dt.ARGS = argparse.Namespace(balie=a.balie, brugpunt=a.brugpunt)
        certs = dt.make_ca("good")
        balie = dt.Balie(certs, kiosks=("e2e-kiosk",))
        # A heartbeat every 10 s (the least the config allows), to see the visitor's counts arrive.
        conf = dt.config(**dt.kiosk_lines(balie, "e2e-kiosk", ca_file=certs["ca"], staff_pin="2468"),
                         sync_interval_s=10)
        wmap = os.path.join(tmp, "widgets.txt")
        log = open(os.path.join(tmp, "kiosk.log"), "w")
        kiosk = subprocess.Popen([a.brugpunt, "--config", conf, "--size", "1920x1080", "--widget-map", wmap],
                                 stdout=log, stderr=log)
        try:
            # A visitor: start, Sport, the football card, "Maak een afspraak".
            click(wmap, "attract:start")
            click(wmap, "tile:sport")
            click(wmap, "card:voetbal-u8")
            click(wmap, "detail:appointment")            # at the top of the football page: about football
            click(wmap, "appt:next")                      # about: this activity
            click(wmap, "children:plus")                  # one child
            click(wmap, "appt:next")
            click(wmap, "help:1")                         # a trial session
            click(wmap, "help:2")                         # and someone to go along
            click(wmap, "appt:next")
            click(wmap, "contact:country")                # a phone from home: the country first
            click(wmap, "country:UA")
            for digit in PHONE_TYPED:
                click(wmap, f"keypad:{digit}")
            click(wmap, "appt:next")
            click(wmap, "language:3")                     # Arabic
            click(wmap, "language:interpreter")
            click(wmap, "appt:next")
            click(wmap, "daypart:2")                      # evening
            click(wmap, "appt:next")
            click(wmap, "appt:next")                      # the check: "Ja, dit klopt"
            click(wmap, "consent:yes")
            wait_for(wmap, "appt:finish")
            dt.check(True, "the visitor reached the confirmation through real clicks")

            # The worker thread delivers it in the background.
            end, got = time.time() + 15, []
            while time.time() < end:
                got = balie.references()
                if len(got) == 1:
                    break
                time.sleep(0.2)
            dt.check(len(got) == 1, "Balie got the request from the running kiosk")
            with balie.db() as db:
                row = db.execute("SELECT kiosk_id, phone, activities, children, language, interpreter, day_parts, help "
                                 "FROM requests").fetchone()
            dt.check(row[0] == "e2e-kiosk" and row[1] == "+380671234567",
                     f"with the Ukrainian number as typed, in E.164: {row[1]}")
            dt.check(json.loads(row[2])[0][0] == "voetbal-u8" and json.loads(row[3]) == [6], "and the choices")
            dt.check(row[4] == "ar" and row[5] == 1 and json.loads(row[6]) == ["evening"],
                     "language, interpreter and day part")
            dt.check(json.loads(row[7]) == ["trial", "go_along"], f"and the help asked: {row[7]}")
            with balie.db() as db:
                beat = db.execute("SELECT last_heartbeat_ms, uptime_s FROM kiosks WHERE id = 'e2e-kiosk'").fetchone()
            dt.check(beat[0] > 0, "the running kiosk, which has no catalogue server, sent Balie its heartbeat")
            end = time.time() + 10
            while time.time() < end and dt.outbox_status(conf)["depth"] != "0":
                time.sleep(0.2)
            dt.check(dt.outbox_status(conf)["depth"] == "0", "and the kiosk's outbox is empty again")

            # Staff: back to attract, five quick taps in the corner, the PIN, the status screen.
            click(wmap, "appt:finish")
            click(wmap, "top:back")
            wait_for(wmap, "attract:start")
            for _ in range(5):
                subprocess.run(["xdotool", "mousemove", "20", "20", "click", "1"], check=True)
                time.sleep(0.12)
            for digit in "2468":
                click(wmap, f"pin:{digit}")
            click(wmap, "staff:ok")
            wait_for(wmap, "staff:close")
            dt.check(True, "the staff screen opens with the hidden gesture and the PIN")
            click(wmap, "staff:close")
            wait_for(wmap, "attract:start")

            # What the visitor looked at reaches Balie as counts in a later heartbeat: no phone
            # number, no reference, nothing per visitor.
            end, demand = time.time() + 25, {}
            while time.time() < end:
                with balie.db() as db:
                    demand = dict(db.execute("SELECT key, SUM(n) FROM demand WHERE kiosk_id = 'e2e-kiosk' "
                                             "GROUP BY key").fetchall())
                if "request:sport" in demand:
                    break
                time.sleep(0.5)
            dt.check(demand.get("sessions") == 1 and demand.get("category:sport") == 1 and
                     demand.get("activity:voetbal-u8") == 1 and demand.get("request:sport") == 1,
                     f"Balie has the visitor's session, category, activity and request as counts: {demand}")
            dt.check(all(re.fullmatch(r"[a-z]+(:[a-z0-9_.-]+)?", k) for k in demand),
                     "and nothing but the closed set of keys")
        finally:
            kiosk.terminate()
            kiosk.wait(10)
            log.close()
            balie.stop()
        lines = open(os.path.join(tmp, "kiosk.log")).read().splitlines()
        dt.check(any("queued request" in l for l in lines), "the kiosk logged the request by reference")
        # The number in any form it could take: as typed, grouped, or in E.164.
        leaks = [l for l in lines if dt.PHONE.search(l) or re.search(r"67\D?123\D?45\D?67", l)]
        dt.check(not leaks, f"no phone number in the kiosk's log {leaks[:3]}")
    print("PASS")


if __name__ == "__main__":
    main()
