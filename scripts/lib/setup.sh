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

# What building and running Osaava needs: SQLite, zlib (ZIPFoundation packs and reads XLSX and ZIP
# files with it), and the CBC MIP solver, which osaava opens when it solves a plan (the build does
# not link it; OSAAVA_CBC_LIBRARY names another copy).
ensure_build_dependencies() {
  ensure_swift
  ensure_debian_packages coinor-libcbc-dev libsqlite3-dev pkg-config zlib1g-dev
}

# What the report tests check the reports with, as a person would: headless Chromium (screenshots,
# console errors, printing to PDF), poppler-utils (pdfinfo, pdftotext), LibreOffice Calc headless
# (converting the XLSX) and openpyxl in ./.venv (opening the XLSX). Installs only what is missing;
# the virtual environment uses the system Python, whose venv module Debian ships as python3-venv.
ensure_report_checkers() {
  ensure_debian_packages chromium poppler-utils libreoffice-calc-nogui python3-venv fonts-dejavu-core
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import openpyxl" >/dev/null 2>&1; then
    echo "Creating .venv with openpyxl (for the XLSX report checks)" >&2
    /usr/bin/python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check openpyxl
  fi
}
