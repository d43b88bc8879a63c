"""What a device probe found, and the one-line problems an installer can act on (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: ``MediaDeviceInfo.kind`` → the word staff and installers use.
KIND_NAMES = {"videoinput": "camera", "audioinput": "microphone", "audiooutput": "speaker"}
#: The kinds ``--check`` opens (a speaker cannot be measured without a listener).
CHECKED_KINDS = ("videoinput", "audioinput")


@dataclass(frozen=True)
class Device:
    kind: str
    label: str
    device_id: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class DeviceCheck:
    """One device opened for a few seconds: frames received (camera) or peak level 0–1 (mic)."""

    kind: str
    label: str
    frames: int = 0
    level: float = 0.0
    width: int = 0
    height: int = 0
    error: str = ""

    @property
    def works(self) -> bool:
        if self.error:
            return False
        return self.frames > 0 if self.kind == "videoinput" else self.level > 0


@dataclass
class ProbeReport:
    """``devices`` found; ``chosen`` label per kind ("" = none); ``checks`` when asked to open."""

    devices: list[Device] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)
    wanted: dict[str, str] = field(default_factory=dict)
    checks: list[DeviceCheck] = field(default_factory=list)
    error: str = ""

    @classmethod
    def from_js(cls, data: Any, wanted: dict[str, str]) -> ProbeReport:
        """Build from the probe script's JSON-ready result; anything malformed is an error."""
        if not isinstance(data, dict):
            return cls(wanted=wanted, error="the web engine gave no answer")
        devices = [
            Device(str(d.get("kind", "")), str(d.get("label", "")), str(d.get("deviceId", "")))
            for d in data.get("devices") or []
            if isinstance(d, dict)
        ]
        chosen = {str(k): str(v) for k, v in (data.get("chosen") or {}).items()}
        checks = [
            DeviceCheck(
                kind=str(c.get("kind", "")),
                label=str(c.get("label", "")),
                frames=int(c.get("frames") or 0),
                level=float(c.get("level") or 0.0),
                width=int(c.get("width") or 0),
                height=int(c.get("height") or 0),
                error=str(c.get("error") or ""),
            )
            for c in data.get("checks") or []
            if isinstance(c, dict)
        ]
        return cls(devices, chosen, wanted, checks, str(data.get("error") or ""))

    def of_kind(self, kind: str) -> list[Device]:
        return [d for d in self.devices if d.kind == kind]

    def problems(self, kinds: tuple[str, ...] = CHECKED_KINDS) -> list[str]:
        """One sentence per thing that stops a video visit; empty when the devices work."""
        if self.error:
            return [f"media: {describe_error(self.error)}"]
        lines: list[str] = []
        for kind in kinds:
            name = KIND_NAMES[kind]
            found = self.of_kind(kind)
            wanted = self.wanted.get(kind, "")
            if not found:
                lines.append(f"{name}: none found (is it plugged in?)")
            elif wanted and not self.chosen.get(kind):
                labels = ", ".join(repr(d.label) for d in found)
                lines.append(
                    f"{name}: none matches [devices] {name} = {wanted!r} (found: {labels})"
                )
        for check in self.checks:
            if check.works:
                continue
            name = KIND_NAMES.get(check.kind, check.kind)
            if check.error:
                why = describe_error(check.error)
                lines.append(f"{name} {check.label!r}: cannot be opened: {why}")
            elif check.kind == "videoinput":
                lines.append(f"{name} {check.label!r}: no picture received (covered or broken?)")
            else:
                lines.append(f"{name} {check.label!r}: silent (muted or unplugged?)")
        return lines

    def as_json(self) -> dict[str, Any]:
        return {
            "devices": [
                {
                    "kind": d.kind_name,
                    "label": d.label,
                    "chosen": self.chosen.get(d.kind) == d.label,
                }
                for d in self.devices
            ],
            "checks": [
                {
                    "kind": KIND_NAMES.get(c.kind, c.kind),
                    "label": c.label,
                    "frames": c.frames,
                    "level": round(c.level, 4),
                    "width": c.width,
                    "height": c.height,
                    "works": c.works,
                    "error": c.error,
                }
                for c in self.checks
            ],
            "problems": self.problems() if self.checks or self.devices or self.error else [],
        }


#: DOMException names from getUserMedia → what an installer reads (never a patient).
_ERRORS = {
    "NotFoundError": "no such device",
    "NotAllowedError": "permission refused",
    "NotReadableError": "busy in another program, or unplugged",
    "OverconstrainedError": "it cannot do what was asked",
    "AbortError": "the system stopped it",
    "SecurityError": "refused for this page",
    "Timeout": "it did not answer in time",
}


def describe_error(name: str) -> str:
    return _ERRORS.get(name, name or "unknown error")


#: What a patient reads when the camera or microphone fails; never a DOMException name.
CAMERA_MISSING = "We can't find a camera. A staff member can help."
MICROPHONE_MISSING = "We can't find a microphone. A staff member can help."
MEDIA_BLOCKED = "The camera and microphone are switched off here. A staff member can help."
MEDIA_BUSY = "The camera or microphone is not working right now. A staff member can help."


def patient_sentence(name: str, wanted_video: bool = True) -> str:
    """The sentence for a failed ``getUserMedia`` (``name`` is the DOMException's)."""
    if name in ("NotFoundError", "OverconstrainedError", "DevicesNotFoundError"):
        return CAMERA_MISSING if wanted_video else MICROPHONE_MISSING
    if name in ("NotAllowedError", "SecurityError", "PermissionDeniedError"):
        return MEDIA_BLOCKED
    return MEDIA_BUSY
