#!/usr/bin/env bash
# Owns the layering check: which folder of src/ may include which. Reads sources only; builds nothing.
#   core   standard C++ headers and its own headers only
#   ui     core, its own headers, standard C++ and Dear ImGui; never store, sync, SDL, sqlite3 or curl
#   store  core and itself; sync: core, store and itself. Neither includes ui, app, audio or SDL/ImGui.
# Usage: check_layering.sh SRC_DIR. Prints one line per forbidden include and exits 1 if there is any.
set -euo pipefail

src=$(cd "${1:?usage: check_layering.sh SRC_DIR}" && pwd)

# C++20 and C++23 standard library headers, and the C library as C++ spells it (<cstdio>, not
# <stdio.h>). An explicit list: "anything in angle brackets" would let <sqlite3.h> through.
std_headers=" algorithm any array atomic barrier bit bitset charconv chrono codecvt compare complex
 concepts condition_variable coroutine deque exception execution expected filesystem flat_map flat_set
 format forward_list fstream functional future generator initializer_list iomanip ios iosfwd iostream
 istream iterator latch limits list locale map mdspan memory memory_resource mutex new numbers numeric
 optional ostream print queue random ranges ratio regex scoped_allocator semaphore set shared_mutex
 source_location span spanstream sstream stack stacktrace stdexcept stdfloat stop_token streambuf string
 string_view syncstream system_error thread tuple type_traits typeindex typeinfo unordered_map
 unordered_set utility valarray variant vector version
 cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp csignal cstdarg cstddef
 cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype "
std_headers=$(echo $std_headers)  # one space between names
is_std() { [[ " $std_headers " == *" $1 "* ]]; }

# The layers a folder's quoted includes may reach.
declare -A allowed_layers=(
    [core]="core"
    [ui]="core ui"
    [store]="core store"
    [sync]="core store sync"
)

# Whether an include that is not one of src/'s own files (angle brackets, or quoted but found nowhere
# in src/) is allowed in a layer. Prints why not, or nothing.
external_verdict() {
    local layer=$1 name=$2
    case $layer in
        core)
            is_std "$name" || echo "core includes only the standard library"
            ;;
        ui)
            if is_std "$name"; then return; fi
            case $name in
                imgui.h | imgui_internal.h | imconfig.h | imstb_*.h) ;;
                *) echo "ui includes only core, itself, the standard library and Dear ImGui" ;;
            esac
            ;;
        store | sync)
            case $name in
                SDL* | SDL2/* | imgui*) echo "$layer never includes SDL or UI headers" ;;
            esac
            ;;
    esac
}

failures=0
report() {
    echo "$1: #include $2: $3"
    failures=$((failures + 1))
}

for layer in core ui store sync; do
    [[ -d "$src/$layer" ]] || { echo "no $src/$layer"; exit 2; }
    while IFS= read -r -d '' file; do
        lineno=0
        while IFS= read -r line || [[ -n "$line" ]]; do
            lineno=$((lineno + 1))
            [[ "$line" =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\<\"])([^\>\"]+)[\>\"] ]] || continue
            kind=${BASH_REMATCH[1]} name=${BASH_REMATCH[2]}
            where="${file#"$src"/}:$lineno"
            spelled="$kind$name$([[ $kind == '<' ]] && echo '>' || echo '"')"
            resolved=""
            if [[ $kind == '"' ]]; then
                # As the compiler looks: next to the including file, then from src/.
                for candidate in "$(dirname "$file")/$name" "$src/$name"; do
                    if [[ -f "$candidate" ]]; then
                        resolved=$(realpath -m "$candidate")
                        break
                    fi
                done
            fi
            if [[ -n "$resolved" && "$resolved" == "$src"/* ]]; then
                target=${resolved#"$src"/}
                target_layer=${target%%/*}
                [[ " ${allowed_layers[$layer]} " == *" $target_layer "* ]] ||
                    report "$where" "$spelled" "$layer may include ${allowed_layers[$layer]// /, }, not $target_layer"
            elif [[ -n "$resolved" ]]; then
                report "$where" "$spelled" "reaches outside src/"
            else
                # A quoted name found nowhere in src/ that still names a layer is that layer.
                first=${name%%/*}
                if [[ $kind == '"' && "$name" == */* && -d "$src/$first" ]]; then
                    [[ " ${allowed_layers[$layer]} " == *" $first "* ]] ||
                        report "$where" "$spelled" "$layer may include ${allowed_layers[$layer]// /, }, not $first"
                    continue
                fi
                why=$(external_verdict "$layer" "$name")
                [[ -z "$why" ]] || report "$where" "$spelled" "$why"
            fi
        done < "$file"
    done < <(find "$src/$layer" -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.inl' -o -name '*.cpp' -o -name '*.cc' -o -name '*.c' \) -print0 | sort -z)
done

if ((failures)); then
    echo "layering: $failures forbidden include(s)"
    exit 1
fi
echo "layering: core, ui, store and sync include only what their layer may"
