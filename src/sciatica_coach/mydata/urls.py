from django.urls import URLPattern, path

from sciatica_coach.mydata import views

urlpatterns: list[URLPattern] = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export.json", views.export_json, name="export_json"),
    path("my-data/export.zip", views.export_zip, name="export_zip"),
    path("my-data/delete/", views.delete_account, name="delete_account"),
]
