"""Building blocks for the idempotent demo loaders of every app."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Page, Site

from cms.permissions import ensure_collection  # noqa: F401 (re-exported for the demo loaders)


class DemoReport:
    """Collects what a demo loader did and prints progress as it goes."""

    def __init__(self, stdout=None, style=None, reset_passwords=False):
        self.stdout = stdout
        self.style = style
        self.reset_passwords = reset_passwords
        self.created = 0
        self.logins = []

    def step(self, message):
        if self.stdout:
            self.stdout.write(f"→ {message}")

    def detail(self, message):
        if self.stdout:
            self.stdout.write(f"   {message}")

    def count_created(self, created):
        if created:
            self.created += 1
        return created


def ensure_child_page(parent, model, slug, report=None, **fields):
    """The child of `parent` with this slug; created and published if it is missing.

    An existing page is left exactly as it is, so editors' changes survive another run.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision().publish()
    if report:
        report.count_created(True)
        report.detail(f"side oprettet: {page.url_path}")
    return page, True


def ensure_home_page(model, report=None, **fields):
    """The site's home page at the root, replacing Wagtail's welcome page, served by the default site."""
    root = Page.get_first_root_node()
    home = model.objects.first()
    created = False
    if home is None:
        home = model(slug="forside", **fields)
        with transaction.atomic():
            root.add_child(instance=home)
            home.save_revision().publish()
        created = True
        if report:
            report.count_created(True)
            report.detail("forside oprettet")
    # The site answers at the address the admin is configured for (WAGTAILADMIN_BASE_URL), so
    # sitemap and feed links are absolute and right.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=base_url.hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Grønne partnerskaber",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.hostname = base_url.hostname
        site.port = port
        site.site_name = "Grønne partnerskaber"
        site.save()
    # Wagtail's own welcome page is of the plain Page type; remove it once nothing points at it.
    for page in root.get_children().exact_type(Page):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()
    return home, created


def ensure_user(report, username, *, first_name, last_name, email, groups=(), superuser=False):
    """A demo user; a new password is made (and printed) only when the user is created or on request."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": email},
    )
    password = None
    if created or report.reset_passwords:
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_superuser = superuser
        user.is_staff = superuser
        user.save()
        report.count_created(created)
    for group_name in groups:
        user.groups.add(Group.objects.get(name=group_name))
    report.logins.append((username, password, ", ".join(groups) or ("administrator" if superuser else "")))
    return user
