"""Public pages of the strategies app that are not Wagtail pages."""

from django.urls import path

from strategies import views

app_name = "strategies"

urlpatterns = [
    path("organisationer/<str:slug>/", views.organisation_detail, name="organisation_detail"),
]
