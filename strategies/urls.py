"""Public pages of the strategies app that are not Wagtail pages."""

from django.urls import path

from cms.feeds import feed_urls
from strategies import views
from strategies.feeds import MunicipalityFeed, StrategyFeed

app_name = "strategies"

urlpatterns = [
    path("organisationer/<str:slug>/", views.organisation_detail, name="organisation_detail"),
    *feed_urls("feed/strategier/", StrategyFeed, "feed"),
    *feed_urls("feed/kommune/<str:slug>/", MunicipalityFeed, "municipality_feed"),
]
