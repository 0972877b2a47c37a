#!/bin/sh
# expect_exit.sh CODE PATTERN COMMAND...: passes when COMMAND exits with CODE and its stderr
# has exactly one line, matching PATTERN (a grep -E expression). With --any-lines first, stderr
# may hold other lines too (a window and audio opened before the failure), and one must match.
set -u
one_line=yes
if [ "$1" = --any-lines ]; then one_line=no; shift; fi
code=$1 pattern=$2
shift 2
err=$("$@" 2>&1 >/dev/null)
got=$?
echo "exit $got: $err"
[ "$got" -eq "$code" ] || { echo "expected exit $code" >&2; exit 1; }
[ $one_line = no ] || [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "expected a one-line message" >&2; exit 1; }
printf '%s\n' "$err" | grep -Eq -- "$pattern" || { echo "message does not match: $pattern" >&2; exit 1; }
