#!/bin/sh
# idle_session.sh BRUGPUNT MODE   (run inside xvfb-run)
# MODE idle: nobody touches the kiosk for 8 s. It must draw almost nothing and wipe nothing.
# MODE walk-away: a real X click starts a session, then nobody touches it. After the idle time the
#   warning counts down, the session is wiped and the attract screen is back; frames stay few.
# A loop that redraws at 60 Hz would draw about 500 frames in the first mode and 900 in the second.
set -eu
brugpunt=$1 mode=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$brugpunt" --size 1280x720 --idle-seconds 5 --warning-seconds 5 --frame-stats >"$out" &
pid=$!
sleep 2
if [ "$mode" = walk-away ]; then
    command -v xdotool >/dev/null || { echo "xdotool missing (apt-get install xdotool)" >&2; kill $pid; exit 1; }
    xdotool mousemove 960 540 click 1
    sleep 14
    max_frames=40 want_wiped=1
else
    sleep 6
    max_frames=10 want_wiped=0
fi
kill -TERM $pid
wait $pid
cat "$out"
frames=$(sed -n 's/^frames drawn: //p' "$out")
wiped=$(sed -n 's/^sessions wiped: //p' "$out")
screen=$(sed -n 's/^screen at exit: //p' "$out")
[ -n "$frames" ] || { echo "no frame stats printed" >&2; exit 1; }
[ "$frames" -le "$max_frames" ] || { echo "drew $frames frames, more than $max_frames" >&2; exit 1; }
[ "$wiped" -eq "$want_wiped" ] || { echo "wiped $wiped sessions, expected $want_wiped" >&2; exit 1; }
[ "$screen" = attract ] || { echo "ended on $screen, expected attract" >&2; exit 1; }
