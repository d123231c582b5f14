#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the
# project's own fixtures: every .mmd file and every document.
set -euo pipefail
cd "$(dirname "$0")"
for t in extract preamble parsers render; do mkdir -p "corpus/$t"; done
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  size=$(wc -c < "$f")
  cp "$f" "corpus/extract/doc$i"
  if [[ "$f" == *.mmd && $size -le 4096 ]]; then
    cp "$f" "corpus/preamble/mmd$i"
    cp "$f" "corpus/render/mmd$i"
  fi
done < <(find ../fixtures ../seeds -type f \( -name '*.mmd' -o -name '*.md' -o -name '*.txt' -o -name '*.rst' -o -name '*.adoc' -o -name '*.qmd' -o -name '*.html' \) -print0 | sort -z)
# parsers: one byte picking the registry row, then the body after the keyword line.
python3 - <<'PY'
import glob, os, re
n = 0
for f in sorted(glob.glob("../fixtures/**/*.mmd", recursive=True)):
    data = open(f, "rb").read()
    if len(data) > 4096:
        continue
    lines = data.split(b"\n")
    # drop front matter / directives / comments before the keyword line
    k = 0
    if lines and lines[0].strip() == b"---":
        k = 1
        while k < len(lines) and lines[k].strip() != b"---":
            k += 1
        k += 1
    while k < len(lines) and (not lines[k].strip() or lines[k].lstrip().startswith(b"%%")):
        k += 1
    body = b"\n".join(lines[k + 1:])
    for pick in range(0, 256, 37):
        n += 1
        open(f"corpus/parsers/s{n}", "wb").write(bytes([pick]) + body)
PY
echo "seeded: $(ls corpus/extract | wc -l) documents, $(ls corpus/render | wc -l) diagrams, $(ls corpus/parsers | wc -l) parser inputs"
