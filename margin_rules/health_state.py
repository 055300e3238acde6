"""The regulatory health states of an account (seed 001's state machine, FINRA 4210(c) / Reg T 220.12)."""

from __future__ import annotations

from enum import StrEnum


class HealthState(StrEnum):
    """Health of a margin account, from its requirements.

    * ``HEALTHY``: equity >= the initial requirement (or no positions): may open positions and withdraw.
    * ``RESTRICTED``: maintenance requirement <= equity < initial requirement: may hold, not add risk.
    * ``LIQUIDATION_CALL``: equity < maintenance requirement (FINRA 4210(c)): must deposit or liquidate.
    """

    HEALTHY = "HEALTHY"
    RESTRICTED = "RESTRICTED"
    LIQUIDATION_CALL = "LIQUIDATION_CALL"

    @property
    def code(self) -> int:
        """A stable integer code (0, 1, 2), used where the state is encoded as a number (the Z3 proofs)."""
        return _CODES[self]

    @property
    def label(self) -> str:
        """The words shown to people for this state, the same in the CLI tables, the dashboard, the reconciler's watch
        and the JSON ``health_label``: LIQUIDATION_CALL is a *maintenance call* (FINRA 4210(c)), the words
        :attr:`margin_rules.margin_call.CallKind.label` uses for the call itself."""
        return HEALTH_LABELS[self]


_CODES = {HealthState.HEALTHY: 0, HealthState.RESTRICTED: 1, HealthState.LIQUIDATION_CALL: 2}

MAINTENANCE_CALL_LABEL = "Maintenance call"
"""The one name of an account whose equity is below its maintenance requirement (FINRA 4210(c)), for the health state
and the call alike."""

HEALTH_LABELS = {
    HealthState.HEALTHY: "Healthy",
    HealthState.RESTRICTED: "Restricted",
    HealthState.LIQUIDATION_CALL: MAINTENANCE_CALL_LABEL,
}
"""Display words of each health state (defined once; see :attr:`HealthState.label`)."""
