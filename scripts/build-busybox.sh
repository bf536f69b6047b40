#!/usr/bin/env bash
# Builds the busybox that the UDP health-check sidecar's tests and benchmark run: busybox from Debian's source package
# (`apt-get source busybox`), configured like the official busybox image (`make defconfig` plus the options in
# scripts/busybox/image.config), statically linked with musl (Debian's musl-tools). The image's netcat is busybox's
# netcat 1.10 port with -u, -w and -l; Debian's own busybox package is built without it, which is why this exists.
#
# Cached by content: the binary goes to $CACHE/busybox/<key>/busybox, where <key> is a hash of this script, the options
# file, the source package version, the machine architecture and the musl version, and CACHE is $K8S_UDP_CACHE_DIR, else
# ${XDG_CACHE_HOME:-~/.cache}/k8s-udp-constructs. A second run with the same key does nothing.
#
# Usage: bash scripts/build-busybox.sh           build when needed (a few minutes), print the binary's path
#        bash scripts/build-busybox.sh --path    print the binary's path; exit 1, saying what to run, when not built
#
# Needs, and as root (or with sudo) sets up: a deb-src entry for this Debian release, and the packages musl-tools,
# build-essential, dpkg-dev, bzip2 and xz-utils. Not root and no sudo: fails with the exact command to run. The build
# itself needs no root.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SELF="$HERE/$(basename "$0")"
OPTIONS="$HERE/busybox/image.config"
CACHE=${K8S_UDP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/k8s-udp-constructs}
SOURCES=/etc/apt/sources.list.d/k8s-udp-constructs-deb-src.sources
NAME=build-busybox.sh

say() { echo "$NAME: $*" >&2; }
fail() { say "$*"; exit 1; }

# package -> a file it installs
declare -A PACKAGES=(
  [musl-tools]=/usr/bin/musl-gcc
  [build-essential]=/usr/share/build-essential/essential-packages-list
  [dpkg-dev]=/usr/bin/dpkg-source
  [bzip2]=/bin/bzip2
  [xz-utils]=/usr/bin/xz
)

codename() {
  # shellcheck disable=SC1091
  (. /etc/os-release && echo "${VERSION_CODENAME:-}")
}

# The busybox source package version apt would fetch, from the local package lists; empty without a deb-src entry.
source_version() {
  { apt-get source --print-uris -qq busybox 2>/dev/null || true; } \
    | sed -n "s/^'[^']*' busybox_\([^ ]*\)\.dsc .*/\1/p" | head -n 1
}

cache_key() {
  { cat "$SELF" "$OPTIONS"; echo "source busybox $1"; dpkg --print-architecture; dpkg-query -W musl-tools 2>/dev/null || true; } \
    | sha256sum | cut -c1-16
}

# The deb-src entries of this Debian release: the release and its updates, and its security updates.
deb_src_entries() {
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s %s-updates\nComponents: main\nSigned-By: %s\n\n' \
    "$1" "$1" /usr/share/keyrings/debian-archive-keyring.gpg
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian-security\nSuites: %s-security\nComponents: main\nSigned-By: %s\n' \
    "$1" /usr/share/keyrings/debian-archive-keyring.gpg
}

mode=${1:-build}
case "$mode" in build | --path) ;; *) fail "usage: bash scripts/build-busybox.sh [--path]" ;; esac

version=$(source_version)
if [[ -n "$version" ]]; then
  binary="$CACHE/busybox/$(cache_key "$version")/busybox"
  if [[ -x "$binary" ]]; then
    echo "$binary"
    exit 0
  fi
fi
if [[ "$mode" == --path ]]; then
  fail "the sidecar tests' busybox is not built: run \"bash scripts/build-busybox.sh\" (or \"bash scripts/os-packages.sh\", which runs it)"
fi

# --- set up: the deb-src entry and the build packages ------------------------------------------------------------------
missing=()
for pkg in "${!PACKAGES[@]}"; do
  [[ -e "${PACKAGES[$pkg]}" ]] || missing+=("$pkg")
done
if [[ -z "$version" || ${#missing[@]} -gt 0 ]]; then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      what=${missing[*]:-}
      [[ -z "$version" ]] && what="a deb-src entry for Debian $(codename)${what:+ and }$what"
      fail "missing $what, and not root (no sudo): run as root: bash scripts/build-busybox.sh (it writes $SOURCES, then runs apt-get update && apt-get install -y --no-install-recommends ${!PACKAGES[*]})"
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z "$version" ]]; then
    release=$(codename)
    [[ -n "$release" ]] || fail "not a Debian release (no VERSION_CODENAME in /etc/os-release)"
    say "adding $SOURCES (deb-src for Debian $release)"
    deb_src_entries "$release" | "${SUDO[@]}" tee "$SOURCES" >/dev/null
  fi
  "${SUDO[@]}" apt-get update -qq
  if [[ ${#missing[@]} -gt 0 ]]; then
    say "installing ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  version=$(source_version)
  [[ -n "$version" ]] || fail "apt-get source cannot find busybox after adding $SOURCES and apt-get update"
fi

key=$(cache_key "$version")
out="$CACHE/busybox/$key"
binary="$out/busybox"
mkdir -p "$CACHE/busybox"

# One build at a time per machine; a build that finished while we waited is used as is.
exec 9>"$CACHE/busybox/.lock"
flock 9
if [[ -x "$binary" ]]; then
  echo "$binary"
  exit 0
fi

work=$(mktemp -d "$CACHE/busybox/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
log="$work/build.log"
say "building busybox $version with musl into $out (a few minutes; log: $log)"
(
  cd "$work"
  apt-get source -qq busybox
) >"$log" 2>&1 || { tail -n 30 "$log" >&2; fail "apt-get source busybox failed"; }
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'busybox-*' | head -n 1)
[[ -n "$src" ]] || fail "apt-get source busybox unpacked no busybox-* directory"

# musl-gcc sees musl's headers only; busybox also needs the kernel's (linux/, asm/, asm-generic/, mtd/).
headers="$work/kernel-headers"
mkdir -p "$headers"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for dir in linux asm-generic mtd; do ln -s "/usr/include/$dir" "$headers/$dir"; done
ln -s "/usr/include/$multiarch/asm" "$headers/asm"

cd "$src"
{
  make defconfig
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" == *=* ]]; then
      sed -i -e "s|^${line%%=*}=.*\$|$line|" -e "s|^# ${line%%=*} is not set\$|$line|" .config
      grep -qx "$line" .config || echo "$line" >>.config
    else
      sed -i -e "s|^$line=.*\$|# $line is not set|" .config
    fi
  done <"$OPTIONS"
  { yes '' || true; } | make oldconfig
} >>"$log" 2>&1 || { tail -n 30 "$log" >&2; fail "configuring busybox failed"; }

# Every option of the file is in effect after oldconfig (an option that no longer exists would be dropped silently).
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  if [[ "$line" == *=* ]]; then
    grep -qx "$line" .config || fail "option $line is not in effect after make oldconfig (busybox $version)"
  else
    ! grep -q "^$line=" .config || fail "option $line is still set after make oldconfig (busybox $version)"
  fi
done <"$OPTIONS"
# What the sidecar needs from netcat: busybox's netcat 1.10 port (-u, -w, -l, -e).
for need in CONFIG_NC=y CONFIG_NC_SERVER=y CONFIG_NC_EXTRA=y CONFIG_NC_110_COMPAT=y; do
  grep -qx "$need" .config || fail "$need is not set by make defconfig in busybox $version: the sidecar needs it"
done

make -j "$(nproc)" CC="musl-gcc -isystem $headers" HOSTCC=gcc busybox >>"$log" 2>&1 \
  || { tail -n 40 "$log" >&2; fail "building busybox failed"; }

# A static binary whose netcat has the options the sidecar uses.
if readelf -l busybox | grep -q 'Requesting program interpreter'; then fail "busybox is not statically linked"; fi
help=$(./busybox nc --help 2>&1 || true)
for option in -u -w -l -e; do
  grep -q -- "^[[:space:]]*$option" <<<"$help" || fail "busybox nc lacks $option: $help"
done

mkdir -p "$out"
cp busybox "$out/busybox.tmp"
cp .config "$out/config"
echo "busybox $version from Debian's source package, musl $(dpkg-query -W -f='${Version}' musl-tools), $(date -u +%FT%TZ)" >"$out/built"
mv -f "$out/busybox.tmp" "$binary"
say "built $binary ($(stat -c %s "$binary") bytes)"
echo "$binary"
