#!/usr/bin/env python3
"""Run the README's first two shell commands in a fresh copy of the repository.

The README promises that its first command (install + ``zscaler demo``) and its second
(install + the test suite) work on a fresh machine with only Python 3.11. This script
checks that promise: it extracts the first two fenced shell blocks of README.md, copies the
repository to a temporary directory (the working tree without ignored files such as
``.venv``, or ``git archive HEAD`` with ``--head``), and runs each command there with bash.
``python3.11`` is replaced by ``python3`` when Python 3.11 is not on PATH.

    python tools/check_readme_commands.py            # both commands
    python tools/check_readme_commands.py --only 1   # the demo command only
    python tools/check_readme_commands.py --list     # print the commands, run nothing

Exit status: 0 when every command run exited 0, else 1 (2 for usage problems).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHELL_LANGS = {"sh", "bash", "shell", "console", "shell-session", "zsh"}
FENCE = re.compile(r"^(```+|~~~+)[ \t]*([\w+-]*)[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "build", "dist",
                                     ".pytest_cache", "*.pyc", ".bench-venv*")


def shell_commands(readme_text: str, count: int = 2) -> list[str]:
    """The first ``count`` fenced shell blocks, as one command each (prompts and continuations joined)."""
    out: list[str] = []
    for m in FENCE.finditer(readme_text):
        if m.group(2).lower() not in SHELL_LANGS:
            continue
        lines = []
        for line in m.group(3).splitlines():
            s = line.rstrip()
            if not s.strip() or s.lstrip().startswith("#"):
                continue
            if s.startswith("$ "):
                s = s[2:]
            lines.append(s)
        command = "\n".join(lines).replace("\\\n", " ").strip()
        if command:
            out.append(command)
        if len(out) == count:
            break
    return out


def adapt(command: str) -> str:
    """``python3.11`` -> ``python3`` when Python 3.11 is not installed."""
    if shutil.which("python3.11") is None:
        return re.sub(r"\bpython3\.11\b", "python3", command)
    return command


def copy_repo(dest: Path, *, head: bool = False) -> None:
    """A fresh copy of the repository in ``dest``: committed files (``head``) or the working tree."""
    dest.mkdir(parents=True, exist_ok=True)
    git = shutil.which("git")
    is_repo = git and (ROOT / ".git").exists()
    if head:
        if not is_repo:
            raise SystemExit("--head needs a git checkout")
        archive = subprocess.run([git, "archive", "--format=tar", "HEAD"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return
    if is_repo:
        listed = subprocess.run([git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                check=True, capture_output=True).stdout.decode().split("\0")
        for rel in filter(None, listed):
            src = ROOT / rel
            if not src.is_file():  # deleted in the working tree
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
        return
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE, dirs_exist_ok=True)


def clean_env() -> dict[str, str]:
    """The environment of a fresh shell: no active virtualenv, no PYTHONPATH, no Zscaler credentials."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PIP_REQUIRE_VIRTUALENV")
           and not k.startswith(("ZSCALER_", "ZIA_", "ZPA_", "ZTW_", "ZCC_", "ZDX_", "ZWA_", "_ZSCALER", "PYTEST_"))}
    venv_bin = os.environ.get("VIRTUAL_ENV")
    if venv_bin:
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                      if not p.startswith(venv_bin))
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.setdefault("PIP_PROGRESS_BAR", "off")
    return env


def run(command: str, cwd: Path, timeout: float, *, echo: bool = True) -> subprocess.CompletedProcess:
    if echo:
        print(f"$ {command}", flush=True)
    return subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=cwd, env=clean_env(), timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", type=int, choices=(1, 2), help="run only the first or the second command")
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md")
    ap.add_argument("--head", action="store_true", help="copy `git archive HEAD` instead of the working tree")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per command (default 900)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary copies (their paths are printed)")
    ap.add_argument("--list", action="store_true", help="print the commands and exit")
    ap.add_argument("--quiet", action="store_true", help="print a command's output only when it fails")
    args = ap.parse_args(argv)

    commands = shell_commands(args.readme.read_text())
    if len(commands) < 2:
        print(f"{args.readme}: expected two fenced shell blocks, found {len(commands)}", file=sys.stderr)
        return 2
    chosen = [(i, c) for i, c in enumerate(commands, 1) if args.only in (None, i)]
    if args.list:
        for i, c in chosen:
            print(f"{i}: {adapt(c)}")
        return 0

    failures = 0
    for i, command in chosen:
        command = adapt(command)
        tmp = Path(tempfile.mkdtemp(prefix=f"zscaler-readme-{i}-"))
        try:
            repo = tmp / "repo"
            copy_repo(repo, head=args.head)
            started = time.monotonic()
            try:
                proc = run(command, repo, args.timeout)
                code, output = proc.returncode, proc.stdout
            except subprocess.TimeoutExpired as e:
                code = 124
                output = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
                output += f"\n(timed out after {args.timeout:g} s)"
            elapsed = time.monotonic() - started
            if code != 0 or not args.quiet:
                print(output, end="" if output.endswith("\n") else "\n")
            status = "ok" if code == 0 else f"FAILED (exit {code})"
            print(f"README command {i}: {status} in {elapsed:.1f} s" + (f" [{repo}]" if args.keep else ""), flush=True)
            failures += code != 0
        finally:
            if not args.keep:
                shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
