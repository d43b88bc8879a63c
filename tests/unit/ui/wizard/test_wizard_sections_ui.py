"""Section renderers: what each shows, loads through the services seam, and submits."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.sections.calendar import CalendarSection
from kiosk.ui.wizard.sections.emr import EmrListSection
from kiosk.wizard import (
    ActivationRequest,
    Attachments,
    ConsentGiven,
    EmrUpdate,
    PharmacyChoice,
    ProfileUpdate,
    SlotChoice,
    Step,
    SurveyAnswers,
    TermsAccepted,
    VerificationCode,
    VisitOptions,
    VisitTypeChoice,
    parse_section,
)

LEFT = Qt.MouseButton.LeftButton


def one_section_step(raw: dict) -> Step:
    return Step(name="Test", code="t", next_title="Next", sections=(parse_section(raw),))


def submit(qtbot, view) -> list:
    with qtbot.waitSignal(view.submitted, timeout=2000) as signal:
        qtbot.mouseClick(view.next_button, LEFT)
    return signal.args[0]


def fields_of(view) -> dict[str, FieldWidget]:
    return {w.field.key: w for w in view.findChildren(FieldWidget) if w.field.key}


# -- EMR ------------------------------------------------------------------------------------
def test_emr_step_loads_the_record_once_and_shows_items(make_view, settle, services, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "emr"))
    settle(view)
    conditions = view.sections[1]
    assert services.calls.count("load_emr") == 1
    assert conditions.items() == ["Asthma"]


def test_emr_add_remove_and_chips_submit_doc_shapes(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "emr"))
    settle(view)
    conditions, surgeries, medications, _ = view.sections[1:]
    qtbot.keyClicks(conditions.entry, "Migraine")
    qtbot.mouseClick(conditions.add_button, LEFT)
    qtbot.mouseClick(conditions.chips["Diabetes"], LEFT)
    remove = next(
        b
        for b in conditions.findChildren(type(conditions.add_button))
        if b.accessibleName() == "Remove Asthma"
    )
    qtbot.mouseClick(remove, LEFT)
    qtbot.keyClicks(surgeries.entry, "Knee repair")
    qtbot.mouseClick(surgeries.add_button, LEFT)
    qtbot.mouseClick(medications.chips["Aspirin"], LEFT)
    updates = submit(qtbot, view)
    assert updates == [
        EmrUpdate("conditions", [{"condition": "Migraine"}, {"condition": "Diabetes"}], False),
        EmrUpdate("surgeries", [{"procedure": "Knee repair"}], False),
        EmrUpdate("medications", [{"name": "Aspirin"}], False),
        EmrUpdate("allergies", [], True),
    ]


def test_emr_nothing_to_report_is_data_not_reported(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "emr"))
    settle(view)
    conditions = view.sections[1]
    qtbot.mouseClick(conditions.none_toggle, LEFT)
    updates = submit(qtbot, view)
    assert updates[0] == EmrUpdate("conditions", [], True)


def test_emr_adding_an_item_clears_nothing_to_report(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "emr"))
    settle(view)
    allergies = view.sections[4]
    assert allergies.none_toggle.isChecked()
    qtbot.mouseClick(allergies.chips["Latex"], LEFT)
    assert not allergies.none_toggle.isChecked()


def test_emr_load_failure_shows_message_and_retry_recovers(
    qtbot, make_view, settle, services, step_by_code
):
    services.fail.add("load_emr")
    view = make_view(step_by_code("visits.post_intake", "emr"))
    settle(view)
    panel = view.sections[1].panel
    assert panel.currentWidget() is panel.error_page
    assert "load_emr is unavailable right now." in panel.error_label.text()
    services.fail.clear()
    qtbot.mouseClick(panel.retry_button, LEFT)
    settle(view)
    assert view.findChildren(EmrListSection)[0].items() == ["Asthma"]


def test_loading_state_is_visible_and_next_waits(qtbot, make_view, services, step_by_code):
    services.gates["load_emr"] = asyncio.Event()
    view = make_view(step_by_code("visits.post_intake", "emr"))
    qtbot.waitUntil(lambda: "load_emr" in services.calls)
    panel = view.sections[1].panel
    assert panel.currentWidget() is panel.loading_page
    with qtbot.assertNotEmitted(view.submitted):
        qtbot.mouseClick(view.next_button, LEFT)
    assert view.summary.isVisible()
    services.gates["load_emr"].set()
    qtbot.waitUntil(lambda: not panel.loading)


# -- pharmacy -------------------------------------------------------------------------------
def test_pharmacy_default_is_preselected_and_submitted(
    qtbot, make_view, settle, services, step_by_code
):
    view = make_view(step_by_code("visits.post_intake", "pharmacy"))
    settle(view)
    (choice,) = submit(qtbot, view)
    assert choice == PharmacyChoice(services.pharmacies[1])


def test_pharmacy_search_filters_and_tap_chooses(qtbot, make_view, settle, services, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "pharmacy"))
    settle(view)
    search = view.sections[0].search
    qtbot.keyClicks(search.query, "long beach")
    assert search.visible_titles() == ["Harbor Rx"]
    item = search.view.item(2)
    qtbot.mouseClick(search.view.viewport(), LEFT, pos=search.view.visualItemRect(item).center())
    (choice,) = submit(qtbot, view)
    assert choice.pharmacy["code"] == "33"


# -- visit type -----------------------------------------------------------------------------
def test_visit_type_offers_both_cards_and_submits_choice(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.visit_type", "visit_type"))
    section = view.sections[1]
    assert set(section.cards) == {"walkin", "appointment"}
    qtbot.mouseClick(section.cards["appointment"], LEFT)
    assert submit(qtbot, view) == [VisitTypeChoice("appointment")]


def test_visit_type_requires_a_choice(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.visit_type", "visit_type"))
    with qtbot.assertNotEmitted(view.submitted):
        qtbot.mouseClick(view.next_button, LEFT)
    assert view.sections[1].message.text() == "Please choose one of the options."


def test_visit_type_shows_only_allowed_option_preselected(qtbot, make_view, services, step_by_code):
    services.options = VisitOptions(walkin=True, appointment=False)
    view = make_view(step_by_code("visits.visit_type", "visit_type"))
    assert list(view.sections[1].cards) == ["walkin"]
    assert submit(qtbot, view) == [VisitTypeChoice("walkin")]


# -- calendar -------------------------------------------------------------------------------
def test_calendar_shows_days_and_slots_in_room_time(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.calendar", "appointment_calendar"))
    settle(view)
    section = view.findChildren(CalendarSection)[0]
    assert len(section.day_buttons) == 14
    assert section.day_buttons[0].text().startswith("Today")
    assert [b.text() for b, _ in section.slot_buttons] == ["9:00 AM", "10:00 AM", "11:00 AM"]


def test_calendar_choosing_a_day_and_slot_submits_it(
    qtbot, make_view, settle, services, step_by_code
):
    view = make_view(step_by_code("visits.calendar", "appointment_calendar"))
    settle(view)
    section = view.findChildren(CalendarSection)[0]
    qtbot.mouseClick(section.day_buttons[3], LEFT)
    settle(view)
    button, slot = section.slot_buttons[1]
    qtbot.mouseClick(button, LEFT)
    assert submit(qtbot, view) == [SlotChoice(slot)]
    assert services.calls.count("load_availability") == 2


def test_calendar_without_a_slot_explains(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.calendar", "appointment_calendar"))
    settle(view)
    qtbot.mouseClick(view.next_button, LEFT)
    assert view.findChildren(CalendarSection)[0].message.text() == "Please choose a time."


# -- documents ------------------------------------------------------------------------------
def test_consent_shows_document_and_submits_consent(qtbot, make_view, settle, step_by_code):
    view = make_view(step_by_code("visits.consent", "consent_text"))
    settle(view)
    document = view.sections[0].panel.content.findChild(QLabel)
    assert "consent document" in document.text()
    assert submit(qtbot, view) == [ConsentGiven("consent")]


def test_consent_text_link_opens_the_terms_inside_the_kiosk(
    qtbot, make_view, settle, step_by_code, services, monkeypatch
):
    from kiosk.session.documents import TERMS_LINK

    async def load_document(code: str) -> str:
        if code == "consent":
            return f"I consent to <a href='{TERMS_LINK}' target='_blank'>the terms</a>"
        return "<p>Terms of use, in full.</p>"

    monkeypatch.setattr(services, "load_document", load_document)
    opened: list[object] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", opened.append)
    view = make_view(step_by_code("visits.consent", "consent_text"))
    settle(view)
    section = view.sections[0]
    label = section.panel.content.findChild(QLabel)
    assert not label.openExternalLinks()
    label.linkActivated.emit(TERMS_LINK)
    settle(view)
    terms = section.linked["terms_of_use"].content.findChild(QLabel)
    assert "Terms of use, in full." in terms.text() and terms.isVisible()
    label.linkActivated.emit("https://example.com/elsewhere")
    assert opened == [] and list(section.linked) == ["terms_of_use"]
    assert submit(qtbot, view) == [ConsentGiven("consent")]


def test_complete_submissions_only_for_a_finished_step(make_view, settle, step_by_code):
    consent = make_view(step_by_code("visits.consent", "consent_text"))
    settle(consent)
    assert consent.complete_submissions() == [ConsentGiven("consent")]
    intake = make_view(step_by_code("visits.intake", "intake"))
    settle(intake)
    assert intake.complete_submissions() is None  # the reason for the visit is required


def test_terms_text_loads_terms_of_use(make_view, settle, step_by_code):
    view = make_view(step_by_code("signup.terms_of_service", "terms_of_service_text"))
    settle(view)
    assert "terms_of_use" in view.sections[0].panel.content.findChild(QLabel).text()


def test_tos_popup_requires_agree_and_shows_terms_inline(qtbot, make_view, settle):
    view = make_view(
        one_section_step(
            {
                "code": "post_signup_tos_popup",
                "title": "Accept",
                "agree": {"title": "I Agree"},
                "terms": {"title": "View Terms"},
            }
        )
    )
    section = view.sections[0]
    with qtbot.assertNotEmitted(view.submitted):
        qtbot.mouseClick(view.next_button, LEFT)
    assert section.error.isVisible()
    qtbot.mouseClick(section.view_button, LEFT)
    settle(view)
    assert "terms_of_use" in section.panel.content.findChild(QLabel).text()
    qtbot.mouseClick(section.agree, LEFT)
    assert submit(qtbot, view) == [TermsAccepted()]


# -- text sections --------------------------------------------------------------------------
def test_label_renders_bold_and_escapes_html(make_view):
    view = make_view(one_section_step({"code": "label", "title": "Your **input** <i>x</i>"}))
    assert view.sections[0].label.text() == "Your <b>input</b> &lt;i&gt;x&lt;/i&gt;"


def test_emergency_warning_says_call_911(make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"))
    assert "call 911" in view.sections[1].text_label.text()


# -- surveys --------------------------------------------------------------------------------
def test_survey_rating_is_optional_unless_the_section_requires_it(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.post_call", "survey"))
    assert submit(qtbot, view) == [SurveyAnswers("post_visit_survey", {})]


def test_required_survey_rating_is_asked_for(qtbot, make_view):
    view = make_view(one_section_step({"code": "post_visit_survey", "required": True}))
    survey = view.sections[0]
    qtbot.mouseClick(view.next_button, LEFT)
    assert survey.error.text() == "Please choose a rating from 1 to 5."
    assert view.summary.isVisibleTo(view)
    qtbot.mouseClick(survey.stars[4], LEFT)
    assert not view.summary.isVisibleTo(view)


def test_survey_submits_rating_and_comment(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.post_call", "survey"))
    survey = view.sections[1]
    qtbot.mouseClick(survey.stars[3], LEFT)
    qtbot.keyClicks(survey.comment, "Quick and kind")
    assert submit(qtbot, view) == [
        SurveyAnswers("post_visit_survey", {"rating": 4, "comment": "Quick and kind"})
    ]


def test_survey_with_its_own_schema_renders_that_form(qtbot, make_view):
    view = make_view(
        one_section_step(
            {
                "code": "intake_survey",
                "schema": {
                    "recommend": {"type": "string", "enum": ["Yes", "No"], "required": True}
                },
            }
        )
    )
    fields_of(view)["recommend"].buttons[0].click()
    assert submit(qtbot, view) == [SurveyAnswers("intake_survey", {"recommend": "Yes"})]


# -- sign-up forms --------------------------------------------------------------------------
def test_signup_activate_submits_activation_request(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("signup.signup", "signup"))
    fields = fields_of(view)
    for key, text in (("first_name", "Ana"), ("last_name", "Lee"), ("email", "a@b.co")):
        qtbot.keyClicks(fields[key].edit, text)
    fields["dob"].set_value("1990-01-02")
    (request,) = submit(qtbot, view)
    assert isinstance(request, ActivationRequest)
    assert request.fields == {
        "first_name": "Ana",
        "last_name": "Lee",
        "dob": "1990-01-02",
        "email": "a@b.co",
    }


def test_signup_verification_submits_code(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("signup.verification", "signup_verification"))
    qtbot.keyClicks(fields_of(view)["email_token"].edit, "123456")
    assert submit(qtbot, view) == [VerificationCode({"email_token": "123456"})]


def test_profile_submits_without_retype_plus_terms(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    fields = fields_of(view)
    qtbot.keyClicks(fields["first_name"].edit, "Ana")
    qtbot.keyClicks(fields["last_name"].edit, "Lee")
    qtbot.mouseClick(fields["gender"].buttons[1], LEFT)
    fields["dob"].set_value("1990-01-02")
    qtbot.keyClicks(fields["password"].edit, "pw12345")
    qtbot.keyClicks(fields["password_retype"].edit, "pw12345")
    qtbot.keyClicks(fields["state"].search.query, "calif")
    search = fields["state"].search
    item = next(
        search.view.item(r)
        for r in range(search.view.count())
        if not search.view.item(r).isHidden()
    )
    qtbot.mouseClick(search.view.viewport(), LEFT, pos=search.view.visualItemRect(item).center())
    qtbot.mouseClick(view.sections[1].agree, LEFT)
    profile, terms = submit(qtbot, view)
    assert profile == ProfileUpdate(
        {
            "first_name": "Ana",
            "last_name": "Lee",
            "gender": "female",
            "dob": "1990-01-02",
            "password": "pw12345",
            "state": "CA",
        }
    )
    assert terms == TermsAccepted()


# -- uploads --------------------------------------------------------------------------------
def save_image(folder, name: str, size: int = 40) -> None:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aacc"))
    assert image.save(str(folder / name))


def test_upload_lists_folder_images_and_uploads_a_tapped_one(
    qtbot, make_view, services, step_by_code
):
    save_image(services.image_dir, "rash.png")
    save_image(services.image_dir, "arm.jpg")
    (services.image_dir / "notes.txt").write_text("x")
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    assert sorted(p.name for p in upload.tiles) == ["arm.jpg", "rash.png"]
    tile = next(t for p, t in upload.tiles.items() if p.name == "rash.png")
    qtbot.mouseClick(tile, LEFT)
    qtbot.waitUntil(lambda: upload.file_ids() == ("id-rash",))
    assert upload.rows[0].status.text() == "✓ Attached"
    qtbot.waitUntil(lambda: not tile.icon().isNull())
    view.sections[0].form.by_key["reason_for_visit"].buttons[0].click()
    assert submit(qtbot, view)[1] == Attachments(("id-rash",))


def test_upload_remove_drops_the_attachment(qtbot, make_view, services, step_by_code):
    save_image(services.image_dir, "rash.png")
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    upload.attach(next(iter(upload.tiles)))
    qtbot.waitUntil(lambda: bool(upload.file_ids()))
    qtbot.mouseClick(upload.rows[0].remove, LEFT)
    assert upload.file_ids() == () and upload.state["files"] == []


def test_upload_too_large_is_refused_with_a_reason(qtbot, make_view, services, step_by_code):
    save_image(services.image_dir, "big.png", size=400)
    services.max_bytes = 10
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    upload.attach(next(iter(upload.tiles)))
    assert "too large" in upload.rows[0].status.text()
    assert "upload_image" not in services.calls


def test_upload_failure_offers_retry(qtbot, make_view, services, step_by_code):
    save_image(services.image_dir, "rash.png")
    services.fail.add("upload_image")
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    upload.attach(next(iter(upload.tiles)))
    row = upload.rows[0]
    qtbot.waitUntil(lambda: row.retry.isVisibleTo(row))
    assert row.status.text() == "upload_image is unavailable right now."
    services.fail.clear()
    qtbot.mouseClick(row.retry, LEFT)
    qtbot.waitUntil(lambda: upload.file_ids() == ("id-rash",))


def test_next_waits_for_running_upload(qtbot, make_view, services, step_by_code):
    save_image(services.image_dir, "rash.png")
    services.gates["upload_image"] = asyncio.Event()
    view = make_view(step_by_code("visits.intake", "intake"))
    view.sections[0].form.by_key["reason_for_visit"].buttons[0].click()
    upload = view.sections[1]
    upload.attach(next(iter(upload.tiles)))
    with qtbot.assertNotEmitted(view.submitted):
        qtbot.mouseClick(view.next_button, LEFT)
    assert upload.message.isVisible()
    services.gates["upload_image"].set()
    qtbot.waitUntil(lambda: bool(upload.file_ids()))
