#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium (playwright-core never downloads a browser of its
# own). Installs it with apt when it is missing; needs root (or sudo).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
command -v apt-get >/dev/null || { echo "[chromium] apt-get not found: install Chromium at /usr/bin/chromium" >&2; exit 1; }
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "[chromium] run as root or install chromium yourself" >&2; exit 1; }
  sudo=sudo
fi
echo "[chromium] installing Debian's chromium with apt"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
