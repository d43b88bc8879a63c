"""The resource locator: every file the code reads is found, from a checkout or an install."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import resources

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kiosk"

#: ``icon("clinic")`` calls in the package: each names ``resources/icons/<name>.svg``.
ICON_CALL = re.compile(r"""\bicon\(\s*["']([\w-]+)["']\s*\)""")
#: Resource paths the package names as module constants in ``kiosk.resources``.
RESOURCE_CONSTANTS = ("STYLE_SHEET", "DEFAULT_STATES")


@pytest.fixture(autouse=True)
def fresh_locator() -> Iterator[None]:
    """``resources_dir`` is cached; each test starts and ends with an empty cache."""
    resources.resources_dir.cache_clear()
    yield
    resources.resources_dir.cache_clear()


def _icons_referenced() -> set[str]:
    names: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        names.update(ICON_CALL.findall(source.read_text(encoding="utf-8")))
    return names


def test_every_icon_the_code_uses_is_found() -> None:
    names = _icons_referenced()
    # The scan itself must work: these four are used by the header and the ending screens.
    assert {"clinic", "check", "heart", "moon"} <= names
    missing = sorted(name for name in names if not resources.icon_path(name).is_file())
    assert missing == []


@pytest.mark.parametrize("constant", RESOURCE_CONSTANTS)
def test_every_named_resource_is_found(constant: str) -> None:
    assert resources.resource_path(getattr(resources, constant)).is_file()


def test_the_theme_reads_the_located_style_sheet() -> None:
    from kiosk.ui.theme import stylesheet

    assert "QPushButton" in stylesheet()


def test_a_checkout_uses_its_own_resources_folder() -> None:
    assert resources.resources_dir() == ROOT / "resources"


def test_an_install_uses_the_copy_inside_the_package(tmp_path, monkeypatch) -> None:
    installed = tmp_path / "site-packages" / "kiosk" / "_resources"
    installed.mkdir(parents=True)
    monkeypatch.setattr(resources, "SOURCE_DIR", tmp_path / "site-packages" / "resources")
    monkeypatch.setattr(resources, "INSTALLED_DIR", installed)

    assert resources.resources_dir() == installed


def test_a_stray_resources_folder_without_a_project_beside_it_is_ignored(
    tmp_path, monkeypatch
) -> None:
    """Another distribution may have left ``site-packages/resources``: not ours."""
    stray = tmp_path / "site-packages" / "resources"
    stray.mkdir(parents=True)
    installed = tmp_path / "site-packages" / "kiosk" / "_resources"
    installed.mkdir(parents=True)
    monkeypatch.setattr(resources, "SOURCE_DIR", stray)
    monkeypatch.setattr(resources, "INSTALLED_DIR", installed)

    assert resources.resources_dir() == installed


def test_no_resources_anywhere_is_an_error_naming_both_places(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(resources, "SOURCE_DIR", tmp_path / "a" / "resources")
    monkeypatch.setattr(resources, "INSTALLED_DIR", tmp_path / "b" / "_resources")

    with pytest.raises(resources.ResourcesNotFoundError) as caught:
        resources.resources_dir()
    assert str(tmp_path / "a" / "resources") in str(caught.value)
    assert str(tmp_path / "b" / "_resources") in str(caught.value)


def test_package_data_declares_every_non_python_file_under_kiosk() -> None:
    """A wheel carries only declared package data: the sandbox cannot seed without its JSON."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared: dict[str, list[str]] = config["tool"]["setuptools"]["package-data"]
    data_files = [
        path
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and "_resources" not in path.relative_to(PACKAGE).parts
    ]
    assert any(path.suffix == ".json" for path in data_files)  # the seed is there to check
    undeclared = []
    for path in data_files:
        package = ".".join(path.parent.relative_to(ROOT).parts)
        patterns = declared.get(package, [])
        if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns):
            undeclared.append(str(path.relative_to(ROOT)))
    assert undeclared == []
