"""Public addresses of the participation app, under /deltag/ (and /en/deltag/)."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("deltag/medlemskab/", views.membership_signup, name="membership"),
    path("deltag/medlemskab/tak/", views.membership_thanks, name="membership_thanks"),
    path("deltag/tilmelding/<int:page_id>/", views.event_registration, name="event_registration"),
    path("deltag/tilmelding/min/<str:signed>/", views.registration_detail, name="registration"),
    path("deltag/nyt-paa-mail/", views.subscribe, name="subscribe"),
    path("deltag/nyt-paa-mail/tjek-din-mail/", views.subscribe_sent, name="subscribe_sent"),
    path("deltag/nyt-paa-mail/bekraeft/<str:signed>/", views.confirm_subscription, name="confirm"),
    path("deltag/nyt-paa-mail/afmeld/<str:signed>/", views.unsubscribe, name="unsubscribe"),
]
