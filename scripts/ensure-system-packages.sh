#!/usr/bin/env bash
# Makes sure the real services and tools the tests talk to are installed.
# As root it installs what is missing from Debian's packages; otherwise it
# fails naming what to install. Tests never skip for a missing tool.
set -euo pipefail

declare -A PROVIDES=(
  [slapd]=slapd
  [ldapsearch]=ldap-utils
  [scepclient]=scep
  [bsdtar]=libarchive-tools
  [chromium]=chromium
  [openssl]=openssl
  [cpio]=cpio
  [ss]=iproute2
)

missing=()
for cmd in "${!PROVIDES[@]}"; do
  if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$cmd" ]; then
    missing+=("${PROVIDES[$cmd]}")
  fi
done

# The fault tests start a PostgreSQL server of their own to stop and start.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# PostgreSQL: the database tests run on it as well as on SQLite.
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
fi
