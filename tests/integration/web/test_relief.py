"""The relief toolkit: heat or cold, medicines, massage, and the rest-and-posture advice."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.relief import services
from sciatica_coach.relief.models import HeatColdUse, MassageEntry, MedicationEntry
from sciatica_coach.reminders import services as reminder_services

PAGES = [
    "/relief/",
    "/relief/heat-and-cold/",
    "/relief/medicines/",
    "/relief/massage/",
    "/relief/see-a-doctor/",
    "/relief/rest-sleep-sitting/",
]


def medicine(user: User, name: str = "Naproxen 250 mg") -> MedicationEntry:
    return services.medication_log(
        user=user,
        name=name,
        taken_at=dt.datetime(2026, 7, 1, 8, tzinfo=dt.UTC),
        as_prescribed=True,
    )


def massage(user: User) -> MassageEntry:
    services.relief_settings_update(user=user, surgery_ruled_out="yes")
    return services.massage_log(
        user=user, given_by="Sam, physio", date=dt.date(2026, 7, 1), minutes=30, relief=4
    )


@pytest.mark.parametrize("url", PAGES)
def test_every_toolkit_page_asks_anonymous_visitors_to_log_in(
    client: Client, db: None, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", PAGES)
def test_every_toolkit_page_renders_for_a_logged_in_person(alice_client: Client, url: str) -> None:
    assert alice_client.get(url).status_code == 200


def test_the_main_menu_links_to_the_toolkit_and_reminders(alice_client: Client) -> None:
    page = alice_client.get("/relief/").content.decode()
    assert 'href="/relief/"' in page
    assert 'href="/reminders/"' in page


def test_the_heat_and_cold_page_gives_the_safe_limits_and_a_screen_reader_timer(
    alice_client: Client,
) -> None:
    page = alice_client.get("/relief/heat-and-cold/").content.decode()
    assert "about 20 minutes at a time" in page
    assert "cloth or towel between your skin and the pack" in page
    assert "Never on skin that feels numb" in page
    assert "Never while you are asleep" in page
    assert 'aria-live="polite"' in page
    assert 'data-limit-seconds="1200"' in page
    assert "/static/relief/heat_cold_timer.js" in page
    assert "<script>" not in page
    assert "style=" not in page


def test_a_heat_or_cold_use_is_logged_with_its_relief(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        "/relief/heat-and-cold/", {"kind": "cold", "minutes": "15", "relief": "6"}
    )
    assert response.status_code == 302
    use = HeatColdUse.objects.get(user=alice)
    assert (use.kind, use.minutes, use.relief) == ("cold", 15, 6)
    assert "Cold" in alice_client.get("/relief/heat-and-cold/").content.decode()


def test_relief_felt_is_optional(alice: User, alice_client: Client) -> None:
    alice_client.post("/relief/heat-and-cold/", {"kind": "heat", "minutes": "20"})
    assert HeatColdUse.objects.get(user=alice).relief is None


def test_a_use_longer_than_the_limit_is_refused_and_keeps_the_rest(
    alice: User, alice_client: Client
) -> None:
    response = alice_client.post(
        "/relief/heat-and-cold/", {"kind": "heat", "minutes": "45", "relief": "7"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "At most 20 minutes at a time" in page
    assert 'aria-invalid="true"' in page
    assert 'value="heat" required id="id_kind_0" checked' in page
    assert 'value="7" id="id_relief_7" checked' in page
    assert not HeatColdUse.objects.exists()


def test_the_service_refuses_a_use_over_the_limit_too(alice: User) -> None:
    with pytest.raises(services.OverLimit):
        services.heat_cold_log(user=alice, kind="heat", minutes=21)


def test_the_medicines_page_says_it_never_gives_dosing_advice(alice_client: Client) -> None:
    page = alice_client.get("/relief/medicines/").content.decode()
    assert "only records what your doctor prescribed" in page
    assert "never gives advice on which medicine to take or how much" in page
    assert "dose" not in page.lower()


def test_a_medicine_is_logged_in_the_persons_own_time_zone(
    alice: User, alice_client: Client
) -> None:
    reminder_services.reminder_settings_update(
        user=alice,
        time_zone="America/New_York",
        morning_at=dt.time(8),
        evening_at=dt.time(19),
        email_on=False,
    )
    response = alice_client.post(
        "/relief/medicines/",
        {"name": "Naproxen 250 mg", "taken_at": "2026-07-01T08:00", "as_prescribed": "yes"},
    )
    assert response.status_code == 302
    entry = MedicationEntry.objects.get(user=alice)
    assert entry.taken_at == dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC)  # 08:00 in New York
    assert entry.as_prescribed is True
    assert "1 Jul 2026, 08:00" in alice_client.get("/relief/medicines/").content.decode()


def test_a_bad_medicine_entry_marks_its_field_and_keeps_the_rest(
    alice_client: Client,
) -> None:
    response = alice_client.post(
        "/relief/medicines/",
        {"name": "Naproxen 250 mg", "taken_at": "yesterday", "as_prescribed": "no", "note": "x"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in page
    assert 'value="Naproxen 250 mg"' in page
    assert 'value="no" required id="id_as_prescribed_1" checked' in page
    assert not MedicationEntry.objects.exists()


def test_a_person_can_delete_their_own_medicine_entry(alice: User, alice_client: Client) -> None:
    entry = medicine(alice)
    response = alice_client.post(f"/relief/medicines/{entry.pk}/delete/")
    assert response.status_code == 302
    assert not MedicationEntry.objects.exists()


def test_massage_first_asks_whether_a_doctor_ruled_out_surgery(alice_client: Client) -> None:
    page = alice_client.get("/relief/massage/").content.decode()
    assert "ruled out anything that needs an operation" in page
    assert 'name="given_by"' not in page
    assert "helps for a short while at best" in page


@pytest.mark.parametrize("answer", ["no", "not_sure"])
def test_without_a_doctors_check_massage_is_explained_and_not_logged(
    alice: User, alice_client: Client, answer: str
) -> None:
    alice_client.post("/relief/massage/check/", {"surgery_ruled_out": answer})
    page = alice_client.get("/relief/massage/").content.decode()
    assert "Please see a doctor before any massage" in page
    assert 'href="/relief/see-a-doctor/"' in page
    assert 'name="given_by"' not in page
    alice_client.post(
        "/relief/massage/",
        {"given_by": "Sam", "date": "2026-07-01", "minutes": "30", "relief": "4"},
    )
    assert not MassageEntry.objects.exists()


def test_once_surgery_is_ruled_out_a_massage_is_logged(alice: User, alice_client: Client) -> None:
    alice_client.post("/relief/massage/check/", {"surgery_ruled_out": "yes"})
    assert 'name="given_by"' in alice_client.get("/relief/massage/").content.decode()
    response = alice_client.post(
        "/relief/massage/",
        {"given_by": "Sam, physio", "date": "2026-07-01", "minutes": "30", "relief": "4"},
    )
    assert response.status_code == 302
    entry = MassageEntry.objects.get(user=alice)
    assert (entry.given_by, entry.minutes, entry.relief) == ("Sam, physio", 30, 4)


def test_a_bad_massage_entry_marks_its_field_and_keeps_the_rest(
    alice: User, alice_client: Client
) -> None:
    services.relief_settings_update(user=alice, surgery_ruled_out="yes")
    response = alice_client.post(
        "/relief/massage/",
        {"given_by": "Sam, physio", "date": "2026-07-01", "minutes": "0", "relief": "4"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in page
    assert 'value="Sam, physio"' in page
    assert 'value="2026-07-01"' in page


def test_the_service_refuses_a_massage_before_the_doctors_check(alice: User) -> None:
    with pytest.raises(services.SurgeryNotRuledOut):
        services.massage_log(
            user=alice, given_by="Sam", date=dt.date(2026, 7, 1), minutes=30, relief=4
        )


def test_the_advice_page_covers_rest_sleeping_and_sitting(alice_client: Client) -> None:
    page = alice_client.get("/relief/rest-sleep-sitting/").content.decode()
    assert "a day or two at most" in page
    assert "pillow between them" in page
    assert "pillow or rolled blanket under your knees" in page
    assert "every 30 minutes" in page
    assert "feet flat on the floor" in page


# --- alice and bob: bob never sees or changes alice's entries. ---


def test_bob_cannot_delete_alices_medicine_entry(alice: User, bob_client: Client) -> None:
    entry = medicine(alice)
    assert bob_client.post(f"/relief/medicines/{entry.pk}/delete/").status_code == 404
    assert MedicationEntry.objects.filter(pk=entry.pk).exists()


def test_bob_cannot_delete_alices_massage_entry(alice: User, bob: User, bob_client: Client) -> None:
    entry = massage(alice)
    services.relief_settings_update(user=bob, surgery_ruled_out="yes")
    assert bob_client.post(f"/relief/massage/{entry.pk}/delete/").status_code == 404
    assert MassageEntry.objects.filter(pk=entry.pk).exists()


def test_bobs_pages_show_none_of_alices_entries(alice: User, bob: User, bob_client: Client) -> None:
    medicine(alice, name="Alices secret medicine")
    massage(alice)
    services.heat_cold_log(user=alice, kind="cold", minutes=12)
    services.relief_settings_update(user=bob, surgery_ruled_out="yes")
    assert "Alices secret medicine" not in bob_client.get("/relief/medicines/").content.decode()
    assert "Sam, physio" not in bob_client.get("/relief/massage/").content.decode()
    assert "Your recent uses" not in bob_client.get("/relief/heat-and-cold/").content.decode()


def test_alices_answer_about_surgery_is_hers_alone(alice: User, bob_client: Client) -> None:
    services.relief_settings_update(user=alice, surgery_ruled_out="yes")
    assert 'name="given_by"' not in bob_client.get("/relief/massage/").content.decode()


def test_deleting_an_account_deletes_its_toolkit_entries(alice: User) -> None:
    medicine(alice)
    massage(alice)
    services.heat_cold_log(user=alice, kind="heat", minutes=10)
    alice.delete()
    assert not (MedicationEntry.objects.exists())
    assert not (MassageEntry.objects.exists())
    assert not (HeatColdUse.objects.exists())
