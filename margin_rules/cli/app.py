"""``margin-rules``: the command line of margin_rules (typer + rich).

Exit codes (also in ``margin-rules --help`` and the README):

* ``0`` success: the account has no margin call / the order fits / every proof passed;
* ``1`` the answer is "no": ``evaluate`` found a margin call, ``what-if`` found the order does not fit, ``prove`` had a
  failing stage, ``reconcile`` found a mismatch (as ``diff`` and ``grep`` use 1);
* ``2`` usage or input error: a bad option, a missing or malformed file, an invalid field (one line names it);
* ``3`` internal error (a bug: one line, no traceback; please report it);
* ``5`` a feature's optional dependencies are not installed: one line names the extra (``pip install
  'margin_rules[cli]'``, ``[account]`` for ``demo``, ``[alpaca]`` for ``reconcile`` and Alpaca documents);
* ``130`` interrupted (Ctrl-C), except ``demo``, which ends normally.

``reconcile`` returns the reconciler's own codes (0 agree, 1 breach, 2 usage, 3 skipped: no credentials, 4 API error,
5 the alpaca extra is missing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console

from margin_rules.buying_power import Mode
from margin_rules.cli import batch as batch_command
from margin_rules.cli import reconcile_cmd, render
from margin_rules.cli.evaluation import evaluate_snapshot, to_json
from margin_rules.cli.fmt import json_text
from margin_rules.cli.io import InputError, load_rules, load_snapshot
from margin_rules.errors import EXIT_MISSING_EXTRA, InvalidInputError, MarginRulesError, MissingExtraError
from margin_rules.margin_call import LiquidationPolicy

EXIT_OK = 0
EXIT_NO = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3

EXIT_CODES_HELP = (
    "Exit codes: 0 ok (no margin call / the order fits / proofs pass); 1 the answer is no (a margin call, an order "
    "that does not fit, a failed proof); 2 usage or input error; 3 internal error; 5 an optional extra is not "
    "installed (the message names it). reconcile: 0 agree, 1 breach, 2 usage, 3 skipped (no credentials), "
    "4 Alpaca API error."
)

app = typer.Typer(
    name="margin-rules",
    help="Certified margin calculations for US equities (Reg T, FINRA Rule 4210, Alpaca's house rules).\n\n"
    + EXIT_CODES_HELP,
    epilog="Example: margin-rules evaluate examples/long_only.json (every command has --help with an example)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")


def _stdout() -> Console:
    return Console(highlight=False)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    _stderr().print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn input errors into one line and exit code 2, and any other failure into one line and exit code 3."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except MissingExtraError as exc:
        fail(_escape(str(exc)), EXIT_MISSING_EXTRA)
    except InputError as exc:
        fail(_escape(str(exc)))
    except InvalidInputError as exc:
        fail(_escape(f"{exc.field}: {exc.reason}"))
    except MarginRulesError as exc:
        fail(_escape(str(exc)))
    except Exception as exc:
        fail(_escape(f"internal error: {type(exc).__name__}: {exc}"), EXIT_INTERNAL)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        "-r",
        help="Rule set: a preset (finra, alpaca) or a rule-set JSON file (docs/account-schema.md). "
        "Default: finra for account files, alpaca for Alpaca documents.",
        show_default=False,
    ),
]
ModeOption = Annotated[
    Mode | None,
    typer.Option(
        "--mode",
        metavar="MODE",
        help="Buying-power mode reported as buying_power and deciding what-if: "
        + ", ".join(m.value for m in Mode)
        + ". Default: reg_t (Alpaca documents: from the account's multiplier).",
        case_sensitive=False,
        show_default=False,
    ),
]
PolicyOption = Annotated[
    LiquidationPolicy,
    typer.Option(
        "--policy",
        metavar="POLICY",
        help="Order of the liquidation plan: " + ", ".join(p.value for p in LiquidationPolicy) + ".",
        case_sensitive=False,
    ),
]


@app.command()
def evaluate(
    file: Annotated[Path, typer.Argument(help="Account file (margin_rules schema) or Alpaca document (JSON).")],
    rules: RulesOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Emit JSON (Alpaca field names, exact money strings) instead of tables.")
    ] = False,
    mode: ModeOption = None,
    policy: PolicyOption = LiquidationPolicy.LOSERS_FIRST,
    portfolio_margin: Annotated[
        bool,
        typer.Option(
            "--portfolio-margin", help="Portfolio margin (FINRA 4210(g)): requirement, gross vs net per group."
        ),
    ] = False,
) -> None:
    """Evaluate an account: equity, requirements, excess, health, buying power, withdrawal, margin calls.

    Exits 1 when the account has a margin call, 0 otherwise, 2 on a bad file or option. With --portfolio-margin:
    exits 1 on a portfolio-margin deficiency or equity below the $100,000 minimum.
    """
    if portfolio_margin:
        from margin_rules.cli import pm_carry

        with guarded():
            snapshot = load_snapshot(file)
            pm, net = pm_carry.evaluate_pm(snapshot.account, load_rules(rules or snapshot.default_rules))
            if as_json:
                typer.echo(json.dumps(pm_carry.pm_json(pm, net, snapshot.source), indent=2))
            else:
                _stdout().print(pm_carry.pm_renderable(pm, net, snapshot.source))
        raise typer.Exit(EXIT_NO if pm_carry.pm_has_call(pm) else EXIT_OK)
    with guarded():
        snapshot = load_snapshot(file)
        rule_set = load_rules(rules or snapshot.default_rules)
        ev = evaluate_snapshot(snapshot, rule_set, mode or snapshot.default_mode, policy)
        if as_json:
            typer.echo(json_text(to_json(ev)))  # = json.dumps(indent=2), faster
        else:
            _stdout().print(render.evaluation_renderable(ev))
    if ev.has_margin_call:
        raise typer.Exit(EXIT_NO)


@app.command("what-if")
def what_if(
    file: Annotated[Path, typer.Argument(help="Account file or Alpaca document (JSON).")],
    buy: Annotated[
        tuple[str, str] | None,
        typer.Option("--buy", metavar="SYMBOL QTY", help="Buy QTY shares (a buy covers a short)."),
    ] = None,
    sell: Annotated[
        tuple[str, str] | None, typer.Option("--sell", metavar="SYMBOL QTY", help="Sell QTY shares of a long.")
    ] = None,
    short: Annotated[
        tuple[str, str] | None, typer.Option("--short", metavar="SYMBOL QTY", help="Sell QTY shares short.")
    ] = None,
    price: Annotated[
        str | None, typer.Option("--price", "-p", help="Price per share (default: the position's price in FILE).")
    ] = None,
    non_marginable: Annotated[
        bool, typer.Option("--non-marginable", help="A new symbol is not margin eligible (100% requirement).")
    ] = False,
    leverage: Annotated[str, typer.Option("--leverage", help="Leverage factor of a new leveraged ETP.")] = "1",
    rules: RulesOption = None,
    mode: ModeOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Emit JSON instead of tables.")] = False,
) -> None:
    """What if an order were placed: its requirement, whether it fits, the account after it, the largest that fits.

    Exits 0 when the order fits, 1 when it does not, 2 on a bad file or option.
    """
    from margin_rules.cli import whatif

    with guarded():
        chosen = [(side, value) for side, value in (("buy", buy), ("sell", sell), ("sell_short", short)) if value]
        if len(chosen) != 1:
            raise InputError("", "order", "give exactly one of --buy, --sell or --short SYMBOL QTY")
        side, (symbol, qty) = chosen[0]
        snapshot = load_snapshot(file)
        rule_set = load_rules(rules or snapshot.default_rules)
        result = whatif.what_if(
            snapshot,
            rule_set,
            side=side,
            symbol=symbol,
            quantity=qty,
            price=price,
            marginable=not non_marginable,
            leverage=leverage,
            mode=mode,
        )
        if as_json:
            typer.echo(json.dumps(whatif.to_json(result), indent=2))
        else:
            _stdout().print(whatif.renderable(result))
    if not result.fits:
        raise typer.Exit(EXIT_NO)


@app.command()
def carry(
    file: Annotated[Path, typer.Argument(help="Account file or Alpaca document (JSON).")],
    start: Annotated[str, typer.Option("--from", help="First day of the period (YYYY-MM-DD), included.")],
    end: Annotated[str, typer.Option("--to", help="Day after the period (YYYY-MM-DD), excluded.")],
    rates: Annotated[
        str, typer.Option("--rates", help="alpaca, ibkr (with --benchmark) or an annual rate.")
    ] = "alpaca",
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="Benchmark rate for --rates ibkr.")] = None,
    borrow: Annotated[
        list[str] | None, typer.Option("--borrow", metavar="SYMBOL=RATE", help="Hard-to-borrow annual rate.")
    ] = None,
    settled_cash: Annotated[
        str | None, typer.Option("--settled-cash", help="Settlement-date cash (default: the account's cash).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Emit JSON instead of a table.")] = False,
) -> None:
    """The cost of carry of holding the account over a period: margin interest (rate / 360 on the settlement-date
    debit, a Friday accrues the weekend), borrow fees on shorts, line by line, on NYSE business days."""
    import datetime as dt

    from margin_rules.cli import pm_carry

    with guarded():
        try:
            first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        except ValueError as exc:
            raise InputError("--from/--to", "", f"a date is YYYY-MM-DD ({exc})") from None
        snapshot = load_snapshot(file)
        chosen = pm_carry.carry_rates(rates, benchmark, borrow or [])
        statement = pm_carry.run_carry(snapshot.account, chosen, first, last, settled_cash, [])
        if as_json:
            typer.echo(json.dumps(pm_carry.carry_json(statement, chosen, snapshot.source), indent=2))
        else:
            _stdout().print(pm_carry.carry_renderable(statement, chosen, snapshot.source))


def project_root() -> Path | None:
    """The checkout that holds the verification harness (``proofs/``): the working directory or the package's."""
    candidates = [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]]
    for candidate in candidates:
        if (candidate / "proofs" / "__main__.py").is_file():
            return candidate
    return None


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def prove(ctx: typer.Context) -> None:
    """Run the verification harness (the same as make prove), showing its progress.

    Extra arguments are passed to python -m proofs. Exits with the harness's code (0 all proved, 1 a failure).
    """
    root = project_root()
    if root is None:
        fail("the verification harness (proofs/) was not found: run from the margin_rules checkout")
    code = run_with_progress([sys.executable, "-m", "proofs", *ctx.args], root)
    raise typer.Exit(code if code in (EXIT_OK, EXIT_NO, EXIT_INPUT) else EXIT_NO)


def run_with_progress(command: list[str], cwd: Path) -> int:
    """Run ``command``, echoing its output above a spinner that shows the latest line and the elapsed time."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = _stdout()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("starting the verification harness", total=None)
        process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, bufsize=1
        )
        assert process.stdout is not None
        for line in process.stdout:
            text = line.rstrip()
            console.print(text, markup=False, highlight=False)
            if text.strip():
                progress.update(task, description=text.strip()[:70])
        code = process.wait()
    style = "green" if code == 0 else "red"
    console.print(f"[{style}]{' '.join(command[1:])} exited with {code}[/]")
    return code


def report_path(root: Path | None = None) -> Path:
    base = root if root is not None else (project_root() or Path.cwd())
    return base / "reports" / "proof-report.html"


@app.command()
def report(
    open_: Annotated[bool, typer.Option("--open", help="Open the report in the web browser.")] = False,
) -> None:
    """Print the path of the proof report (reports/proof-report.html); --open opens it in a browser."""
    path = report_path()
    if not path.is_file():
        fail(f"{path}: no proof report yet; run `margin-rules prove` (or `make prove`) first")
    typer.echo(str(path))
    if open_ and not webbrowser.open(path.resolve().as_uri()):
        fail(f"could not open a browser; open {path} yourself", EXIT_NO)


app.command("reconcile")(reconcile_cmd.reconcile)


@app.command()
def demo(
    ticks: Annotated[int | None, typer.Option("--ticks", min=1, help="Stop after this many market ticks.")] = None,
    duration: Annotated[float | None, typer.Option("--duration", min=0.0, help="Stop after this many seconds.")] = None,
    crash: Annotated[
        str | None,
        typer.Option("--crash", metavar="SYMBOL", help="Crash SYMBOL's price (or press c)."),
    ] = None,
    crash_at: Annotated[int, typer.Option("--crash-at", min=0, help="Tick at which --crash happens.")] = 5,
    interval: Annotated[float, typer.Option("--interval", min=0.01, help="Seconds between market ticks.")] = 0.5,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the market, the order flow and the broker.")] = 7,
    rules: Annotated[str, typer.Option("--rules", "-r", help="Rule set: finra, alpaca or a rule-set file.")] = "alpaca",
) -> None:
    """The live dashboard on a simulated market: health, buying power, positions, margin-call events.

    Runs the live parts: a MarginAccount, its MarginMonitor (transitions in the event log), a seeded SimulatedBroker
    (random orders: fills, partial fills, rejects, timeouts) and the MarginCallManager (calls, the liquidation plan,
    the cure). Keys while running: c crashes the largest long, q quits. Ends by itself with --ticks or --duration.
    """
    with guarded():
        from margin_rules.cli import dashboard

        rule_set = load_rules(rules)
        dashboard.run(
            rules=rule_set,
            ticks=ticks,
            duration=duration,
            crash=crash,
            crash_at=crash_at,
            interval=interval,
            seed=seed,
        )


app.command("batch")(batch_command.command)

EXAMPLES = {
    "evaluate": "margin-rules evaluate examples/margin_call.json --rules alpaca --json",
    "what-if": "margin-rules what-if examples/long_only.json --buy AAPL 100 --price 190",
    "prove": "margin-rules prove",
    "report": "margin-rules report --open",
    "reconcile": "margin-rules reconcile --watch --interval 30 --iterations 10",
    "demo": "margin-rules demo --crash AAPL --crash-at 5 --ticks 40",
    "carry": "margin-rules carry examples/margin_call.json --from 2026-07-01 --to 2026-08-03",
    "batch": "margin-rules batch accounts.parquet positions.parquet --out results/ --rejects rejects.csv",
}
"""One example per command, shown at the end of its ``--help`` (a test checks every command has one)."""


def reflow(doc: str) -> str:
    """A docstring as help text: its paragraphs kept, the hard line breaks inside each paragraph removed (typer's rich
    mode would print them as they are in the source)."""
    import inspect

    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def polish_help(application: typer.Typer) -> None:
    """Every command's help reflowed from its docstring, with its example (:data:`EXAMPLES`) as the epilog."""
    for info in application.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        doc = info.help or (info.callback.__doc__ if info.callback else None)
        if doc:
            info.help = reflow(doc)
        if name in EXAMPLES and info.epilog is None:
            info.epilog = f"Example: {EXAMPLES[name]}"


def _no_bool_metavar() -> None:
    """Flags take no value: show no ``<bool>`` type for them (typer >= 0.16 prints one beside every flag)."""
    from typer import core

    original = getattr(getattr(core, "TyperOption", None), "display_type_rich", None)
    if original is None or getattr(original, "__name__", "") == "display_type_rich_without_bool":
        return  # a typer without the type column, or already done

    def display_type_rich(self: core.TyperOption, ctx: object) -> str | None:
        if getattr(self, "is_flag", False) and getattr(self, "is_bool_flag", False):
            return None
        shown: str | None = original(self, ctx)
        return shown

    display_type_rich.__name__ = "display_type_rich_without_bool"
    core.TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


def _kind_of(exc: BaseException, name: str) -> bool:
    """Whether ``exc`` is a click exception of class ``name``: typer may use click or its own vendored copy of it, so
    the class is recognised by name along its MRO."""
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def main(argv: list[str] | None = None) -> int:
    """The ``margin-rules`` entry point. Returns the exit code (see the module docstring); never shows a traceback.

    Usage errors (an unknown option, a bad option value, a missing argument) are one line on stderr, exit code 2.
    """
    polish_help(app)
    _no_bool_metavar()
    try:
        result = app(args=argv, prog_name="margin-rules", standalone_mode=False)
    except (typer.Exit, SystemExit) as exc:
        code = exc.exit_code if isinstance(exc, typer.Exit) else exc.code
        if code is None:
            return EXIT_OK
        return code if isinstance(code, int) else EXIT_INPUT
    except typer.Abort:
        _stderr().print("aborted", markup=False)
        return 130
    except KeyboardInterrupt:
        return 130
    except MissingExtraError as exc:  # any command, wherever it imports its optional part
        _stderr().print(f"error: {exc}", markup=False, soft_wrap=True)
        return EXIT_MISSING_EXTRA
    except Exception as exc:
        ctx = getattr(exc, "ctx", None)
        if _kind_of(exc, "NoArgsIsHelpError"):  # the help was shown already
            return EXIT_OK
        if _kind_of(exc, "ClickException"):
            message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
            if _kind_of(exc, "UsageError"):
                command = getattr(ctx, "command_path", "") or "margin-rules"
                message = f"{message} (see {command} --help)"
            _stderr().print(f"error: {message}", markup=False, soft_wrap=True)
            code = getattr(exc, "exit_code", EXIT_INPUT)
            return code if isinstance(code, int) else EXIT_INPUT
        # a last safety net: one line, no traceback
        _stderr().print(f"error: internal error: {type(exc).__name__}: {exc}", markup=False, soft_wrap=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
