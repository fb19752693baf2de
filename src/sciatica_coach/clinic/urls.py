from django.urls import URLPattern, path

from sciatica_coach.clinic.views import dashboard, manage, membership, patient

urlpatterns: list[URLPattern] = [
    path("", dashboard.home, name="clinic_home"),
    path("join/", membership.join, name="clinic_join"),
    path("join/<str:code>/", membership.join, name="clinic_join_code"),
    path("mine/", membership.mine, name="clinic_mine"),
    path("mine/leave/<int:clinic_id>/", membership.leave, name="clinic_leave"),
    path("mine/log/", membership.my_log, name="clinic_my_log"),
    path("<slug:slug>/", dashboard.dashboard_page, name="clinic_dashboard"),
    path("<slug:slug>/patients/<int:patient_id>/", patient.patient_page, name="clinic_patient"),
    path(
        "<slug:slug>/patients/<int:patient_id>/act/<slug:kind>/",
        patient.patient_action,
        name="clinic_patient_action",
    ),
    path(
        "<slug:slug>/patients/<int:patient_id>/report.pdf",
        patient.patient_report,
        name="clinic_patient_report",
    ),
    path("<slug:slug>/invitations/", manage.invitations, name="clinic_invitations"),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        manage.invitation_revoke,
        name="clinic_invitation_revoke",
    ),
    path("<slug:slug>/templates/", manage.templates, name="clinic_templates"),
    path("<slug:slug>/templates/<int:template_id>/", manage.templates, name="clinic_template"),
    path("<slug:slug>/manage/", manage.manage, name="clinic_manage"),
    path(
        "<slug:slug>/manage/staff/<int:staff_id>/remove/",
        manage.staff_remove,
        name="clinic_staff_remove",
    ),
    path("<slug:slug>/audit.csv", manage.audit_csv, name="clinic_audit_csv"),
    path("<slug:slug>/outcomes.csv", manage.outcomes_csv, name="clinic_outcomes_csv"),
]
