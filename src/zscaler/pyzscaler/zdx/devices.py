"""``zdx.devices``: devices, their apps, probes, metrics, events and deep traces."""

from __future__ import annotations

from typing import Any

from ...transport.executor import decode
from ..box import boxed
from ..utils import zdx_params
from ._common import ZDXEndpoint


class DevicesAPI(ZDXEndpoint):
    def _dev(self, device_id: str, rest: str = "") -> str:
        return self._p(f"devices/{device_id}{rest}")

    @zdx_params
    def list_devices(self, **kwargs: Any) -> Any:
        return self._get(self._p("devices"), params=kwargs)

    @zdx_params
    def get_device(self, device_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id), params=kwargs)

    @zdx_params
    def get_device_apps(self, device_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, "/apps"), params=kwargs)

    def get_device_app(self, device_id: str, app_id: str) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}"))

    def get_web_probes(self, device_id: str, app_id: str) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}/web-probes"))

    @zdx_params
    def get_web_probe(self, device_id: str, app_id: str, probe_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}/web-probes/{probe_id}"), params=kwargs)

    @zdx_params
    def list_cloudpath_probes(self, device_id: str, app_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}/cloudpath-probes"), params=kwargs)

    @zdx_params
    def get_cloudpath_probe(self, device_id: str, app_id: str, probe_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}/cloudpath-probes/{probe_id}"), params=kwargs)

    @zdx_params
    def get_cloudpath(self, device_id: str, app_id: str, probe_id: str, **kwargs: Any) -> Any:
        path = self._dev(device_id, f"/apps/{app_id}/cloudpath-probes/{probe_id}/cloudpath")
        return self._get(path, params=kwargs)

    @zdx_params
    def get_call_quality_metrics(self, device_id: str, app_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, f"/apps/{app_id}/call-quality-metrics"), params=kwargs)

    @zdx_params
    def get_health_metrics(self, device_id: str, **kwargs: Any) -> Any:
        return self._get(self._dev(device_id, "/health-metrics"), params=kwargs)

    def get_events(self, device_id: str) -> Any:
        return self._get(self._dev(device_id, "/events"))

    # -- deep traces
    def list_deeptraces(self, device_id: str) -> Any:
        return self._get(self._dev(device_id, "/deeptraces"))

    def start_deeptrace(self, device_id: str, app_id: str, session_name: str, **kwargs: Any) -> Any:
        """Start a deep trace; further keywords go into the body as given (``session_length_minutes``, ...)."""
        body = {"session_name": session_name, "app_id": app_id, **kwargs}
        return self._post(self._dev(device_id, "/deeptraces"), json=body)

    def get_deeptrace(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}"))

    def delete_deeptrace(self, device_id: str, trace_id: str) -> Any:
        """The API's answer to the deletion (its body, boxed)."""
        return self._delete_body(self._dev(device_id, f"/deeptraces/{trace_id}"))

    def _delete_body(self, path: str) -> Any:
        return boxed(decode(self._send("DELETE", path)))

    def get_deeptrace_webprobe_metrics(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/webprobe-metrics"))

    def get_deeptrace_cloudpath_metrics(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/cloudpath-metrics"))

    def get_deeptrace_cloudpath(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/cloudpath"))

    def get_deeptrace_health_metrics(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/health-metrics"))

    def get_deeptrace_events(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/events"))

    def get_deeptrace_top_processes(self, device_id: str, trace_id: str) -> Any:
        return self._get(self._dev(device_id, f"/deeptraces/{trace_id}/top-processes"))
