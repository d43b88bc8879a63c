"""URLs into the clinic's web portal: SSO redirect, in-browser call, appointment link."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from pydantic import SecretStr

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _text(value: str | SecretStr) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


class PortalUrls:
    """Builds portal URLs from ``portal_base_url`` (e.g. ``https://clinic.example/vc/next/``).

    The URLs carry login tokens: hand them to the web view, never to a log. Every query value
    and path id is percent-encoded; ``next`` keeps its slashes, as the doc writes it.
    """

    def __init__(self, portal_base_url: str) -> None:
        parts = urlsplit(portal_base_url)
        if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise ValueError("portal_base_url must be an absolute http(s) URL")
        self.base_url = portal_base_url if portal_base_url.endswith("/") else portal_base_url + "/"
        self._parts = parts

    def __repr__(self) -> str:
        return f"PortalUrls({self.base_url!r})"

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` as browsers serialise an origin (default port left out)."""
        scheme, host, port = self._parts.scheme, self._parts.hostname or "", self._parts.port
        if ":" in host:
            host = f"[{host}]"
        if port is None or port == _DEFAULT_PORTS[scheme]:
            return f"{scheme}://{host}"
        return f"{scheme}://{host}:{port}"

    def sso_redirect(
        self, token: str | SecretStr, next_path: str, disable_navigation: bool = True
    ) -> str:
        """``{portal}auth?sso_token=..&next=..[&disable_navigation=1]``: log in, then go on."""
        query: list[tuple[str, str]] = [("sso_token", _text(token)), ("next", next_path)]
        if disable_navigation:
            query.append(("disable_navigation", "1"))
        return f"{self.base_url}auth?{urlencode(query, quote_via=quote, safe='/')}"

    def inbrowser_calling(
        self, visit_id: str, token: str | SecretStr, disable_navigation: bool = True
    ) -> str:
        """The patient's video call page for ``visit_id``, through the SSO redirect."""
        next_path = f"/visits/inbrowser_calling/{quote(str(visit_id), safe='')}"
        return self.sso_redirect(token, next_path, disable_navigation)

    def appointment_link(self, visit_id: str, one_time_token: str | SecretStr) -> str:
        """The one-time appointment link to give the patient (QR code, e-mail)."""
        query = urlencode({"token": _text(one_time_token)}, quote_via=quote)
        return f"{self.base_url}members/appointment/{quote(str(visit_id), safe='')}?{query}"

    def provider_dashboard(self, token: str | SecretStr) -> str:
        """A provider's dashboard, through the SSO redirect (navigation left on)."""
        return self.sso_redirect(token, "/providers/dashboard", disable_navigation=False)

    def waiting_room(self, token: str | SecretStr) -> str:
        """The portal's own waiting room (``/u/clinic``), through the SSO redirect."""
        return self.sso_redirect(token, "/u/clinic")
