from django.urls import URLPattern, path

from sciatica_coach.program.views import assessment, intake, library, review, session, today
from sciatica_coach.program.views import movement_test as movement

urlpatterns: list[URLPattern] = [
    path("intake/", intake.intake, name="intake"),
    path("today/", today.today, name="today"),
    path("exercises/", library.exercise_list, name="exercise_list"),
    path("exercises/<slug:exercise_id>/", library.exercise_detail, name="exercise_detail"),
    path("session/<slug:slot>/start/", session.session_start, name="session_start"),
    path("session/<int:log_id>/", session.session_play, name="session_play"),
    path("session/<int:log_id>/progress/", session.session_progress, name="session_progress"),
    path("session/<int:log_id>/finish/", session.session_finish, name="session_finish"),
    path("session/<int:log_id>/done/", session.session_done, name="session_done"),
    path("review/", review.review, name="review"),
    path("review/<int:review_id>/", review.review_detail, name="review_detail"),
    path("assessment/", assessment.assessment, name="assessment"),
    path("movement-test/", movement.movement_test, name="movement_test"),
    path(
        "movement-test/result/<int:result_id>/",
        movement.movement_test_result,
        name="movement_test_result",
    ),
    path(
        "movement-test/<slug:direction>/",
        movement.movement_test_direction,
        name="movement_test_direction",
    ),
]
