#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing. Idempotent: a second run does nothing.
#
#   netcat-traditional: netcat 1.10 (/bin/nc.traditional), the UDP client of the sidecar test of the `udpClient`
#                       option (a netcat other than busybox's own).
#   etcd-server:        etcd 3.4, the store of the real Kubernetes API server (kube-apiserver v1.28.7) that the
#                       API-server tests start on loopback with ../shared/tools/kube-apiserver/kapi.
#   openssl, curl,      what kapi uses besides: openssl makes the server's certificates, curl asks it whether it is
#   xz-utils:           ready, xz unpacks the kube-apiserver binary.
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
  [etcd-server]=/usr/bin/etcd
  [openssl]=/usr/bin/openssl
  [curl]=/usr/bin/curl
  [xz-utils]=/usr/bin/xz
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

# On a systemd machine the package starts its own etcd on 127.0.0.1:2379. The tests run their own etcd on ports of
# their own: stop and disable the packaged one so nothing is left running.
if [[ " ${missing[*]} " == *" etcd-server "* ]] && [[ -d /run/systemd/system ]] && systemctl is-active --quiet etcd 2>/dev/null; then
  echo "os-packages.sh: stopping and disabling the packaged etcd service (the tests start their own etcd)" >&2
  "${SUDO[@]}" systemctl disable --now etcd >&2 || true
fi
