#!/usr/bin/env bash
# Copies the registry binary alone into an empty folder elsewhere and runs it there: the
# schema is compiled in, so it needs no resource bundle or source tree beside it.
set -euo pipefail
binary=$(realpath "${1:?usage: check-relocatable.sh PATH-TO-registry}")
place=$(mktemp -d)
trap 'rm -rf "$place"' EXIT
cp "$binary" "$place/registry"
cd "$place"
env -i PATH=/usr/bin:/bin HOME="$place" ./registry demo --db demo.sqlite >/dev/null 2>&1
cities=$(env -i PATH=/usr/bin:/bin HOME="$place" ./registry city list --db demo.sqlite --format csv | tail -n +2 | wc -l)
topics=$(env -i PATH=/usr/bin:/bin HOME="$place" ./registry theme list --db demo.sqlite --format csv | tail -n +2 | wc -l)
if [ "$cities" -lt 29 ] || [ "$topics" -ne 26 ]; then
    echo "relocatable: FAILED: $cities cities, $topics topics from a binary alone in $place" >&2
    exit 1
fi
echo "relocatable: ok: the binary alone in an empty folder built a demo of $cities cities and 26 topics"
