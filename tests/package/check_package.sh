#!/bin/sh
# check_package.sh CHECK DEB
#   lintian: no errors and no warnings.
#   systemd: `systemd-analyze verify` of the packaged unit, inside the unpacked package (plus the
#            system's own units it refers to), must print nothing at all: verify exits 0 even
#            when it ignores a bad line, so any output is a failure.
set -eu
check=$1 deb=$2
[ -f "$deb" ] || { echo "no package at $deb" >&2; exit 1; }
case $check in
lintian)
    lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2>&1 | grep -v "root privileges" || true
    lintian --fail-on error,warning "$deb" >/dev/null 2>&1
    ;;
systemd)
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    dpkg-deb -x "$deb" "$root"
    mkdir -p "$root/lib/systemd/system"
    cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
    out=$(systemd-analyze verify --man=no --root="$root" "$root/lib/systemd/system/brugpunt.service" 2>&1) || {
        echo "$out" >&2; exit 1; }
    if [ -n "$out" ]; then echo "$out" >&2; exit 1; fi
    grep -q '^WatchdogSec=' "$root/lib/systemd/system/brugpunt.service"
    grep -q '^Restart=always' "$root/lib/systemd/system/brugpunt.service"
    echo "brugpunt.service verifies cleanly"
    ;;
*) echo "unknown check $check" >&2; exit 2 ;;
esac
