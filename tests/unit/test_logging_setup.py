"""Log redaction: secrets, patient values and secret-looking patterns never reach a handler."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from pydantic import SecretStr

from kiosk.config import KioskPaths
from kiosk.logging_setup import (
    MASK,
    RecentErrorsHandler,
    RedactionFilter,
    Redactor,
    configure_logging,
    redactor,
    release_held_stderr,
)

TOKEN = "66bcd0acff324e8a44992d9596b5d361"
API_KEY = "vclinic_api_key_live"
EMAIL = "jane.doe@example.org"
PHONE = "(555) 123-4567"
DOB = "1984-07-21"
PATIENT = ("Janet", "Smithers", "MRN-88231")


@pytest.fixture
def capture() -> tuple[logging.Logger, io.StringIO, Redactor]:
    """A private logger whose one handler carries a filter over a private redactor."""
    own = Redactor()
    own.add_secret(SecretStr(API_KEY))
    own.add_patient_values(PATIENT)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(RedactionFilter(own))
    logger = logging.getLogger("kiosk.test.redaction")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream, own


SENSITIVE = (TOKEN, API_KEY, EMAIL, "123-4567", DOB, *PATIENT)


def assert_clean(text: str) -> None:
    lowered = text.lower()
    for value in SENSITIVE:
        assert value.lower() not in lowered, value
    assert MASK in text


def test_message_with_every_kind_of_secret_comes_out_clean(capture):
    logger, stream, _ = capture
    logger.info(
        f"user {PATIENT[0]} {PATIENT[1]} code {PATIENT[2]} token {TOKEN} key {API_KEY} "
        f"mail {EMAIL} phone {PHONE} dob {DOB}"
    )
    assert_clean(stream.getvalue())


def test_values_passed_as_args_are_redacted(capture):
    logger, stream, _ = capture
    logger.warning("sso for %s %s (%s) dob=%s phone=%s", *PATIENT[:2], EMAIL, DOB, PHONE)
    assert_clean(stream.getvalue())


def test_exception_traceback_text_is_redacted(capture):
    logger, stream, _ = capture
    try:
        raise ValueError(f"bad patient {PATIENT[1]} with token {TOKEN} and {EMAIL}")
    except ValueError:
        logger.exception("crash.unhandled")
    output = stream.getvalue()
    assert "Traceback" in output
    assert TOKEN not in output and PATIENT[1] not in output and EMAIL not in output


def test_query_token_values_are_masked(capture):
    logger, stream, _ = capture
    logger.info("open https://portal/auth?sso_token=abc123XYZ&next=/u/clinic token=zzz999")
    output = stream.getvalue()
    assert "abc123XYZ" not in output and "zzz999" not in output
    assert "next=/u/clinic" in output


def test_patient_values_match_in_any_case(capture):
    logger, stream, _ = capture
    logger.info("name JANET smithers")
    assert "JANET" not in stream.getvalue() and "smithers" not in stream.getvalue()


def test_cleared_patient_values_are_logged_again(capture):
    logger, stream, own = capture
    own.clear_patient_values()
    logger.info("Janet")
    assert stream.getvalue().strip() == "Janet"


def test_ids_and_event_names_stay_readable(capture):
    logger, stream, _ = capture
    logger.info("session.stage welcome -> wizard visit_id=67258 room=ceproom1 ip 127.0.0.1")
    assert stream.getvalue().strip() == (
        "session.stage welcome -> wizard visit_id=67258 room=ceproom1 ip 127.0.0.1"
    )


def test_short_registered_values_are_ignored():
    own = Redactor()
    own.add_patient_values(["A", None, ""])
    own.add_secret("ab")
    assert own.redact("A cab") == "A cab"


def test_configure_logging_writes_a_redacted_file(tmp_path: Path):
    paths = KioskPaths(tmp_path / "c", tmp_path / "d", tmp_path / "k", tmp_path / "logs")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        log_file = configure_logging(paths, logging.INFO, secrets=[SecretStr("s3cr3t-value")])
        logging.getLogger("kiosk.test").error("call failed with %s", "s3cr3t-value")
        for handler in root.handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
        assert "kiosk.test: call failed with" in text and "s3cr3t-value" not in text
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        redactor._secrets.discard("s3cr3t-value")


def test_configure_logging_twice_does_not_duplicate_handlers(tmp_path: Path):
    paths = KioskPaths(tmp_path / "c", tmp_path / "d", tmp_path / "k", tmp_path / "logs")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        configure_logging(paths)
        first = len(root.handlers)
        configure_logging(paths)
        assert len(root.handlers) == first
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_recent_errors_keep_first_lines_of_warnings_only():
    handler = RecentErrorsHandler(capacity=2)
    logger = logging.getLogger("kiosk.test.recent")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.info("not kept")
    for n in range(3):
        logger.error("failure %d\nsecond line", n)
    lines = handler.lines()
    assert len(lines) == 2 and lines[-1].endswith("failure 2")
    assert all("second line" not in line for line in lines)


def test_patient_values_are_masked_as_whole_words_only():
    own = Redactor()
    own.add_patient_values(["CA", "Ann"])
    assert own.redact("call.view_closed cancel Annex") == "call.view_closed cancel Annex"
    assert own.redact("moved to CA, Ann said") == f"moved to {MASK}, {MASK} said"


def test_secrets_are_masked_even_inside_a_word():
    own = Redactor()
    own.add_secret("s3cr3tkey")
    assert "s3cr3tkey" not in own.redact("url?k=s3cr3tkeyX")


@pytest.mark.parametrize("show", [True, False])
def test_held_stderr_lines_wait_for_the_release(tmp_path: Path, capsys, show: bool):
    paths = KioskPaths(tmp_path / "c", tmp_path / "d", tmp_path / "k", tmp_path / "logs")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        log_file = configure_logging(paths, logging.INFO, hold_stderr=True)
        logging.getLogger("kiosk.test").info("app.first_frame before the validation")
        held = capsys.readouterr().err
        release_held_stderr(show=show)
        released = capsys.readouterr().err
        logging.getLogger("kiosk.test").info("app.started after it")
        after = capsys.readouterr().err
        for handler in root.handlers:
            handler.flush()
        logged = log_file.read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()

    assert held == ""
    assert ("app.first_frame" in released) is show
    assert "app.started after it" in after
    assert "app.first_frame" in logged  # the file has it either way
