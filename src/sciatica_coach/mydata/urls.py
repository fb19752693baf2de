from django.urls import URLPattern, path

from sciatica_coach.mydata import views

urlpatterns: list[URLPattern] = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export.<slug:kind>", views.data_export, name="data_export"),
    path("my-data/delete/", views.delete_account, name="delete_account"),
]
