#!/bin/sh
# tests/balie/dist_check.sh BALIE DIST_DIR: the shipped systemd unit verifies cleanly with the
# built binary in place (and keeps its sandboxing), and the shipped config file is one Balie reads.
set -eu
balie=$1 dist=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/brugpunt-balie"
cp "$balie" "$root/usr/bin/brugpunt-balie"
cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
cp "$dist/brugpunt-balie.service" "$root/lib/systemd/system/"
cp "$dist/balie.conf" "$root/etc/brugpunt-balie/"
out=$(systemd-analyze verify --man=no --root="$root" "$root/lib/systemd/system/brugpunt-balie.service" 2>&1) || {
    echo "$out" >&2; exit 1; }
if [ -n "$out" ]; then echo "$out" >&2; exit 1; fi
unit="$root/lib/systemd/system/brugpunt-balie.service"
for line in '^User=brugpunt-balie' '^ProtectSystem=strict' '^ReadWritePaths=/var/lib/brugpunt-balie$' \
            '^NoNewPrivileges=yes' '^CapabilityBoundingSet=$' '^StateDirectory=brugpunt-balie$'; do
    grep -q "$line" "$unit" || { echo "the unit lost $line" >&2; exit 1; }
done
# The documented config, with the data folder and port a test may use instead.
data="$root/data"
"$balie" serve --config "$dist/balie.conf" --data "$data" --listen 127.0.0.1:0 >"$root/out" 2>"$root/err" &
pid=$!
for _ in $(seq 50); do grep -q "listening on" "$root/out" && break; sleep 0.1; done
kill "$pid"; wait "$pid" || true
grep -q "listening on 127.0.0.1:" "$root/out" || { cat "$root/err" >&2; exit 1; }
[ -f "$data/balie.db" ] || { echo "no balie.db in the data folder" >&2; exit 1; }
echo "brugpunt-balie.service verifies cleanly and balie.conf is read"
