from django.urls import path

from . import twofactor

app_name = "security"

urlpatterns = [
    path("", twofactor.setup, name="twofactor_setup"),
    path("kode/", twofactor.verify, name="twofactor_verify"),
]
