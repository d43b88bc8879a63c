"""Call-view fixtures: a fake camera for Chromium, and a loopback page server on a free port."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from on_screen import on_screen
from static_site import serve_folder

from kiosk.ui.call import CallView

# Chromium reads its flags once, when WebEngine starts: set them at collection time. The fake
# device gives getUserMedia a camera to ask for (these machines have none); permission is
# still asked, so the kiosk's decision is what the page gets.
_FLAGS = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
if "--use-fake-device-for-media-stream" not in _FLAGS:
    _FLAGS.append("--use-fake-device-for-media-stream")
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(_FLAGS)

MEDIA_PAGE = """<html><body><script>
navigator.mediaDevices.getUserMedia({video: true, audio: true})
  .then(() => { document.title = 'granted'; })
  .catch((e) => { document.title = 'denied'; });
</script></body></html>"""
LINK_PAGE = "<html><body><a id='out' href='%s'>out</a></body></html>"
#: A text field; ``window.keys`` lists the keys the page has seen pressed.
FORM_PAGE = """<html><body><input id='field' autofocus><script>
window.keys = [];
document.addEventListener('keydown', (e) => { window.keys.push(e.key); }, true);
</script></body></html>"""


@pytest.fixture(scope="module")
def page_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    (root / "media.html").write_text(MEDIA_PAGE, encoding="utf-8")
    (root / "form.html").write_text(FORM_PAGE, encoding="utf-8")
    calling = root / "visits" / "inbrowser_calling" / "42"
    calling.mkdir(parents=True)
    (calling / "index.html").write_text("<html><body>call</body></html>", encoding="utf-8")
    (calling / "ended").mkdir()
    (calling / "ended" / "index.html").write_text("<p>ended</p>", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def portal(page_root: Path, collector_off_for_module_server_thread: None) -> Iterator[str]:
    """The pretend portal's origin (``http://127.0.0.1:PORT``)."""
    yield from serve_folder(page_root)


@pytest.fixture(scope="module")
def foreign(page_root: Path, collector_off_for_module_server_thread: None) -> Iterator[str]:
    """Another origin: same pages, a different port."""
    yield from serve_folder(page_root)


@pytest.fixture
def view(qtbot) -> Iterator[CallView]:
    """A call view on screen, torn down (page, then profile) after the test."""
    call_view = CallView()
    on_screen(qtbot, call_view, (800, 600))
    yield call_view
    call_view.teardown()
