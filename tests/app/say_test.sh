#!/bin/sh
# say_test.sh BRUGPUNT ACTIVITY FIELD LANG PATTERN: --say writes a WAV, prints its source matching
# PATTERN (grep -E), and sox measures it as speech: longer than a second, RMS above 0.02.
set -eu
brugpunt=$1 activity=$2 field=$3 lang=$4 pattern=$5
wav=$(mktemp --suffix=.wav)
trap 'rm -f "$wav"' EXIT
out=$("$brugpunt" --say "$activity" --field "$field" --lang "$lang" --out "$wav")
echo "$out"
printf '%s\n' "$out" | grep -Eq -- "$pattern" || { echo "source does not match: $pattern" >&2; exit 1; }
stat=$(sox "$wav" -n stat 2>&1)
rms=$(printf '%s\n' "$stat" | awk '/RMS +amplitude/ { print $3 }')
length=$(printf '%s\n' "$stat" | awk '/Length \(seconds\)/ { print $3 }')
echo "sox: ${length} s, rms ${rms}"
awk -v r="$rms" -v l="$length" 'BEGIN { exit !(r > 0.02 && l > 1.0) }' || { echo "silent or too short" >&2; exit 1; }
