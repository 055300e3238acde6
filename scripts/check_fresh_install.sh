#!/usr/bin/env bash
# A new user's install, outside the repository: build the wheel, install it into fresh virtual environments in /tmp
# (core only, then core + cli, then every runtime extra), run the README's Python example and every CLI command.
# Each command must work or print one line naming its extra (exit 5). Usage: scripts/check_fresh_install.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d /tmp/margin-rules-fresh.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$PY" -m pip wheel --quiet --no-deps "$ROOT" -w "$WORK/wheels" 2>&1 | grep -iv "^WARNING: Location" || true
WHEEL="$(ls "$WORK"/wheels/margin_rules-*.whl)"
unzip -l "$WHEEL" | grep -q "dist-info/licenses/LICENSE" || fail "the wheel has no LICENSE"
echo "ok   wheel $(basename "$WHEEL") carries LICENSE"
sed -n '/```python/,/```/p' "$ROOT/README.md" | sed '1d;$d' > "$WORK/readme_example.py"
cp -r "$ROOT/examples" "$WORK/examples"
cd "$WORK"   # outside the repository from here on

make_env() {  # name, extras
  python3.11 -m venv "$WORK/$1"
  "$WORK/$1/bin/pip" install --quiet "${WHEEL}$2" 2>&1 | grep -iv "^WARNING: Location" || true
}
expect() {  # env, expected code, grep pattern ('' for none), command...
  local env="$1" code="$2" pattern="$3"; shift 3
  set +e; out="$("$WORK/$env/bin/margin-rules" "$@" 2>&1)"; got=$?; set -e
  [ "$got" = "$code" ] || fail "[$env] margin-rules $* exited $got, expected $code: $out"
  if [ -n "$pattern" ]; then grep -q -- "$pattern" <<<"$out" || fail "[$env] margin-rules $*: no '$pattern' in: $out"; fi
  echo "ok   [$env] margin-rules $* -> $got"
}

make_env core ""
"$WORK/core/bin/python" "$WORK/readme_example.py" > /dev/null || fail "README example (core)"
echo "ok   [core] README API example"
"$WORK/core/bin/python" -c "from margin_rules import *" || fail "star import"
echo "ok   [core] from margin_rules import *"
expect core 5 "pip install 'margin_rules\[cli\]'" evaluate examples/long_only.json
set +e; out="$("$WORK/core/bin/python" -c "import margin_rules.live" 2>&1)"; set -e
grep -q "pip install 'margin_rules\[account\]'" <<<"$out" || fail "margin_rules.live without holidays: $out"
echo "ok   [core] import margin_rules.live names the account extra"

make_env cli "[cli]"
expect cli 0 "" --help
expect cli 0 "Equity" evaluate examples/long_only.json
expect cli 1 "Maintenance call" evaluate examples/margin_call.json
expect cli 5 "pip install 'margin_rules\[alpaca\]'" evaluate examples/alpaca_account.json
expect cli 0 "" what-if examples/long_only.json --buy AAPL 100
expect cli 1 "" what-if examples/long_only.json --buy AAPL 106
expect cli 2 "proofs/" prove
expect cli 2 "no proof report" report
expect cli 5 "pip install 'margin_rules\[alpaca\]'" reconcile
expect cli 5 "pip install 'margin_rules\[account\]'" demo --ticks 1
expect cli 5 "pip install 'margin_rules\[account\]'" carry examples/margin_call.json --from 2026-07-01 --to 2026-08-03
expect cli 5 "pip install 'margin_rules\[account\]'" evaluate examples/long_only.json --portfolio-margin

make_env full "[cli,account,alpaca]"
expect full 0 "" evaluate examples/alpaca_account.json --json
env -u ALPACA_API_KEY -u ALPACA_SECRET_KEY "$WORK/full/bin/margin-rules" reconcile --json > "$WORK/r.json" 2>/dev/null \
  && fail "reconcile without credentials must exit 3" || [ $? = 3 ] || fail "reconcile exit code"
grep -q '"skipped"' "$WORK/r.json" || fail "reconcile --json"
echo "ok   [full] margin-rules reconcile --json -> 3 (skipped: no credentials), JSON on stdout"
expect full 0 "" demo --ticks 3 --interval 0.01
expect full 0 "" carry examples/margin_call.json --from 2026-07-01 --to 2026-08-03
expect full 1 "" evaluate examples/long_only.json --portfolio-margin
echo "all fresh-install checks passed"
