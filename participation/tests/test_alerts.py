"""E-mail alerts: double opt-in, the digest command with a fixed clock, one-click unsubscribe."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from cms.models import Theme
from participation import links
from participation.models import AlertKind, Subscription
from strategies.factories import StrategyPageFactory

from .utils import build_site, form_data, post

URL = "/deltag/nyt-paa-mail/"
ZONE = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def site(db):
    return build_site()


def subscribe(client, **values):
    return post(client, URL, form_data(client, URL, **values))


def confirmed(email="laeser@example.com", kind=AlertKind.STRATEGIES, frequency="daily", at=None, **fields):
    at = at or datetime.datetime(2027, 3, 1, 7, 0, tzinfo=ZONE)
    return Subscription.objects.create(
        email=email, kind=kind, frequency=frequency, confirmed_at=at, last_sent_at=at, **fields
    )


def publish_strategy(parent, title, at, themes=()):
    page = StrategyPageFactory(parent=parent, title=title)
    for theme in themes:
        page.themes.add(theme)
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(first_published_at=at)
    return page


def test_double_opt_in(site, client):
    theme = Theme.objects.order_by("name").first()
    form = client.get(URL + f"?tema={theme.slug}")
    assert not form.cookies and "no-store" in form["Cache-Control"]
    assert f'<option value="{theme.slug}" selected>' in form.content.decode()
    response = subscribe(client, email="laeser@example.com", kind="theme", theme=theme.slug, frequency="weekly")
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/deltag/nyt-paa-mail/afmeld/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm_url = links.confirm_url(subscription)
    assert confirm_url in message.body
    # Opening the link (as a mail scanner would) confirms nothing; pressing the button does.
    assert "Bekræft abonnement" in client.get(confirm_url).content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert "er bekræftet" in post(client, confirm_url, {}).content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_theme_required_when_following_a_theme(site, client):
    response = subscribe(client, email="x@example.com", kind="theme", frequency="daily")
    assert "Vælg det tema, du vil følge." in response.content.decode()


def test_expired_confirmation_link(site, client, settings):
    subscribe(client, email="x@example.com", kind="cases", frequency="daily")
    settings.PARTICIPATION_CONFIRM_MAX_AGE = -1
    response = client.get(links.confirm_url(Subscription.objects.get()))
    assert response.status_code == 404
    assert "Linket er udløbet" in response.content.decode()


def test_digest_with_a_fixed_clock(site):
    aarhus_page = site["aarhus_page"]
    theme = Theme.objects.order_by("name").first()
    start = datetime.datetime(2027, 3, 1, 7, 0, tzinfo=ZONE)
    daily = confirmed(kind=AlertKind.STRATEGIES, frequency="daily", at=start)
    weekly = confirmed(email="uge@example.com", kind=AlertKind.THEME, theme=theme, frequency="weekly", at=start)
    by_town = confirmed(
        email="by@example.com", kind=AlertKind.MUNICIPALITY, municipality=site["aarhus"], frequency="daily", at=start
    )
    publish_strategy(aarhus_page, "Gammel strategi", start - datetime.timedelta(days=2))
    publish_strategy(aarhus_page, "Ny strategi om grøn kultur", start + datetime.timedelta(hours=5), themes=[theme])

    out = StringIO()
    call_command("send_digests", now="2027-03-02T07:00:00+01:00", stdout=out)
    assert "2 subscriptions due, sent 2 digests." in out.getvalue()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"laeser@example.com", "by@example.com"}
    digest = by_address["laeser@example.com"]
    assert "Ny strategi om grøn kultur" in digest.body
    assert "Gammel strategi" not in digest.body
    assert digest.subject == "Nyt om alle nye strategier og handlingsplaner fra Grønne partnerskaber"
    header = digest.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://testserver/deltag/nyt-paa-mail/afmeld/")
    assert links.unsign(header.strip("<>").split("/")[-2], links.UNSUBSCRIBE_SALT) == daily.token
    assert "Afmeld med ét klik" in digest.body

    # The same run again sends nothing: the window moved on.
    mail.outbox.clear()
    call_command("send_digests", now="2027-03-02T07:05:00+01:00", stdout=StringIO())
    assert not mail.outbox

    # A week later the weekly theme digest is due and has the new strategy; the daily ones have nothing new.
    call_command("send_digests", now="2027-03-08T07:00:00+01:00", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [["uge@example.com"]]
    assert "Ny strategi om grøn kultur" in mail.outbox[0].body
    weekly.refresh_from_db()
    by_town.refresh_from_db()
    assert weekly.last_sent_at == datetime.datetime(2027, 3, 8, 6, 0, tzinfo=datetime.UTC)


def test_unconfirmed_subscriptions_get_no_digest(site):
    at = datetime.datetime(2027, 3, 1, 7, 0, tzinfo=ZONE)
    Subscription.objects.create(email="x@example.com", kind=AlertKind.STRATEGIES, frequency="daily")
    publish_strategy(site["aarhus_page"], "Ny", at + datetime.timedelta(hours=1))
    call_command("send_digests", now="2027-03-05T07:00:00+01:00", stdout=StringIO())
    assert not mail.outbox


def test_one_click_unsubscribe_deletes_the_subscription(site, client):
    subscription = confirmed()
    url = links.unsubscribe_url(subscription)
    page = client.get(url)
    assert "Vil du stoppe e-mails" in page.content.decode()
    assert Subscription.objects.exists()
    # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" without an Origin header.
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    again = client.get(url)
    assert again.status_code == 404 and "findes ikke længere" in again.content.decode()


def test_subscribing_twice_does_not_tell_or_duplicate(site, client):
    confirmed(email="x@example.com", kind=AlertKind.CASES)
    response = subscribe(client, email="x@example.com", kind="cases", frequency="daily")
    assert response.status_code == 302
    assert Subscription.objects.count() == 1
    assert not mail.outbox


def test_now_must_be_a_time():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_digests", now="i morgen", stdout=StringIO())


def test_digest_uses_now_by_default(site):
    confirmed(at=timezone.now() - datetime.timedelta(days=2))
    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "1 subscriptions due, sent 0 digests." in out.getvalue()
