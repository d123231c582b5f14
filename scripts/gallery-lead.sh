#!/usr/bin/env bash
# The gallery's lead: realistic flowcharts from fixtures/gallery-lead/ drawn by
# mermaid-render beside mermaid-js's renders of the same source.
#   ours:        docs/gallery/lead/NAME.{svg,png}
#   mermaid-js:  docs/gallery/lead/NAME-mermaid-js.png, copied from the
#                reference renders in ../shared/reference (mermaid-js 11, default
#                theme, mmdc -s 1) when present there, else rendered with
#                ../shared/tools/mermaid-js/mmdc-ref (cjk-document has no stored render).
# usage: scripts/gallery-lead.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=docs/gallery/lead
mkdir -p "$out"
cargo run --release -q -- fixtures/gallery-lead -o "$out" -f svg,png -q
rm -f "$out/.mermaid-render-cache.json"
ref() { # NAME REFERENCE.png
  [ -f "$2" ] && cp "$2" "$out/$1-mermaid-js.png"
}
ref seed "$shared/reference/seed.png"
ref nested-subgraphs "$shared/reference/cypress/0001.png"
ref decision-loop "$shared/reference/flowchart/0093.png"
ref icons "$shared/reference/flowchart/0111.png"
if [ -x "$shared/tools/mermaid-js/mmdc-ref" ]; then
  "$shared/tools/mermaid-js/mmdc-ref" fixtures/gallery-lead/cjk-document.mmd \
    "$out/cjk-document-mermaid-js.png" -b white -s 1 -q
fi
