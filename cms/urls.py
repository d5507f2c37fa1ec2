from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.feeds import ThemeFeed, feed_urls
from security.throttle import authenticate_with_password

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Danish without a prefix, English under /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    *feed_urls("feed/tema/<str:slug>/", ThemeFeed, "theme_feed"),
    path("", include("directory.urls")),
    path("", include("cases.urls")),
    path("", include("strategies.urls")),
    path("", include("search.urls")),
    # Wagtail's page password form, throttled per address and page (security.throttle).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
    ),
    path("", include("api.page_urls")),
    path("", include("participation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
