"""Helpers for the security tests: users with a second factor, and logging in as an editor does."""

from django.contrib.auth.models import Group

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.factories import UserFactory
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group

PASSWORD = "korrekt-hest-batteri-42"  # noqa: S105 (a test password)


def totp_code(device, offset=0):
    """The code an authenticator app shows now for this device (computed here, as the app would)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def make_superuser(username="admin"):
    user = UserFactory(username=username, password=PASSWORD)
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def make_kl_editor(username="kl-redaktoer"):
    ensure_kl_editors_group()
    return UserFactory(username=username, password=PASSWORD, groups=[Group.objects.get(name=KL_EDITORS_GROUP)])


def add_totp_device(user):
    return TOTPDevice.objects.create(user=user, name="Godkendelsesapp", confirmed=True)


def login_with_second_factor(client, user, device=None):
    """Password on /admin/login/, then the TOTP code on the verification page. Returns the device."""
    device = device or add_totp_device(user)
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    response = client.post("/admin/to-trins-login/kode/", {"code": totp_code(device)})
    assert response.status_code == 302, response.content.decode()[:500]
    return device
