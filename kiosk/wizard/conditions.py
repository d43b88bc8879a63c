"""angular-schema-form ``condition`` strings, parsed and evaluated safely (never ``eval``).

The forms clinics write are small: ``model.smoker == 'yes'``, ``model.pain``, ``!model.pregnant``,
``model.age >= 18``, and ``&&`` / ``||`` / parentheses of those. This module tokenizes and
parses exactly that language into a tree of plain objects and evaluates it against the answers
with JavaScript's loose meaning (a missing answer is ``undefined``; ``'1' == 1``). Anything else
(function calls, assignments, unknown names such as ``form.key``) raises `ConditionError` at
parse time; the caller then shows the field (fail open) and logs that, never patient data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Names a condition may start a path with: the answers and an array item's position.
ROOTS = frozenset({"model", "arrayIndex"})

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d+(?:\.\d+)?|\.\d+)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<op>===|!==|==|!=|<=|>=|&&|\|\||[<>!().\[\]])
      | (?P<name>[A-Za-z_$][A-Za-z0-9_$]*)
    )""",
    re.VERBOSE,
)
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None, "undefined": None}
_COMPARISONS = frozenset({"==", "!=", "===", "!==", "<", "<=", ">", ">="})


class ConditionError(ValueError):
    """The condition uses syntax the kiosk does not evaluate; the message names the construct."""


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, op, name, end
    text: str


def tokenize(source: str) -> list[Token]:
    """Split ``source`` into tokens; raises `ConditionError` on any character it cannot read."""
    tokens: list[Token] = []
    position = 0
    text = source.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise ConditionError("unexpected character")
        kind = match.lastgroup or "op"
        tokens.append(Token(kind, match.group(kind)))
        position = match.end()
    tokens.append(Token("end", ""))
    return tokens


class Node:
    """A parsed expression; ``evaluate`` never raises for well-formed trees."""

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Literal(Node):
    value: Any

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        return self.value


@dataclass(frozen=True)
class Path(Node):
    """``model.a.b[0]['c'][arrayIndex]``: a root name then steps (str, int or nested Node)."""

    root: str
    steps: tuple[str | int | Node, ...] = ()

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        current: Any = model if self.root == "model" else array_index
        for step in self.steps:
            if isinstance(step, Node):
                step = step.evaluate(model, array_index)
            current = _member(current, step)
            if current is None:
                return None
        return current


@dataclass(frozen=True)
class Not(Node):
    operand: Node

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        return not truthy(self.operand.evaluate(model, array_index))


@dataclass(frozen=True)
class Binary(Node):
    """An operator between two operands."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Logical(Binary):
    """``&&`` / ``||`` with JavaScript's short-circuit (the result is a truth value here)."""

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        first = truthy(self.left.evaluate(model, array_index))
        if self.op == "&&":
            return first and truthy(self.right.evaluate(model, array_index))
        return first or truthy(self.right.evaluate(model, array_index))


@dataclass(frozen=True)
class Compare(Binary):
    """``==``, ``===``, their negations and the orderings, with JavaScript's coercions."""

    def evaluate(self, model: Mapping[str, Any], array_index: int | None = None) -> Any:
        a = self.left.evaluate(model, array_index)
        b = self.right.evaluate(model, array_index)
        if self.op in ("==", "!="):
            return loose_equal(a, b) == (self.op == "==")
        if self.op in ("===", "!=="):
            return strict_equal(a, b) == (self.op == "===")
        return _order(self.op, a, b)


def _member(container: Any, step: Any) -> Any:
    if isinstance(container, Mapping):
        return container.get(step if isinstance(step, str) else str(step))
    if isinstance(container, Sequence) and not isinstance(container, str):
        index = _as_number(step)
        if index is not None and float(index).is_integer() and 0 <= index < len(container):
            return container[int(index)]
        if step == "length":
            return len(container)
    if isinstance(container, str) and step == "length":
        return len(container)
    return None


def truthy(value: Any) -> bool:
    """JavaScript truthiness: undefined/null, false, 0, NaN and '' are false; lists are true."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)):
        return value != 0 and not (isinstance(value, float) and math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return True


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip()) if value.strip() else 0.0
        except ValueError:
            return None
    return None


def loose_equal(a: Any, b: Any) -> bool:
    """JavaScript ``==`` for the values answers hold (strings, numbers, booleans, null)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, (int, float, str)) and isinstance(b, (int, float, str)):
        x, y = _as_number(a), _as_number(b)
        return x is not None and x == y
    return bool(a is b)


def strict_equal(a: Any, b: Any) -> bool:
    """JavaScript ``===``: same kind of value and equal (True is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return (a is None and b is None) or a is b


def _order(op: str, a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        x: Any = a
        y: Any = b
    else:
        x, y = _as_number(a), _as_number(b)
        if x is None or y is None:
            return False
    if op == "<":
        return bool(x < y)
    if op == "<=":
        return bool(x <= y)
    if op == ">":
        return bool(x > y)
    return bool(x >= y)


class _Parser:
    """Recursive descent: or → and → not → comparison → primary."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> Token:
        return self.tokens[self.position]

    def take(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expect(self, text: str) -> None:
        if self.take().text != text:
            raise ConditionError(f"expected {text}")

    def parse(self) -> Node:
        node = self.logical()
        if self.peek().kind != "end":
            raise ConditionError("unexpected text after the expression")
        return node

    def logical(self) -> Node:
        return self._left_chain("||", self.conjunction)

    def conjunction(self) -> Node:
        return self._left_chain("&&", self.negation)

    def _left_chain(self, op: str, operand: Callable[[], Node]) -> Node:
        """``operand (op operand)*`` grouped from the left: ``a || b || c`` = ``(a || b) || c``."""
        node = operand()
        while self.peek().text == op:
            self.take()
            node = Logical(op, node, operand())
        return node

    def negation(self) -> Node:
        if self.peek().text == "!" and self.peek().kind == "op":
            self.take()
            return Not(self.negation())
        return self.comparison()

    def comparison(self) -> Node:
        node = self.primary()
        if self.peek().kind == "op" and self.peek().text in _COMPARISONS:
            op = self.take().text
            node = Compare(op, node, self.primary())
            if self.peek().kind == "op" and self.peek().text in _COMPARISONS:
                raise ConditionError("chained comparison")
        return node

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Literal(float(token.text) if "." in token.text else int(token.text))
        if token.kind == "string":
            return Literal(_unquote(token.text))
        if token.text == "(":
            node = self.logical()
            self.expect(")")
            return node
        if token.kind == "name":
            if token.text in _LITERALS:
                return Literal(_LITERALS[token.text])
            if token.text not in ROOTS:
                raise ConditionError(f"unknown name {token.text[:20]}")
            return self.path(token.text)
        raise ConditionError("expected a value")

    def path(self, root: str) -> Path:
        steps: list[str | int | Node] = []
        while True:
            token = self.peek()
            if token.text == "." and token.kind == "op":
                self.take()
                name = self.take()
                if name.kind != "name":
                    raise ConditionError("expected a property name")
                steps.append(name.text)
            elif token.text == "[" and token.kind == "op":
                self.take()
                steps.append(self.index())
                self.expect("]")
            elif token.text == "(":
                raise ConditionError("function call")
            else:
                return Path(root, tuple(steps))

    def index(self) -> str | int | Node:
        token = self.take()
        if token.kind == "number" and "." not in token.text:
            return int(token.text)
        if token.kind == "string":
            return _unquote(token.text)
        if token.kind == "name" and token.text in ROOTS:
            return self.path(token.text)
        raise ConditionError("unsupported index")


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def parse_condition(source: str) -> Node:
    """Parse an angular-schema-form condition; raises `ConditionError` for anything unsupported."""
    if not isinstance(source, str) or not source.strip():
        raise ConditionError("empty condition")
    if len(source) > 500:
        raise ConditionError("condition too long")
    return _Parser(tokenize(source)).parse()


def equals(path: Sequence[str], value: Any) -> Node:
    """A condition "the answer at ``path`` equals ``value``" (JSON Form's selectfieldset)."""
    return Compare("==", Path("model", tuple(path)), Literal(value))


def any_of(nodes: Sequence[Node]) -> Node | None:
    """``a || b || …`` of ``nodes``; None when there are none."""
    result: Node | None = None
    for node in nodes:
        result = node if result is None else Logical("||", result, node)
    return result


def shown(condition: Node | None, model: Mapping[str, Any], array_index: int | None = None) -> bool:
    """True when a field with ``condition`` is shown for ``model`` (no condition: always)."""
    if condition is None:
        return True
    return truthy(condition.evaluate(model, array_index))
