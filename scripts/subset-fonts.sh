#!/usr/bin/env bash
# Regenerates the embedded fonts in assets/fonts/ (the documented way; run from anywhere).
#
# Inputs (Debian packages, installed with apt-get):
#   fonts-liberation2 2.1.5-1            LiberationSans-{Regular,Bold}.ttf, copied UNMODIFIED
#                                        ("Liberation" is a Reserved Font Name under its OFL,
#                                        so a modified copy could not keep the name).
#   fonts-noto-cjk 1:20220127+repack1-1  NotoSansCJK-Regular.ttc, face 2 ("Noto Sans CJK SC"),
#                                        SUBSET with fontTools' pyftsubset (fonttools 4.68.0);
#                                        Noto CJK's OFL has no Reserved Font Name.
#   fonts-noto-core 20201225-1           NotoSans, NotoSansArabic, NotoSansHebrew,
#                                        NotoSansDevanagari, NotoSansThai, NotoSansSymbols2
#                                        (all -Regular.ttf), subset and merged into
#                                        NotoFallback-subset.ttf by scripts/fonts-fallback.py.
# and from the npm registry (`npm pack`, no install):
#   @infolektuell/noto-color-emoji 0.2.0 Noto Color Emoji 2.042 as COLRv1 (the vector colour
#                                        format resvg draws; Debian's fonts-noto-color-emoji is
#                                        CBDT bitmaps, which need resvg's raster-images
#                                        feature), in Google Fonts' 11 unicode-range slices,
#                                        subset and merged into NotoFallback-subset.ttf too.
# and from PyPI: fonttools 4.68.0, brotli 1.2.1 (woff2), uharfbuzz 0.57.0 (finds the
# glyphs of the kept emoji sequences).
#
# The CJK subset holds only what the Latin face lacks or what CJK text needs, so that
# Latin letters in mixed labels keep the Latin face (usvg falls back per character):
#   - CJK ideographs of GB2312 (simplified) and of Big5 level 1 (common traditional),
#     listed from Python's `gb2312` and `big5` codecs, and JIS X 0208 level 1 kanji
#     (Python's `euc_jp` codec) for Japanese;
#   - the 2,350 Hangul syllables of KS X 1001 (Python's `euc_kr` codec) and Hangul Jamo
#     compatibility (U+3130-318F);
#   - the non-Latin/Greek/Cyrillic symbols of those three charsets;
#   - CJK symbols and punctuation, Hiragana, Katakana (+ phonetic extensions), fullwidth and
#     halfwidth forms, enclosed CJK letters, CJK compatibility forms;
#   - general punctuation, arrows and common symbols (letterlike, number forms, maths,
#     enclosed alphanumerics, box drawing, block elements, geometric shapes, misc symbols).
# ASCII, Latin-1 and Latin Extended-A come from Liberation Sans.
# Every character the fallback face has (emoji, symbols, arrows, maths) is left out: the
# fallback face is built first, and the CJK face is reached by CJK text only (see below).
# Hinting is dropped (resvg does not hint). Only the horizontal layout features that
# harfrust applies by default are kept; localised (locl: JP/KR/TC shapes) and vertical forms
# are dropped, which roughly halves the glyph count. Measurement and drawing use this same
# file, so they agree whatever it contains.
#
# Usage:
#   apt-get update && apt-get install -y fonts-noto-cjk fonts-noto-core fonts-liberation2
#   pip install fonttools==4.68.0 brotli==1.2.1 uharfbuzz==0.57.0
#   scripts/subset-fonts.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/assets/fonts"
LIB_DIR=/usr/share/fonts/truetype/liberation2
CJK_TTC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
CJK_FACE=2 # Noto Sans CJK SC in the collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK)

mkdir -p "$OUT"
cp "$LIB_DIR/LiberationSans-Regular.ttf" "$LIB_DIR/LiberationSans-Bold.ttf" "$OUT/"
# Licences: the Debian copyright files, which carry the full SIL OFL 1.1 text.
cp /usr/share/doc/fonts-liberation2/copyright "$OUT/LICENSE-LiberationSans.txt"
cp /usr/share/doc/fonts-noto-cjk/copyright "$OUT/LICENSE-NotoSansCJK.txt"
cp /usr/share/doc/fonts-noto-core/copyright "$OUT/LICENSE-NotoFallback.txt"

UNICODES="$(mktemp)"
EMOJI="$(mktemp -d)"
trap 'rm -rf "$UNICODES" "$EMOJI"' EXIT

# The fallback face first: scripts, symbols and COLRv1 colour emoji (see fonts-fallback.py),
# from the colour emoji package; the CJK subset below leaves out what it has.
(cd "$EMOJI" && npm pack --silent @infolektuell/noto-color-emoji@0.2.0 >/dev/null &&
  tar xzf infolektuell-noto-color-emoji-0.2.0.tgz)

cat "$EMOJI/package/LICENSE" >> "$OUT/LICENSE-NotoFallback.txt"
python3 "$ROOT/scripts/fonts-fallback.py" /usr/share/fonts/truetype/noto \
  "$EMOJI/package/files" "$OUT/NotoFallback-subset.ttf"

python3 - "$UNICODES" "$OUT/NotoFallback-subset.ttf" <<'PY'
import sys

cps = set()

def two_byte(codec, leads, trails):
    for lead in leads:
        for trail in trails:
            try:
                s = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                yield ord(s)

def is_ideograph(cp):
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF

def is_symbol(cp):
    # Symbols and punctuation of the CJK charsets; Latin, Greek and Cyrillic letters and
    # everything below U+0530 are left to Liberation Sans.
    return cp >= 0x0530 and not is_ideograph(cp) and not (0xAC00 <= cp <= 0xD7A3)

# GB2312: rows 0xA1-0xF7, columns 0xA1-0xFE (all of its ideographs and symbols).
for cp in two_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)):
    if is_ideograph(cp) or is_symbol(cp):
        cps.add(cp)

# Big5: symbols 0xA140-0xA3BF, level 1 ideographs 0xA440-0xC67E.
big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
for lead in range(0xA1, 0xC7):
    for cp in two_byte("big5", [lead], big5_trails):
        if is_ideograph(cp):
            if lead >= 0xA4:
                cps.add(cp)
        elif is_symbol(cp) and lead <= 0xA3:
            cps.add(cp)
# Big5 level 1 ends at 0xC67E; lead 0xC6 columns above 0x7E are not level 1.
for cp in two_byte("big5", [0xC6], range(0xA1, 0xFF)):
    cps.discard(cp)

# JIS X 0208 level 1 (EUC-JP rows 0xB0-0xCF): the common Japanese kanji, many of whose
# shapes (shinjitai such as 変 気 図 駅) are in neither GB2312 nor Big5.
for cp in two_byte("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)):
    if is_ideograph(cp):
        cps.add(cp)

# KS X 1001 (EUC-KR): the 2,350 Hangul syllables and its symbols (not its Hanja).
hangul = 0
for cp in two_byte("euc_kr", range(0xA1, 0xFF), range(0xA1, 0xFF)):
    if 0xAC00 <= cp <= 0xD7A3:
        cps.add(cp)
        hangul += 1
    elif is_symbol(cp):
        cps.add(cp)
assert hangul == 2350, hangul

ranges = [
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols
    (0x2150, 0x218F),  # number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2500, 0x257F),  # box drawing
    (0x2580, 0x259F),  # block elements
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3200, 0x32FF),  # enclosed CJK letters and months
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
]
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))

# What the fallback face has (emoji, symbols, arrows, maths …) is left to it: usvg takes the
# first face that has a line's first missing character, and the CJK face has no space
# glyph, so its shaping drops U+FE0F and ZWJ and no longer lines up glyph for glyph with
# the other faces -- "★ ☀️" or "⚠ ⚠️" would draw as tofu, and ☀ ⚠ as text symbols, not
# colour emoji. The CJK face is then reached by CJK text only.
from fontTools.ttLib import TTFont
fallback = set(TTFont(sys.argv[2]).getBestCmap())
dropped = sorted(cps & fallback)
cps -= fallback
print("CJK subset: %d characters left to the fallback face" % len(dropped), file=sys.stderr)
# A space glyph (its advance set to Liberation Sans's below): without one, the shaping
# deletes U+FE0F and ZWJ, and a CJK line with an emoji ("完成 ⚠️", "안녕 ❤️") no longer
# lines up glyph for glyph with the other faces and draws as tofu.
cps.add(0x20)

with open(sys.argv[1], "w") as f:
    f.write(",".join("U+%04X" % cp for cp in sorted(cps)))
print("CJK subset: %d requested codepoints" % len(cps), file=sys.stderr)
PY

pyftsubset "$CJK_TTC" \
  --font-number="$CJK_FACE" \
  --unicodes-file="$UNICODES" \
  --no-hinting \
  --layout-features=ccmp,calt,clig,liga,rlig,kern,mark,mkmk \
  --name-IDs=0,1,2,3,4,5,6,13,14 \
  --output-file="$OUT/NotoSansCJKsc-Regular-subset.otf"
# The space glyph's advance: Liberation Sans's (569/2048 em) to the unit, so that a CJK line
# with spaces, now shaped whole in this face, measures as before (within 0.0003 em a space).
python3 - "$OUT/NotoSansCJKsc-Regular-subset.otf" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
font.recalcTimestamp = False
space = font.getBestCmap()[0x20]
_, lsb = font["hmtx"][space]
font["hmtx"][space] = (round(569 / 2048 * font["head"].unitsPerEm), lsb)
font.save(sys.argv[1])
PY


ls -l "$OUT"
