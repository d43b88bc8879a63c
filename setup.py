"""Build hook: ship the top-level ``resources/`` folder inside the wheel as ``kiosk/_resources``,
with each translation source ``translations/kiosk_<code>.ts`` compiled to its ``.qm``.

Everything else about the package is declared in ``pyproject.toml``. ``resources/`` stays at
the top of the repository (the design card wants it there), but a wheel can only install what
sits inside a package, so ``build_py`` copies it in; ``kiosk.resources`` looks in the source
tree first and in ``kiosk/_resources`` second.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"
INSTALLED_NAME = "_resources"
TRANSLATIONS = "translations"


def lrelease() -> str:
    """PySide6's ``lrelease`` (a build requirement: see pyproject's ``[build-system]``)."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    found = str(bundled) if bundled.is_file() else shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("pyside6-lrelease is needed to build the translations")
    return found


def compile_translations(folder: Path) -> list[Path]:
    """``pyside6-lrelease kiosk_<code>.ts -qm kiosk_<code>.qm`` for every source in ``folder``."""
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


class BuildPyWithResources(build_py):
    """``build_py`` plus a copy of ``resources/`` into ``<build>/kiosk/_resources``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # An editable install reads the source tree directly: compile the .qm there
            # (git-ignored; the kiosk recompiles one that is older than its .ts).
            compile_translations(RESOURCES / TRANSLATIONS)
            return
        target = Path(self.build_lib) / "kiosk" / INSTALLED_NAME
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("*.qm"))
        compile_translations(target / TRANSLATIONS)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        target = Path(self.build_lib) / "kiosk" / INSTALLED_NAME
        copied = [
            target / path.relative_to(RESOURCES)
            for path in sorted(RESOURCES.rglob("*"))
            if path.is_file() and path.suffix != ".qm"
        ]
        compiled = [
            (target / TRANSLATIONS / ts.name).with_suffix(".qm")
            for ts in sorted((RESOURCES / TRANSLATIONS).glob("*.ts"))
        ]
        return outputs + [str(path) for path in copied + compiled]


setup(cmdclass={"build_py": BuildPyWithResources})
