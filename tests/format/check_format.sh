#!/bin/sh
# check_format.sh SOURCE_DIR: fails, naming the files, when a C++ source is not as the committed
# .clang-format has it. Fix with: clang-format -i FILE
set -eu
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format missing (apt-get install clang-format)" >&2; exit 1; }
bad=$(find src tests -name '*.cpp' -o -name '*.h' | sort | while read -r f; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
done)
if [ -n "$bad" ]; then
    echo "not formatted (clang-format -i FILE):"
    echo "$bad"
    exit 1
fi
echo "every C++ source is formatted"
