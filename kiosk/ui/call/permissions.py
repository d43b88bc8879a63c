"""Which permission requests the call page gets: camera and microphone, from the portal only."""

from __future__ import annotations

from PySide6.QtCore import QUrl

#: The media types a video visit needs (``QWebEnginePermission.PermissionType`` names).
MEDIA_PERMISSIONS = frozenset({"MediaAudioCapture", "MediaVideoCapture", "MediaAudioVideoCapture"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: QUrl | str) -> str:
    """``scheme://host[:port]`` of ``url`` (default port left out); "" unless http(s).

    The result never carries a path or query, so it is safe to log (no tokens).
    """
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    scheme = qurl.scheme().lower()
    host = qurl.host().lower()
    if scheme not in _DEFAULT_PORTS or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"
    port = qurl.port(_DEFAULT_PORTS[scheme])
    if port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _type_name(permission_type: object) -> str:
    name = getattr(permission_type, "name", None)
    return name if isinstance(name, str) else str(permission_type).rsplit(".", 1)[-1]


def decide_permission(origin: QUrl | str, permission_type: object, portal_origin: str) -> bool:
    """True to grant: a camera/microphone type asked by a page on the portal's own origin.

    ``permission_type`` is a ``QWebEnginePermission.PermissionType`` (or its name); every
    other type — notifications, location, screen capture, clipboard… — is refused, and so is
    any request from another origin or when the portal origin is unknown.
    """
    wanted = origin_of(portal_origin)
    if not wanted or origin_of(origin) != wanted:
        return False
    return _type_name(permission_type) in MEDIA_PERMISSIONS
