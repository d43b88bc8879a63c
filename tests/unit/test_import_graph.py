"""The kiosk's modules import each other without a circle, and the layers point one way.

Read from the source (no imports run): every module-level ``from kiosk.x import y`` and
``import kiosk.x``, also those under ``if TYPE_CHECKING:`` (a circle of annotations is still one
a reader and mypy must untangle; the session and its old ``VisitSteps`` mixin were one). An
import inside a function is deferred on purpose and does not count. A package's ``__init__``
re-exports its modules and is left out of the circle check (importing any module of a package
runs it first, whatever the order).
"""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

ROOT = Path(kiosk.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(statements: list[ast.stmt]) -> set[str]:
    """The module-level imports (inside ``if``/``try`` too, not inside functions or classes)."""
    found: set[str] = set()
    for node in statements:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.If | ast.Try):
            nested = [*node.body, *node.orelse]
            if isinstance(node, ast.Try):
                nested += [*node.finalbody, *(s for h in node.handlers for s in h.body)]
            found |= _imports(nested)
    return found


def import_graph() -> tuple[dict[str, set[str]], set[str]]:
    """Module → the kiosk modules it imports; and the set of packages."""
    modules: dict[str, set[str]] = {}
    packages: set[str] = set()
    for path in ROOT.rglob("*.py"):
        name = _module_name(path)
        if path.name == "__init__.py":
            packages.add(name)
        modules[name] = _imports(ast.parse(path.read_text(encoding="utf-8")).body)
    for name, imports in modules.items():
        modules[name] = {i for i in imports if i in modules and i != name}
    return modules, packages


def find_circle(modules: dict[str, set[str]], skip: set[str]) -> list[str] | None:
    """One import circle among the modules not in ``skip``, or None."""
    done: set[str] = set()

    def walk(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done or name in skip:
            return None
        for target in sorted(modules[name]):
            circle = walk(target, [*path, name])
            if circle:
                return circle
        done.add(name)
        return None

    for name in sorted(modules):
        circle = walk(name, [])
        if circle:
            return circle
    return None


def test_no_module_imports_itself_back_through_others():
    modules, packages = import_graph()
    assert find_circle(modules, skip=packages) is None


def test_the_session_imports_no_widgets_and_the_api_no_session():
    modules, _packages = import_graph()
    for name, imports in modules.items():
        if name.startswith(("kiosk.session", "kiosk.wizard")):
            assert not {i for i in imports if i.startswith("kiosk.ui")}, name
        if name.startswith("kiosk.api"):
            assert not {i for i in imports if i.startswith(("kiosk.session", "kiosk.ui"))}, name


def test_the_circle_check_finds_a_circle():
    modules = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_circle(modules, skip=set()) == ["a", "b", "c", "a"]
