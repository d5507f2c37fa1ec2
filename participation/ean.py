"""EAN (GLN) location numbers for electronic invoicing: 13 digits with a GS1 check digit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def gs1_check_digit(digits):
    """The GS1 check digit for the digits before it: weights 3 and 1 alternating from the right."""
    total = sum(int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def normalise_ean(value):
    """The number without the spaces or dashes people type between groups of digits."""
    return "".join(character for character in str(value) if character not in " -.")


def validate_ean(value):
    digits = normalise_ean(value)
    if not digits.isdigit() or len(digits) != 13:
        raise ValidationError(
            _("Et EAN-nummer består af præcis 13 cifre. Du skrev %(count)s tegn."),
            code="ean_length",
            params={"count": len(digits)},
        )
    if gs1_check_digit(digits[:12]) != int(digits[12]):
        raise ValidationError(
            _("EAN-nummeret %(ean)s har et forkert kontrolciffer. Tjek nummeret hos kommunens økonomiafdeling."),
            code="ean_check_digit",
            params={"ean": digits},
        )
