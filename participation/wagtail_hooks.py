"""The admin for KL editors (lists, filters, CSV export, approval, personal data) and the links on pages."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.models import MeetingIndexPage

from . import admin_views
from .models import MembershipApplication, MembershipStatus, Registration, RegistrationSetup, Subscription


class MembershipApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "group"
    menu_label = gettext_lazy("Medlemstilmeldinger")
    list_display = [
        "municipality",
        "year",
        "name",
        "email",
        "status",
        Column("created_at", label=gettext_lazy("Modtaget")),
    ]
    list_filter = ["status", "year", "municipality__region"]
    list_export = [
        "municipality.name",
        "municipality.code",
        "year",
        "name",
        "job_title",
        "email",
        "phone",
        "ean",
        "order_reference",
        "get_status_display",
        "terms_accepted_at",
        "created_at",
        "decided_at",
    ]
    export_headings = {
        "municipality.name": gettext_lazy("Kommune"),
        "municipality.code": gettext_lazy("Kommunekode"),
        "year": gettext_lazy("Medlemsår"),
        "name": gettext_lazy("Fast medlem"),
        "job_title": gettext_lazy("Stilling"),
        "email": gettext_lazy("E-mail"),
        "phone": gettext_lazy("Telefon"),
        "ean": gettext_lazy("EAN-nummer"),
        "order_reference": gettext_lazy("Ordre/reference"),
        "get_status_display": gettext_lazy("Status"),
        "terms_accepted_at": gettext_lazy("Vilkår accepteret"),
        "created_at": gettext_lazy("Modtaget"),
        "decided_at": gettext_lazy("Behandlet"),
    }
    export_filename = "medlemstilmeldinger"
    search_fields = ["name", "email", "municipality__name", "ean"]
    search_backend_name = None
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("approve/<int:pk>/", admin_views.approve_membership, name="approve"),
        ]


class RegistrationSetupViewSet(SnippetViewSet):
    model = RegistrationSetup
    icon = "date"
    menu_label = gettext_lazy("Åbne tilmeldinger")
    list_display = [
        "page",
        "audience",
        "capacity",
        Column("confirmed", label=gettext_lazy("Tilmeldt"), accessor="confirmed_count"),
        Column("waiting", label=gettext_lazy("Venteliste"), accessor="waiting_count"),
        "deadline",
        "is_open",
    ]
    list_filter = ["audience", "is_open"]
    search_fields = ["page__title"]
    search_backend_name = None


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = gettext_lazy("Tilmeldte deltagere")
    list_display = ["name", "email", "setup", "municipality", "role", "status", "created_at"]
    list_filter = ["setup", "status", "role"]
    list_export = [
        "event_title",
        "name",
        "email",
        "organisation",
        "municipality_name",
        "get_role_display",
        "get_status_display",
        "created_at",
    ]
    export_headings = {
        "event_title": gettext_lazy("Arrangement"),
        "name": gettext_lazy("Navn"),
        "email": gettext_lazy("E-mail"),
        "organisation": gettext_lazy("Organisation"),
        "municipality_name": gettext_lazy("Medlemskommune"),
        "get_role_display": gettext_lazy("Deltager som"),
        "get_status_display": gettext_lazy("Status"),
        "created_at": gettext_lazy("Tilmeldt"),
    }
    export_filename = "tilmeldinger"
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    icon = "mail"
    menu_label = gettext_lazy("E-mailabonnementer")
    list_display = ["email", "kind", "theme", "municipality", "frequency", "confirmed_at", "last_sent_at"]
    list_filter = ["kind", "frequency", "theme"]
    list_export = [
        "email",
        "get_kind_display",
        "theme_name",
        "municipality_name",
        "get_frequency_display",
        "created_at",
        "confirmed_at",
    ]
    export_headings = {
        "email": gettext_lazy("E-mail"),
        "get_kind_display": gettext_lazy("Abonnerer på"),
        "theme_name": gettext_lazy("Tema"),
        "municipality_name": gettext_lazy("Kommune"),
        "get_frequency_display": gettext_lazy("Hyppighed"),
        "created_at": gettext_lazy("Oprettet"),
        "confirmed_at": gettext_lazy("Bekræftet"),
    }
    export_filename = "abonnementer"
    search_fields = ["email"]
    search_backend_name = None


class PersonalDataViewSet(ViewSet):
    """Find, export and erase everything stored about one e-mail address."""

    name = "participation_personal_data"
    icon = "user"
    menu_label = gettext_lazy("Persondata")
    url_prefix = "deltagelse/persondata"

    def get_urlpatterns(self):
        return [path("", admin_views.personal_data, name="index")]

    def get_menu_item(self, order=None):
        return MenuItem(
            self.menu_label,
            reverse(self.get_url_name("index")),
            name=self.menu_name,
            icon_name=self.icon,
            order=order or 900,
        )


class ParticipationGroup(ViewSetGroup):
    menu_label = gettext_lazy("Deltagelse")
    menu_icon = "group"
    menu_order = 250
    items = (
        MembershipApplicationViewSet,
        RegistrationSetupViewSet,
        RegistrationViewSet,
        SubscriptionViewSet,
        PersonalDataViewSet,
    )


register_snippet(ParticipationGroup)


@hooks.register("register_snippet_listing_buttons")
def approve_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, MembershipApplication)
        and snippet.status == MembershipStatus.PENDING
        and user.has_perm("participation.change_membershipapplication")
    ):
        yield ListingButton(
            _("Godkend"),
            reverse("wagtailsnippets_participation_membershipapplication:approve", args=[snippet.pk]),
            icon_name="check",
            priority=5,
        )


# Links on public pages, through the `page_actions` hook that the page templates render.


@hooks.register("page_actions")
def event_registration_box(page, request, context):
    """On a meeting or conference page with registration opened: where and until when to register."""
    if type(page).__name__ not in ("MeetingPage", "ConferencePage"):
        return ""
    try:
        setup = page.registration_setup
    except RegistrationSetup.DoesNotExist:
        return ""
    return render_to_string("participation/includes/event_box.html", {"setup": setup, "page": page}, request=request)


@hooks.register("page_actions")
def membership_box(page, request, context):
    """On the membership page the meeting index points to: the sign-up form."""
    if page is None or type(page).__name__ != "StandardPage":
        return ""
    if not MeetingIndexPage.objects.filter(membership_page=page).exists():
        return ""
    return render_to_string("participation/includes/membership_box.html", {}, request=request)


@hooks.register("page_actions")
def follow_box(page, request, context):
    """Follow by e-mail: a theme (on its page), a municipality (on its page)."""
    theme = context.get("theme")
    params = None
    label = ""
    if theme is not None and getattr(theme, "slug", None):
        params, label = f"tema={theme.slug}", _("Følg temaet på e-mail")
    elif type(page).__name__ == "MunicipalityPage":
        params, label = f"kommune={page.municipality.slug}", _("Følg kommunen på e-mail")
    if params is None:
        return ""
    return render_to_string(
        "participation/includes/follow_box.html",
        {"url": reverse("participation:subscribe") + "?" + params, "label": label},
        request=request,
    )
