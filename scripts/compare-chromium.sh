#!/bin/sh
# Render every gallery SVG with headless Chromium and compare it with our
# own PNG of it: mean per-pixel difference (0-255 per channel) and the
# share of pixels off by more than 32.
#
# Needs Debian's `chromium` and the fonts the SVGs name, so Chromium draws
# with the same faces we embed:
#   apt-get install -y chromium fonts-liberation2 fonts-noto-cjk
# usage: scripts/compare-chromium.sh [DIR]   (default docs/gallery)
# With KEEP=some/dir, the Chromium screenshots (NAME.chromium.png) and
# difference images (NAME.diff.png, red = off by more than 32) are kept there.
set -eu
dir=${1:-docs/gallery}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=${KEEP:-}
[ -z "$keep" ] || mkdir -p "$keep"
printf '%-32s %8s %8s  %s\n' image mean '>32' 'sizes (ours chromium)'
for svg in "$dir"/*.svg; do
    name=$(basename "$svg" .svg)
    png="$dir/$name.png"
    [ -f "$png" ] || continue
    w=$(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)".*/\1/p' "$svg" | head -1)
    h=$(sed -n 's/.*<svg[^>]* height="\([0-9.]*\)".*/\1/p' "$svg" | head -1)
    w=$(awk "BEGIN{print int($w + 0.999)}")
    h=$(awk "BEGIN{print int($h + 0.999)}")
    # Headless Chromium (seen with 156) paints only the top (height - 87)
    # pixels of a window less than 144 pixels high, leaving the rest white
    # in the screenshot. So the window is never less than 400 high; the
    # screenshot is cropped to our size when compared (page is white below).
    wh=$(( h < 400 ? 400 : h ))
    # A page holding the SVG at its natural size, no margins.
    cp "$svg" "$tmp/$name.svg"
    printf '<html><body style="margin:0;background:white"><img src="%s.svg"></body></html>' "$name" > "$tmp/$name.html"
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$tmp/profile" --screenshot="$tmp/$name.chromium.png" \
        --window-size="$w,$wh" "file://$tmp/$name.html" >/dev/null 2>&1
    printf '%-32s ' "$name"
    if [ -n "$keep" ]; then
        cp "$tmp/$name.chromium.png" "$keep/"
        set -- "$keep/$name.diff.png"
    else
        set --
    fi
    python3 "$here/png_diff.py" "$png" "$tmp/$name.chromium.png" "$@" | awk '{printf "%8s %8s  %s %s\n", $1, $2, $3, $4}'
done
