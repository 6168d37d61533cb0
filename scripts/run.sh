#!/usr/bin/env bash
# Installs what is missing, builds the web app into dist/ and serves it on 127.0.0.1.
#   scripts/run.sh [--port 8080]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    *) echo "usage: scripts/run.sh [--port N]" >&2; exit 2 ;;
  esac
done
"$here/scripts/setup.sh" build
"$here/scripts/build.sh" web
echo "hoso: serving dist/ at http://127.0.0.1:$port/"
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$here/dist"
