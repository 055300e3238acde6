"""Regression test for a core defect found while extending mutation testing to ``margin_rules.orders`` (fixed).

``reserved`` (buying power already committed to open orders) is an amount. ``buying_power.order_fits`` and
``buying_power.available_excess`` accept it with up to ``MAX_AMOUNT_PLACES`` (20) decimal places, but
``orders.max_order_quantity`` converted it with the default ``MAX_PLACES`` (10), in ``_validate`` and again in its
postcondition helper ``_result_is_maximal``. So the same ``reserved`` that ``order_fits`` decided with made
``max_order_quantity`` refuse it; the CLI what-if passes one ``snapshot.reserved`` to both. Both functions now take
the same bounds.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from margin_rules.buying_power import Mode, available_excess, order_fits
from margin_rules.errors import OutOfBoundsError
from margin_rules.model import Account, Order, Side
from margin_rules.orders import max_order_quantity
from margin_rules.rulesets import finra


def test_max_order_quantity_accepts_the_reserved_amounts_order_fits_accepts() -> None:
    rules = finra()
    account = Account(Decimal(10000))
    reserved = Decimal("100.123456789012345")  # 15 places: within MAX_AMOUNT_PLACES (20)
    # REG_T: available 10,000 - 100.123456789012345 = 9,899.876543210987655; 50% of $33 = 16.50 a share: 599 shares
    # (9,883.50) fit, 600 (9,900) do not.
    assert available_excess(account, rules, Mode.REG_T, reserved) == Decimal("9899.876543210987655")
    assert order_fits(account, Order("X", Side.BUY, Decimal(599), Decimal(33)), rules, Mode.REG_T, reserved).fits
    assert not order_fits(account, Order("X", Side.BUY, Decimal(600), Decimal(33)), rules, Mode.REG_T, reserved).fits
    assert max_order_quantity(account, rules, "X", Side.BUY, Decimal(33), Mode.REG_T, reserved) == 599


def test_both_refuse_the_same_reserved_amounts() -> None:
    rules = finra()
    account = Account(Decimal(10000))
    too_fine = Decimal("1." + "0" * 20 + "1")  # 21 places
    order = Order("X", Side.BUY, Decimal(1), Decimal(33))
    with pytest.raises(OutOfBoundsError) as fits_error:
        order_fits(account, order, rules, Mode.REG_T, too_fine)
    with pytest.raises(OutOfBoundsError) as max_error:
        max_order_quantity(account, rules, "X", Side.BUY, Decimal(33), Mode.REG_T, too_fine)
    assert fits_error.value.field == max_error.value.field == "reserved"
