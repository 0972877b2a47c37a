#!/usr/bin/python3
"""Brugpunt and a browser kiosk, side by side, in one run (started by tests/bench/run).

First the floor: the same binary on an empty catalogue (cold start, PSS, idle), printed beside
each figure it bounds. Then for each catalogue size (1,000, 10,000 and 50,000 by default): a
generated catalogue (brugpunt-catalogue generate, then compile: the kiosk opens a catalogue db, as
it does every synced version), then
  Brugpunt: cold start to the first frame (its sd_notify READY=1, which it sends after the first
            frame is on screen; the catalogue opens behind it), to the catalogue on screen (its
            log), PSS after start and after browsing 50 screens with real X clicks,
            main-thread CPU per frame while scrolling the list (its --frame-log), idle CPU over 20 s
            and frames drawn meanwhile, filter and search latency (bench_search), sync apply time and
            the worst frame while a sync applies (a running kiosk, a second version published),
            and the gaps between frames while it does, beside the same drags without a sync; at
            10,000 activities also in a 1280x720 window, where this machine's software renderer
            draws a frame within 33 ms;
  Chromium: the same catalogue as one static page (export-html): launch to first contentful
            paint and to a screenshot, peak RSS of all its processes, idle CPU over 20 s;
and prints the ratios Brugpunt / Chromium.
"""
import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
import kiosk_e2e as ke  # noqa: E402  (the widget map and real X clicks, as the end-to-end test reads them)

TICK = os.sysconf("SC_CLK_TCK")


def rss_kb(pid):
    """Proportional set size: shared pages split between the processes sharing them, so the sum
    over Chromium's processes counts each page once, and the kiosk is measured the same way."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pids):
    """pid -> user + system CPU ticks, for the processes still there."""
    out = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[pid] = int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return out


def cpu_pct(before, after, seconds):
    """CPU of the processes alive at both readings, in % of one core."""
    return sum(after[p] - before[p] for p in before if p in after) / TICK / seconds * 100


def descendants(pid):
    """pid and every process under it."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * len(v)))] if v else float("nan")


def wait_widget(path, pred, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        m = ke.widget_map(path)
        hit = [w for w in m if pred(w)]
        if hit:
            return m, hit
        time.sleep(0.03)
    raise SystemExit(f"bench: no widget appeared; on screen: {sorted(ke.widget_map(path))[:20]}")


SMALL = "1280x720"
SCROLL = (960, 900, 350)  # x, and the y a drag starts and ends at: set from --size in main()


def window(size):
    """Drags for a kiosk window of `size` (WIDTHxHEIGHT), centred on the X screen (SDL centres it)."""
    global SCROLL
    w, h = (int(v) for v in size.split("x"))
    sw, sh = (int(v) for v in os.environ.get("BENCH_SCREEN", size).split("x"))
    left, top = (sw - w) // 2, (sh - h) // 2
    SCROLL = (left + w // 2, top + h * 5 // 6, top + h // 3)


@contextlib.contextmanager
def other_screen(size):
    """A second X server of `size` for what runs inside, with the drags set for it."""
    n = next(d for d in range(50, 100) if not os.path.exists(f"/tmp/.X{d}-lock"))
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    saved = {k: os.environ.get(k) for k in ("DISPLAY", "BENCH_SCREEN", "XAUTHORITY")}
    try:
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                break
            time.sleep(0.05)
        os.environ.update(DISPLAY=f":{n}", BENCH_SCREEN=size)
        os.environ.pop("XAUTHORITY", None)
        window(size)
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        server.terminate()
        server.wait(10)


def drag_list(j):
    """The j-th drag of a scroll: up the list, then down, in turn."""
    x, low, high = SCROLL
    drag(x, low, high) if j % 2 == 0 else drag(x, high, low)


def drag(x, y0, y1, steps=12):
    cmd = ["xdotool", "mousemove", str(x), str(y0), "mousedown", "1"]
    for i in range(1, steps + 1):
        cmd += ["mousemove", str(x), str(int(y0 + (y1 - y0) * i / steps)), "sleep", "0.016"]
    cmd += ["mouseup", "1"]
    subprocess.run(cmd, check=True)


class Kiosk:
    """A running kiosk with a notify socket, a widget map, a frame log and a log file."""

    def __init__(self, args, tmp, catalogue=None, config=None):
        self.wmap, self.flog, self.log = (os.path.join(tmp, n) for n in ("widgets.txt", "frames.txt", "kiosk.log"))
        for p in (self.wmap, self.flog):
            if os.path.exists(p):
                os.remove(p)
        sock_path = os.path.join(tmp, "notify.sock")
        if os.path.exists(sock_path):
            os.remove(sock_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(sock_path)
        cmd = [os.path.join(args.root, "build/bin/brugpunt"), "--size", args.size, "--widget-map", self.wmap,
               "--frame-log", self.flog, "--idle-seconds", "3600"]
        if catalogue:
            cmd += ["--catalogue", catalogue]
        if config:
            cmd += ["--config", config]
        env = dict(os.environ, NOTIFY_SOCKET=sock_path)
        self.logf = open(self.log, "w")
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(cmd, env=env, stdout=self.logf, stderr=self.logf, cwd=tmp)
        self.sock.settimeout(120)
        while True:
            msg = self.sock.recv(4096).decode()
            if "READY=1" in msg:
                self.ready_ms = (time.monotonic() - self.t0) * 1000
                break
        # The first frame comes before the catalogue; this is when the catalogue is on screen.
        end = time.time() + 300
        while time.time() < end and "catalogue: on screen" not in open(self.log).read():
            time.sleep(0.005)
        self.catalogue_ms = (time.monotonic() - self.t0) * 1000

    def frames(self):
        """(ms since launch, main-thread CPU µs, flag) per frame. The log counts from the start of
        the frame loop; READY=1 follows the first frame, which places the log on our clock."""
        with open(self.flog) as f:
            rows = [(int(a), int(b), c) for a, b, c in (line.split() for line in f if line.strip())]
        offset = self.ready_ms - rows[0][0] if rows else 0
        return [(ms + offset, cpu, flag) for ms, cpu, flag in rows]

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        self.p.wait(30)
        self.logf.close()
        self.sock.close()


def start_and_idle(args, tmp, catalogue):
    """Cold start, memory after start and idle CPU: what the floor (an empty catalogue) is measured
    on too."""
    out = {}
    k = Kiosk(args, tmp, catalogue)
    out["cold_ms"] = k.ready_ms
    out["catalogue_ms"] = k.catalogue_ms
    time.sleep(1)
    out["rss_start_kb"] = rss_kb(k.p.pid)
    # Idle: the attract screen, nobody touching it.
    time.sleep(2)
    out["idle_from"] = (time.monotonic() - k.t0) * 1000
    before, t = cpu_ticks([k.p.pid]), time.monotonic()
    time.sleep(args.idle_seconds)
    out["idle_cpu_pct"] = cpu_pct(before, cpu_ticks([k.p.pid]), time.monotonic() - t)
    out["idle_to"] = (time.monotonic() - k.t0) * 1000
    return k, out


def floor(args, tmp, empty_db):
    k, out = start_and_idle(args, tmp, empty_db)
    k.stop()
    frames = k.frames()
    out["idle_frames"] = len([f for f in frames if out["idle_from"] <= f[0] <= out["idle_to"]])
    return out


def brugpunt(args, tmp, catalogue, n):
    k, out = start_and_idle(args, tmp, catalogue)
    idle_from, idle_to = out["idle_from"], out["idle_to"]
    # Browse 50 screens with real clicks: start, a category, an activity, back, home, ...
    m, _ = wait_widget(k.wmap, lambda w: w == "attract:start")
    ke.click(k.wmap, "attract:start")
    out["idle_frames"] = None  # filled below from the frame log
    screens, i = 1, 0
    while screens < 50:
        m, tiles = wait_widget(k.wmap, lambda w: w.startswith("tile:") and not w.endswith(":speak"))
        ke.click(k.wmap, sorted(tiles)[i % len(tiles)])
        m, cards = wait_widget(k.wmap, lambda w: w.startswith("card:") and not w.endswith(":speak"))
        ke.click(k.wmap, sorted(cards)[i % len(cards)])
        m, _ = wait_widget(k.wmap, lambda w: w == "top:home")
        wait_widget(k.wmap, lambda w: w.startswith("detail") or w == "top:appointment")
        ke.click(k.wmap, "top:home")
        screens += 3
        i += 1
    time.sleep(0.5)
    out["rss_browsed_kb"] = rss_kb(k.p.pid)
    # Scroll the longest list: drags up and down, a frame log line per frame.
    m, tiles = wait_widget(k.wmap, lambda w: w.startswith("tile:") and not w.endswith(":speak"))
    ke.click(k.wmap, "tile:sport" if "tile:sport" in m else sorted(tiles)[0])
    wait_widget(k.wmap, lambda w: w.startswith("card:") and not w.endswith(":speak"))
    start_ms = (time.monotonic() - k.t0) * 1000
    for j in range(20):
        drag_list(j)
    time.sleep(1.5)  # the glide comes to rest
    end_ms = (time.monotonic() - k.t0) * 1000
    k.stop()
    frames = k.frames()
    out["idle_frames"] = len([f for f in frames if idle_from <= f[0] <= idle_to])
    scroll = [f[1] for f in frames if start_ms <= f[0] <= end_ms]
    out["scroll_frames"] = len(scroll)
    out["frame_cpu_p50_us"] = pct(scroll, 0.5)
    out["frame_cpu_p99_us"] = pct(scroll, 0.99)
    # Filter and search latency, as the list screen asks the store.
    r = subprocess.run([os.path.join(args.root, "build/bin/bench_search"), catalogue], capture_output=True, text=True,
                       check=True)
    for name, key in (("category + chips + age + day", "filter"), ("search text", "search")):
        line = next(l for l in r.stdout.splitlines() if l.startswith(name))
        p50, p99 = re.findall(r"p\d\d +(\d+) us", line)
        out[f"{key}_p50_us"], out[f"{key}_p99_us"] = int(p50), int(p99)
    return out


def sync_apply(args, tmp, catalogue):
    """A running kiosk syncs version 1, then version 2 (the same media, a new catalogue) is
    published while the list scrolls; apply time from the log, the worst frame meanwhile."""
    tool = os.path.join(args.root, "build/bin/brugpunt-catalogue")
    bundle, key = os.path.join(tmp, "bundle"), os.path.join(tmp, "k.key")
    if not os.path.exists(key):
        subprocess.run([tool, "keygen", "--key", key], check=True, capture_output=True)
    subprocess.run([tool, "build", catalogue, "--out", bundle, "--version", "1"], check=True, capture_output=True)
    subprocess.run([tool, "sign", bundle, "--key", key], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([tool, "serve-local", bundle, "--port", str(port)], stdout=subprocess.DEVNULL)
    data = os.path.join(tmp, "data")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    conf = os.path.join(tmp, "sync.conf")
    with open(conf, "w") as f:
        f.write(f"data_dir = {data}\ncatalogue_url = http://127.0.0.1:{port}/\n"
                f"sync_public_key = {open(key + '.pub').read().strip()}\nsync_interval_s = 10\n"
                # 50,000 activities are a 153 MB catalogue: over the default limits, meant for one town.
                "sync_max_file_mb = 256\nsync_budget_mb = 4000\n")
    k = Kiosk(args, tmp, os.path.join(args.root, "assets/demo/catalogue.json"), conf)
    try:
        wait_log(k.log, "version 1 loaded", 300)
        m, _ = wait_widget(k.wmap, lambda w: w == "attract:start")
        ke.click(k.wmap, "attract:start")
        m, tiles = wait_widget(k.wmap, lambda w: w.startswith("tile:") and not w.endswith(":speak"))
        ke.click(k.wmap, "tile:sport")
        wait_widget(k.wmap, lambda w: w.startswith("card:") and not w.endswith(":speak"))
        # The same drags first without a sync: the gaps the renderer makes by itself (software GL
        # under Xvfb on this machine), the baseline for the gaps while the sync runs.
        # As long as the drags during the sync below, over the same stretch of the list.
        quiet_from = (time.monotonic() - k.t0) * 1000
        end, j = time.time() + 15, 0
        while time.time() < end:
            drag_list(j)
            j += 1
        if j % 2:
            drag_list(j)  # back where it started
        quiet_to = (time.monotonic() - k.t0) * 1000
        subprocess.run([tool, "build", catalogue, "--out", bundle, "--version", "2"], check=True, capture_output=True)
        subprocess.run([tool, "sign", bundle, "--key", key], check=True, capture_output=True)
        published = (time.monotonic() - k.t0) * 1000
        # A visitor scrolls for 15 s while the sync downloads and compiles (it waits while the
        # screen moves), then leaves the screen still until the new version is swapped in.
        end = time.time() + 15
        j = 0
        while time.time() < end and "version 2 loaded" not in open(k.log).read():
            drag_list(j)
            j += 1
        dragged = (time.monotonic() - k.t0) * 1000
        wait_log(k.log, "version 2 swapped in", 600)
        # Then scrolls again: the first frames on the new catalogue.
        for j in range(4):
            drag_list(j)
        time.sleep(1)
    finally:
        k.stop()
        server.terminate()
    log = open(k.log).read()
    applied = re.search(r"version 2 applied .*applied in (\d+) ms", log)
    loaded = re.search(r"version 2 loaded in (\d+) ms", log)
    frames = [f for f in k.frames() if f[0] >= published]  # from version 2's publication on
    during = [f for f in frames if f[2] in "AS"]
    swap = [f for f in frames if f[2] == "S"]
    scrolled = [f for f in frames if f[0] <= dragged]  # while the visitor scrolled
    gaps = [b[0] - a[0] for a, b in zip(scrolled, scrolled[1:]) if b[2] in "AS"]
    quiet = [f for f in k.frames() if quiet_from <= f[0] <= quiet_to]
    quiet_gaps = [b[0] - a[0] for a, b in zip(quiet, quiet[1:])]
    return {"apply_ms": int(applied.group(1)) if applied else None,
            "load_ms": int(loaded.group(1)) if loaded else None,
            "worst_frame_cpu_during_sync_us": max((f[1] for f in during), default=None),
            "swap_frame_cpu_us": swap[0][1] if swap else None,
            "worst_frame_gap_during_sync_ms": max(gaps, default=None),
            "median_frame_gap_during_sync_ms": median(gaps),
            "worst_frame_gap_without_sync_ms": max(quiet_gaps, default=None),
            "median_frame_gap_without_sync_ms": median(quiet_gaps),
            "p99_frame_gap_during_sync_ms": pct(gaps, 0.99) if gaps else None,
            "p99_frame_gap_without_sync_ms": pct(quiet_gaps, 0.99) if quiet_gaps else None,
            "gaps_over_33_ms_during_sync": f"{sum(g > 33 for g in gaps)} of {len(gaps)}",
            "gaps_over_33_ms_without_sync": f"{sum(g > 33 for g in quiet_gaps)} of {len(quiet_gaps)}",
            "frames_during_sync": len(during)}


def sync_gap_rows(line, label, f):
    """The gaps between frames while a sync runs (figures `f` of sync_apply), beside the same drags
    without one, as rows of the table `line` formats."""
    rows = (("longest / median frame gap", "worst_frame_gap_{}_ms", "median_frame_gap_{}_ms", " ms"),
            ("gaps over 33 ms", "gaps_over_33_ms_{}", None, ""))
    for name, first, second, unit in rows:
        for when, key in ((f"{label}: {name}", "during_sync"), ("  the same drags without a sync", "without_sync")):
            value = f"{f[first.format(key)]}" + (f" / {f[second.format(key)]}" if second else "") + unit
            print(line.format(when, value, "", "", "", ""))


def median(values):
    """The middle value (the mean of the two middle ones), or None for no values."""
    v = sorted(values)
    if not v:
        return None
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def wait_log(path, text, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if text in open(path).read():
            return
        time.sleep(0.1)
    raise SystemExit(f"bench: '{text}' never appeared in {path}: {open(path).read()[-2000:]}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium(args, tmp, page):
    shot = os.path.join(tmp, "chromium.png")
    env = dict(os.environ, NODE_PATH=args.node_modules)
    p = subprocess.Popen(["node", os.path.join(args.root, "tests/bench/chromium_page.js"), page, shot,
                          str(args.idle_seconds)], stdout=subprocess.PIPE, text=True, env=env)
    lines = []
    threading.Thread(target=lambda: lines.extend(p.stdout), daemon=True).start()
    peak, result, idle_start = 0, None, None
    while p.poll() is None:
        total = 0
        for x in descendants(p.pid):
            if x != p.pid:
                try:
                    total += rss_kb(x)
                except OSError:
                    pass
        peak = max(peak, total)
        if result is None and lines:
            result = json.loads(lines[0])
            time.sleep(2)  # let it settle, as the kiosk did
            pids = [x for x in descendants(p.pid) if x != p.pid]
            result["rss_after_load_kb"] = 0
            for x in pids:
                try:
                    result["rss_after_load_kb"] += rss_kb(x)
                except OSError:
                    pass
            idle_start = (cpu_ticks(pids), time.monotonic(), pids)
        if idle_start and len(lines) > 1:
            ticks0, t0, pids0 = idle_start
            result["idle_cpu_pct"] = cpu_pct(ticks0, cpu_ticks(pids0), time.monotonic() - t0)
            idle_start = None
        time.sleep(0.02)
    if p.returncode != 0 or result is None or "idle_cpu_pct" not in result:
        raise SystemExit("bench: the Chromium run failed")
    result["peak_rss_kb"] = peak
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--node-modules", required=True)
    ap.add_argument("--idle-seconds", type=int, default=20)
    ap.add_argument("--size", default="1920x1080", help="the kiosk's window, WIDTHxHEIGHT")
    ap.add_argument("--sync-only", action="store_true",
                    help="only the sync figures (a quicker run while working on the sync); prints them as JSON")
    ap.add_argument("counts", nargs="*", type=int, default=[1000, 10000, 50000])
    args = ap.parse_args()
    window(args.size)
    tool = os.path.join(args.root, "build/bin/brugpunt-catalogue")
    # The floor: the same binary on an empty catalogue (the demo's header, no activities).
    tmp = os.path.join(args.root, "build/bench", "floor")
    os.makedirs(tmp, exist_ok=True)
    with open(os.path.join(args.root, "assets/demo/catalogue.json")) as f:
        empty = json.load(f)
    empty["activities"] = []
    with open(os.path.join(tmp, "empty.json"), "w") as f:
        json.dump(empty, f, ensure_ascii=False)
    subprocess.run([tool, "compile", os.path.join(tmp, "empty.json")], check=True, capture_output=True)
    print("bench: the floor (an empty catalogue)", file=sys.stderr, flush=True)
    fl = floor(args, tmp, os.path.join(tmp, "empty.db"))
    rows = {}
    for n in args.counts:
        tmp = os.path.join(args.root, "build/bench", str(n))
        os.makedirs(tmp, exist_ok=True)
        catalogue = os.path.join(tmp, "catalogue.json")
        page = os.path.join(tmp, "page.html")
        subprocess.run([tool, "generate", "--count", str(n), "--out", catalogue], check=True, capture_output=True)
        subprocess.run([tool, "export-html", catalogue, "--out", page], check=True, capture_output=True)
        # The kiosk opens a catalogue db, as it does with every synced version (made at sync).
        subprocess.run([tool, "compile", catalogue], check=True, capture_output=True)
        if args.sync_only:
            print(json.dumps({n: sync_apply(args, tmp, catalogue)}, indent=1))
            continue
        print(f"bench: {n} activities: Brugpunt", file=sys.stderr, flush=True)
        b = brugpunt(args, tmp, os.path.join(tmp, "catalogue.db"), n)
        print(f"bench: {n} activities: sync apply", file=sys.stderr, flush=True)
        b.update(sync_apply(args, tmp, catalogue))
        if n == 10000 and args.size == "1920x1080":
            # The same at 1280x720, where this machine's software renderer draws a frame within
            # 33 ms, so what the sync itself adds to the gaps shows; on an X screen of that size,
            # as the widget map's clicks expect.
            print(f"bench: {n} activities: sync apply at {SMALL}", file=sys.stderr, flush=True)
            with other_screen(SMALL):
                b["small"] = sync_apply(argparse.Namespace(**{**vars(args), "size": SMALL}), tmp, catalogue)
            window(args.size)
        print(f"bench: {n} activities: Chromium", file=sys.stderr, flush=True)
        c = chromium(args, tmp, page)
        rows[n] = (b, c)
        json.dump({"brugpunt": b, "chromium": c, "floor": fl}, open(os.path.join(tmp, "figures.json"), "w"),
                  indent=1)

    if args.sync_only:
        return

    def ratio(a, b):
        return f"{a / b:.2f}" if a is not None and b else "-"

    print("\nfloor: the same binary on an empty catalogue: first frame "
          f"{fl['cold_ms']:.0f} ms, catalogue on screen {fl['catalogue_ms']:.0f} ms, PSS {fl['rss_start_kb'] / 1024:.0f} MB, "
          f"idle CPU {fl['idle_cpu_pct']:.2f} %, {fl['idle_frames']} frames while idle")
    for n, (b, c) in rows.items():
        print(f"\n== {n} activities ==")
        print(f"{'':44}{'Brugpunt':>14}{'floor':>10}{'B/floor':>9}{'Chromium':>14}{'ratio B/C':>11}")
        line = "{:44}{:>14}{:>10}{:>9}{:>14}{:>11}"
        print(line.format("cold start to first frame / first paint", f"{b['cold_ms']:.0f} ms", f"{fl['cold_ms']:.0f} ms",
                          ratio(b["cold_ms"], fl["cold_ms"]), f"{c['first_paint_ms']:.0f} ms",
                          ratio(b["cold_ms"], c["first_paint_ms"])))
        print(line.format("catalogue on screen / screenshot", f"{b['catalogue_ms']:.0f} ms",
                          f"{fl['catalogue_ms']:.0f} ms", ratio(b["catalogue_ms"], fl["catalogue_ms"]),
                          f"{c['screenshot_ms']:.0f} ms", ratio(b["catalogue_ms"], c["screenshot_ms"])))
        print(line.format("memory (PSS) after start / after load", f"{b['rss_start_kb'] / 1024:.0f} MB",
                          f"{fl['rss_start_kb'] / 1024:.0f} MB", f"+{(b['rss_start_kb'] - fl['rss_start_kb']) / 1024:.0f}",
                          f"{c['rss_after_load_kb'] / 1024:.0f} MB", ratio(b["rss_start_kb"], c["rss_after_load_kb"])))
        print(line.format("memory after 50 screens / Chromium peak", f"{b['rss_browsed_kb'] / 1024:.0f} MB", "", "",
                          f"{c['peak_rss_kb'] / 1024:.0f} MB", ratio(b["rss_browsed_kb"], c["peak_rss_kb"])))
        print(line.format(f"idle CPU over {args.idle_seconds} s (one core = 100%)", f"{b['idle_cpu_pct']:.2f} %",
                          f"{fl['idle_cpu_pct']:.2f} %", "", f"{c['idle_cpu_pct']:.2f} %",
                          ratio(b["idle_cpu_pct"], c["idle_cpu_pct"])))
        print(line.format("frames drawn while idle", str(b["idle_frames"]), str(fl["idle_frames"]), "", "", ""))
        print(line.format(f"frame CPU p50 / p99 scrolling ({b['scroll_frames']} frames)",
                          f"{b['frame_cpu_p50_us'] / 1000:.2f}/{b['frame_cpu_p99_us'] / 1000:.2f} ms", "",
                          "", "", f"p99/p50 {ratio(b['frame_cpu_p99_us'], b['frame_cpu_p50_us'])}"))
        print(line.format("filter p50 / p99", f"{b['filter_p50_us'] / 1000:.2f}/{b['filter_p99_us'] / 1000:.2f} ms", "", "", "", ""))
        print(line.format("search p50 / p99", f"{b['search_p50_us'] / 1000:.2f}/{b['search_p99_us'] / 1000:.2f} ms", "", "", "", ""))
        print(line.format("sync: apply (write + commit) / load", f"{b['apply_ms']} / {b['load_ms']} ms", "", "", "", ""))
        print(line.format("sync: worst frame CPU / swap frame", f"{(b['worst_frame_cpu_during_sync_us'] or 0) / 1000:.1f} / "
                          f"{(b['swap_frame_cpu_us'] or 0) / 1000:.1f} ms", "", "", "", ""))
        sync_gap_rows(line, "sync", b)
        if "small" in b:
            sm = b["small"]
            sync_gap_rows(line, f"sync, {SMALL}", sm)
            print(line.format(f"sync, {SMALL}: swap frame CPU / load", f"{sm['swap_frame_cpu_us'] / 1000:.1f} ms / {sm['load_ms']} ms",
                              "", "", "", ""))


if __name__ == "__main__":
    main()
