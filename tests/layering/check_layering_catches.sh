#!/usr/bin/env bash
# Owns the proof that the layering check can fail: a copy of src/ with one forbidden include per rule.
# Usage: check_layering_catches.sh SRC_DIR. Exits 1 if the check passes a tree it must refuse.
set -euo pipefail

src=$(cd "${1:?usage: check_layering_catches.sh SRC_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
cp -r "$src" "$tree/src"

# Each forbidden include goes into its own file, so the report must name that file and line.
printf '#include <string>\n#include <sqlite3.h>\n' >"$tree/src/core/forbidden_sqlite.h"
printf '#include "store/outbox.h"\n' >"$tree/src/ui/forbidden_store.h"
printf '#include "sync/bundle.h"\n' >"$tree/src/ui/forbidden_sync.h"
printf '#include <SDL.h>\n' >"$tree/src/ui/forbidden_sdl.h"
printf '#include "ui/widgets.h"\n' >"$tree/src/store/forbidden_ui.h"
printf '#include <imgui.h>\n' >"$tree/src/sync/forbidden_imgui.h"

status=0
out=$("$here/check_layering.sh" "$tree/src") || status=$?
echo "$out"
if ((status != 1)); then
    echo "FAIL: the layering check exited $status on a tree with forbidden includes"
    exit 1
fi
missing=0
for where in core/forbidden_sqlite.h:2 ui/forbidden_store.h:1 ui/forbidden_sync.h:1 ui/forbidden_sdl.h:1 \
    store/forbidden_ui.h:1 sync/forbidden_imgui.h:1; do
    grep -q "^$where: " <<<"$out" || { echo "FAIL: no report for $where"; missing=1; }
done
# Allowed includes stay quiet: the first line of forbidden_sqlite.h is <string>.
if grep -q "^core/forbidden_sqlite.h:1: " <<<"$out"; then
    echo "FAIL: <string> in core was reported"
    missing=1
fi
exit $missing
