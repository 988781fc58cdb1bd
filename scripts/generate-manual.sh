#!/usr/bin/env bash
# The manual page from the command definitions: argument-parser's generate-manual (GENERATOR)
# run on REGISTRY, with the letters outside ASCII it would drop carried through as roff escapes
# (scripts/manual-help.py), so Łódź, śląskie and Tromsø read right in `man registry`; then
# scripts/finish-manual.py adds the sections a manual page has.
#
#   scripts/generate-manual.sh GENERATOR REGISTRY OUTPUT-FOLDER
set -euo pipefail
generator=$1 registry=$2 output=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$output"
REGISTRY_BINARY=$(realpath "$registry") "$generator" "$here/manual-help.py" --output-directory "$output" --authors "KS partnership registry"
sed -E -i 's/MANUALU([0-9A-F]{4,6})X/\\[u\1]/g' "$output/registry.1"
if grep -q "MANUALU" "$output/registry.1"; then
    echo "generate-manual.sh: a placeholder was left in $output/registry.1" >&2
    exit 1
fi
# COMMANDS, the options of every command once, ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES (the
# README's tour) and SEE ALSO; groff -ww must render the page without a warning.
python3 "$here/finish-manual.py" "$output/registry.1" "$here/../README.md"
