"""Build hook: ship the top-level ``resources/`` folder inside the wheel as ``kiosk/_resources``.

Everything else about the package is declared in ``pyproject.toml``. ``resources/`` stays at
the top of the repository (the design card wants it there), but a wheel can only install what
sits inside a package, so ``build_py`` copies it in; ``kiosk.resources`` looks in the source
tree first and in ``kiosk/_resources`` second.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"
INSTALLED_NAME = "_resources"


class BuildPyWithResources(build_py):
    """``build_py`` plus a copy of ``resources/`` into ``<build>/kiosk/_resources``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the source tree directly
            return
        target = Path(self.build_lib) / "kiosk" / INSTALLED_NAME
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RESOURCES, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        target = Path(self.build_lib) / "kiosk" / INSTALLED_NAME
        return outputs + [
            str(target / path.relative_to(RESOURCES))
            for path in sorted(RESOURCES.rglob("*"))
            if path.is_file()
        ]


setup(cmdclass={"build_py": BuildPyWithResources})
