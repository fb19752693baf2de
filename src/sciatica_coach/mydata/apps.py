from django.apps import AppConfig


class MyDataConfig(AppConfig):
    name = "sciatica_coach.mydata"
    label = "mydata"
    verbose_name = "My data"
