#!/bin/sh
# Rasterises the OpenMoji pictograms named in LIST into OUT/NAME.png (160 px square).
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
names=$(grep -v '^#' "$list" | awk 'NF == 2 { print "package/color/svg/" $2 ".svg" }' | sort -u)
# shellcheck disable=SC2086
tar -xzf "$tarball" -C "$work" package/LICENSE.txt $names 2>/dev/null ||
    tar -xzf "$tarball" -C "$work" $names

grep -v '^#' "$list" | while read -r name hex; do
    [ -n "$name" ] || continue
    rsvg-convert -w 160 -h 160 -o "$out/$name.png" "$work/package/color/svg/$hex.svg"
done
[ -f "$work/package/LICENSE.txt" ] && cp "$work/package/LICENSE.txt" "$out/OPENMOJI-LICENSE.txt"
touch "$out/.stamp"
