"""The sandbox as a child process of the kiosk: ``python -m kiosk.sandbox.child``.

Started by ``kiosk.sandbox.process.SandboxProcess`` only. It serves on a listening socket the
parent bound and passed down (so the address is known before this process has even started),
writes ``ready`` on stdout once uvicorn listens, and ends with its parent however the parent
ends: on Linux the kernel sends SIGTERM when the parent dies (``PR_SET_PDEATHSIG``), and on
every system the parent holds the write end of this process's stdin, so end-of-file on stdin
means the parent is gone (a SIGKILLed parent included).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import signal
import socket
import sys
import threading
from pathlib import Path
from typing import Any

from kiosk.sandbox.options import AutoProviderOptions, FaultOptions, SandboxConfig

READY_LINE = b"ready\n"
#: After the parent is gone, a graceful stop gets this long before the process just exits.
ORPHAN_EXIT_S = 5.0
_PR_SET_PDEATHSIG = 1


def config_to_json(config: SandboxConfig) -> str:
    """The parent's half of passing a ``SandboxConfig`` on the command line."""
    data: dict[str, Any] = {
        "db_path": None if config.db_path is None else str(config.db_path),
        "files_dir": None if config.files_dir is None else str(config.files_dir),
        "token_lifetime_s": config.token_lifetime_s,
        "refresh_lifetime_s": config.refresh_lifetime_s,
        "max_upload_bytes": config.max_upload_bytes,
        "file_link_lifetime_s": config.file_link_lifetime_s,
        "auto_provider": None if config.auto_provider is None else vars(config.auto_provider),
        "faults": vars(config.faults),
        "doc_examples": None if config.doc_examples is None else str(config.doc_examples),
    }
    return json.dumps(data)


def config_from_json(text: str) -> SandboxConfig:
    data = json.loads(text)
    auto = data.pop("auto_provider")
    faults = data.pop("faults")
    db_path = data.pop("db_path")
    files_dir = data.pop("files_dir")
    doc_examples = data.pop("doc_examples", None)
    return SandboxConfig(
        db_path=db_path if db_path in (None, ":memory:") else Path(db_path),
        files_dir=None if files_dir is None else Path(files_dir),
        auto_provider=None if auto is None else AutoProviderOptions(**auto),
        faults=FaultOptions(**faults),
        doc_examples=None if doc_examples is None else Path(doc_examples),
        **data,
    )


def die_with_parent(parent_pid: int) -> None:
    """Ask Linux for SIGTERM when the parent dies; exit now if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:  # died before the request above took effect
        sys.exit(0)


def _watch_stdin(on_parent_gone: Any) -> None:
    """Block until stdin reaches end-of-file (the parent closed it or died)."""
    try:
        while os.read(sys.stdin.fileno(), 4096):
            pass
    except OSError:
        pass
    on_parent_gone()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.sandbox.child")
    parser.add_argument("--fd", type=int, required=True, help="listening socket from the parent")
    parser.add_argument("--parent", type=int, required=True, help="the parent's pid")
    parser.add_argument("--config", required=True, help="SandboxConfig as JSON")
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    die_with_parent(args.parent)

    from kiosk.sandbox.server import build_server

    sock = socket.socket(fileno=args.fd)

    def announce() -> None:
        os.write(sys.stdout.fileno(), READY_LINE)

    server = build_server(
        config_from_json(args.config), log_level=args.log_level, on_ready=announce
    )

    def on_parent_gone() -> None:
        server.should_exit = True
        timer = threading.Timer(ORPHAN_EXIT_S, os._exit, args=(0,))
        timer.daemon = True
        timer.start()

    threading.Thread(
        target=_watch_stdin, args=(on_parent_gone,), name="parent-watch", daemon=True
    ).start()
    server.run(sockets=[sock])
    return 0 if server.started else 1


if __name__ == "__main__":
    sys.exit(main())
