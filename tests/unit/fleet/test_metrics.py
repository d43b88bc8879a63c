"""Metrics: names and types, the observing transport, the textfile outlet and the HTTP
endpoint (/metrics, /healthz, loopback unless a token)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from fake_clock import FakeClock
from prometheus_client.parser import text_string_to_metric_families
from pydantic import ValidationError

from kiosk.config import ConfigError, load_settings
from kiosk.fleet.api_observer import ApiObservations, ObservedTransport, error_kind
from kiosk.fleet.health_server import HealthServer, HealthServerRefused, HealthState
from kiosk.fleet.metrics import TEXTFILE_NAME, BuildInfo, KioskMetrics, TextfileWriter
from kiosk.fleet.settings import MetricsOptions

BUILD = BuildInfo("1.2.3", "6.11.3", "6.11.3", sandbox=True)
EXPECTED = {
    "kiosk_sessions_started": "counter",
    "kiosk_sessions_ended": "counter",
    "kiosk_stage_duration_seconds": "histogram",
    "kiosk_api_errors": "counter",
    "kiosk_webengine_crashes": "counter",
    "kiosk_clinic_reachable": "gauge",
    "kiosk_out_of_service": "gauge",
    "kiosk_session_active": "gauge",
    "kiosk_heartbeat_age_seconds": "gauge",
    "kiosk_api_last_success_age_seconds": "gauge",
    "kiosk_uptime_seconds": "gauge",
    "kiosk_build_info": "gauge",  # an Info, as the text format shows it
}


def families(text: str) -> dict[str, object]:
    return {f.name: f for f in text_string_to_metric_families(text)}


def test_every_metric_is_there_with_its_type() -> None:
    from prometheus_client import generate_latest

    metrics = KioskMetrics(BUILD, ApiObservations())
    found = families(generate_latest(metrics.registry).decode())
    assert {name: f.type for name, f in found.items()} == EXPECTED
    info = next(s for s in found["kiosk_build_info"].samples)
    assert info.name == "kiosk_build_info"
    assert info.labels["version"] == "1.2.3" and info.labels["sandbox"] == "true"


def test_ages_follow_the_observed_calls() -> None:
    from prometheus_client import generate_latest

    clock = FakeClock(50.0)
    api = ApiObservations(clock=clock)
    metrics = KioskMetrics(BUILD, api, clock=clock)
    values = {
        s.name: s.value
        for f in families(generate_latest(metrics.registry).decode()).values()
        for s in f.samples
    }
    assert values["kiosk_heartbeat_age_seconds"] != values["kiosk_heartbeat_age_seconds"]  # NaN
    api.last_heartbeat = api.last_success = clock.now
    clock.now += 12.5
    values = {
        s.name: s.value
        for f in families(generate_latest(metrics.registry).decode()).values()
        for s in f.samples
    }
    assert values["kiosk_heartbeat_age_seconds"] == 12.5
    assert values["kiosk_api_last_success_age_seconds"] == 12.5
    assert values["kiosk_uptime_seconds"] == 12.5


def test_unknown_end_reasons_and_kinds_become_fixed_labels() -> None:
    from prometheus_client import generate_latest

    metrics = KioskMetrics(BUILD, ApiObservations())
    metrics.on_session_ended("Ada Lovelace")  # end(reason) takes any text: never a label
    metrics.on_api_error("visit 1234")
    text = generate_latest(metrics.registry).decode()
    assert "Ada" not in text and "1234" not in text
    assert 'kiosk_sessions_ended_total{reason="other"} 1.0' in text
    assert 'kiosk_api_errors_total{kind="client"} 1.0' in text


@pytest.mark.parametrize(
    ("status", "kind"),
    [(200, None), (302, None), (400, "validation"), (401, "auth"), (403, "permission"),
     (404, "not_found"), (408, "timeout"), (409, "conflict"), (418, "client"),
     (429, "rate_limit"), (500, "server"), (503, "server")],
)  # fmt: skip
def test_error_kind_by_status(status, kind) -> None:
    assert error_kind(status) == kind


def test_the_transport_sees_outcomes_not_contents(qloop, qtbot) -> None:
    import asyncio

    api = ApiObservations(clock=FakeClock(50.0))
    kinds: list[str] = []
    api.on_error = kinds.append

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/broken"):
            raise httpx.ConnectError("refused", request=request)
        if path.endswith("/slow"):
            raise httpx.ReadTimeout("slow", request=request)
        if path.endswith("/missing"):
            return httpx.Response(404, json={})
        return httpx.Response(200, json={"data": {}})

    transport = ObservedTransport(api, httpx.MockTransport(answer))

    async def calls() -> None:
        async with httpx.AsyncClient(transport=transport, base_url="http://clinic/") as client:
            await client.get("accounts/x")
            assert api.last_success == 50.0 and api.last_heartbeat is None
            await client.post("users/alive")
            assert api.last_heartbeat == 50.0
            await client.get("missing")
            for path in ("broken", "slow"):
                with pytest.raises(httpx.TransportError):
                    await client.get(path)

    future = asyncio.ensure_future(calls())
    qtbot.waitUntil(future.done, timeout=5000)
    future.result()
    assert kinds == ["not_found", "network", "timeout"]


def test_textfile_is_written_whole_and_rewritten(qtbot, tmp_path) -> None:
    metrics = KioskMetrics(BUILD, ApiObservations())
    writer = TextfileWriter(metrics.registry, tmp_path, 0.05)
    writer.start()
    path = tmp_path / TEXTFILE_NAME
    assert set(families(path.read_text())) == set(EXPECTED)
    metrics.on_webengine_crashed()
    qtbot.waitUntil(lambda: "kiosk_webengine_crashes_total 1.0" in path.read_text(), timeout=3000)
    writer.stop()
    assert [p.name for p in tmp_path.iterdir()] == [TEXTFILE_NAME]  # no temp files left


def test_textfile_failure_is_logged_once(qtbot, tmp_path, caplog) -> None:
    writer = TextfileWriter(KioskMetrics(BUILD, ApiObservations()).registry, tmp_path / "no", 1)
    writer.write()
    writer.write()
    assert caplog.text.count("fleet.metrics_textfile_failed") == 1


@pytest.fixture
def serve() -> Iterator[object]:
    servers: list[HealthServer] = []

    def start(bind: str = "127.0.0.1", token: str = "") -> tuple[HealthServer, HealthState]:
        api = ApiObservations()
        health = HealthState("1.2.3", api)
        server = HealthServer(KioskMetrics(BUILD, api).registry, health, bind, 0, token)
        server.start()
        servers.append(server)
        return server, health

    yield start
    for server in servers:
        server.stop()


def test_metrics_and_healthz_on_loopback(serve) -> None:
    server, health = serve()
    host, port = server.address
    assert host == "127.0.0.1" and port > 0
    base = f"http://127.0.0.1:{port}"
    metrics = httpx.get(base + "/metrics", timeout=5)
    assert metrics.status_code == 200 and metrics.headers["content-type"].startswith("text/plain")
    assert set(families(metrics.text)) == set(EXPECTED)
    body = httpx.get(base + "/healthz", timeout=5).json()
    assert body["status"] == "ok" and body["stage"] == "welcome"
    assert body["last_api_success_age_s"] is None and body["uptime_s"] >= 0
    health.update(out_of_service=frozenset({"clinic_unreachable"}), stage="waiting")
    down = httpx.get(base + "/healthz", timeout=5)
    assert down.status_code == 503
    assert json.loads(down.text)["out_of_service_reasons"] == ["clinic_unreachable"]
    assert httpx.get(base + "/other", timeout=5).status_code == 404


def test_a_token_is_asked_for_when_configured(serve) -> None:
    server, _ = serve(bind="0.0.0.0", token="s3cret-token")
    base = f"http://127.0.0.1:{server.address[1]}"
    refused = httpx.get(base + "/metrics", timeout=5)
    assert refused.status_code == 401 and "s3cret" not in refused.text
    wrong = httpx.get(base + "/healthz", headers={"Authorization": "Bearer nope"}, timeout=5)
    assert wrong.status_code == 401
    ok = httpx.get(base + "/healthz", headers={"Authorization": "Bearer s3cret-token"}, timeout=5)
    assert ok.status_code == 200


def test_off_loopback_without_a_token_the_config_does_not_load(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[metrics]\nhttp = true\nbind = "0.0.0.0"\n')
    with pytest.raises(ConfigError, match=r"metrics.bind.*not loopback: set metrics.token"):
        load_settings(config, environ={})
    # The token may come from the environment (a unit's Environment= or credentials).
    settings = load_settings(config, environ={"KIOSK_METRICS__TOKEN": "pa55w0rd"})
    assert settings.metrics.token_text == "pa55w0rd"
    assert "pa55w0rd" not in repr(settings)


def test_off_loopback_without_a_token_the_server_refuses_too() -> None:
    api = ApiObservations()
    registry = KioskMetrics(BUILD, api).registry
    with pytest.raises(HealthServerRefused):
        HealthServer(registry, HealthState("1", api), "0.0.0.0", 0, "")
    with pytest.raises(ValidationError, match="IP address"):
        MetricsOptions(bind="example.org")
    assert MetricsOptions(http=True, bind="::1").loopback
    assert "pa55w0rd" not in repr(MetricsOptions(http=True, bind="10.0.0.5", token="pa55w0rd"))
