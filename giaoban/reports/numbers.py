"""Numbers as people write them in Vietnamese: 1.234,5 — a dot between thousands, a comma before
the decimals, no trailing zeros (12, not 12,00), never scientific notation (100, not 1E+2)."""

from __future__ import annotations

from decimal import Decimal


def vn_number(value: Decimal | int | float | None, *, places: int = 2) -> str:
    """'' for None; 12 → '12'; Decimal('1234.50') → '1.234,5'; Decimal('1E+2') → '100'."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    value = value.quantize(Decimal(1).scaleb(-places)) if places >= 0 else value
    if value == value.to_integral_value():
        text = f"{value.to_integral_value():,f}"
    else:
        text = f"{value:,f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
