"""Portal URLs: SSO redirect, call page, appointment link, dashboard, origin."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import SecretStr

from kiosk.api import PortalUrls

PORTAL = "https://vclinic.vseepreview.com/vc/next/"


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_sso_redirect_matches_the_doc_pattern() -> None:
    url = PortalUrls(PORTAL).sso_redirect("66bcd0ac", "/u/clinic")
    assert url == f"{PORTAL}auth?sso_token=66bcd0ac&next=/u/clinic&disable_navigation=1"


def test_sso_redirect_encodes_odd_values() -> None:
    url = PortalUrls(PORTAL).sso_redirect("a b&c=d", "/u/clinic?x=1&y=2")
    assert query(url) == {
        "sso_token": "a b&c=d",
        "next": "/u/clinic?x=1&y=2",
        "disable_navigation": "1",
    }


def test_navigation_can_stay_enabled() -> None:
    url = PortalUrls(PORTAL).sso_redirect("t", "/u/clinic", disable_navigation=False)
    assert "disable_navigation" not in query(url)


def test_inbrowser_calling_goes_through_sso_to_the_visit() -> None:
    url = PortalUrls(PORTAL).inbrowser_calling("67258", SecretStr("9fa62392"))
    assert url.startswith(f"{PORTAL}auth?")
    assert query(url)["next"] == "/visits/inbrowser_calling/67258"
    assert query(url)["sso_token"] == "9fa62392"


def test_inbrowser_calling_encodes_the_visit_id() -> None:
    url = PortalUrls(PORTAL).inbrowser_calling("1/../x", "t")
    assert query(url)["next"] == "/visits/inbrowser_calling/1%2F..%2Fx"


def test_appointment_link() -> None:
    url = PortalUrls(PORTAL).appointment_link("67258", SecretStr("f7gybzjd9o"))
    assert url == f"{PORTAL}members/appointment/67258?token=f7gybzjd9o"


def test_provider_dashboard() -> None:
    url = PortalUrls(PORTAL).provider_dashboard("t1")
    assert query(url) == {"sso_token": "t1", "next": "/providers/dashboard"}


@pytest.mark.parametrize(
    ("base", "origin"),
    [
        (PORTAL, "https://vclinic.vseepreview.com"),
        ("http://127.0.0.1:8765/", "http://127.0.0.1:8765"),
        ("https://clinic.example:443/x", "https://clinic.example"),
        ("http://[::1]:9000/", "http://[::1]:9000"),
    ],
)
def test_origin(base: str, origin: str) -> None:
    assert PortalUrls(base).origin == origin


def test_base_without_slash_is_completed() -> None:
    assert (
        PortalUrls("http://127.0.0.1:8765")
        .sso_redirect("t", "/u")
        .startswith("http://127.0.0.1:8765/auth?")
    )


def test_relative_base_is_refused() -> None:
    with pytest.raises(ValueError):
        PortalUrls("/vc/next/")


def test_repr_has_no_token() -> None:
    assert repr(PortalUrls(PORTAL)) == f"PortalUrls({PORTAL!r})"
