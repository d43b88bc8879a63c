"""The endpoint table covers exactly the endpoints the API doc lists, with real methods."""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pytest

from kiosk.api import VSeeClient
from kiosk.api.endpoints import ENDPOINTS

DOC_NAME = "000_2721e89fb6bac189.txt"
REPO = Path(__file__).resolve().parents[3]
_HEADING = re.compile(r"^(GET|POST|PUT|DELETE|PATCH)\s+(/\S+)")


def _doc_path() -> Path | None:
    """The doc in ``shared/seed`` beside the repository (CI's layout) or the work tree's."""
    candidates = [REPO.parent / "shared" / "seed" / DOC_NAME, Path("/work/shared/seed") / DOC_NAME]
    if os.environ.get("KIOSK_API_DOC"):
        candidates.insert(0, Path(os.environ["KIOSK_API_DOC"]))
    return next((p for p in candidates if p.is_file()), None)


def documented_endpoints(text: str) -> set[tuple[str, str]]:
    """``(method, path)`` of every endpoint heading (``GET /rooms/:code/queue [public access]``).

    The doc writes some paths with ``.json`` and some with an example query string; both are
    dropped, as the client sends the bare path.
    """
    found = set()
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            path = match.group(2).split("?")[0].removesuffix(".json")
            path = re.sub(r"\.json(?=/|$)", "", path)
            found.add((match.group(1), path))
    return found


@pytest.fixture(scope="module")
def doc_endpoints() -> set[tuple[str, str]]:
    path = _doc_path()
    if path is None:
        pytest.skip(f"API doc {DOC_NAME} not found beside the repository")
    return documented_endpoints(path.read_text(encoding="utf-8"))


def test_doc_extraction_finds_the_known_shapes() -> None:
    sample = "GET /settings/:path.json [public access]\nPOST /billing/sources?room_code=a\n"
    expected = {("GET", "/settings/:path"), ("POST", "/billing/sources")}
    assert documented_endpoints(sample) == expected


def test_every_documented_endpoint_is_in_the_table(doc_endpoints) -> None:
    table = {(method, path) for method, path, _ in ENDPOINTS}
    assert sorted(doc_endpoints - table) == []


def test_every_table_entry_is_documented(doc_endpoints) -> None:
    table = {(method, path) for method, path, _ in ENDPOINTS}
    assert sorted(table - doc_endpoints) == []


def test_table_lists_each_endpoint_once() -> None:
    pairs = [(method, path) for method, path, _ in ENDPOINTS]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("name", sorted({name for _, _, name in ENDPOINTS}))
def test_table_method_exists_and_is_async(name: str) -> None:
    method = getattr(VSeeClient, name, None)
    assert method is not None, name
    assert inspect.iscoroutinefunction(method), name
