"""``kiosk sandbox``: serve the sandbox clinic; ``kiosk sandbox provider ...``: act as provider."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from kiosk.sandbox.options import (
    DEFAULT_MAX_UPLOAD_BYTES,
    DEFAULT_TOKEN_LIFETIME_S,
    AutoProviderOptions,
    FaultOptions,
    SandboxConfig,
)

DEFAULT_PORT = 8765
PROVIDER_TIMEOUT_S = 10.0


def _serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk sandbox",
        description="Serve the sandbox VSee Clinic (API v3 under /api_v3/, portal pages, "
        "/_sandbox/ controls). Other command: 'kiosk sandbox provider --help'.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 = any free port")
    parser.add_argument("--db", type=Path, help="SQLite file (default: data dir); ':memory:'")
    parser.add_argument(
        "--auto-provider", action="store_true", help="a simulated provider takes waiting patients"
    )
    parser.add_argument("--auto-start-after", type=float, default=20.0, metavar="S")
    parser.add_argument("--auto-end-after", type=float, default=60.0, metavar="S")
    parser.add_argument(
        "--token-lifetime",
        type=int,
        default=DEFAULT_TOKEN_LIFETIME_S,
        metavar="S",
        help="access token lifetime in seconds",
    )
    parser.add_argument(
        "--max-upload-mb", type=float, default=DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024
    )
    parser.add_argument("--fault-latency", type=float, default=0.0, metavar="S")
    parser.add_argument("--fault-error-rate", type=float, default=0.0, metavar="SHARE")
    parser.add_argument("--fault-drop-rate", type=float, default=0.0, metavar="SHARE")
    parser.add_argument("--fault-expired-token-rate", type=float, default=0.0, metavar="SHARE")
    parser.add_argument("--fault-seed", type=int)
    parser.add_argument(
        "--doc-examples",
        type=Path,
        metavar="DIR",
        help="doc mode: API under /vc/next/api_v3/, answers in the shapes of the API doc's "
        "examples in DIR (tests/fixtures/api_examples)",
    )
    parser.add_argument(
        "--log-level", default="info", choices=["debug", "info", "warning", "error"]
    )
    return parser


def _provider_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk sandbox provider", description="Act as the sandbox's provider."
    )
    parser.add_argument("action", choices=["list", "start", "end"])
    parser.add_argument("visit_id", nargs="?")
    parser.add_argument(
        "--url", default=f"http://127.0.0.1:{DEFAULT_PORT}/", help="the sandbox root URL"
    )
    parser.add_argument("--provider-id", help="with start: which provider takes the visit")
    return parser


def _config(args: argparse.Namespace) -> SandboxConfig:
    for name in ("fault_error_rate", "fault_drop_rate", "fault_expired_token_rate"):
        if not 0 <= getattr(args, name) <= 1:
            raise SystemExit(f"--{name.replace('_', '-')} must be between 0 and 1")
    auto = (
        AutoProviderOptions(args.auto_start_after, args.auto_end_after)
        if args.auto_provider
        else None
    )
    faults = FaultOptions(
        latency_s=args.fault_latency,
        error_rate=args.fault_error_rate,
        drop_rate=args.fault_drop_rate,
        expired_token_rate=args.fault_expired_token_rate,
        seed=args.fault_seed,
    )
    db = args.db if args.db is None or str(args.db) != ":memory:" else ":memory:"
    return SandboxConfig(
        db_path=db,
        auto_provider=auto,
        faults=faults,
        token_lifetime_s=args.token_lifetime,
        max_upload_bytes=int(args.max_upload_mb * 1024 * 1024),
        doc_examples=args.doc_examples,
    )


def serve(argv: list[str]) -> int:
    args = _serve_parser().parse_args(argv)
    config = _config(args)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    from kiosk.sandbox.server import bind, build_server

    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    root = f"http://{shown}:{port}/"

    def announce() -> None:
        print(f"Sandbox listening on {root} (api: {root}{config.api_path})", flush=True)

    server = build_server(config, log_level="warning", on_ready=announce)
    server.run(sockets=[sock])
    return 0


def provider(argv: list[str]) -> int:
    import httpx

    args = _provider_parser().parse_args(argv)
    root = args.url if args.url.endswith("/") else args.url + "/"
    if args.action != "list" and not args.visit_id:
        print(f"'{args.action}' needs a VISIT_ID", file=sys.stderr)
        return 2
    try:
        if args.action == "list":
            response = httpx.get(f"{root}_sandbox/provider/queue", timeout=PROVIDER_TIMEOUT_S)
        else:
            body = {"provider_id": args.provider_id} if args.provider_id else {}
            response = httpx.post(
                f"{root}_sandbox/provider/{args.action}/{args.visit_id}",
                json=body,
                timeout=PROVIDER_TIMEOUT_S,
            )
    except httpx.HTTPError as exc:
        print(f"Cannot reach the sandbox at {root}: {type(exc).__name__}", file=sys.stderr)
        return 1
    data = response.json()
    if response.is_error:
        print(f"Error {response.status_code}: {data.get('message')}", file=sys.stderr)
        return 1
    if args.action == "list":
        if not data:
            print("Nobody is waiting.")
        for visit in data:
            state = "waiting" if visit["status"] == 10 else "in call"
            print(f"visit {visit['id']}  room {visit['room_code']}  {state}")
    else:
        print(json.dumps(data))
    return 0


def main(argv: list[str]) -> int:
    """Entry point for ``kiosk sandbox ...``; returns the exit code."""
    if argv[:1] == ["provider"]:
        return provider(argv[1:])
    return serve(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
