"""Bracket-key parsing, typed getters, redirect safety and fault settings validation."""

from __future__ import annotations

import pytest

from kiosk.sandbox.errors import ApiProblem
from kiosk.sandbox.faults import FaultState
from kiosk.sandbox.options import FaultOptions
from kiosk.sandbox.params import Params, _from_pairs
from kiosk.sandbox.portal.session import safe_next


def test_bracket_keys_nest_like_json():
    parsed = _from_pairs([("consultation[id]", "c1"), ("consultation[amount]", "5"),
                          ("tokens[]", "a"), ("tokens[]", "b"), ("plain", "x")])  # fmt: skip
    assert parsed == {"consultation": {"id": "c1", "amount": "5"}, "tokens": ["a", "b"],
                      "plain": "x"}  # fmt: skip


def test_integer_getter_refuses_text_and_names_the_field():
    with pytest.raises(ApiProblem, match="'start'"):
        Params({"start": "soon"}).integer("start")
    assert Params({"start": "12"}).integer("start") == 12


def test_structured_reads_a_json_string_and_refuses_broken_json():
    assert Params({"c": '{"id": "x"}'}).structured("c") == {"id": "x"}
    with pytest.raises(ApiProblem):
        Params({"c": "{broken"}).structured("c")


@pytest.mark.parametrize(("value", "expected"), [
    ("/visits/inbrowser_calling/5", "/visits/inbrowser_calling/5"),
    ("https://evil.example/", "/u/clinic"), ("//evil.example", "/u/clinic"),
    ("/\\evil.example", "/u/clinic"), (None, "/u/clinic"), ("relative", "/u/clinic"),
])  # fmt: skip
def test_safe_next_keeps_only_local_paths(value, expected):
    assert safe_next(value) == expected


def test_fault_rates_roll_as_set_and_bad_values_are_refused():
    state = FaultState(FaultOptions(seed=1))
    assert not state.roll("error_rate")
    state.update({"error_rate": 1})
    assert state.roll("error_rate")
    with pytest.raises(ApiProblem):
        state.update({"drop_rate": -0.1})
