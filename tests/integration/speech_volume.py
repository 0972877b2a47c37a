#!/usr/bin/python3
"""Speech mode's volume range, measured: the real kiosk under Xvfb plays into SDL's disk audio
driver; a finger turns it all the way down with "Zachter" and all the way up with "Luider" (found
by ear, as in speech_e2e.py), and sox measures what each of the two last utterances put out. The
range, softest to loudest, must be at least 18 dB (EN 301 549 asks that of speech output).

speech_volume.py --brugpunt BIN   (run inside xvfb-run, screen 1280x720)
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import delivery_test as dt
import speech_e2e as se


def segment(raw, start, seconds, out):
    """`seconds` of sound from byte `start` on, once the driver has written them (real time)."""
    end = start + int(seconds * RATE) * 2
    deadline = time.time() + seconds + 10
    while os.path.getsize(raw) < end and time.time() < deadline:
        time.sleep(0.1)
    with open(raw, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    with open(out, "wb") as f:
        f.write(data)


def measure(path):
    r = subprocess.run(["sox", "-t", "raw", "-r", str(RATE), "-e", "signed", "-b", "16", "-c", "1", path,
                        "-n", "stat"], capture_output=True, text=True)
    stat = {}
    for line in r.stderr.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            stat[k.strip()] = v.strip()
    return float(stat["Maximum amplitude"]), float(stat["RMS     amplitude"])


RATE = 22050


def turn(finger, ears, word, taps, raw, out):
    """Finds `word` by ear, double-taps it `taps` times (80 % to 10 % is 7, 10 % to 100 % is 9),
    and records what the last tap said."""
    se.find(finger, se.starts(word), word)
    last = None
    for _ in range(taps):
        last = finger.double_tap()
    dt.check(bool(last), f"{word} says the volume it leaves: {last}")
    start = os.path.getsize(raw)
    start -= start % 2
    segment(raw, start, 3.0, out)
    return last[-1][1], measure(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--brugpunt", required=True)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="brugpunt-volume-") as tmp:
        conf = os.path.join(tmp, "kiosk.conf")
        with open(conf, "w") as f:
            f.write(f"kiosk_id = volume\ndata_dir = {tmp}\nspeech_hint_s = 0\n")
        raw = os.path.join(tmp, "audio.raw")
        said = os.path.join(tmp, "said.tsv")
        env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=raw)
        log = open(os.path.join(tmp, "kiosk.log"), "w")
        kiosk = subprocess.Popen([a.brugpunt, "--config", conf, "--size", f"{se.W}x{se.H}", "--speech-log", said],
                                 stdout=log, stderr=log, env=env)
        try:
            ears = se.Ears(said)
            finger = se.Finger(ears)
            time.sleep(3)
            on = finger.hold(3.4)
            dt.check(any(l[1].startswith("Voorlezen staat aan") for l in on), "speech mode is on")
            soft_said, (soft_peak, soft_rms) = turn(finger, ears, "Zachter", 7, raw, os.path.join(tmp, "soft.raw"))
            loud_said, (loud_peak, loud_rms) = turn(finger, ears, "Luider", 9, raw, os.path.join(tmp, "loud.raw"))
            dt.check("Volume 10 procent" in soft_said and "Volume 100 procent" in loud_said,
                     f"the two ends: {soft_said!r} and {loud_said!r}")
            dt.check(soft_peak > 0.001, f"the softest is still heard (peak {soft_peak:.4f})")
            peak_db = 20 * math.log10(loud_peak / soft_peak)
            rms_db = 20 * math.log10(loud_rms / soft_rms)
            print(f"volume range: peak {soft_peak:.4f} -> {loud_peak:.4f} ({peak_db:.1f} dB), "
                  f"RMS {soft_rms:.4f} -> {loud_rms:.4f} ({rms_db:.1f} dB)", flush=True)
            dt.check(peak_db >= 18, f"speech output spans {peak_db:.1f} dB, softest to loudest (at least 18)")
        finally:
            kiosk.terminate()
            kiosk.wait(10)
            log.close()
    print("PASS")


if __name__ == "__main__":
    main()
