"""The public pages of the directory: one per organisation and one per person with public appearances."""

from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("organisationer/<str:slug>/", views.organisation_detail, name="organisation"),
    path("personer/<str:slug>/", views.person_detail, name="person"),
]
