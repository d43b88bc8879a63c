"""The Spanish catalogue is complete and current, and a stale ``.qm`` is never loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kiosk
from kiosk.i18n import catalog
from kiosk.i18n.catalog import (
    available_languages,
    compile_catalogue,
    compiled_catalogue,
    lupdate_command,
    source_file,
)

PACKAGE = Path(kiosk.__file__).resolve().parent
TS = source_file("es")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def test_spanish_is_offered_after_english() -> None:
    assert available_languages()[:2] == ("en", "es")


def test_every_spanish_entry_is_translated_and_none_is_obsolete() -> None:
    problems = []
    for context, source, message in _messages(TS):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
    assert not problems, "\n".join(problems)
    assert len(_messages(TS)) > 5


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    import string

    def names(text: str) -> set[str]:
        return {f for _l, f, _s, _c in string.Formatter().parse(text) if f is not None}

    wrong = [
        (source, message.findtext("translation"))
        for _c, source, message in _messages(TS)
        if names(source) != names(message.findtext("translation") or "")
    ]
    assert not wrong


def test_the_catalogue_holds_exactly_what_lupdate_extracts_from_the_code(tmp_path) -> None:
    """Re-running the README's lupdate command changes nothing: no string was added in code
    without being extracted, none was removed and left behind."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        lupdate_command(fresh, PACKAGE, "es_US"), check=True, capture_output=True, timeout=120
    )
    assert fresh.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "resources/translations/kiosk_es.ts is out of date: run the lupdate command in the "
        "README's Languages section and translate the new entries"
    )


def test_lupdate_notices_a_string_that_is_not_extracted_yet(tmp_path) -> None:
    code = tmp_path / "pkg"
    code.mkdir()
    (code / "screen.py").write_text(
        'from kiosk.i18n.message import QT_TRANSLATE_NOOP\nX = QT_TRANSLATE_NOOP("C", "New")\n'
    )
    fresh = tmp_path / "x.ts"
    shutil.copy(TS, fresh)
    subprocess.run(lupdate_command(fresh, code, "es_US"), check=True, capture_output=True)
    assert fresh.read_text(encoding="utf-8") != TS.read_text(encoding="utf-8")
    assert ("C", "New") in {(c, s) for c, s, _m in _messages(fresh)}


def test_a_missing_or_stale_qm_is_compiled_again(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / "kiosk_es.ts"
    shutil.copy(TS, ts)
    monkeypatch.setattr(catalog, "translations_dir", lambda: folder)
    qm = compiled_catalogue("es")
    assert qm == folder / "kiosk_es.qm" and qm.stat().st_size > 0
    qm.write_bytes(b"stale")
    os.utime(qm, (1, 1))  # older than its .ts
    assert compiled_catalogue("es") == qm
    assert qm.read_bytes() != b"stale"


def test_english_needs_no_catalogue() -> None:
    assert compiled_catalogue("en") is None


def test_a_broken_ts_is_a_catalogue_error(tmp_path) -> None:
    broken = tmp_path / "kiosk_xx.ts"
    broken.write_text("<TS><context>")
    with pytest.raises(catalog.CatalogueError):
        compile_catalogue(broken, tmp_path / "kiosk_xx.qm")
