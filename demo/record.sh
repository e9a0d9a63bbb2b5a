#!/usr/bin/env bash
# Records the README's demo: an asciinema v2 cast of `pipe-chat --auto` in two pipes and
# then in one shared pipe, and turns each cast into an animated SVG with svg-term-cli
# (from npm). Needs asciinema (Debian: apt-get install asciinema) and a terminal; run
# it from the repo root or anywhere: it finds its way.
#   demo/record.sh            record both casts and images
set -euo pipefail
cd "$(dirname "$0")/.."
command -v asciinema >/dev/null || { echo "demo/record.sh: asciinema is needed (apt-get install asciinema)" >&2; exit 1; }
npm run build --silent

COLS=100
ROWS=30
record() { # name, pipe-chat arguments...
  local name=$1
  shift
  # CI=false: Ink renders every frame (in CI mode it renders only the last one).
  asciinema rec --overwrite --quiet --cols "$COLS" --rows "$ROWS" --idle-time-limit 2 \
    --title "pipe-chat $*" \
    -c "env CI=false LANG=en_US.UTF-8 node dist/cli.js $* --auto --exit-when-done" "demo/$name.cast"
  npx -y svg-term-cli@2.1.1 --in "demo/$name.cast" --out "demo/$name.svg" --window --width "$COLS" --height "$ROWS"
  echo "demo/$name.cast -> demo/$name.svg"
}

record two-pipes --pipes 2
record one-pipe --pipes 1
