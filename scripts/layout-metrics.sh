#!/usr/bin/env bash
# Layout quality over the reference diagrams (needs ../shared beside the
# checkout): renders every .mmd of a folder with `-f layout` and sums the
# metrics of ../shared/tools/layout_metrics.py (each file with its own
# direction). Usage: scripts/layout-metrics.sh [FOLDER...]
# Default folders: ../shared/reference/flowchart ../shared/reference/cypress
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=("$shared/reference/flowchart" "$shared/reference/cypress")
cargo build --release -q
bin=target/release/mermaid-render
[ -n "${CARGO_TARGET_DIR:-}" ] && bin="$CARGO_TARGET_DIR/release/mermaid-render"
for folder in "${folders[@]}"; do
  out=$(mktemp -d)
  "$bin" "$folder" -o "$out" -f layout -q || true
  python3 - "$out" "$shared/tools/layout_metrics.py" "$folder" <<'PY'
import json, subprocess, sys, glob, os
out, tool, folder = sys.argv[1:4]
keys = ["crossings", "node_overlaps", "label_overlaps", "edges_through_nodes", "cluster_violations"]
tot = {k: 0 for k in keys}
bad = []
files = sorted(glob.glob(os.path.join(out, "*.layout.json")))
for f in files:
    d = json.load(open(f))
    m = json.loads(subprocess.run([sys.executable, tool, f, "--direction", d["direction"]], capture_output=True, text=True, check=True).stdout)
    for k in keys:
        tot[k] += m[k]
    if any(m[k] for k in keys):
        bad.append((os.path.basename(f), {k: m[k] for k in keys if m[k]}))
print(f"{folder}: {len(files)} diagrams: " + ", ".join(f"{k} {v}" for k, v in tot.items()))
for name, m in bad:
    print(f"  {name}: {m}")
PY
  rm -rf "$out"
done
