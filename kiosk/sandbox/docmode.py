"""Doc mode: the sandbox answering in the API doc's own shapes, to test the kiosk against the
contract rather than against this sandbox's reading of it (issue 11).

On with ``SandboxConfig.doc_examples`` (a folder of the doc's example answers, one JSON file
per endpoint: ``tests/fixtures/api_examples``). Then:

- the API is served under the doc's staging prefix ``/vc/next/api_v3/`` (``/api_v3/`` still
  answers, for the sandbox's own links);
- every JSON answer is laid over the doc's example for its endpoint: the server's values win
  (the state is still real: queues move, calls start and end), but each takes the *type* the
  doc shows (``"status": "10"`` on ``add_walkin``, ids as strings, ``"slot_available": "1"``),
  and every key the doc's example has and the server does not is added with the doc's value
  (``_id``, ``payment``, ``hosts``, ``meeting``, ``call_logs``, the envelope's ``"s": "ms"``…);
- the account's ``files[].path`` stay exactly as the doc shows them
  (``https://api.vsee.me/api_v3/files/<id>``, no ``auth_code``);
- error messages carry HTML entities, as the doc's ``POST /rooms`` error does
  (``slug &quot;uat2&quot; already exists``).
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("kiosk.sandbox")

#: The doc's staging API prefix ("API Endpoints": ``https://api.vseepreview.com/vc/next/api_v3/``).
DOC_PREFIX = "/vc/next/api_v3"
API_PREFIX = "/api_v3"

#: (method, path under the API prefix) → the doc's example for it (file stem).
ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    (m, re.compile(p), name)
    for m, p, name in [
        ("GET", r"^/settings$", "settings_get"),
        ("GET", r"^/settings/.+$", "settings_path_get"),
        ("POST", r"^/users/sso$", "users_sso_guest"),
        ("POST", r"^/users/login$", "users_login"),
        ("GET", r"^/me$", "me_get"),
        ("POST", r"^/me$", "me_update"),
        ("POST", r"^/users/logout$", "users_logout"),
        ("POST", r"^/tokens/refresh$", "tokens_refresh"),
        ("POST", r"^/users/alive$", "users_alive"),
        ("GET", r"^/users/[^/]+/emr$", "users_emr_get"),
        ("POST", r"^/users/[^/]+/emr/[^/]+$", "users_emr_update"),
        ("GET", r"^/users/[^/]+/erx/prescriptions$", "erx_prescriptions_list"),
        ("GET", r"^/users/[^/]+/erx/pharmacies$", "erx_pharmacies_list"),
        ("POST", r"^/users/[^/]+/erx/pharmacies$", "erx_pharmacy_save"),
        ("POST", r"^/intakes$", "intakes_create"),
        ("POST", r"^/intakes/[^/]+$", "intakes_update"),
        ("GET", r"^/intakes/[^/]+$", "intakes_get"),
        ("POST", r"^/visits/add_walkin$", "visits_add_walkin"),
        ("POST", r"^/visits/close$", "visits_close"),
        ("GET", r"^/visits/current$", "visits_current"),
        ("GET", r"^/visits/[^/]+$", "visits_get"),
        ("GET", r"^/visits$", "visits_list"),
        ("POST", r"^/(visits|appointments)$", "visits_create"),
        ("GET", r"^/availability$", "availability_get_public"),
        ("GET", r"^/accounts$", "accounts_list"),
        ("GET", r"^/accounts/[^/]+$", "accounts_get"),
        ("GET", r"^/rooms$", "rooms_list"),
        ("GET", r"^/rooms/[^/]+$", "rooms_get"),
        ("GET", r"^/rooms/[^/]+/queue$", "rooms_queue"),
        ("GET", r"^/rooms/[^/]+/providers$", "rooms_providers_list"),
        ("GET", r"^/rooms/[^/]+/providers/[^/]+$", "rooms_provider_get"),
        ("POST", r"^/files$", "files_upload"),
        ("GET", r"^/files$", "files_list"),
    ]
]


def load_examples(folder: Path) -> dict[str, Any]:
    """The doc's example answers by file stem (``_note`` keys, our corrections' notes, dropped)."""
    examples: dict[str, Any] = {}
    for path in sorted(Path(folder).glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(body, dict):
            body.pop("_note", None)
        examples[path.stem] = body
    if not examples:
        raise FileNotFoundError(f"no doc examples in {folder}")
    return examples


def example_for(examples: dict[str, Any], method: str, path: str) -> Any:
    """The doc's example for a request (``path`` under the API prefix, no ``.json``)."""
    for wanted, pattern, name in ROUTES:
        if wanted == method and pattern.match(path):
            return examples.get(name)
    return None


def shape(example: Any, actual: Any) -> Any:
    """``actual`` in the doc's shape: its values, the example's types, the example's extra keys.

    Lists are shaped item by item after the example's first object. ``None`` stays ``None``
    (the doc shows nulls too), booleans stay booleans.
    """
    if isinstance(actual, dict) and isinstance(example, dict):
        out = {k: (shape(example[k], v) if k in example else v) for k, v in actual.items()}
        for key, value in example.items():
            out.setdefault(key, value)
        return out
    if isinstance(actual, list) and isinstance(example, list):
        template = next((e for e in example if isinstance(e, dict)), None)
        return [shape(template, a) if template is not None else a for a in actual]
    if isinstance(actual, bool) or isinstance(example, bool) or actual is None:
        return actual
    if isinstance(example, str) and isinstance(actual, int | float):
        return str(actual)
    if isinstance(example, int) and isinstance(actual, str) and actual.isdigit():
        return int(actual)
    return actual


def doc_error(body: dict[str, Any]) -> dict[str, Any]:
    """An error envelope as the doc shows one: the message with HTML entities."""
    message = body.get("message")
    if isinstance(message, str):
        body = {**body, "message": html.escape(message, quote=True)}
    return body


class DocModeMiddleware:
    """Outermost middleware of a doc-mode sandbox (see the module docstring)."""

    def __init__(self, app: ASGIApp, examples: dict[str, Any]) -> None:
        self.app = app
        self.examples = examples

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(DOC_PREFIX + "/"):
            path = API_PREFIX + path[len(DOC_PREFIX) :]
            scope = {**scope, "path": path, "raw_path": None}
        if not path.startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        inner = path[len(API_PREFIX) :].removesuffix(".json")
        example = example_for(self.examples, scope["method"], inner)
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._answer(start, b"".join(chunks), example, send)

        await self.app(scope, receive, buffered)

    async def _answer(self, start: Message, body: bytes, example: Any, send: Send) -> None:
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        content_type = dict(start.get("headers", [])).get(b"content-type", b"")
        if content_type.startswith(b"application/json"):
            body = self._reshape(int(start["status"]), body, example)
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _reshape(status: int, body: bytes, example: Any) -> bytes:
        try:
            parsed = json.loads(body)
        except ValueError:
            return body
        if status >= 400 and isinstance(parsed, dict):
            parsed = doc_error(parsed)
        elif example is not None:
            parsed = shape(example, parsed)
        return json.dumps(parsed).encode()
