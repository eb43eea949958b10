#!/usr/bin/env bash
# Set up Microdrama Studio from a source checkout on Debian 12, then run it.
#   bash packaging/setup-debian.sh demo    set up, create the demo project, open the editor
#   bash packaging/setup-debian.sh test    set up, lint, run the whole test suite headless
#   bash packaging/setup-debian.sh setup   set up only
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-setup}"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

# 1. Debian packages: only the missing ones, so a set-up machine does not wait on apt.
mapfile -t wanted < <(sed 's/#.*//' packaging/apt-packages.txt | tr ' ' '\n' | sed '/^$/d')
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "These Debian packages are missing: ${missing[*]}" >&2
    echo "Install them as root (apt-get install ${missing[*]}), or install sudo, then run this again." >&2
    exit 2
  fi
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. A virtual environment with the project and its test tools.
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'

case "$mode" in
  demo)
    demo="${MICRODRAMA_DEMO:-$HOME/Microdrama Demo.mdrama}"
    [ -f "$demo/project.json" ] || .venv/bin/microdrama demo "$demo"
    exec .venv/bin/microdrama open "$demo"
    ;;
  test)
    .venv/bin/ruff check .
    .venv/bin/mypy  # [tool.mypy] in pyproject.toml: app/ and providers/ strict, widgets/ checked
    exec bash packaging/run-tests.sh "${@:2}"
    ;;
  setup) ;;
  *) echo "usage: $0 demo|test|setup" >&2; exit 2 ;;
esac
