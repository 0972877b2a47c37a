#!/usr/bin/python3
"""A blind visitor asks for a callback alone: the real kiosk under Xvfb, driven by real X pointer
gestures (xdotool) chosen only from what the kiosk says, through "Maak een afspraak" to a real
brugpunt-balie behind nginx with TLS on loopback. Once in Dutch, once in Ukrainian.

speech_e2e.py --brugpunt BIN --balie BIN   (run inside xvfb-run, screen 1280x720)

The kiosk logs each utterance it is asked to say (--speech-log: LANG, Dutch, translation). This
driver reads nothing else of the kiosk's: no widget map, no screenshots. Where it touches follows
from what it heard, as a finger follows the voice: it slides over the screen until the kiosk says
what it looks for, or swipes from control to control; then it double-taps anywhere. Sound goes
to SDL's disk driver, so the kiosk has its voices and the speech is really made.
"""
import argparse
import json
import re
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import delivery_test as dt  # certificates, Balie behind nginx, checks

W, H = 1280, 720


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)


class Ears:
    """What the kiosk said, line by line, as (language, dutch, translated)."""

    def __init__(self, path):
        self.path = path
        self.seen = 0

    def all(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                return [tuple((line.rstrip("\n").split("\t") + ["", "", ""])[:3]) for line in f if line.strip()]
        except FileNotFoundError:
            return []

    def new(self, timeout=2.5, settle=0.25):
        """What is said from now on: waits for a first line, then a moment for more."""
        end = time.time() + timeout
        while time.time() < end:
            lines = self.all()
            if len(lines) > self.seen:
                time.sleep(settle)
                lines = self.all()
                out = lines[self.seen:]
                self.seen = len(lines)
                return out
            time.sleep(0.03)
        return []

    def skip(self):
        self.seen = len(self.all())


class Finger:
    def __init__(self, ears):
        self.ears = ears

    def hold(self, seconds):
        self.ears.skip()
        xdo("mousemove", W // 2, H * 2 // 3, "mousedown", 1)
        time.sleep(seconds)
        xdo("mouseup", 1)
        return self.ears.new()

    def swipe(self, right=True):
        """A quick sideways stroke: the next control (right) or the previous one (left)."""
        self.ears.skip()
        x0 = W * 0.3 if right else W * 0.7
        dx = 240 if right else -240
        y = H * 0.55
        xdo("mousemove", int(x0), int(y), "mousedown", 1, "mousemove", int(x0 + dx / 2), int(y),
            "mousemove", int(x0 + dx), int(y), "mouseup", 1)
        said = self.ears.new(settle=0.05)
        return said[-1] if said else None

    def double_tap(self):
        """Anywhere: it chooses what was said last. Returns what the kiosk says after it."""
        self.ears.skip()
        xdo("mousemove", W // 2, H // 2, "click", "--repeat", 2, "--delay", 90, 1)
        return self.ears.new(timeout=3)

    def slide_until(self, wanted, step=64):
        """Keeps a finger on the screen and slides it row by row until the kiosk says `wanted`
        (a test on the Dutch line); lifts it there, so that is what a double tap chooses. Returns
        the line, or None."""
        self.ears.skip()
        path = []
        for y in range(step // 2, H, step):
            row = range(step // 2, W, step) if (y // step) % 2 == 0 else range(W - step // 2, 0, -step)
            path += [(x, y) for x in row]
        xdo("mousemove", *path[0], "mousedown", 1)
        time.sleep(0.35)  # a finger that rests is heard
        try:
            for i, (x, y) in enumerate(path):
                xdo("mousemove", x, y)
                heard = [l for l in self.ears.new(timeout=0.04, settle=0.0) if wanted(l[1])]
                if not heard:
                    continue
                # The voice lags the finger a little: go back until it is the last thing said.
                for bx, by in reversed(path[max(0, i - 4):i + 1]):
                    xdo("mousemove", bx, by)
                    time.sleep(0.15)
                    lines = self.ears.all()
                    if lines and wanted(lines[-1][1]):
                        return lines[-1]
        finally:
            xdo("mouseup", 1)
        return None


def find(finger, wanted, what, limit=80):
    """Swipes through the controls until one says `wanted`: forward to the end, then back."""
    for right in (True, False):
        last = None
        for _ in range(limit):
            line = finger.swipe(right)
            if line is None:
                break
            if wanted(line[1]):
                return line
            if line == last:
                break  # the end of the screen says its last control again
            last = line
    dt.fail(f"never heard {what}; the kiosk said: {finger.ears.all()[-60:]}")


def is_(text):
    return lambda s: s == text


def starts(text):
    return lambda s: s.startswith(text)


def choose(finger, wanted, what):
    line = find(finger, wanted, what)
    after = finger.double_tap()
    print(f"  {what}: heard {line[1]!r}, double tap: {[l[1][:60] for l in after]}", flush=True)
    return line, after


def visit(a, balie, language):
    """One visitor, from the attract screen to Balie. language: "nl" or a code to pick."""
    data = os.path.join(dt.TMP, f"kiosk-{language}")
    os.makedirs(data)
    conf = dt.config(**dt.kiosk_lines(balie, "speech-kiosk", ca_file=CERTS["ca"]), data_dir=data,
                     speech_hint_s=5)
    said_path = os.path.join(data, "said.tsv")
    log = open(os.path.join(data, "kiosk.log"), "w")
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=os.path.join(data, "audio.raw"))
    kiosk = subprocess.Popen([a.brugpunt, "--config", conf, "--size", f"{W}x{H}", "--speech-log", said_path],
                             stdout=log, stderr=log, env=env)
    ears = Ears(said_path)
    finger = Finger(ears)
    try:
        # 1. The attract screen says how to start, without anybody touching it.
        hint = ears.new(timeout=15)
        dt.check(any("Houd je vinger 3 tellen op het scherm" in l[1] for l in hint),
                 f"the untouched attract screen says how to start speech mode: {hint}")
        # 2. A finger kept on the screen for three seconds: speech mode, and how it works.
        on = finger.hold(3.4)
        dt.check(any(l[1].startswith("Voorlezen staat aan") for l in on), f"a 3 s hold starts speech mode: {on}")

        # 3. The visitor's own language, from the top bar's "Taal", heard in its own voice.
        if language != "nl":
            choose(finger, is_("Taal"), "the language button")
            line, _ = choose(finger, lambda s: s.startswith("Oekraïens"), "Ukrainian in the picker")
            dt.check(line[0] == "uk" and line[2] == "Українська", f"the picker says Ukrainian in Ukrainian: {line}")

        # 4. Explore by touch: slide a finger over the home screen until it says Sport.
        def localised(line):
            return language == "nl" or (line[0] == language and line[2] != "")
        sport = finger.slide_until(is_("Sport"))
        dt.check(sport is not None, "sliding a finger over the home screen finds Sport")
        list_said = finger.double_tap()
        dt.check(bool(list_said), f"a double tap opens it and the list says where it is: {list_said}")
        card = find(finger, starts("Voetbal voor kinderen van 6 tot 8"), "the football card")
        dt.check(" van " in card[1], f"a card says its title, badges and place in the list: {card[1]}")
        dt.check(localised(card), f"in the visitor's language too: {card}")
        if language == "nl":
            # Swiping past the last card in view scrolls the list on: all eight can be reached.
            last = find(finger, lambda t: t.endswith("8 van 8"), "the last card, beyond the screen")
            dt.check(True, f"swiping on scrolls the list to its last card: {last[1][:60]}")
            card = find(finger, starts("Voetbal voor kinderen van 6 tot 8"), "the football card again, scrolling back")
        finger.double_tap()
        choose(finger, is_("Maak een afspraak"), "Maak een afspraak on the detail page")

        # 5. The request, step by step.
        choose(finger, is_("Verder"), "Verder (about)")
        _, plus = choose(finger, starts("plus,"), "the children's plus key")
        dt.check(any("1" in l[1] for l in plus), f"the plus key says the new count: {plus}")
        choose(finger, is_("Verder"), "Verder (children)")
        _, trial = choose(finger, starts("Een testmoment regelen"), "the trial help tile")
        dt.check(any(l[1] == "Een testmoment regelen, gekozen" for l in trial), f"a tile says it is chosen: {trial}")
        if language != "nl":
            dt.check(any(l[0] == language and l[2].endswith(", вибрано") for l in trial),
                     f"and says it in Ukrainian: {trial}")
        choose(finger, is_("Verder"), "Verder (help)")
        typed = []
        for digit in "0471234567":
            _, back = choose(finger, is_(digit), f"the keypad's {digit}")
            typed.append(digit)
            dt.check(any(" ".join(typed) in re.split(r"\.\s", l[1]) for l in back), f"the kiosk reads back {' '.join(typed)}: {back}")
        choose(finger, is_("Verder"), "Verder (phone)")
        choose(finger, starts("Nederlands" if language == "nl" else "Oekraïens"), "the desk's language")
        choose(finger, is_("Verder"), "Verder (language)")
        choose(finger, starts("Avond"), "the evening")
        choose(finger, is_("Verder"), "Verder (day parts)")
        choose(finger, is_("Ja, dit klopt"), "the check's yes")
        _, done = choose(finger, is_("Ja, verstuur"), "the consent's yes")
        dt.check(bool(done), f"the confirmation is said: {done}")

        # 6. Balie has it.
        end, got = time.time() + 20, []
        while time.time() < end:
            with balie.db() as db:
                got = db.execute("SELECT phone, activities, help, language, day_parts FROM requests "
                                 "WHERE phone = '+32471234567' AND language = ?",
                                 ("nl" if language == "nl" else "uk",)).fetchall()
            if got:
                break
            time.sleep(0.2)
        dt.check(len(got) == 1, f"Balie got the blind visitor's request ({language})")
        phone, activities, help_, lang, parts = got[0]
        dt.check(json.loads(activities)[0][0].startswith("voetbal") and json.loads(help_) == ["trial"]
                 and json.loads(parts) == ["evening"], f"with what was chosen by ear: {got[0]}")

        # 7. The way out is seen and heard.
        _, off = choose(finger, is_("Stop voorlezen"), "Stop voorlezen")
        dt.check(any(l[1] == "Voorlezen staat uit." for l in off), f"Stop voorlezen ends speech mode: {off}")
        if language != "nl":
            spoken = [l for l in ears.all() if l[0] == language]
            dt.check(len(spoken) > 20, f"{len(spoken)} utterances were said in the visitor's language")
        audio = os.path.getsize(os.path.join(data, "audio.raw"))
        dt.check(audio > 100_000, f"and speech was really made ({audio} bytes of sound)")
    finally:
        kiosk.terminate()
        kiosk.wait(10)
        log.close()
        with open(os.path.join(data, "kiosk.log")) as f:
            dt.LOGS.extend(f.read().splitlines())


CERTS = None


def main():
    global CERTS
    p = argparse.ArgumentParser()
    p.add_argument("--brugpunt", required=True)
    p.add_argument("--balie", required=True)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="brugpunt-speech-") as tmp:
        dt.TMP = tmp
        dt.ARGS = argparse.Namespace(balie=a.balie, brugpunt=a.brugpunt)
        CERTS = dt.make_ca("good")
        balie = dt.Balie(CERTS, kiosks=("speech-kiosk",))
        try:
            visit(a, balie, "nl")
            visit(a, balie, "uk")
        finally:
            balie.stop()
    print("PASS")


if __name__ == "__main__":
    main()
