#!/usr/bin/env bash
# Layout quality over the reference diagrams (needs ../shared beside the
# checkout): renders every .mmd of a folder with `-f layout` and sums the
# metrics of ../shared/tools/layout_metrics.py (each file with its own
# direction), for ours and for mermaid-js's reference layouts
# (NNNN.layout.json beside each .mmd) over the same diagrams.
# Usage: scripts/layout-metrics.sh [-v] [FOLDER...]
#   -v  also list, per diagram, where ours bends more than mermaid-js's
# Default folders: ../shared/reference/flowchart ../shared/reference/cypress
# Columns: crossings, node/label overlaps, edges through nodes, cluster
# violations, total_bends, mean (over diagrams) of mean_turning_deg,
# edge_overlaps, edges_through_clusters, and edges_through_titles: (edge,
# subgraph) pairs where an edge enters a subgraph's title box (shrunk by
# 1 px; ours only: the reference layouts carry no title boxes, "-").
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
verbose=0
if [ "${1:-}" = "-v" ]; then
  verbose=1
  shift
fi
folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=("$shared/reference/flowchart" "$shared/reference/cypress")
cargo build --release -q
bin=target/release/mermaid-render
[ -n "${CARGO_TARGET_DIR:-}" ] && bin="$CARGO_TARGET_DIR/release/mermaid-render"
for folder in "${folders[@]}"; do
  out=$(mktemp -d)
  "$bin" "$folder" -o "$out" -f layout -q || true
  python3 - "$out" "$shared/tools/layout_metrics.py" "$folder" "$verbose" <<'PY'
import json, subprocess, sys, glob, os
out, tool, folder, verbose = sys.argv[1:5]
keys = ["crossings", "node_overlaps", "label_overlaps", "edges_through_nodes", "cluster_violations",
        "total_bends", "mean_turning_deg", "edge_overlaps", "edges_through_clusters",
        "edges_through_titles"]
must_be_zero = ["node_overlaps", "label_overlaps", "edges_through_nodes", "cluster_violations",
                "edge_overlaps", "edges_through_clusters", "edges_through_titles"]
short = {"crossings": "cross", "node_overlaps": "node_ov", "label_overlaps": "label_ov",
         "edges_through_nodes": "thru_n", "cluster_violations": "clus_viol",
         "total_bends": "bends", "mean_turning_deg": "turn_deg", "edge_overlaps": "edge_ov",
         "edges_through_clusters": "thru_c", "edges_through_titles": "thru_t"}

def seg_hits(p, q, x0, y0, x1, y1):
    # Liang-Barsky: whether segment p-q enters the open box.
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for pv, qv in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pv == 0:
            if qv <= 0:
                return False
        else:
            t = qv / pv
            if pv < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return t0 < t1

def title_hits(path):
    d = json.load(open(path))
    n = 0
    for c in d.get("clusters", []):
        t = c.get("titleBox")
        if not t or not t.get("width") or not t.get("height"):
            continue
        x0, x1 = t["x"] - t["width"] / 2 + 1, t["x"] + t["width"] / 2 - 1
        y0, y1 = t["y"] - t["height"] / 2 + 1, t["y"] + t["height"] / 2 - 1
        for e in d.get("edges", []):
            pts = e.get("points") or []
            if any(seg_hits(p, q, x0, y0, x1, y1) for p, q in zip(pts, pts[1:])):
                n += 1
    return n

def metrics(path, direction):
    r = subprocess.run([sys.executable, tool, path, "--direction", direction],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)

def header_direction(mmd):
    try:
        for line in open(mmd, encoding="utf-8"):
            w = line.replace(";", " ").split()
            if len(w) >= 2 and w[0] in ("flowchart", "graph", "flowchart-elk"):
                d = w[1].upper()
                return "TB" if d == "TD" else d if d in ("TB", "BT", "LR", "RL") else "TB"
            if len(w) == 1 and w[0] in ("flowchart", "graph"):
                return "TB"
    except OSError:
        pass
    return "TB"

from concurrent.futures import ThreadPoolExecutor
jobs = {}
for f in sorted(glob.glob(os.path.join(out, "*.layout.json"))):
    d = json.load(open(f))
    jobs[os.path.basename(f).split(".")[0]] = (f, d["direction"])
# mermaid-js's layouts never change: their metrics are cached under target/.
cache_path = os.path.join("target", "layout-metrics-reference-cache.json")
try:
    cache = json.load(open(cache_path))
except (OSError, ValueError):
    cache = {}
ref_jobs = {}
for name in jobs:
    ref = os.path.join(folder, name + ".layout.json")
    if os.path.exists(ref):
        key = f"{os.path.abspath(ref)}:{os.path.getmtime(ref)}"
        if key not in cache:
            ref_jobs[key] = (ref, header_direction(os.path.join(folder, name + ".mmd")))
with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
    ours = dict(zip(jobs, ex.map(lambda a: metrics(*a), jobs.values())))
    cache.update(zip(ref_jobs, ex.map(lambda a: metrics(*a), ref_jobs.values())))
for name, (f, _) in jobs.items():
    ours[name]["edges_through_titles"] = title_hits(f)
os.makedirs("target", exist_ok=True)
json.dump(cache, open(cache_path, "w"))
theirs = {}
for name in jobs:
    ref = os.path.join(folder, name + ".layout.json")
    if os.path.exists(ref):
        theirs[name] = cache[f"{os.path.abspath(ref)}:{os.path.getmtime(ref)}"]

def totals(ms):
    t = {}
    for k in keys:
        if k == "edges_through_titles" and not any(k in m for m in ms):
            t[k] = "-"
            continue
        vals = [m.get(k, 0) or 0 for m in ms]
        t[k] = round(sum(vals) / len(vals), 2) if k == "mean_turning_deg" and vals else sum(vals)
    return t

both = sorted(set(ours) & set(theirs))
rows = [("ours", totals([ours[n] for n in ours]), len(ours)),
        ("ours (on mermaid-js's set)", totals([ours[n] for n in both]), len(both)),
        ("mermaid-js", totals([theirs[n] for n in both]), len(both))]
print(f"{folder}")
print(f"  {'':28} {'n':>4} " + " ".join(f"{short[k]:>9}" for k in keys))
for label, t, n in rows:
    print(f"  {label:28} {n:>4} " + " ".join(f"{t[k]:>9}" for k in keys))
for name in sorted(ours):
    m = ours[name]
    bad = {k: m[k] for k in must_be_zero if m.get(k)}
    if bad:
        print(f"  {name}: {bad}")
if verbose == "1":
    diffs = []
    for n in both:
        a, b = ours[n], theirs[n]
        diffs.append((a["total_bends"] - b["total_bends"], a["mean_turning_deg"] - b["mean_turning_deg"],
                      n, a["total_bends"], b["total_bends"], a["mean_turning_deg"], b["mean_turning_deg"],
                      a["edges_through_clusters"], b["edges_through_clusters"], a["crossings"]))
    diffs.sort(key=lambda x: (-x[1], -x[0]))
    print("  per diagram (ours - mermaid-js): name bends(ours/theirs) turn(ours/theirs) thru_c(ours/theirs) cross")
    for d in diffs:
        if d[0] > 0 or d[1] > 0.5:
            print(f"    {d[2]}: bends {d[3]}/{d[4]} turn {d[5]}/{d[6]} thru_c {d[7]}/{d[8]} cross {d[9]}")
PY
  rm -rf "$out"
done
