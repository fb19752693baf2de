from django.urls import path

from sciatica_coach.api import views

urlpatterns = [
    path("api-tokens/", views.token_list, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.token_revoke, name="api_token_revoke"),
]
