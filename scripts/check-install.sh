#!/usr/bin/env bash
# `make install` into a temporary PREFIX, then the installed binary run from an empty folder with
# a bare environment, its manual page and completion scripts in place; `make uninstall` removes
# every one of them again.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
empty=$(mktemp -d)
trap 'rm -rf "$prefix" "$empty"' EXIT
make -s install PREFIX="$prefix" >/dev/null

fail() { echo "install: FAILED: $*" >&2; exit 1; }
version=$(cd "$empty" && env -i PATH=/usr/bin:/bin HOME="$empty" "$prefix/bin/registry" --version)
[[ $version == "registry "*" (SQLite "*")" ]] || fail "--version printed '$version'"
(cd "$empty" && env -i PATH=/usr/bin:/bin HOME="$empty" "$prefix/bin/registry" city list --db r.sqlite >/dev/null) || fail "the installed binary did not run"
manual="$prefix/share/man/man1/registry.1"
grep -q '^\.Dt REGISTRY 1' "$manual" || fail "$manual is not a manual page"
for command in "city add" "backup restore" "contact erase" "search"; do
    grep -q "${command##* }" "$manual" || fail "the manual does not document '$command'"
done
grep -q "_registry" "$prefix/share/bash-completion/completions/registry" || fail "no bash completion"
grep -q "quiet" "$manual" && grep -q "datasette-metadata" "$manual" || fail "the manual lacks --quiet or export datasette-metadata"
grep -qF 'lodz finds \[u0141]\[u00F3]d\[u017A]' "$manual" || fail "the manual lost its Polish letters (lodz finds Łódź)"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
    grep -qx "\.Sh $section" "$manual" || fail "the manual has no $section section"
done
[ "$(grep -cx '\.It Fl -db Ar path' "$manual")" -eq 1 ] || fail "the manual describes --db more than once (the options of every command go once)"
grep -q 'registry export all --format xlsx' "$manual" || fail "the manual's EXAMPLES lack the README's tour"
warnings=$(LC_ALL=C.UTF-8 groff -ww -mandoc -Tutf8 -z "$manual" 2>&1)
[ -z "$warnings" ] || fail "groff -ww warns about the manual: $warnings"
# The installed bash script asks the installed binary (first on PATH) for a voivodeship.
offered=$(cd "$empty" && env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$empty" bash -c '
    source "$1"; COMP_LINE="registry city add X --voivodeship ma"; COMP_POINT=${#COMP_LINE}
    read -ra COMP_WORDS <<< "$COMP_LINE"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _registry registry ma --voivodeship; echo "${COMPREPLY[*]}"' bash "$prefix/share/bash-completion/completions/registry")
[[ $offered == "mazowieckie małopolskie" ]] || fail "bash completion offered '$offered' for --voivodeship ma"
grep -q "#compdef registry" "$prefix/share/zsh/site-functions/_registry" || fail "no zsh completion"
grep -q "^complete -c 'registry'" "$prefix/share/fish/vendor_completions.d/registry.fish" || fail "no fish completion"
installed=$(find "$prefix" -type f | wc -l)
make -s uninstall PREFIX="$prefix"
left=$(find "$prefix" -type f | wc -l)
[ "$left" -eq 0 ] || fail "make uninstall left $left files in $prefix"
echo "install: ok: $installed files under PREFIX ($version, manual page, bash/zsh/fish completions), all removed by make uninstall"
