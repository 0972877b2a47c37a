#!/bin/sh
# Rasterises the OpenMoji pictograms named in LIST into OUT/NAME.png (160 px square). A line
# "NAME HEX crossed" draws the red ring and slash of "niet" over the pictogram: a state that is
# not so gets its own picture, never the same one as the state that is.
# OpenMoji comes from the npm registry as a pinned package; the tarball is cached in CACHE.
# Usage: build-pictograms.sh LIST OUT CACHE
set -eu
list=$1 out=$2 cache=$3
version=17.0.0
tarball=$cache/openmoji-$version.tgz

command -v rsvg-convert >/dev/null || { echo "build-pictograms: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }
mkdir -p "$out" "$cache"
if [ ! -s "$tarball" ]; then
    command -v npm >/dev/null || { echo "build-pictograms: npm missing (apt-get install npm)" >&2; exit 1; }
    (cd "$cache" && npm pack --silent "openmoji@$version" >/dev/null) ||
        { echo "build-pictograms: could not fetch openmoji@$version from the npm registry" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=$(grep -v '^#' "$list" | awk 'NF >= 2 { print "package/color/svg/" $2 ".svg" }' | sort -u)
# shellcheck disable=SC2086
tar -xzf "$tarball" -C "$work" package/LICENSE.txt $names 2>/dev/null ||
    tar -xzf "$tarball" -C "$work" $names

# OpenMoji's viewBox is 72 x 72; the ring and slash are OpenMoji's own red (#d22f27).
crossed='<g fill="none" stroke="#d22f27" stroke-width="5" stroke-linecap="round"><circle cx="36" cy="36" r="31"/><line x1="14.1" y1="14.1" x2="57.9" y2="57.9"/></g></svg>'
grep -v '^#' "$list" | while read -r name hex mark; do
    [ -n "$name" ] || continue
    svg=$work/package/color/svg/$hex.svg
    case "${mark:-}" in
        "") ;;
        crossed)
            sed "s|</svg>|$crossed|" "$svg" > "$work/$name.svg"
            svg=$work/$name.svg ;;
        *) echo "build-pictograms: $name: unknown mark '$mark' (only 'crossed')" >&2; exit 1 ;;
    esac
    rsvg-convert -w 160 -h 160 -o "$out/$name.png" "$svg"
done
[ -f "$work/package/LICENSE.txt" ] && cp "$work/package/LICENSE.txt" "$out/OPENMOJI-LICENSE.txt"
touch "$out/.stamp"
