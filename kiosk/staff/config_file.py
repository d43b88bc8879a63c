"""``set_config_value``: change one key of the config TOML in place, keeping everything else."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from kiosk.config import ConfigError

log = logging.getLogger("kiosk.staff")

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
#: The file holds the API secret and the PIN hash: only the kiosk user may read it.
FILE_MODE = 0o600


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``) are TOML's."""
    return json.dumps(value, ensure_ascii=False)


def _key_line(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")


def _table_bounds(lines: list[str], section: str | None) -> tuple[int, int] | None:
    """(first line, end line) of the table's body; the top level ends at the first header."""
    start = 0 if section is None else None
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if not match:
            continue
        if start is not None:
            return start, index
        if match.group(1).strip().strip('"') == section:
            start = index + 1
    return None if start is None else (start, len(lines))


def _edit(text: str, key: str, value: str, section: str | None) -> str:
    lines = text.splitlines()
    new_line = f"{key} = {_toml_string(value)}"
    bounds = _table_bounds(lines, section)
    if bounds is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [f"[{section}]", new_line]
        return "\n".join(lines) + "\n"
    start, end = bounds
    pattern = _key_line(key)
    for index in range(start, end):
        if pattern.match(lines[index]):
            lines[index] = new_line
            return "\n".join(lines) + "\n"
    insert_at = end
    while insert_at > start and not lines[insert_at - 1].strip():
        insert_at -= 1
    lines.insert(insert_at, new_line)
    return "\n".join(lines) + "\n"


def _lookup(data: dict[str, Any], key: str, section: str | None) -> Any:
    table = data if section is None else data.get(section, {})
    return table.get(key) if isinstance(table, dict) else None


def set_config_value(path: Path, key: str, value: str, section: str | None = None) -> None:
    """Set ``[section] key = "value"`` (top level when ``section`` is None) in ``path``.

    Comments, order and every other key stay as they were; a missing file or table is
    created. The result is parsed back before it replaces the file (atomically, mode 0600);
    a file this cannot edit safely (not valid TOML, or the key written as a dotted key or
    inline table) raises ``ConfigError`` and is left untouched.
    """
    if not _BARE_KEY.match(key) or (section is not None and not _BARE_KEY.match(section)):
        raise ValueError("key and section must be bare TOML keys")
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML, not changed: {exc}") from None
    updated = _edit(text, key, value, section)
    try:
        written = tomllib.loads(updated)
    except tomllib.TOMLDecodeError:
        written = None
    if written is None or _lookup(written, key, section) != value:
        where = f"[{section}] {key}" if section else key
        raise ConfigError(f"{path}: cannot update '{where}' automatically; edit it by hand")
    _write_atomically(path, updated)
    log.info("config.updated key=%s%s", f"{section}." if section else "", key)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, FILE_MODE)
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise ConfigError(f"{path}: cannot be written: {exc.strerror}") from None
