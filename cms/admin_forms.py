"""Forms that replace Wagtail's in the admin, each for a reason given on it."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail 8.0's login form leaves the password field without a label, so it shows "Password" in English."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Adgangskode")
