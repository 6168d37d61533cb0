#!/usr/bin/env bash
# Installs what hoso needs on a Debian machine, idempotently: only what is missing, from Debian's
# packages and the npm registry. `setup.sh build` = enough to build and serve the web app;
# `setup.sh test` = also compilers for fuzzing, browsers and document tools for the test suite.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-build}

build_pkgs=(emscripten nlohmann-json3-dev fonts-noto-core python3-fonttools cmake ninja-build
            g++ dpkg-dev unicode-data)
test_pkgs=(googletest libgtest-dev libbenchmark-dev clang-14 libclang-rt-14-dev lcov
           chromium poppler-utils libreoffice-writer-nogui fonts-liberation fonts-liberation2 fonts-croscore xvfb xauth
           firefox-esr webkit2gtk-driver)

pkgs=("${build_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

# Source entries for bookworm and trixie (Dear ImGui 1.90.1 is trixie's source package), derived
# from the machine's own apt configuration so no mirror name lives in this repository.
src_list=/etc/apt/sources.list.d/hoso-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  base=/etc/apt/sources.list.d/debian.sources
  if [ -f "$base" ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' "$base")
    key=$(awk '/^Signed-By:/{print $2; exit}' "$base")
  else
    uri=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list)
    key=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: %s\n' \
    "$uri" "${key:-/usr/share/keyrings/debian-archive-keyring.gpg}" | $SUDO tee "$src_list" >/dev/null
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  echo "setup: apt installing: ${missing[*]:-(sources only)}"
  $SUDO apt-get update -qq
  [ ${#missing[@]} -gt 0 ] && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui 1.90.1 from Debian's source package, into an ignored folder.
imgui_dir="$here/third_party/imgui"
if [ -z "${IMGUI_DIR:-}" ] && [ ! -f "$imgui_dir/imgui.cpp" ]; then
  echo "setup: fetching Dear ImGui 1.90.1 source package"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq imgui=1.90.1+ds-1 >/dev/null)
  mkdir -p "$here/third_party"
  rm -rf "$imgui_dir"
  mv "$tmp"/imgui-1.90.1* "$imgui_dir"
  rm -rf "$tmp"
fi

# npm packages (test tools) from the lock file.
if [ "$mode" = test ]; then
  if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/puppeteer-core" ] ||
     [ ! -d "$here/node_modules/selenium-webdriver" ] || [ ! -d "$here/node_modules/axe-core" ] ||
     [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "setup: ok ($mode)"
