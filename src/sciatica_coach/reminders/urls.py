from django.urls import URLPattern, path

from sciatica_coach.reminders import views

urlpatterns: list[URLPattern] = [
    path("reminders/", views.reminder_settings, name="reminder_settings"),
    path("reminders/calendar-link/", views.feed_link_renew, name="feed_link_renew"),
    path("reminders/calendar-link/off/", views.feed_link_revoke, name="feed_link_revoke"),
    path("calendar/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
]
