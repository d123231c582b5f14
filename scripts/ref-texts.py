#!/usr/bin/env python3
"""Check that every text mermaid-js draws for a reference diagram appears in ours.

    scripts/ref-texts.py TYPE [BINARY]

For each ../shared/reference/TYPE/NNNN.mmd: renders it with BINARY (default
target/release/mermaid-render) to a temporary folder as SVG, collects the
texts of the reference SVG (<text>/<tspan> and HTML labels inside
<foreignObject>), and reports every reference text missing from ours
(compared with whitespace removed). Texts mermaid-js does not show are not
required: elements styled `display: none`, gitGraph's random ids of unnamed
commits (`0-1a2b3c4`, different on every mermaid-js run), and references that
are mermaid-js's own "Syntax error in text" image. Prints one line per diagram
and a total; exits 1 when any diagram fails to render or misses a text.
"""
import os, re, subprocess, sys, tempfile, html
import xml.etree.ElementTree as ET

def texts(svg_path):
    try:
        root = ET.parse(svg_path).getroot()
    except ET.ParseError:
        data = open(svg_path, encoding="utf-8").read()
        return [html.unescape(t) for t in re.findall(r">([^<>]+)<", data) if t.strip()]
    out = []
    def walk(e, skip):
        tag = e.tag.split('}')[-1]
        if tag in ("style", "script", "title", "desc", "defs"):
            return
        if re.search(r"display:\s*none", e.get("style", "")):
            return
        if tag == "text":
            t = "".join(e.itertext()).strip()
            if t:
                out.append(t)
            return
        if tag == "foreignObject":
            t = " ".join(x.strip() for x in e.itertext() if x.strip())
            if t:
                out.append(t)
            return
        for c in e:
            walk(c, skip)
    walk(root, False)
    return out

def norm(s):
    return re.sub(r"\s+", "", html.unescape(s))

def main():
    ty = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/mermaid-render"
    ref = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "reference", ty)
    if not os.path.isdir(ref):
        ref = os.path.join("..", "shared", "reference", ty)
    bad = 0
    total = 0
    with tempfile.TemporaryDirectory() as out:
        for name in sorted(f for f in os.listdir(ref) if f.endswith(".mmd")):
            stem = name[:-4]
            total += 1
            r = subprocess.run([binary, os.path.join(ref, name), "-o", out, "-f", "svg", "-q"],
                               capture_output=True, text=True)
            ours_path = os.path.join(out, stem + ".svg")
            if r.returncode != 0 or not os.path.exists(ours_path):
                print(f"{ty}/{stem}: FAILED TO RENDER {r.stderr.strip()[:300]}")
                bad += 1
                continue
            ref_svg = os.path.join(ref, stem + ".svg")
            if not os.path.exists(ref_svg):
                print(f"{ty}/{stem}: no reference svg")
                continue
            ours = norm(" ".join(texts(ours_path)))
            ref_texts = texts(ref_svg)
            if any("Syntax error in text" in t for t in ref_texts):
                print(f"{ty}/{stem}: ok (mermaid-js rejects it: its reference is the syntax-error image)")
                continue
            if ty == "gitgraph":
                ref_texts = [t for t in ref_texts if not re.fullmatch(r"\d+-[0-9a-f]{7}", t.strip())]
            missing = [t for t in ref_texts if norm(t) and norm(t) not in ours]
            if missing:
                bad += 1
                print(f"{ty}/{stem}: missing {missing[:8]}{' …' if len(missing) > 8 else ''}")
            else:
                print(f"{ty}/{stem}: ok")
    print(f"{total - bad}/{total} diagrams render with every reference text")
    sys.exit(1 if bad else 0)

main()
