#!/usr/bin/python3
"""Appointment delivery end to end, over loopback, against a real Balie and a real mail server.

delivery_test.py SCENARIO --brugpunt BIN --fill BIN --balie BIN --smtp SCRIPT

Each scenario fills the kiosk's outbox through the kiosk's own code (outbox_fill), runs the real
`brugpunt --deliver-once` against a real brugpunt-balie behind nginx with TLS (enrolled with
`brugpunt-balie enrol`, whose lines are the kiosk's config), and checks what Balie stored and what
the kiosk kept. Every kiosk, Balie and mail log line is checked for phone numbers at the end.
"""
import argparse
import atexit
import hashlib
import hmac
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import ssl

ARGS = None
TMP = None
LOGS = []  # every log line the kiosk, Balie and the mail server wrote
LIVE = []  # servers this test started; whatever a failure leaves running is killed at exit
# A Belgian mobile number as the kiosk takes it. Not inside a longer number or word: a byte count,
# a port, a timestamp or a hex key ("...c73a0467499971641") can hold "0 4dd dddddd" and made the
# check fail on logs without a phone.
PHONE = re.compile(r"(?<![0-9A-Za-z])(\+32|0)\s?4\d\d[\s\d]{6,}(?![0-9A-Za-z])")


@atexit.register
def kill_leftovers():
    for p in LIVE:
        if p.poll() is None:
            p.kill()
            p.wait()


def fail(msg):
    print(f"FAIL: {msg}", flush=True)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)
    print(f"ok: {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def make_ca(name):
    """A CA and a server certificate for 127.0.0.1 signed by it."""
    d = os.path.join(TMP, name)
    os.makedirs(d)
    ca_key, ca_crt = f"{d}/ca.key", f"{d}/ca.crt"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name} test CA",
            "-keyout", ca_key, "-out", ca_crt)
    key, csr, crt, ext = f"{d}/server.key", f"{d}/server.csr", f"{d}/server.crt", f"{d}/ext.cnf"
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", csr)
    openssl("x509", "-req", "-in", csr, "-CA", ca_crt, "-CAkey", ca_key, "-CAcreateserial", "-days", "2",
            "-extfile", ext, "-out", crt)
    return {"ca": ca_crt, "cert": crt, "key": key}


class Proc:
    """A background server that prints 'listening on ...' when ready."""

    def __init__(self, cmd, name, must_start=True):
        self.name = name
        self.log_path = os.path.join(TMP, f"{name}-{time.time_ns()}.log")
        self.log = open(self.log_path, "w")
        self.p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, text=True)
        LIVE.append(self.p)
        line = self.p.stdout.readline()
        self.port = None
        if "listening on" not in line:
            self.stop()
            if not must_start:
                return
            fail(f"{name} did not start: {open(self.log_path).read()}")
        self.port = int(line.rsplit(":", 1)[-1]) if ":" in line else int(line.split()[-1])

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGINT)
            try:
                self.p.wait(5)
            except subprocess.TimeoutExpired:
                self.p.kill()
        self.log.close()
        LOGS.extend(open(self.log_path).read().splitlines())


def nginx_proxy(certs, upstream_port, port=None, name="nginx"):
    """nginx on 127.0.0.1 with TLS in front of a plain-HTTP upstream on loopback, as the README's
    reverse-proxy example runs it in front of Balie. Returns (process, port)."""
    port = port or free_port()
    d = os.path.join(TMP, f"{name}-{time.time_ns()}")
    os.makedirs(os.path.join(d, "tmp"))
    user = "user root;" if os.getuid() == 0 else ""
    conf = os.path.join(d, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""{user}
worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {certs['cert']};
        ssl_certificate_key {certs['key']};
        client_max_body_size 64k;
        location / {{
            proxy_pass http://127.0.0.1:{upstream_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
""")
    p = subprocess.Popen(["nginx", "-c", conf, "-p", d, "-e", f"{d}/error.log"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    LIVE.append(p)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close()
            return p, port
        except OSError:
            if p.poll() is not None:
                fail(f"nginx did not start: {p.stderr.read()}")
            time.sleep(0.05)
    fail("nginx did not start listening")


class Balie:
    """A real brugpunt-balie (its first beheerder made, kiosks enrolled) behind nginx with TLS.

    `upstream` is where nginx sends to, when not straight to Balie (the chaos test puts a flaky
    link there). Call start() to run it; kill9() and start() again to crash it."""

    def __init__(self, certs, kiosks=("test-kiosk",), port=None, upstream=None, nginx_port=None, start=True,
                 extra=()):
        self.data = os.path.join(TMP, f"balie-{time.time_ns()}")
        self.extra = list(extra)
        self.port = port or free_port()
        self.proc = None
        self.log_paths = []
        r = subprocess.run([ARGS.balie, "init-admin", "--data", self.data, "--user", "beheerder"],
                           input="een-lang-wachtwoord\n", capture_output=True, text=True)
        LOGS.extend(r.stderr.splitlines())
        if r.returncode != 0:
            fail(f"brugpunt-balie init-admin: {r.stderr}")
        self.nginx, self.nginx_port = nginx_proxy(certs, upstream or self.port, nginx_port)
        self.url = f"https://127.0.0.1:{self.nginx_port}"
        self.lines = {k: self.enrol(k) for k in kiosks}
        if start:
            self.start()

    def enrol(self, kiosk_id):
        """The config lines `brugpunt-balie enrol` prints for that kiosk, as a dict."""
        r = subprocess.run([ARGS.balie, "enrol", "--data", self.data, "--kiosk", kiosk_id, "--public-url", self.url],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"brugpunt-balie enrol: {r.stderr}")
        return dict(line.split(" = ", 1) for line in r.stdout.strip().splitlines())

    def start(self):
        for _ in range(50):  # after a kill -9 the port may take a moment to be free
            proc = Proc([ARGS.balie, "serve", "--data", self.data, "--listen", f"127.0.0.1:{self.port}", *self.extra],
                        "balie", must_start=False)
            if proc.port:
                self.proc = proc
                self.log_paths.append(proc.log_path)
                return
            time.sleep(0.1)
        fail("brugpunt-balie did not start again")

    def kill9(self):
        self.proc.p.send_signal(signal.SIGKILL)
        self.proc.p.wait()
        self.proc.stop()
        self.proc = None

    def stop(self):
        if self.proc:
            self.proc.stop()
            self.proc = None
        self.nginx.terminate()
        self.nginx.wait(10)

    def db(self):
        return sqlite3.connect(os.path.join(self.data, "balie.db"), timeout=10)

    def references(self):
        with self.db() as db:
            return [r for (r,) in db.execute("SELECT reference FROM requests ORDER BY id")]

    def log_lines(self):
        out = []
        for path in self.log_paths:
            out += open(path).read().splitlines()
        return out

    def receipts(self):
        """Requests Balie answered with a 2xx: stored the first time, or recognised as a repeat."""
        return sum(1 for line in self.log_lines() if "stored request " in line or "repeat of request " in line)


def kiosk_lines(balie, kiosk_id="test-kiosk", **kw):
    return {**balie.lines[kiosk_id], **kw}


def config(**kw):
    conf = {"kiosk_id": "test-kiosk", "data_dir": TMP, "delivery": "webhook", "webhook_secret": "s3cret",
            "connect_timeout_s": 2, "total_timeout_s": 3, "retry_base_s": 1, "retry_cap_s": 2, **kw}
    path = os.path.join(TMP, "kiosk.conf")
    with open(path, "w") as f:
        for k, v in conf.items():
            f.write(f"{k} = {v}\n")
    return path


def kiosk(conf, *args, check_rc=None):
    r = subprocess.run([ARGS.brugpunt, "--config", conf, *args], capture_output=True, text=True, timeout=600)
    LOGS.extend(r.stderr.splitlines())
    LOGS.extend(r.stdout.splitlines())
    if check_rc is not None and r.returncode != check_rc:
        fail(f"brugpunt {' '.join(args)} exited {r.returncode}, expected {check_rc}: {r.stderr[-2000:]}")
    return r


def outbox_status(conf):
    out = kiosk(conf, "--outbox-status", check_rc=0).stdout
    return dict(line.split(": ", 1) for line in out.strip().splitlines())


def fill(first, count):
    r = subprocess.run([ARGS.fill, os.path.join(TMP, "outbox.db"), str(first), str(count)],
                       capture_output=True, text=True, check=True)
    return [line.split()[2] for line in r.stdout.splitlines()]


def outbox_bytes():
    data = b""
    for suffix in ("", "-wal"):
        p = os.path.join(TMP, "outbox.db" + suffix)
        if os.path.exists(p):
            data += open(p, "rb").read()
    return data


# --- scenarios -------------------------------------------------------------------------------

def happy():
    certs = make_ca("good")
    balie = Balie(certs)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    refs = fill(0, 5)
    check(b"+32470000003" in outbox_bytes(), "the outbox holds the phone numbers until delivery")
    r = kiosk(conf, "--deliver-once", check_rc=0)
    check("delivered: 5" in r.stdout, "deliver-once reports 5 delivered")
    check(sorted(balie.references()) == sorted(refs), "Balie has exactly the 5 requests")
    with balie.db() as db:
        phones = sorted(p for (p,) in db.execute("SELECT phone FROM requests"))
    check(phones == [f"+3247000000{i}" for i in range(5)], "with their phone numbers, for the desk to call")
    st = outbox_status(conf)
    check(st["depth"] == "0" and st["delivered"] == "5", "the outbox is empty and counts 5 delivered")
    kiosk(conf, "--deliver-once", check_rc=0)
    check(balie.receipts() == 5, "a second pass sends nothing again")
    # Personal data leaves the kiosk once acknowledged (secure_delete zeroes the freed pages).
    subprocess.run(["sqlite3", os.path.join(TMP, "outbox.db"), "PRAGMA wal_checkpoint(TRUNCATE);"],
                   capture_output=True)
    check(b"+32470" not in outbox_bytes(), "no phone number is left in the outbox files after delivery")
    balie.stop()


def balie_down():
    """Nothing answers at all (no proxy, no Balie), then the whole server comes up."""
    certs = make_ca("good")
    port = free_port()
    balie = Balie(certs, nginx_port=port, start=False)
    balie.nginx.terminate()
    balie.nginx.wait(10)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    refs = fill(0, 3)
    r = kiosk(conf, "--deliver-once", check_rc=1)
    check("failed: 3" in r.stdout, "with the server down all 3 fail")
    st = outbox_status(conf)
    check(st["depth"] == "3", "and all 3 stay in the outbox")
    check("connect" in st["last error"].lower(), f"the last error says why: {st['last error']}")
    balie.nginx, _ = nginx_proxy(certs, balie.port, port)
    balie.start()
    time.sleep(2.1)  # the retry delay is at most 2 s in this config
    kiosk(conf, "--deliver-once", check_rc=0)
    check(sorted(balie.references()) == sorted(refs), "once it is back, all 3 arrive")
    balie.stop()


def http_502():
    """The proxy is up but Balie is not: nginx answers 502."""
    certs = make_ca("good")
    balie = Balie(certs, start=False)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    refs = fill(0, 2)
    kiosk(conf, "--deliver-once", check_rc=1)
    st = outbox_status(conf)
    check(st["depth"] == "2" and "HTTP 502" in st["last error"], "a 502 keeps the requests queued, with the status")
    balie.start()
    time.sleep(2.1)
    kiosk(conf, "--deliver-once", check_rc=0)
    check(sorted(balie.references()) == sorted(refs), "once Balie runs again, both arrive")
    balie.stop()


def slow():
    """Balie is stopped (SIGSTOP) with the proxy up: the kiosk gives up at its total timeout."""
    certs = make_ca("good")
    balie = Balie(certs)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"], total_timeout_s=1))
    fill(0, 1)
    balie.proc.p.send_signal(signal.SIGSTOP)
    t = time.time()
    kiosk(conf, "--deliver-once", check_rc=1)
    elapsed = time.time() - t
    balie.proc.p.send_signal(signal.SIGCONT)
    check(elapsed < 2.5, f"a server that does not answer is cut off at the total timeout ({elapsed:.1f} s)")
    st = outbox_status(conf)
    check(st["depth"] == "1" and "timeout" in st["last error"].lower(), f"and reported: {st['last error']}")
    balie.stop()


def tls_failure():
    good, rogue = make_ca("good"), make_ca("rogue")
    balie = Balie(rogue)  # a certificate our CA did not sign
    conf = config(**kiosk_lines(balie, ca_file=good["ca"]))
    fill(0, 1)
    kiosk(conf, "--deliver-once", check_rc=1)
    st = outbox_status(conf)
    check(st["depth"] == "1", "nothing is sent to a server with an untrusted certificate")
    check(re.search("certificate|ssl|peer", st["last error"], re.I), f"the reason names TLS: {st['last error']}")
    check(balie.references() == [] and balie.receipts() == 0, "the impostor received nothing")
    balie.stop()


def wrong_secret():
    certs = make_ca("good")
    balie = Balie(certs)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"], webhook_secret="an-old-secret"))
    fill(0, 1)
    kiosk(conf, "--deliver-once", check_rc=1)
    st = outbox_status(conf)
    check(st["depth"] == "1" and "401" in st["last error"] and "webhook_secret" in st["last error"],
          f"a wrong secret is rejected and named: {st['last error']}")
    check(balie.references() == [], "Balie stored nothing")
    check(any("test-kiosk: bad signature" in line for line in balie.log_lines()), "and logged the refusal")
    balie.stop()


def revoked():
    """A kiosk Balie revoked is refused with its own, once valid, secret."""
    certs = make_ca("good")
    balie = Balie(certs, kiosks=("test-kiosk", "other-kiosk"))
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    fill(0, 1)
    with balie.db() as db:
        db.execute("UPDATE kiosks SET revoked_ms = 1 WHERE id = 'test-kiosk'")
    kiosk(conf, "--deliver-once", check_rc=1)
    check("401" in outbox_status(conf)["last error"], "a revoked kiosk gets 401")
    # Its secret does not speak for another kiosk either: the URL names the kiosk whose secret signs.
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"],
                                webhook_url=balie.lines["other-kiosk"]["webhook_url"]))
    time.sleep(2.1)  # the retry delay is at most 2 s in this config
    kiosk(conf, "--deliver-once", check_rc=1)
    check("401" in outbox_status(conf)["last error"], "and so does its secret under another kiosk's name")
    check(balie.references() == [], "nothing was stored from the revoked kiosk, under either name")
    balie.stop()


class FlakyLink:
    """A TCP link between nginx and Balie that flaps: it refuses some connections outright and, for
    others, passes the request to Balie and then drops Balie's answer (a lost acknowledgement)."""

    def __init__(self, target_port, rng, refuse=0.1, lose_answer=0.1):
        self.target, self.rng, self.refuse, self.lose = target_port, rng, refuse, lose_answer
        self.lock = threading.Lock()
        self.counts = {"passed": 0, "refused": 0, "answer lost": 0}
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with self.lock:
                roll = self.rng.random()
            threading.Thread(target=self.serve, args=(client, roll), daemon=True).start()

    def serve(self, client, roll):
        what = "refused" if roll < self.refuse else "answer lost" if roll < self.refuse + self.lose else "passed"
        with self.lock:
            self.counts[what] += 1
        try:
            if what == "refused":
                client.close()
                return
            up = socket.create_connection(("127.0.0.1", self.target), 5)
        except OSError:
            client.close()
            return
        def pump(src, dst):
            try:
                while data := src.recv(65536):
                    if dst:
                        dst.sendall(data)
            except OSError:
                pass
            finally:
                for s in (src, dst):
                    if s:
                        try:
                            s.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
        t = threading.Thread(target=pump, args=(client, up), daemon=True)
        t.start()
        pump(up, None if what == "answer lost" else client)
        # Balie has answered (or was killed): hang up on nginx at once, answer or not.
        try:
            client.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        t.join(5)
        client.close()
        up.close()

    def close(self):
        self.server.close()


def stress():
    """1,000 requests through a flapping link (connections refused, answers lost after Balie
    stored the request), kill -9 of the kiosk at random points while filling and while
    delivering, and kill -9 of Balie itself at random moments, restarted on the same port."""
    rng = random.Random(int(os.environ.get("STRESS_SEED", "20261123")))
    n = int(os.environ.get("STRESS_COUNT", "1000"))
    certs = make_ca("good")
    balie_port = free_port()
    link = FlakyLink(balie_port, random.Random(rng.randrange(1 << 30)))
    balie = Balie(certs, port=balie_port, upstream=link.port)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    db = os.path.join(TMP, "outbox.db")

    confirmed, next_index, fill_kills = {}, 0, 0
    while next_index < n:
        p = subprocess.Popen([ARGS.fill, db, str(next_index), str(n - next_index)], stdout=subprocess.PIPE, text=True)
        if rng.random() < 0.7:
            time.sleep(rng.uniform(0, 0.05))
            p.send_signal(signal.SIGKILL)
            fill_kills += 1
        out, _ = p.communicate()
        for line in out.splitlines():
            _, i, ref = line.split()
            confirmed[int(i)] = ref
        # Resume after the last committed request; one killed between commit and print is re-added
        # under a new key, which is what a visitor pressing "send" again would do.
        next_index = max(confirmed) + 1 if confirmed else 0
    print(f"filled {len(confirmed)} confirmed requests, killing the filler {fill_kills} times", flush=True)

    # Balie is killed with -9 soon after delivery starts and then every 0.8 to 2 s while the kiosk
    # delivers, and restarted after up to 0.3 s. (Every 1 to 4 s let a drain of 7.8 s see only two
    # kills in a clean-clone CI run, short of the three the check asks for.)
    done, balie_kills, monkey_rng = threading.Event(), [0], random.Random(rng.randrange(1 << 30))
    def monkey():
        first = True
        while not done.wait(monkey_rng.uniform(0.3, 0.6) if first else monkey_rng.uniform(0.8, 2.0)):
            first = False
            balie.kill9()
            balie_kills[0] += 1
            time.sleep(monkey_rng.uniform(0, 0.3))
            balie.start()
    chaos = threading.Thread(target=monkey)
    chaos.start()

    deliver_kills, runs, start = 0, 0, time.time()
    try:
        while True:
            runs += 1
            p = subprocess.Popen([ARGS.brugpunt, "--config", conf, "--deliver-once"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            if rng.random() < 0.6:
                time.sleep(rng.uniform(0, 0.4))
                p.send_signal(signal.SIGKILL)
                deliver_kills += 1
            out, err = p.communicate()
            LOGS.extend(err.splitlines())
            if outbox_status(conf)["depth"] == "0":
                break
            if time.time() - start > 900:
                fail("the outbox did not drain in 15 minutes")
            time.sleep(0.2)
    finally:
        done.set()
        chaos.join()
    got = balie.references()
    unique = set(got)
    missing = [ref for ref in confirmed.values() if ref not in unique]
    extra = unique - set(confirmed.values())
    receipts = balie.receipts()
    print(f"delivery: {runs} runs, {deliver_kills} kiosk kills, {balie_kills[0]} Balie kills, "
          f"{time.time() - start:.1f} s; link {link.counts}; Balie answered {receipts} posts with 2xx "
          f"for {len(got)} stored requests", flush=True)
    check(balie_kills[0] >= 3, f"Balie was killed with -9 while the kiosk delivered ({balie_kills[0]} times)")
    check(link.counts["refused"] > 0 and link.counts["answer lost"] > 0, "the link refused and lost answers")
    check(not missing, f"every one of the {len(confirmed)} confirmed requests is in Balie ({len(missing)} missing)")
    check(len(got) == len(unique), f"each request is stored exactly once ({len(got)} rows, {len(unique)} references)")
    check(len(extra) <= fill_kills, f"unconfirmed extras ({len(extra)}) come only from kills between commit and print")
    check(receipts > len(got), "Balie did see repeats (lost acknowledgements), and kept one of each")
    check(outbox_status(conf)["depth"] == "0", "nothing is left in the outbox")
    link.close()
    balie.stop()


def smtp():
    certs = make_ca("good")
    out = os.path.join(TMP, "mail")
    os.makedirs(out)
    port = free_port()
    srv = Proc([ARGS.smtp, "--port", str(port), "--out", out, "--cert", certs["cert"], "--key", certs["key"]], "smtp")
    conf = config(delivery="smtp", smtp_url=f"smtp://127.0.0.1:{port}", mail_from="kiosk@brugdonk.test",
                  mail_to="balie@brugdonk.test", ca_file=certs["ca"])
    refs = fill(0, 2)
    kiosk(conf, "--deliver-once", check_rc=0)
    mails = [open(os.path.join(out, f), encoding="utf-8").read() for f in sorted(os.listdir(out))]
    check(len(mails) == 2, "two mails arrived")
    for ref in refs:
        check(any(f"Referentie: {ref}" in m for m in mails), f"a mail carries reference {ref}")
    check(all("teruggebeld" in m and "Bel naar: +32470" in m for m in mails), "the mail is plain Dutch with the number")
    check(outbox_status(conf)["depth"] == "0", "the outbox is empty")
    srv.stop()


def smtp_without_tls():
    out = os.path.join(TMP, "mail")
    os.makedirs(out)
    port = free_port()
    srv = Proc([ARGS.smtp, "--port", str(port), "--out", out, "--no-tls"], "smtp")
    conf = config(delivery="smtp", smtp_url=f"smtp://127.0.0.1:{port}", mail_from="k@brugdonk.test",
                  mail_to="b@brugdonk.test")
    fill(0, 1)
    kiosk(conf, "--deliver-once", check_rc=1)
    check(os.listdir(out) == [], "no mail is sent in the clear when STARTTLS is missing")
    check(outbox_status(conf)["depth"] == "1", "the request waits in the outbox")
    srv.stop()


def slow_clients():
    """40 clients that drip their requests into nginx a byte a second do not keep a kiosk from
    delivering: nginx reads each request whole before Balie sees it (proxy_request_buffering)."""
    certs = make_ca("good")
    balie = Balie(certs)
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    ctx = ssl.create_default_context(cafile=certs["ca"])
    stop = threading.Event()
    socks = []
    for _ in range(40):
        s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", balie.nginx_port)), server_hostname="127.0.0.1")
        s.sendall(b"POST /api/kiosk/test-kiosk/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n")
        socks.append(s)

    def drip():
        while not stop.is_set():
            for s in socks:
                try:
                    s.sendall(b"x")
                except OSError:
                    pass
            stop.wait(1)
    t = threading.Thread(target=drip)
    t.start()
    try:
        time.sleep(1)
        refs = fill(0, 3)
        started = time.time()
        r = kiosk(conf, "--deliver-once", check_rc=0)
        took = time.time() - started
    finally:
        stop.set()
        t.join()
        for s in socks:
            s.close()
    check("delivered: 3" in r.stdout and sorted(balie.references()) == sorted(refs),
          "the kiosk delivered its 3 requests while 40 clients dripped theirs")
    check(took < 5, f"without waiting on them ({took:.1f} s)")
    balie.stop()


def balie_mail():
    """Balie mails the desk over STARTTLS: a new request by its reference code only, a kiosk that
    turns red and back. A mail server that is down gets the mail once it is up again."""
    certs = make_ca("good")
    out = os.path.join(TMP, "mail")
    os.makedirs(out)
    smtp_port = free_port()
    conf_path = os.path.join(TMP, "balie.conf")
    with open(conf_path, "w") as f:
        f.write(f"sync_interval_s = 1\nsmtp_url = smtp://127.0.0.1:{smtp_port}\nmail_from = balie@brugdonk.test\n"
                f"mail_to = desk@brugdonk.test\nca_file = {certs['ca']}\nmail_retry_s = 1\n")
    balie = Balie(certs, kiosks=("test-kiosk", "stille-kiosk"), extra=["--config", conf_path])
    conf = config(**kiosk_lines(balie, ca_file=certs["ca"]))
    # The mail server is down when the request comes in.
    refs = fill(0, 1)
    kiosk(conf, "--deliver-once", check_rc=0)
    check(balie.references() == refs, "Balie stored the request while the mail server was down")
    time.sleep(1.5)
    with balie.db() as db:
        waiting = db.execute("SELECT COUNT(*), MAX(attempts) FROM mail_queue").fetchone()
    check(waiting[0] >= 1 and waiting[1] >= 1, f"the mail waits in Balie's database after a failed try: {waiting}")
    srv = Proc([ARGS.smtp, "--port", str(smtp_port), "--out", out, "--cert", certs["cert"], "--key", certs["key"]],
               "smtp")
    end, mails = time.time() + 20, []
    while time.time() < end:
        mails = [open(os.path.join(out, n), encoding="utf-8").read() for n in sorted(os.listdir(out))]
        if any(refs[0] in m for m in mails) and any("stille-kiosk vraagt aandacht" in m for m in mails):
            break
        time.sleep(0.3)
    request_mails = [m for m in mails if refs[0] in m]
    check(len(request_mails) == 1, f"one mail about request {refs[0]} arrived once the server was up")
    check("/inbox?ref=" + refs[0] in request_mails[0], "with a link to it in Balie")
    check(not PHONE.search(request_mails[0]) and "+32470" not in request_mails[0], "and without the phone number")
    check(any("stille-kiosk vraagt aandacht" in m and "nog nooit gehoord" in m for m in mails),
          "a kiosk never heard from turns red, and the desk is mailed why")
    # A heartbeat from it: a mail says it is fine again.
    lines = balie.lines["stille-kiosk"]
    body = json.dumps({"kiosk_id": "stille-kiosk", "catalogue_version": 1}).encode()
    ts = str(int(time.time()))
    sig = "sha256=" + hmac.new(lines["webhook_secret"].encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    req = urllib.request.Request(lines["heartbeat_url"], data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Brugpunt-Timestamp": ts, "X-Brugpunt-Signature": sig})
    with urllib.request.urlopen(req, context=ssl.create_default_context(cafile=certs["ca"])) as r:
        check(r.status == 204, "the silent kiosk's signed heartbeat is accepted")
    end = time.time() + 10
    while time.time() < end:
        mails = [open(os.path.join(out, n), encoding="utf-8").read() for n in sorted(os.listdir(out))]
        if any("stille-kiosk is weer in orde" in m for m in mails):
            break
        time.sleep(0.3)
    check(any("stille-kiosk is weer in orde" in m for m in mails), "and again when it is fine")
    check(not any(PHONE.search(m) for m in mails), "no mail holds a phone number")
    balie.stop()
    srv.stop()


SCENARIOS = {f.__name__.replace("_", "-"): f for f in
             [happy, balie_down, http_502, slow, tls_failure, wrong_secret, revoked, smtp, smtp_without_tls, stress,
              balie_mail, slow_clients]}


def main():
    global ARGS, TMP
    p = argparse.ArgumentParser()
    p.add_argument("scenario", choices=sorted(SCENARIOS))
    p.add_argument("--brugpunt", required=True)
    p.add_argument("--fill", required=True)
    p.add_argument("--balie", required=True)
    p.add_argument("--smtp", required=True)
    ARGS = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="brugpunt-delivery-") as TMP:
        SCENARIOS[ARGS.scenario]()
    assert PHONE.search("+32470000003") and PHONE.search("0470 00 00 03")  # the check can fire
    assert not PHONE.search("741047012345 bytes")  # ...but not inside another number
    leaks = [line for line in LOGS if PHONE.search(line)]
    check(LOGS, f"collected {len(LOGS)} log lines")
    check(not leaks, f"no phone number in any log line {leaks[:3]}")
    print("PASS", flush=True)


if __name__ == "__main__":
    main()
