"""Request parameters from query strings, form, multipart and JSON bodies, read one way.

Every POST/PUT accepts all three body encodings the doc's curl lines use. PHP-style bracket
keys (``consultation[id]=…``, ``tokens[]=…``) become nested dicts and lists, so a form body
reads like the equivalent JSON. Getters raise ``ApiProblem(400)`` with a message naming the
field, so handlers never see malformed input.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from kiosk.sandbox.errors import ApiProblem, bad_request

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_MAX_FORM_FIELDS = 1000


@dataclass
class Params:
    """Merged parameters (body over query) plus uploaded files by field name."""

    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, UploadFile] = field(default_factory=dict)

    def raw(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def text(self, name: str, *, required: bool = False, max_len: int = 2000) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"The field '{name}' is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise bad_request(f"The field '{name}' must be text.")
        text = str(value).strip()
        if len(text) > max_len:
            raise bad_request(f"The field '{name}' is longer than {max_len} characters.")
        if required and not text:
            raise bad_request(f"The field '{name}' is required.")
        return text

    def integer(self, name: str, *, required: bool = False) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"The field '{name}' is required.")
            return None
        if isinstance(value, bool):
            raise bad_request(f"The field '{name}' must be a whole number.")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,15}\s*", value):
            return int(value)
        raise bad_request(f"The field '{name}' must be a whole number.")

    def flag(self, name: str) -> bool | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise bad_request(f"The field '{name}' must be true or false (1 or 0).")

    def structured(self, name: str) -> Any:
        """A JSON value sent as JSON, as a JSON string in a form field, or as bracket keys."""
        value = self.values.get(name)
        if isinstance(value, str):
            stripped = value.strip()
            if stripped[:1] in ("{", "["):
                try:
                    return json.loads(stripped)
                except ValueError:
                    raise bad_request(f"The field '{name}' is not valid JSON.") from None
        return value


def _assign(target: dict[str, Any], key: str, value: Any) -> None:
    """Put ``value`` at a PHP-style key: ``a[b][c]`` nests, ``a[]`` appends."""
    head = key.split("[", 1)[0]
    parts = _BRACKETS.findall(key[len(head) :]) if "[" in key else []
    if not head or (parts and not key.endswith("]")):
        target[key] = value
        return
    node: Any = target
    names: list[str] = [head, *parts]
    for index, name in enumerate(names):
        last = index == len(names) - 1
        if isinstance(node, list):
            if last:
                node.append(value)
                return
            node.append({})
            node = node[-1]
            continue
        if last:
            node[name] = value
            return
        nxt = node.get(name)
        if names[index + 1] == "":
            if not isinstance(nxt, list):
                nxt = node[name] = []
        elif not isinstance(nxt, dict):
            nxt = node[name] = {}
        node = nxt


def _from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        _assign(out, key, value)
    return out


def json_object(raw: bytes) -> dict[str, Any]:
    """A request body that must be one JSON object; 400 when it is not JSON or not an object."""
    try:
        parsed = json.loads(raw)
    except ValueError:
        raise bad_request("The request body is not valid JSON.") from None
    if not isinstance(parsed, dict):
        raise bad_request("The JSON body must be an object.")
    return parsed


async def read_params(request: Request, *, max_body_bytes: int | None = None) -> Params:
    """Parse query and body; body keys win. Raises 400 on garbage JSON or broken forms and 413
    when the declared body size is over ``max_body_bytes``."""
    query = _from_pairs(list(request.query_params.multi_items()))
    if request.method in ("GET", "HEAD"):
        return Params(query)
    declared = request.headers.get("content-length")
    too_big = declared is not None and declared.isdigit() and max_body_bytes is not None
    if too_big and int(declared or 0) > (max_body_bytes or 0):
        raise ApiProblem(413, f"The upload is larger than {max_body_bytes} bytes.")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body: dict[str, Any] = {}
    files: dict[str, UploadFile] = {}
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_files=10, max_fields=_MAX_FORM_FIELDS)
        except Exception as exc:  # multipart raises several types for broken bodies
            raise bad_request("The form body could not be read.") from exc
        pairs: list[tuple[str, Any]] = []
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                files[key] = value
            else:
                pairs.append((key, value))
        body = _from_pairs(pairs)
    else:
        raw = await request.body()
        if raw.strip():
            json_like = ctype in ("", "application/json", "text/plain") or ctype.endswith("+json")
            if not json_like:
                raise bad_request(f"Unsupported content type '{ctype}'.")
            body = json_object(raw)
    return Params({**query, **body}, files)
