#!/usr/bin/env bash
# Installs what the console's browser tests need: Debian's Chromium and its matching ChromeDriver
# (packages chromium and chromium-driver). Idempotent: does nothing when both are on PATH. Needs root
# with apt-get (CI and the development machines are root); elsewhere it says what to install.
#   scripts/chromium.sh install   install when missing, then print the versions
#   scripts/chromium.sh check     print the versions, or fail naming what is missing
set -euo pipefail
command_name=${1:-install}

have() {
  command -v chromium > /dev/null && command -v chromedriver > /dev/null
}

versions() {
  chromium --version 2> /dev/null || true
  chromedriver --version 2> /dev/null || true
}

case "$command_name" in
  install)
    if ! have; then
      if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
        echo "chromium.sh: chromium and chromedriver are missing; install Debian's chromium and chromium-driver packages (needs root and apt-get)" >&2
        exit 1
      fi
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
    fi
    versions
    ;;
  check)
    if ! have; then
      echo "chromium.sh: chromium or chromedriver is not on PATH (run scripts/chromium.sh install)" >&2
      exit 1
    fi
    versions
    ;;
  *)
    echo "usage: scripts/chromium.sh install|check" >&2
    exit 2
    ;;
esac
