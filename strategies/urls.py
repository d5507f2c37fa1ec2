"""The strategies app's feeds."""

from cms.feeds import feed_urls
from strategies.feeds import MunicipalityFeed, StrategyFeed

app_name = "strategies"

urlpatterns = [
    *feed_urls("feed/strategier/", StrategyFeed, "feed"),
    *feed_urls("feed/kommune/<str:slug>/", MunicipalityFeed, "municipality_feed"),
]
