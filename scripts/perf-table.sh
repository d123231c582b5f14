#!/usr/bin/env bash
# perf-table.sh — regenerates the figures of docs/PERFORMANCE.md on this
# machine and prints them as Markdown tables on standard output.
#
#   scripts/perf-table.sh [CORPUS_DIR]      (default ../shared/corpus/mermaid-docs)
#
# Needs: a release build (built here), hyperfine, python3. Optional peers,
# measured when present: mermaid-cli (MMDC, default the `mmdc-ref` wrapper of
# ../shared/tools/mermaid-js, installed by its setup.sh) and
# mermaid-rs-renderer (MMDR, default `mmdr` on PATH; install it with
# `cargo install mermaid-rs-renderer`, e.g. into a /tmp root).
# Wall figures: hyperfine -N medians. CPU figures: user+system of each child
# from wait4(2), median over runs. The machine is shared: run it when quiet
# and read single figures as ±20 %.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/corpus/mermaid-docs}
BIN=${BIN:-./target/release/mermaid-render}
MMDC=${MMDC:-$(command -v mmdc-ref || echo ../shared/tools/mermaid-js/mmdc-ref)}
MMDR=${MMDR:-$(command -v mmdr || true)}
RUNS=${RUNS:-30}
[ -n "${NO_BUILD:-}" ] || cargo build --release -q
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
SEED=fixtures/golden/seed.mmd
printf 'graph TD\n  A\n' > "$W/one.mmd"

# median wall time in ms of a command (hyperfine -N, no shell)
wall() {
  # hyperfine takes one command string (no shell with -N: paths without spaces)
  hyperfine -N -w 3 -r "$1" --export-json "$W/h.json" "${*:2}" >/dev/null 2>&1 || { echo "n/a"; return; }
  python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print(f"{statistics.median(t)*1e3:.1f}")' "$W/h.json"
}
# median CPU (user+system) in ms of a command, over N runs
cpu() {
  python3 - "$@" <<'PY'
import os, subprocess, statistics, sys
n = int(sys.argv[1]); cmd = sys.argv[2:]
xs = []
for _ in range(n):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    xs.append((ru.ru_utime + ru.ru_stime) * 1e3)
print(f"{statistics.median(xs):.1f}")
PY
}
# median CPU of one process per file of a folder (each file once)
cpu_each() {
  python3 - "$@" <<'PY'
import os, subprocess, statistics, sys, glob
folder, out = sys.argv[1], sys.argv[2]; cmd = sys.argv[3:]
xs = []
for f in sorted(glob.glob(os.path.join(folder, "*.mmd"))):
    c = [a.replace("{IN}", f).replace("{OUT}", out) for a in cmd]
    p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    xs.append((ru.ru_utime + ru.ru_stime) * 1e3)
print(f"{statistics.median(xs):.1f} ({len(xs)} files)")
PY
}

FLOW="$CORPUS/flowchart"
echo "Machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| mermaid-render (whole processes) | median |"
echo "|---|---|"
echo "| \`--version\` wall | $(wall "$RUNS" "$BIN" --version) ms |"
echo "| \`--version\` CPU | $(cpu "$RUNS" "$BIN" --version) ms |"
echo "| one-node diagram → SVG, wall | $(wall "$RUNS" "$BIN" -i "$W/one.mmd" -o "$W/one.svg") ms |"
echo "| one-node diagram → SVG, CPU | $(cpu "$RUNS" "$BIN" -i "$W/one.mmd" -o "$W/one.svg") ms |"
echo "| seed → SVG, wall | $(wall "$RUNS" "$BIN" -q "$SEED" -o "$W/s" -f svg --force) ms |"
echo "| seed → SVG+PNG, wall | $(wall "$RUNS" "$BIN" -q "$SEED" -o "$W/s" -f svg,png --force) ms |"
echo "| seed → SVG, CPU | $(cpu "$RUNS" "$BIN" -q "$SEED" -o "$W/s" -f svg --force) ms |"
echo "| seed → SVG+PNG, CPU | $(cpu "$RUNS" "$BIN" -q "$SEED" -o "$W/s" -f svg,png --force) ms |"
echo "| seed → PDF, wall | $(wall "$RUNS" "$BIN" -q -i "$SEED" -o "$W/s.pdf") ms |"
"$BIN" -q "$SEED" -o "$W/p" -f png --force
echo "| seed PNG bytes | $(stat -c %s "$W/p/seed.png") |"
if [ -d "$FLOW" ]; then
  echo "| $(basename "$FLOW") folder, one process per file → SVG, CPU | $(cpu_each "$FLOW" "$W/f.svg" "$BIN" -q -i "{IN}" -o "{OUT}") ms |"
  echo "| $(basename "$FLOW") folder in one invocation → SVG, wall | $(wall 10 "$BIN" -q "$FLOW" -o "$W/fl" -f svg --force) ms |"
fi
echo

if [ -x "$MMDC" ] || [ -n "$MMDR" ]; then
  echo "| seed, whole process (median wall) | mermaid-render | mermaid-rs-renderer | mermaid-cli |"
  echo "|---|---|---|---|"
  peer_svg_r=$(wall 10 "$BIN" -q -i "$SEED" -o "$W/a.svg")
  peer_png_r=$(wall 10 "$BIN" -q -i "$SEED" -o "$W/a.png")
  one_r=$(wall 10 "$BIN" -q -i "$W/one.mmd" -o "$W/a.svg")
  svg_d=-; png_d=-; one_d=-; svg_c=-; png_c=-; one_c=-
  if [ -n "$MMDR" ]; then
    svg_d=$(wall 10 "$MMDR" -i "$SEED" -o "$W/d.svg")
    png_d=$(wall 10 "$MMDR" -i "$SEED" -o "$W/d.png" -e png)
    one_d=$(wall 10 "$MMDR" -i "$W/one.mmd" -o "$W/d.svg")
  fi
  if [ -x "$MMDC" ]; then
    svg_c=$(wall 3 "$MMDC" "$SEED" "$W/c.svg" -q)
    png_c=$(wall 3 "$MMDC" "$SEED" "$W/c.png" -q)
    one_c=$(wall 3 "$MMDC" "$W/one.mmd" "$W/c.svg" -q)
  fi
  echo "| one-node → SVG | $one_r ms | $one_d ms | $one_c ms |"
  echo "| seed → SVG | $peer_svg_r ms | $svg_d ms | $svg_c ms |"
  echo "| seed → PNG | $peer_png_r ms | $png_d ms | $png_c ms |"
  b_r=$(stat -c %s "$W/a.png"); b_d=-; b_c=-
  [ -f "$W/d.png" ] && b_d=$(stat -c %s "$W/d.png")
  [ -f "$W/c.png" ] && b_c=$(stat -c %s "$W/c.png")
  echo "| seed PNG bytes | $b_r | $b_d | $b_c |"
fi
