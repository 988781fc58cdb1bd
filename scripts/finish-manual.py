#!/usr/bin/env python3
"""Finishes the manual page that argument-parser's generate-manual writes (mdoc), in place:

- the command reference gets its own COMMANDS section, and the options every command takes
  (--db, --as, --quiet, --version, --help) are described once, not under each subcommand;
- ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES (the README's tour, read from README.md) and SEE ALSO
  are added;
- blank lines become paragraph breaks, as mdoc wants.

Then `groff -ww -mandoc -Tutf8` must render it without a warning.

usage: finish-manual.py MANUAL.1 README.md
"""
import re
import subprocess
import sys

GLOBAL_ITEMS = (".It Fl -version", ".It Fl h , -help", ".It Fl -db Ar path", ".It Fl -as Ar name", ".It Fl q , -quiet")

OPTIONS = r"""
.Ss Options of every command
.Bl -tag -width 6n
.It Fl -db Ar path
The register to use. Without it,
.Ev REGISTRY_DB ,
else
.Pa $XDG_DATA_HOME/ks-registry/registry.sqlite
(with
.Pa ~/.local/share
when
.Ev XDG_DATA_HOME
is not set).
.It Fl -as Ar name
Who makes the change, for the audit trail (default:
.Ev USER ) .
.It Fl q , -quiet
Only errors and the data asked for: no progress, notes or summaries.
.It Fl -version
Show the version and the SQLite it runs on.
.It Fl h , -help
Show help for the command.
.El
"""

ENVIRONMENT = r"""
.Sh ENVIRONMENT
.Bl -tag -width 6n
.It Ev REGISTRY_DB
The register when
.Fl -db
is not given.
.It Ev XDG_DATA_HOME
Where the default register lives:
.Pa $XDG_DATA_HOME/ks-registry/registry.sqlite .
.It Ev REGISTRY_BACKUP_DIR
The backup folder when
.Fl -dir
is not given (default: a
.Pa backups
folder beside the register).
.It Ev USER
The name written in the audit trail when
.Fl -as
is not given.
.El
"""

FILES = r"""
.Sh FILES
.Bl -tag -width 6n
.It Pa ~/.local/share/ks-registry/registry.sqlite
The default register, one SQLite file (with its
.Pa -wal
and
.Pa -shm
files while in use), readable by any SQLite tool.
.It Pa backups/registry-*.sqlite
Verified backups, each with its
.Pa .manifest
(size and SHA-256), made by
.Nm
.Cm backup create
and
.Cm backup nightly .
.El
"""

EXIT_STATUS = r"""
.Sh EXIT STATUS
.Bl -tag -width 6n
.It 0
Success.
.It 1
The command failed: not found, a duplicate, refused, or a database error. Nothing was changed.
.It 64
The command line is wrong: an unknown command or option, or a missing or bad value.
.It 65
The input data is invalid: every bad field is listed, one
.Ql Error:
line each, and nothing was written.
.El
"""

SEE_ALSO = r"""
.Sh SEE ALSO
.Xr sqlite3 1 ,
.Xr crontab 5 ,
.Xr systemd.timer 5 ,
.Xr datasette 1
"""


def roff_text(line):
    """A line of plain text as roff: backslashes escaped, letters outside ASCII as \\[uXXXX]."""
    out = line.replace("\\", "\\e")
    out = "".join(ch if ord(ch) < 128 else "\\[u%04X]" % ord(ch) for ch in out)
    return "\\&" + out if out.startswith((".", "'")) else out


def examples(readme):
    """The README's tour (its first sh block after 'A short tour') as a literal display."""
    text = open(readme, encoding="utf-8").read()
    tour = text[text.index("## A short tour"):]
    block = re.search(r"```sh\n(.*?)```", tour, re.S).group(1)
    lines = [roff_text(line) for line in block.rstrip("\n").split("\n")]
    return "\n.Sh EXAMPLES\nA tour of the main commands, as in the README:\n.Bd -literal\n" + "\n".join(lines) + "\n.Ed\n"


def finish(path, readme):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    index = 0
    described = False
    while index < len(lines):
        line = lines[index]
        # The options of every command: dropped where each command repeats them.
        if line in GLOBAL_ITEMS:
            index += 1
            while index < len(lines) and lines[index] and not lines[index].startswith("."):
                index += 1
            continue
        # The command reference follows the description's prose: its own section.
        if line.startswith(".Bl -tag") and not described and any(l == ".Sh DESCRIPTION" for l in out):
            described = True
            out += OPTIONS.strip("\n").split("\n")
            out.append(".Sh COMMANDS")
            out.append("Each command's options follow its name; the options of every command are under DESCRIPTION.")
        if line == '.Sh "EXIT STATUS"':
            out += ENVIRONMENT.strip("\n").split("\n") + FILES.strip("\n").split("\n") + EXIT_STATUS.strip("\n").split("\n")
            out += examples(readme).strip("\n").split("\n") + SEE_ALSO.strip("\n").split("\n")
            index += 2  # the generated section's `.Ex -std`
            continue
        if line == "":
            following = next((l for l in lines[index + 1:] if l), "")
            previous = out[-1] if out else ""
            if following.startswith((".It", ".El", ".Sh", ".Ss", ".Bl")) or previous.startswith((".Bl", ".Sh", ".Ss", ".Pp")) or not previous:
                index += 1
                continue
            line = ".Pp"
        out.append(line)
        index += 1
    # A list left empty once the global options went (`help`) is closed at once: drop the pair.
    text = "\n".join(out)
    text = re.sub(r"\n\.Bl -tag -width 6n\n\.El", "", text)
    open(path, "w", encoding="utf-8").write(text if text.endswith("\n") else text + "\n")
    warnings = subprocess.run(["groff", "-ww", "-mandoc", "-Tutf8", "-z", path], capture_output=True, text=True).stderr
    if warnings.strip():
        sys.exit(f"finish-manual.py: groff warns about {path}:\n{warnings}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    finish(sys.argv[1], sys.argv[2])
