#!/usr/bin/env python3
"""Types a command line and Tab into an interactive shell, as a person would, and prints what the
shell then shows on that line: how the registry's completion script behaves in zsh and fish,
whose completion machinery only runs in an interactive shell.

    complete-in-shell.py zsh|fish SCRIPT 'registry city show Ch' [EXPECTED]

With EXPECTED it waits (up to 20 seconds) until the shell shows it; else until the shell has been
quiet for two seconds.
SCRIPT is the shell's completion script (`registry --generate-completion-script SHELL`); the
`registry` on PATH answers the script's questions. The shell starts with no user configuration,
in a temporary home."""

import os
import pty
import re
import select
import shutil
import sys
import tempfile
import time

PROMPT = "READY> "


def shell_command(shell, script, home):
    if shell == "zsh":
        functions = os.path.join(home, "functions")
        os.mkdir(functions)
        with open(script) as source, open(os.path.join(functions, "_registry"), "w") as target:
            target.write(source.read())
        with open(os.path.join(home, ".zshrc"), "w") as rc:
            rc.write(f"fpath=({functions} $fpath)\nautoload -U compinit\ncompinit -u -d {home}/.zcompdump\nPS1='{PROMPT}'\n")
        return ["zsh", "-i"], {"ZDOTDIR": home}
    if shell == "fish":
        setup = f"source {script}; function fish_prompt; printf '{PROMPT}'; end"
        return ["fish", "--no-config", "-i", "-C", setup], {}
    sys.exit(f"complete-in-shell.py: {shell} is not zsh or fish")


def plain_text(screen):
    """The terminal's output without escape sequences, carriage returns as line ends."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b\][^\x07]*\x07|\x1b[=>]|[\x07\x08]", "", screen)
    return plain.replace("\r", "\n")


def read_until(fd, done, limit):
    """Reads the terminal until done(text) holds and it has been quiet for a moment, or limit."""
    text = b""
    deadline = time.time() + limit
    quiet_since = time.time()
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            text += chunk
            quiet_since = time.time()
        elif done(text.decode(errors="replace")) and time.time() - quiet_since > 0.3:
            break
    return text.decode(errors="replace")


def main():
    shell, script, line = sys.argv[1:4]
    expected = sys.argv[4] if len(sys.argv) > 4 else None
    home = tempfile.mkdtemp(prefix="registry-completion-")
    argv, extra = shell_command(shell, os.path.abspath(script), home)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(extra, HOME=home, TERM="xterm")
        os.execvp(argv[0], argv)
    try:
        read_until(fd, lambda text: PROMPT in text, 20)
        os.write(fd, line.encode() + b"\t")
        if expected:
            screen = read_until(fd, lambda text: expected in plain_text(text), 20)
        else:
            screen = read_until(fd, lambda text: False, 2)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        shutil.rmtree(home, ignore_errors=True)
    print(plain_text(screen))


if __name__ == "__main__":
    main()
