#!/usr/bin/python3
"""A loopback SMTP server for tests: STARTTLS offered (and required unless --no-tls), each message
saved as a file in --out. Prints "listening on PORT" when ready."""
import argparse
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller


class Saver:
    def __init__(self, out):
        self.out = out
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        with open(os.path.join(self.out, f"{time.time_ns()}-{self.n}.eml"), "wb") as f:
            f.write(envelope.content)
        return "250 OK"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--no-tls", action="store_true")
    a = p.parse_args()
    kwargs = {}
    if not a.no_tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.cert, a.key)
        kwargs = {"tls_context": ctx, "require_starttls": True}
    controller = Controller(Saver(a.out), hostname="127.0.0.1", port=a.port, **kwargs)
    controller.start()
    print(f"listening on {a.port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
