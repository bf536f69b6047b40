#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing. Idempotent: a second run does nothing.
#
#   netcat-traditional: netcat 1.10 (/bin/nc.traditional), the UDP client of the sidecar test of the `udpClient`
#                       option (a netcat other than busybox's own).
#
# First it runs scripts/build-busybox.sh: the sidecar's tests run its script under busybox built from Debian's source
# package like the official busybox image's (netcat with -u included), cached by content (built once per machine).
#
# Runs as root (CI and the development machines do); elsewhere it uses sudo when available.
set -euo pipefail

bash "$(dirname "$0")/build-busybox.sh" >/dev/null

# package -> a file it installs, checked to decide whether the package is missing.
declare -A PACKAGES=(
  [netcat-traditional]=/bin/nc.traditional
)

missing=()
for pkg in "${!PACKAGES[@]}"; do
  if [[ ! -x "${PACKAGES[$pkg]}" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "os-packages.sh: missing ${missing[*]} and not root (no sudo): run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "os-packages.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

for pkg in "${missing[@]}"; do
  if [[ ! -x "${PACKAGES[$pkg]}" ]]; then
    echo "os-packages.sh: $pkg installed but ${PACKAGES[$pkg]} is still missing" >&2
    exit 1
  fi
done
