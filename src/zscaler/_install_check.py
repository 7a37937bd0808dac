"""Detects an environment where the official ``zscaler-sdk-python`` shares the ``zscaler`` folder.

Kept in a module only this distribution ships, so that the CLI can still run the check when
the official distribution was installed last and its ``zscaler/__init__.py`` replaced ours.
"""

from __future__ import annotations

import os

#: files that only the official distribution puts inside the ``zscaler`` package folder
_OFFICIAL_ONLY_FILES = ("request_executor.py", "oneapi_oauth_client.py", "oneapi_http_client.py")


def refuse_mixed_install() -> None:
    """Fail at once, and say what to do, when zscaler-sdk-python shares this package folder.

    Both distributions install a top-level ``zscaler`` package; installed into one
    environment they overwrite each other's files and neither works.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    site = os.path.dirname(here)
    mixed = [f for f in _OFFICIAL_ONLY_FILES if os.path.exists(os.path.join(here, f))]
    try:
        dist = [n for n in os.listdir(site) if n.lower().startswith("zscaler_sdk_python-") and n.endswith(".dist-info")]
    except OSError:
        dist = []
    if mixed or dist:
        raise ImportError(
            "import zscaler: the official SDK distribution 'zscaler-sdk-python' is installed in the same "
            f"environment as 'zscaler-sdk-ng' ({site}). Both provide the top-level package 'zscaler' and "
            "overwrite each other's files, so neither works. zscaler-sdk-ng is a drop-in replacement: keep one. "
            "Fix: pip uninstall -y zscaler-sdk-python zscaler-sdk-ng && pip install zscaler-sdk-ng "
            "(or install them in separate virtual environments).",
            name="zscaler")


