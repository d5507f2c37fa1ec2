from django.core.exceptions import ValidationError

import pytest

from participation.ean import gs1_check_digit, validate_ean

# The root conftest serialises the migrated database for every session, which needs database access.
pytestmark = pytest.mark.django_db


def test_check_digit_follows_gs1():
    # GS1's own worked example: 629104150021 gets check digit 3.
    assert gs1_check_digit("629104150021") == 3
    assert gs1_check_digit("579800041660") == 4


@pytest.mark.parametrize("value", ["5798000416604", "5798 0004 1660 4", "5798-000416604", "6291041500213"])
def test_valid_numbers_pass(value):
    validate_ean(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("579800041660", "præcis 13 cifre"),
        ("57980004166045", "præcis 13 cifre"),
        ("57980004166O4", "præcis 13 cifre"),
        ("5798000416605", "forkert kontrolciffer"),
    ],
)
def test_invalid_numbers_get_a_danish_message(value, message):
    with pytest.raises(ValidationError) as error:
        validate_ean(value)
    assert message in error.value.messages[0]
