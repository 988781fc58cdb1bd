#!/usr/bin/env python3
"""Stands in for `registry` when argument-parser's generate-manual asks for
`--experimental-dump-help`: that tool drops every character outside ASCII (Łódź would read
"d"), so each one is handed over as an ASCII placeholder, MANUALU0141X, which
scripts/generate-manual.sh then turns into the roff escape \\[u0141].

The real binary is $REGISTRY_BINARY."""
import os
import subprocess
import sys

help_json = subprocess.run([os.environ["REGISTRY_BINARY"], *sys.argv[1:]], capture_output=True, text=True, check=True).stdout
sys.stdout.write("".join(c if ord(c) < 128 else f"MANUALU{ord(c):04X}X" for c in help_json))
