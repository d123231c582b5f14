#!/usr/bin/env python3
"""Generate assets/icons/fontawesome/icons.tsv from Font Awesome Free.

Font Awesome Free's icons are CC BY 4.0 (its LICENSE.txt is kept beside the
table). Regenerate with:

    mkdir -p /tmp/fa && (cd /tmp/fa && npm pack @fortawesome/fontawesome-free && tar xzf fortawesome-fontawesome-free-*.tgz)
    python3 scripts/gen-fa-icons.py /tmp/fa/package
    cp /tmp/fa/package/LICENSE.txt assets/icons/fontawesome/LICENSE.txt

The table, one record a line, tab separated, sorted so the reader can binary
search it:

    I <name> <style> <width> <path>   an icon: style s (solid), r (regular),
                                      b (brands); the viewBox is
                                      `0 0 <width> 512`; path is SVG path data
    A <alias> <name> <style or ->     an older name (FA 4 shims, v5/v6 aliases)
                                      for <name>, optionally in one style
    V <version>                       the Font Awesome version
"""

import json
import os
import sys

STYLES = {"solid": "s", "regular": "r", "brands": "b"}


def read_shims(path):
    """shims.yml: `old:` then indented `prefix:` / `name:` lines."""
    out = {}
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                cur = line.strip().rstrip(":").strip("'\"")
                out[cur] = {}
            elif cur is not None:
                k, _, v = line.strip().partition(":")
                out[cur][k.strip()] = v.strip().strip("'\"")
    return out


def main():
    pkg = sys.argv[1] if len(sys.argv) > 1 else "/tmp/fa/package"
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(here, "..", "assets", "icons", "fontawesome")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    with open(os.path.join(pkg, "metadata", "icon-families.json"), encoding="utf-8") as f:
        fams = json.load(f)
    icons = []
    styles_of = {}
    aliases = {}
    for name, icon in fams.items():
        classic = icon.get("svgs", {}).get("classic", {})
        for style, svg in classic.items():
            if style not in STYLES:
                continue
            path = svg["path"]
            if isinstance(path, list):  # duotone: not in Free; keep the primary layer
                path = path[-1]
            vb = svg["viewBox"]
            if vb[1] != 0 or vb[3] != 512:
                raise SystemExit(f"{name}: unexpected viewBox {vb}")
            icons.append((name, STYLES[style], int(vb[2]), path))
            styles_of.setdefault(name, set()).add(STYLES[style])
        for alias in icon.get("aliases", {}).get("names", []) or []:
            if name in styles_of:
                aliases[alias] = (name, "-")
    for old, shim in read_shims(os.path.join(pkg, "metadata", "shims.yml")).items():
        target = shim.get("name") or old
        style = {"fas": "s", "far": "r", "fab": "b"}.get(shim.get("prefix", ""), "-")
        if target in styles_of and old != target or (old == target and style != "-"):
            if target in styles_of:
                aliases[old] = (target, style)
    rows = [f"I\t{n}\t{s}\t{w}\t{p}" for n, s, w, p in sorted(icons)]
    rows += [f"A\t{a}\t{t}\t{s}" for a, (t, s) in sorted(aliases.items()) if a not in styles_of or s != "-"]
    with open(os.path.join(out_dir, "icons.tsv"), "w", encoding="utf-8") as f:
        f.write(f"V\t{version}\n")
        f.write("\n".join(rows) + "\n")
    print(f"{len(icons)} icons, {len(aliases)} aliases, Font Awesome Free {version}")


if __name__ == "__main__":
    main()
