"""``margin-rules reconcile --watch``: the reconciler's polls feed a live account watched by a monitor.

The reconciler (:func:`margin_rules.brokers.alpaca.reconcile.main`) polls Alpaca, compares every field and alerts on
drift; it hands each poll's prices to an ``on_prices`` callback. :class:`AccountWatch` is that callback:

* on the first poll it builds a :class:`~margin_rules.live.account.MarginAccount` from an Alpaca snapshot (the core
  account the adapter maps: cash, positions, SMA, prior-close figures) and attaches a synchronous
  :class:`~margin_rules.live.monitor.MarginMonitor`, whose transitions (health, house tier, LEAN warning, stale prices)
  are printed with the figures that caused them;
* every poll's prices go to ``MarginAccount.update_prices``; the account's health and figures are printed;
* the reconciler's alerts (drift, errors) are collected; after an error the monitor checks for stale prices.

The reconciler's callback carries prices only, so the first snapshot is fetched once more with the reconciler's own
public pieces (``parse_args``, ``load_settings``, ``make_client``, ``run_once``) when the first prices arrive. Positions
opened or closed at Alpaca after that are reported (the watched account keeps the first snapshot's positions).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from rich.console import Console
from rich.markup import escape

from margin_rules.brokers.alpaca.client import load_settings, make_client, resolve_base_url
from margin_rules.brokers.alpaca.errors import ConfigError
from margin_rules.brokers.alpaca.mapping import AlpacaSnapshot
from margin_rules.brokers.alpaca.reconcile import Alert, parse_args, run_once
from margin_rules.buying_power import Mode, effective_mode
from margin_rules.cli.io import MULTIPLIER_MODES
from margin_rules.cli.render import MODE_LABEL, OWED, usd
from margin_rules.health_state import HealthState
from margin_rules.live.account import MarginAccount
from margin_rules.live.monitor import MarginMonitor, Transition
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import RuleSet, alpaca

HEALTH_STYLE = {
    HealthState.HEALTHY: "green",
    HealthState.RESTRICTED: "yellow",
    HealthState.LIQUIDATION_CALL: "bold red",
}


def wants_watch(args: list[str]) -> bool:
    """True when the reconciler's arguments ask for continuous mode (and not for its help)."""
    return "--watch" in args and not {"-h", "--help"} & set(args)


class AccountWatch:
    """The ``on_prices`` / ``on_alert`` callbacks of a watching reconciler (see the module docstring).

    ``fetch`` returns the first snapshot (default: fetched with the reconciler's options ``argv`` and ``environ``).
    """

    def __init__(
        self,
        argv: list[str],
        console: Console,
        *,
        rules: RuleSet | None = None,
        environ: Mapping[str, str] | None = None,
        fetch: Callable[[], AlpacaSnapshot] | None = None,
    ) -> None:
        self.argv = list(argv)
        self.console = console
        self.rules = rules if rules is not None else alpaca()
        self.environ = environ
        self._fetch = fetch if fetch is not None else self.fetch_snapshot
        self.account: MarginAccount | None = None
        self.monitor: MarginMonitor | None = None
        self.transitions: list[Transition] = []
        self.alerts: list[Alert] = []
        self.polls = 0

    # --- the first snapshot ----------------------------------------------------------------------------------------

    def fetch_snapshot(self) -> AlpacaSnapshot:
        """Fetch and map one snapshot with the reconciler's own options, client and error handling."""
        options = parse_args(self.argv)
        credentials, env_base_url = load_settings(self.environ, options.env_file)
        if credentials is None:
            raise ConfigError("no credentials")
        base_url = resolve_base_url(credentials, options.base_url or env_base_url, options.live)
        client = make_client(credentials, base_url, live=options.live, timeout=options.timeout)
        snapshot, _ = run_once(client, options, credentials, self.rules)
        return snapshot

    def open(self, snapshot: AlpacaSnapshot) -> MarginAccount:
        """Build the watched account from ``snapshot`` and attach the monitor."""
        core = snapshot.account
        requested = MULTIPLIER_MODES.get(snapshot.multiplier, Mode.REG_T)
        mode = effective_mode(account_requirements(core, self.rules).equity, self.rules, requested)
        account = MarginAccount(
            self.rules,
            core.cash,
            core.positions,
            sma=core.sma,
            prior_equity=core.prior_equity,
            prior_maintenance=core.prior_maintenance,
            mode=mode,  # Alpaca's multiplier (1 cash, 2 Reg T, 4 legacy), CASH below the minimum equity
            day_trading=False,  # the watcher never trades: no day-trading tracking
        )
        monitor = MarginMonitor(account, synchronous=True)
        monitor.subscribe(self._on_transition)
        self.account, self.monitor = account, monitor
        figures = account.figures()
        symbols = ", ".join(p.symbol for p in core.positions) or "no positions"
        mode_label = MODE_LABEL[account.current_mode()]
        self.console.print(
            f"watching: account built from the Alpaca snapshot ({symbols}; multiplier {snapshot.multiplier}, "
            f"mode {mode_label}): {self._health(account.health())}, equity {usd(figures.equity)}, "
            f"maintenance {usd(figures.maintenance, OWED)}",
            highlight=False,
        )
        return account

    # --- callbacks -------------------------------------------------------------------------------------------------

    def on_prices(self, prices: dict[str, Decimal]) -> None:
        """Feed one poll's prices to the watched account (built on the first call)."""
        self.polls += 1
        account = self.account if self.account is not None else self.open(self._fetch())
        held = {p.symbol for p in account.snapshot().positions}
        new, gone = sorted(set(prices) - held), sorted(held - set(prices))
        if new or gone:
            self.console.print(
                "[yellow]positions changed at Alpaca[/] "
                f"(new: {escape(', '.join(new)) or 'none'}; closed: {escape(', '.join(gone)) or 'none'}): "
                "the watched account keeps the first snapshot's positions; restart to rebuild it"
            )
        figures = account.update_prices({s: p for s, p in prices.items() if s in held})
        self.console.print(
            f"account (poll {self.polls}): {self._health(account.health())}, equity {usd(figures.equity)}, "
            f"maintenance {usd(figures.maintenance, OWED)}, initial {usd(figures.initial, OWED)}",
            highlight=False,
        )

    def on_alert(self, alert: Alert) -> None:
        """Collect the reconciler's alert; after an error, flag the watched account's stale prices."""
        self.alerts.append(alert)
        if alert.kind == "error" and self.monitor is not None:
            self.monitor.check_stale()

    def _on_transition(self, transition: Transition) -> None:
        self.transitions.append(transition)
        figs = transition.figures
        numbers = f"equity {usd(figs.equity)}, maintenance {usd(figs.maintenance, OWED)}"
        if transition.scale == "health":
            assert isinstance(transition.current, HealthState) and isinstance(transition.previous, HealthState)
            change = f"health {self._health(transition.previous)} -> {self._health(transition.current)}"
        elif transition.scale == "warning":
            change = f"LEAN warning {'on' if transition.current else 'off'} (margin remaining <= 5% of equity)"
        elif transition.scale == "stale":
            change = f"stale prices: {escape(', '.join(transition.current)) or 'none'}"
        else:
            change = f"house tier {escape(str(transition.previous))} -> {escape(str(transition.current))}"
        self.console.print(f"[bold]TRANSITION[/] #{transition.seq} {change}: {numbers}", highlight=False)

    @staticmethod
    def _health(state: HealthState) -> str:
        return f"[{HEALTH_STYLE[state]}]{state.label}[/]"

    def close(self) -> None:
        """Detach the monitor and print a one-line summary."""
        if self.monitor is not None:
            self.monitor.stop()
        if self.account is None:
            self.console.print("watch: no snapshot was received; no account was watched")
            return
        drift = sum(1 for a in self.alerts if a.kind == "drift")
        errors = sum(1 for a in self.alerts if a.kind == "error")
        self.console.print(
            f"watch: {self.polls} price update(s), {len(self.transitions)} transition(s), {drift} drift alert(s), "
            f"{errors} error(s); final health {self._health(self.account.health())}",
            highlight=False,
        )
