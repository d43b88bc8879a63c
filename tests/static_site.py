"""A folder served on a free loopback port, quietly, in a thread: the pretend portal pages the
call-view and staff-dashboard tests load. The fixture that serves it must also use
``collector_off_for_module_server_thread`` (tests/conftest.py: no cyclic collection while a
server thread lives)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        """Keep test output clean."""


def serve_folder(root: Path) -> Iterator[str]:
    """Serve ``root`` and yield its origin (``http://127.0.0.1:PORT``); stopped afterwards."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
