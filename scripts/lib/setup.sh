# Shared by scripts/demo and scripts/test: install what Osaava needs on a fresh Debian machine.
# Sourced, not run.

# Installs Debian packages that are missing (apt-get update first), as root or through sudo.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "Missing packages ${missing[*]} and not root: run 'apt-get install -y ${missing[*]}' as root." >&2
      return 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_swift() {
  command -v swift >/dev/null 2>&1 && return 0
  echo "Swift is not on PATH: install Swift 6.2 or newer (https://www.swift.org/install/) and try again." >&2
  return 1
}

# What building and running Osaava needs: the CBC MIP solver's C API and SQLite.
ensure_build_dependencies() {
  ensure_swift
  ensure_debian_packages coinor-libcbc-dev libsqlite3-dev pkg-config
}
