#!/usr/bin/env bash
# Installs the Python synapse-sdk (pinned in scripts/sdk-requirements.txt) into a virtualenv.
#
#   scripts/sdk.sh install   create .sdk-venv (or $SYNAPSE_SDK_VENV) with Python 3.12 or later
#   scripts/sdk.sh python    print the venv's python (after install)
#
# synapse-sdk needs Python >= 3.12. The interpreter is $SYNAPSE_SDK_PYTHON when set, else the first of
# python3.13, python3.12, pyenv's installed 3.12+ versions (by path: pyenv's shims fail when a version
# is not selected) and python3 that is recent enough. Fails, saying why, when there is none or pip
# cannot install the pinned release.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SYNAPSE_SDK_VENV:-$root/.sdk-venv}"
requirements="$root/scripts/sdk-requirements.txt"

recent_enough() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2> /dev/null; }

find_python() {
  local pyenv_versions candidate
  pyenv_versions="$(pyenv root 2> /dev/null || echo "$HOME/.pyenv")/versions"
  for candidate in "${SYNAPSE_SDK_PYTHON:-}" python3.13 python3.12 \
      $(ls -d "$pyenv_versions"/3.1[2-9]*/bin/python3 2> /dev/null | sort -rV) python3; do
    [ -n "$candidate" ] || continue
    if recent_enough "$candidate"; then
      command -v "$candidate" || echo "$candidate"
      return 0
    fi
  done
  return 1
}

install() {
  if [ -x "$venv/bin/python" ] && recent_enough "$venv/bin/python" \
      && cmp -s "$requirements" "$venv/.installed-requirements" 2> /dev/null; then
    echo "sdk.sh: $(sdk_version) already installed in $venv"
    return 0
  fi
  local python
  python="$(find_python)" || {
    echo "sdk.sh: synapse-sdk needs Python 3.12 or later, and none was found (tried \$SYNAPSE_SDK_PYTHON, python3.13," \
      "python3.12, pyenv's 3.12+ versions, python3 $(python3 --version 2>&1 | awk '{print $2}'))" >&2
    exit 1
  }
  rm -rf "$venv"
  "$python" -m venv "$venv"
  if ! "$venv/bin/pip" install --disable-pip-version-check -q -r "$requirements" > "$venv/pip-install.log" 2>&1; then
    echo "sdk.sh: pip install -r $requirements failed with $("$python" --version 2>&1):" >&2
    grep -E '^ERROR' "$venv/pip-install.log" | head -3 >&2 || true
    exit 1
  fi
  cp "$requirements" "$venv/.installed-requirements"
  echo "sdk.sh: $(sdk_version) installed in $venv with $("$venv/bin/python" --version 2>&1)"
}

sdk_version() {
  "$venv/bin/python" -c 'from importlib.metadata import version; print("synapse-sdk " + version("synapse-sdk"))'
}

case "${1:-}" in
  install) install ;;
  python) [ -x "$venv/bin/python" ] || { echo "sdk.sh: not installed: run scripts/sdk.sh install" >&2; exit 1; }; echo "$venv/bin/python" ;;
  *) echo "usage: scripts/sdk.sh install|python" >&2; exit 2 ;;
esac
