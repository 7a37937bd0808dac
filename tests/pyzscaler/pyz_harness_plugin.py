"""pytest plugin for the copied-in pyZscaler suite (``-p pyz_harness_plugin``): the opt-in ``pyzscaler``
name is installed when the plugin loads (before the suite's conftests import it), and every facade
client built without ``transport=`` answers through ``responses``."""

from __future__ import annotations

from pyz_adapter import ResponsesTransport

from zscaler.pyzscaler import shim
from zscaler.pyzscaler._base import set_default_transport

shim.install()
set_default_transport(ResponsesTransport())
