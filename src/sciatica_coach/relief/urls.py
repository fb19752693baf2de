from django.urls import URLPattern, path

from sciatica_coach.relief.views import heat_cold, massage, medication, toolkit

urlpatterns: list[URLPattern] = [
    path("", toolkit.toolkit, name="relief"),
    path("heat-and-cold/", heat_cold.heat_cold, name="relief_heat_cold"),
    path("medicines/", medication.medication, name="relief_medication"),
    path(
        "medicines/<int:entry_id>/delete/",
        medication.medication_delete,
        name="relief_medication_delete",
    ),
    path("massage/", massage.massage, name="relief_massage"),
    path("massage/check/", massage.massage_check, name="relief_massage_check"),
    path("massage/<int:entry_id>/delete/", massage.massage_delete, name="relief_massage_delete"),
    path("see-a-doctor/", toolkit.see_a_doctor, name="relief_see_doctor"),
    path("rest-sleep-sitting/", toolkit.rest_and_posture, name="relief_rest"),
]
