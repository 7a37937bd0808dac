"""The README's first command (install + demo) works in a fresh copy of the repository.

Slow (creates a venv and pip-installs the project): skipped when ZSCALER_SKIP_SLOW=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "check_readme_commands.py"


def _tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_readme_commands", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_readme_commands_are_extracted():
    commands = _tool().shell_commands((ROOT / "README.md").read_text())
    assert len(commands) == 2
    assert "pip install -e '.[cli]'" in commands[0] and commands[0].endswith("zscaler demo")
    assert "pip install -e '.[dev]'" in commands[1] and "pytest" in commands[1]


def test_extraction_skips_other_blocks():
    text = "intro\n```python\nprint(1)\n```\n```sh\n$ echo one \\\n  two\n```\n```bash\n# c\necho three\n```\n"
    assert _tool().shell_commands(text) == ["echo one    two", "echo three"]


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(os.environ.get("ZSCALER_SKIP_SLOW") == "1", reason="ZSCALER_SKIP_SLOW=1")
def test_first_readme_command_runs_the_demo():
    env = {**os.environ, "HOME": _real_home()}  # the pip cache lives in the real home, not the test's
    p = subprocess.run([sys.executable, str(TOOL), "--only", "1"], capture_output=True, text=True, timeout=290,
                       env=env)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert "steps passed" in p.stdout and "README command 1: ok" in p.stdout


def _real_home() -> str:
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:  # pragma: no cover
        return os.environ.get("HOME", "/")
