#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing. Idempotent: a second run does nothing.
#
#   busybox:            the UDP health-check sidecar's tests run its generated shell script with /bin/busybox sh,
#                       the same program the default sidecar image (the official busybox image) runs in the pod.
#   netcat-traditional: netcat 1.10 (/bin/nc.traditional), the UDP client of the sidecar's exchange-probe tests.
#                       Debian's busybox netcat is built without UDP (-u); the official image's busybox netcat is
#                       busybox's port of netcat 1.10 with -u, so the tests use the original instead.
#
# Runs as root (CI and the development machines do); elsewhere it uses sudo when available.
set -euo pipefail

# package -> a file it installs, checked to decide whether the package is missing.
declare -A PACKAGES=(
  [busybox]=/bin/busybox
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
