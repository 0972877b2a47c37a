#!/bin/sh
# The image's night schedule: /etc/brugpunt/screen.conf becomes an off and an on timer at boot.
set -eu
generator=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '# test\noff = 21:30\non = 06:45\n' >"$tmp/screen.conf"
BRUGPUNT_SCREEN_CONF="$tmp/screen.conf" "$generator" "$tmp/out"
grep -qx 'OnCalendar=\*-\*-\* 21:30:00' "$tmp/out/brugpunt-screen-off.timer"
grep -qx 'OnCalendar=\*-\*-\* 06:45:00' "$tmp/out/brugpunt-screen-on.timer"
grep -qx 'ExecStart=/usr/local/sbin/brugpunt-screen off' "$tmp/out/brugpunt-screen-off.service"
[ -L "$tmp/out/timers.target.wants/brugpunt-screen-on.timer" ]
echo "off at 21:30 and on at 06:45 become two enabled timers"
# An empty schedule makes no timers: the screen stays on.
printf 'off =\non =\n' >"$tmp/empty.conf"
BRUGPUNT_SCREEN_CONF="$tmp/empty.conf" "$generator" "$tmp/none"
[ ! -e "$tmp/none/brugpunt-screen-off.timer" ]
echo "an empty schedule makes none"
