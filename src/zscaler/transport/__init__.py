"""HTTP transport: the request pipeline over httpx (see :mod:`.pipeline` and :mod:`.executor`).

Importing this package puts the redaction filter on the HTTP library's own loggers
(:mod:`.library_logs`), so that nothing sent or received through it can print a secret.
"""

from .library_logs import install as _install_library_log_redaction

_install_library_log_redaction()
