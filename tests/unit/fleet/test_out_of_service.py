"""OutOfService: the clinic unreachable for a while, or the web engine crashing twice, takes
the kiosk out of service; both come back by themselves."""

from __future__ import annotations

from fake_clock import FakeClock

from kiosk.fleet.out_of_service import CLINIC_UNREACHABLE, WEBENGINE_CRASHES, OutOfService


def make(offline_after_s=0.1, crash_out_s=0.1, clock=None) -> OutOfService:
    return OutOfService(offline_after_s, 2, 60.0, crash_out_s, clock=clock or FakeClock())


def test_unreachable_for_the_configured_time_then_back_when_it_answers(qtbot) -> None:
    service = make()
    seen: list[bool] = []
    service.changed.connect(seen.append)
    service.on_connectivity_changed(False)
    assert not service.out  # not yet: only after offline_after_s
    qtbot.waitUntil(lambda: service.out, timeout=2000)
    assert service.reasons == {CLINIC_UNREACHABLE}
    service.on_connectivity_changed(False)  # still down: no second switch
    service.on_connectivity_changed(True)
    assert not service.out and seen == [True, False]


def test_a_short_outage_never_takes_it_out(qtbot) -> None:
    service = make(offline_after_s=0.3)
    with qtbot.assertNotEmitted(service.changed, wait=500):
        service.on_connectivity_changed(False)
        qtbot.wait(100)
        service.on_connectivity_changed(True)


def test_two_web_engine_crashes_within_the_window_then_back_after_the_pause(qtbot) -> None:
    clock = FakeClock()
    service = make(crash_out_s=0.2, clock=clock)
    service.on_webengine_crashed()
    assert not service.out
    clock.now += 30
    service.on_webengine_crashed()
    assert service.reasons == {WEBENGINE_CRASHES}
    qtbot.waitUntil(lambda: not service.out, timeout=2000)
    # The count started over: one more crash alone does not take it out again.
    service.on_webengine_crashed()
    assert not service.out


def test_crashes_further_apart_than_the_window_do_not_add_up(qtbot) -> None:
    clock = FakeClock()
    service = make(clock=clock)
    service.on_webengine_crashed()
    clock.now += 61
    service.on_webengine_crashed()
    assert not service.out


def test_both_reasons_must_clear(qtbot) -> None:
    clock = FakeClock()
    service = make(crash_out_s=0.3, clock=clock)
    service.on_connectivity_changed(False)
    qtbot.waitUntil(lambda: service.out, timeout=2000)
    service.on_webengine_crashed()
    service.on_webengine_crashed()
    service.on_connectivity_changed(True)
    assert service.reasons == {WEBENGINE_CRASHES}
    qtbot.waitUntil(lambda: not service.out, timeout=2000)
