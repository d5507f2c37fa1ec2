"""The public forms, in Danish, each with the protection fields from `protection.GuardedForm`."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Municipality, Theme

from .ean import normalise_ean, validate_ean
from .models import AlertKind, AttendeeRole, Frequency
from .protection import GuardedForm


class MunicipalityField(forms.CharField):
    """A municipality typed with the help of a list of all 98 (an <input list> with a <datalist>)."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        super().__init__(max_length=100, **kwargs)

    def get_queryset(self):
        return self.queryset if self.queryset is not None else Municipality.objects.all()

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["autocomplete"] = "off"
        attrs["list"] = "municipality-options"
        return attrs

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        text = value.strip()
        bare = text.removesuffix(" Kommune").removesuffix(" kommune")
        found = (
            self.get_queryset()
            .filter(Q(name__iexact=text) | Q(short_name__iexact=text) | Q(short_name__iexact=bare))
            .first()
        )
        if found is None:
            raise ValidationError(
                _("Vi kender ingen kommune ved navn »%(name)s« her. Vælg kommunen på listen over de 98 kommuner."),
                code="unknown_municipality",
                params={"name": text},
            )
        return found


def membership_years(today=None):
    today = today or timezone.localdate()
    return [today.year, today.year + 1]


class MembershipForm(GuardedForm):
    form_name = "membership"

    municipality = MunicipalityField(
        label=_("Kommune"), help_text=_("Skriv de første bogstaver, og vælg kommunen på listen.")
    )
    year = forms.TypedChoiceField(label=_("Medlemsår"), coerce=int)
    name = forms.CharField(label=_("Det faste medlems navn"), max_length=200)
    job_title = forms.CharField(label=_("Stilling"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Telefon"), max_length=40)
    ean = forms.CharField(
        label=_("EAN-nummer"),
        max_length=20,
        help_text=_("13 cifre. Kommunens økonomiafdeling kender nummeret."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    order_reference = forms.CharField(
        label=_("Ordre- eller referencenummer"),
        max_length=100,
        required=False,
        help_text=_("Valgfrit: kommer med på fakturaen."),
    )
    accept_terms = forms.BooleanField(
        label=_(
            "Vi accepterer vilkårene: 7.000 kr. ekskl. moms om året, ét fast medlem, der kan tage en ledsager "
            "med til hvert møde, og fakturering efter netværkets første møde."
        ),
        error_messages={"required": _("Sæt flueben for at acceptere vilkårene.")},
    )

    field_order = [
        "municipality",
        "year",
        "name",
        "job_title",
        "email",
        "phone",
        "ean",
        "order_reference",
        "accept_terms",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in membership_years()]

    def clean_ean(self):
        value = normalise_ean(self.cleaned_data["ean"])
        validate_ean(value)
        return value


class RegistrationForm(GuardedForm):
    """Registration for a meeting (members and companions) or the conference (anyone)."""

    form_name = "registration"

    name = forms.CharField(label=_("Navn"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), help_text=_("Bekræftelsen og dit personlige link sendes hertil."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def __init__(self, *args, setup, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup = setup
        member_queryset = Municipality.objects.filter(pk__in=members)
        self.member_names = list(member_queryset.order_by("short_name").values_list("name", flat=True))
        if setup.audience == "members":
            self.fields["municipality"] = MunicipalityField(
                label=_("Medlemskommune"),
                queryset=member_queryset,
                help_text=_("Møderne er for netværkets medlemskommuner."),
            )
            self.fields["role"] = forms.ChoiceField(
                label=_("Jeg deltager som"),
                choices=[(AttendeeRole.MEMBER, _("kommunens faste medlem")), (AttendeeRole.COMPANION, _("ledsager"))],
                widget=forms.RadioSelect,
            )
            self.fields["municipality"].error_messages["required"] = _("Skriv medlemskommunens navn.")
        else:
            self.fields["municipality"] = MunicipalityField(
                label=_("Medlemskommune (valgfrit)"),
                queryset=member_queryset,
                required=False,
                help_text=_("Kommer du fra en af netværkets medlemskommuner, deltager du gratis."),
            )
        self.order_fields(["name", "email", "organisation", "municipality", "role"])

    def clean(self):
        cleaned = super().clean()
        if self.setup.audience != "members":
            cleaned["role"] = AttendeeRole.MEMBER_GUEST if cleaned.get("municipality") else AttendeeRole.GUEST
        return cleaned


class SubscriptionForm(GuardedForm):
    form_name = "subscription"

    email = forms.EmailField(label=_("Din e-mail"))
    kind = forms.ChoiceField(
        label=_("Hvad vil du have besked om?"), choices=AlertKind.choices, widget=forms.RadioSelect
    )
    theme = forms.ModelChoiceField(
        label=_("Tema"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("Vælg tema"),
    )
    municipality = MunicipalityField(label=_("Kommune"), required=False)
    frequency = forms.ChoiceField(
        label=_("Hvor tit?"), choices=Frequency.choices, initial=Frequency.WEEKLY, widget=forms.RadioSelect
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == AlertKind.THEME and not cleaned.get("theme"):
            self.add_error("theme", _("Vælg det tema, du vil følge."))
        if kind == AlertKind.MUNICIPALITY and not cleaned.get("municipality") and "municipality" not in self.errors:
            self.add_error("municipality", _("Skriv navnet på den kommune, du vil følge."))
        return cleaned
