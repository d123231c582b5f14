#!/usr/bin/env python3
"""Builds assets/fonts/NotoFallback-subset.ttf: one fallback face for what the Latin and
CJK faces lack -- Arabic, Hebrew, Devanagari, Thai, symbols and dingbats, and colour emoji
(COLRv1, with ZWJ sequences and flags) -- over a Latin/Greek/Cyrillic base, so that a
label mixing Latin text with any of these shapes whole in this one face (usvg's fallback
keeps a fallback shaping only when it has every glyph or the same glyph count).

Called by scripts/subset-fonts.sh; see there for the inputs and their versions.
Usage: fonts-fallback.py NOTO_DIR EMOJI_WOFF2_DIR OUT_TTF
"""

import io
import os
import sys
import tempfile

import uharfbuzz as hb
from fontTools import subset
from fontTools.colorLib.builder import buildCOLR, buildCPAL
from fontTools.colorLib.unbuilder import unbuildColrV1
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.tables import otTables
from fontTools.ttLib.tables._c_m_a_p import cmap_format_14

NOTO_DIR, EMOJI_DIR, OUT = sys.argv[1:4]
FAMILY = "Noto Fallback Subset"
UPEM = 1000


def rng(lo, hi):
    return list(range(lo, hi + 1))


def subset_font(font, unicodes=None, glyphs=None, closure=True):
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.hinting = False
    opts.drop_tables += ["DSIG", "vhea", "vmtx", "gasp"]
    opts.name_IDs = []
    opts.notdef_outline = True
    opts.layout_closure = closure
    opts.recalc_bounds = True
    s = subset.Subsetter(opts)
    s.populate(unicodes=unicodes or [], glyphs=glyphs or [])
    s.subset(font)
    return font


def roundtrip(font):
    buf = io.BytesIO()
    font.flavor = None
    font.save(buf)
    buf.seek(0)
    return TTFont(buf)


def prefixed(font, prefix):
    """Rename every glyph (post format 2) without decompiling the other tables, whose
    binary data refers to glyphs by id and so stays valid."""
    buf = io.BytesIO()
    font.flavor = None
    font.save(buf)
    buf.seek(0)
    lazy = TTFont(buf, lazy=True)
    order = lazy.getGlyphOrder()
    names = [order[0]] + ["%s%s" % (prefix, n) for n in order[1:]]
    post = lazy["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    lazy.setGlyphOrder(names)
    out = io.BytesIO()
    lazy.save(out)
    out.seek(0)
    return TTFont(out)


# --- Scripts (Noto Sans families, SIL OFL 1.1) ----------------------------------------
LATIN = rng(0x20, 0x7E) + rng(0xA0, 0x17F) + rng(0x370, 0x3FF) + rng(0x400, 0x45F) + \
    rng(0x2010, 0x2027) + rng(0x2030, 0x203A) + [0x20AC, 0x2122, 0x25CC]
SCRIPTS = [
    ("NotoSans-Regular.ttf", LATIN),
    ("NotoSansArabic-Regular.ttf", rng(0x600, 0x6FF) + rng(0x750, 0x77F) + [0x200C, 0x200D]),
    ("NotoSansHebrew-Regular.ttf", rng(0x590, 0x5FF) + rng(0xFB1D, 0xFB4F)),
    ("NotoSansDevanagari-Regular.ttf", rng(0x900, 0x97F) + rng(0xA8E0, 0xA8FF) + [0x200C, 0x200D, 0x25CC]),
    ("NotoSansThai-Regular.ttf", rng(0xE00, 0xE7F)),
    ("NotoSansMath-Regular.ttf", rng(0x2190, 0x21FF) + rng(0x2200, 0x22FF)),  # arrows, maths
    # Arrows, technical, geometric shapes, misc symbols, dingbats (✓ ✔ ✗ ★ ⚠ → …).
    ("NotoSansSymbols2-Regular.ttf", rng(0x2190, 0x21FF) + rng(0x2300, 0x23FF) + rng(0x25A0, 0x25FF)
     + rng(0x2600, 0x26FF) + rng(0x2700, 0x27BF) + rng(0x2B00, 0x2BFF)),
]

fonts = []
for k, (name, cps) in enumerate(SCRIPTS):
    f = TTFont("%s/%s" % (NOTO_DIR, name))
    # Unique glyph names per part: the merger mixes up parts whose (generated) names
    # collide, e.g. Devanagari drawn with Thai glyphs.
    fonts.append(prefixed(subset_font(f, unicodes=cps), "s%d_" % k))

# --- Emoji (Noto Color Emoji 2.042, COLRv1, OFL) --------------------------------------
ZWJ, VS16 = 0x200D, 0xFE0F
FLAGS = ("US GB CN JP KR DE FR IT ES PT BR IN RU UA CA AU NL SE NO DK FI PL CH AT BE IE "
         "MX AR TR IL SA AE EG ZA NG KE SG TW HK ID TH VN PH MY NZ EU UN").split()


def flag(code):
    return [0x1F1E6 + ord(c) - ord("A") for c in code]


SEQUENCES = [flag(c) for c in FLAGS] + [
    [0x1F3F3, VS16, ZWJ, 0x1F308],  # rainbow flag
    [0x1F3F3, VS16, ZWJ, 0x26A7, VS16],  # transgender flag
    [0x1F3F4, ZWJ, 0x2620, VS16],  # pirate flag
    [0x2764, VS16, ZWJ, 0x1F525],  # heart on fire
    [0x2764, VS16, ZWJ, 0x1FA79],  # mending heart
    [0x1F636, ZWJ, 0x1F32B, VS16],  # face in clouds
    [0x1F415, ZWJ, 0x1F9BA],  # service dog
    [0x1F408, ZWJ, 0x2B1B],  # black cat
    [0x1F9D1, ZWJ, 0x1F91D, ZWJ, 0x1F9D1],  # people holding hands
]
MAN, WOMAN, GIRL, BOY, PERSON, CHILD = 0x1F468, 0x1F469, 0x1F467, 0x1F466, 0x1F9D1, 0x1F9D2
for a in (MAN, WOMAN):  # families
    for b in (MAN, WOMAN, None):
        for kids in ([GIRL], [BOY], [GIRL, BOY], [BOY, BOY], [GIRL, GIRL]):
            seq = [a] + ([ZWJ, b] if b else [])
            for k in kids:
                seq += [ZWJ, k]
            SEQUENCES.append(seq)
for kids in ([CHILD], [PERSON, CHILD], [CHILD, CHILD]):
    seq = [PERSON, ZWJ, PERSON]
    for k in kids:
        seq += [ZWJ, k]
    SEQUENCES.append(seq)
for a in (MAN, WOMAN):  # couples with heart, kiss
    for b in (MAN, WOMAN):
        SEQUENCES.append([a, ZWJ, 0x2764, VS16, ZWJ, b])
        SEQUENCES.append([a, ZWJ, 0x2764, VS16, ZWJ, 0x1F48B, ZWJ, b])
# Roles (no skin tones): technologist, scientist, teacher, …, and gendered activities.
ROLES = [0x1F4BB, 0x1F52C, 0x1F3EB, 0x1F393, 0x1F4BC, 0x1F527, 0x1F3ED, 0x1F680, 0x1F692,
         0x2695, 0x2696, 0x2708, 0x1F3A8, 0x1F373, 0x1F33E, 0x1F3A4, 0x1F9AF, 0x1F37C]
for p in (MAN, WOMAN, PERSON):
    for r in ROLES:
        SEQUENCES.append([p, ZWJ, r] + ([VS16] if r < 0x3000 else []))
GENDERED = rng(0x1F645, 0x1F64E) + [0x1F926, 0x1F937, 0x1F481, 0x1F482, 0x1F46E, 0x1F477,
                                     0x1F3C3, 0x1F6B6, 0x1F9D1, 0x1F575, 0x1F9D9, 0x1F9DA,
                                     0x1F9DB, 0x1F9DC, 0x1F9DD, 0x1F9DE, 0x1F9DF, 0x1F487,
                                     0x1F486, 0x1F3C4, 0x1F6A3, 0x1F3CA, 0x1F6B4, 0x1F938]
for p in GENDERED:
    for g in (0x2640, 0x2642):
        SEQUENCES.append([p, ZWJ, g, VS16])
# Keycaps (1️⃣ #️⃣ *️⃣): the digit stays the text face's (its cmap entry is dropped
# below); the keycap ligature is pointed at the merged font's digit further down.
KEYCAP_BASES = [ord(c) for c in "0123456789#*"]
for base in KEYCAP_BASES:
    SEQUENCES.append([base, VS16, 0x20E3])

SLICES = list(range(11))
emoji = []
part_cmaps = []
placed = set()
for i in SLICES:
    path = "%s/%d.woff2" % (EMOJI_DIR, i)
    src = TTFont(path)
    src.flavor = None
    src = roundtrip(src)
    cmap = src.getBestCmap()
    data = io.BytesIO()
    src.save(data)
    hbfont = hb.Font(hb.Face(data.getvalue()))
    order = src.getGlyphOrder()
    if i == 0:  # the flag slice: regional indicators only, flags below
        singles = [cp for cp in cmap if 0x1F1E6 <= cp <= 0x1F1FF]
    else:
        # Everything but ASCII/Latin-1 (digits, #, *, ©, ®: text faces draw those).
        singles = [cp for cp in cmap if cp >= 0x2000]
    glyphs = {cmap[cp] for cp in singles}
    for seq in SEQUENCES:
        key = tuple(seq)
        if key in placed or not all(cp in cmap for cp in seq if cp not in (ZWJ, VS16)):
            continue
        buf = hb.Buffer()
        buf.add_codepoints(seq)
        buf.guess_segment_properties()
        # Every glyph the buffer holds between lookups (flags go through
        # intermediate glyphs), not only the final one.
        seen = set()

        def trace(_message, buf=buf, seen=seen):
            seen.update(g.codepoint for g in buf.glyph_infos)
            return True

        buf.set_message_func(trace)
        hb.shape(hbfont, buf)
        gids = [g.codepoint for g in buf.glyph_infos]
        if len(gids) == 1 and gids[0] != 0:
            glyphs.update(order[g] for g in seen | set(gids) if g < len(order))
            placed.add(key)
    # Emoji-presentation selector and ZWJ map to glyphs in most slices; keep them.
    for cp in (ZWJ, VS16, 0x20E3):
        if cp in cmap:
            glyphs.add(cmap[cp])
            singles.append(cp)
    f = subset_font(src, unicodes=singles, glyphs=sorted(glyphs), closure=False)
    # The subsetter keeps the cmap entry of every kept glyph: a keycap's digit glyph
    # must not take over the digit from the text faces in the merged cmap.
    kept = set(singles)
    keycap_gids = {cp: f.getGlyphID(g) for cp, g in f.getBestCmap().items() if cp in KEYCAP_BASES}
    for table in f["cmap"].tables:
        if table.format != 14:
            table.cmap = {cp: g for cp, g in table.cmap.items() if cp in kept}
    f = roundtrip(f)
    scale_upem(f, UPEM)
    f = roundtrip(f)
    emoji.append(prefixed(f, "e%d_" % i))
    part_cmaps.append(dict(emoji[-1].getBestCmap()))  # a copy: extended below
    # Keycap bases: their glyph in this slice (by id: unmapped glyphs are renamed) stands
    # for the merged cmap's glyph (see `canonical` below).
    for base, gid in keycap_gids.items():
        part_cmaps[-1][base] = emoji[-1].getGlyphOrder()[gid]

missing = [s for s in SEQUENCES if tuple(s) not in placed]
if missing:
    print("sequences not found in any slice: %s" % [" ".join("%04X" % c for c in s) for s in missing],
          file=sys.stderr)

# COLRv1 of every emoji slice, palette indices shifted into one merged palette.
paints = {}
palette = []
for f in emoji:
    offset = len(palette)
    palette += f["CPAL"].palettes[0]
    colr = f["COLR"].table
    base = unbuildColrV1(colr.LayerList, colr.BaseGlyphList)

    def shift(node):
        if isinstance(node, dict):
            # 0xFFFF is the text colour, not a palette entry.
            return {k: (v + offset if k == "PaletteIndex" and v != 0xFFFF else shift(v))
                    for k, v in node.items()}
        if isinstance(node, list):
            return [shift(v) for v in node]
        return node

    for glyph, paint in base.items():
        paints[glyph] = shift(paint)
    clips = {}
    if colr.ClipList:
        for glyph, clip in colr.ClipList.clips.items():
            clips[glyph] = (clip.xMin, clip.yMin, clip.xMax, clip.yMax)
    paints_clips = clips
    for glyph, box in paints_clips.items():
        paints.setdefault("__clips__", {})[glyph] = box
    del f["COLR"], f["CPAL"]

clip_boxes = paints.pop("__clips__", {})

# fontTools' Merger reads files: write the parts to a temporary folder.
tmp = tempfile.mkdtemp()
paths = []
for k, f in enumerate(emoji + fonts):
    p = os.path.join(tmp, "%02d.ttf" % k)
    f.save(p)
    paths.append(p)
    print("part %d: %d glyphs, %d bytes" % (k, len(f.getGlyphOrder()), os.path.getsize(p)), file=sys.stderr)
# Emoji first: their (prefixed) glyph names are kept, so the COLR built below matches.
font = Merger().merge(paths)

# PaintComposite with a Porter-Duff mode: usvg 0.49 draws only SrcOver and the blend
# modes (as mix-blend-mode) and draws the others as plain layers, so an src_in "mask"
# shows its backdrop -- a solid fill of the whole clip box (the grey box behind ⚠ 💻 📦 …)
# or the flag's own shape. Noto's composites are all src_in of two kinds, rewritten here
# into paints usvg draws:
#   src_in(S, PaintSolid alpha a)  = S at group opacity a: one fill of the union of S's
#       outlines at a (S is one colour), else each of S's colours' alpha times a;
#   src_in(S, layers of glyph fills) = S clipped to the union of the layers' outlines
#       (a PaintGlyph of a new glyph holding those outlines, transforms applied).
# A union glyph is every outline's contours in one glyph: TrueType fills non-zero, so
# overlapping contours of one orientation fill their union.
from fontTools.misc.transform import Transform
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables.otTables import CompositeMode, PaintFormat

P = PaintFormat


def own_transform(node):
    """The affine transform a transform paint applies to its child, or None."""
    fmt = node["Format"]
    if fmt == P.PaintTransform:
        t = node["Transform"]
        return Transform(t["xx"], t["yx"], t["xy"], t["yy"], t["dx"], t["dy"])
    if fmt == P.PaintTranslate:
        return Transform().translate(node["dx"], node["dy"])
    if fmt == P.PaintScale:
        return Transform().scale(node["scaleX"], node["scaleY"])
    if fmt == P.PaintScaleUniform:
        return Transform().scale(node["scale"])
    if fmt == P.PaintScaleAroundCenter:
        cx, cy = node["centerX"], node["centerY"]
        return Transform().translate(cx, cy).scale(node["scaleX"], node["scaleY"]).translate(-cx, -cy)
    if fmt == P.PaintScaleUniformAroundCenter:
        cx, cy = node["centerX"], node["centerY"]
        return Transform().translate(cx, cy).scale(node["scale"]).translate(-cx, -cy)
    if fmt in (P.PaintRotate, P.PaintRotateAroundCenter, P.PaintSkew, P.PaintSkewAroundCenter):
        raise SystemExit("composite rewrite: unhandled transform %s" % P(fmt).name)
    return None


def glyph_fills(node, ts=Transform()):
    """The (glyph, transform, fill paint) leaves of a tree of layers, transforms and glyph
    fills, or None when it holds anything else."""
    fmt = node["Format"]
    if fmt == P.PaintGlyph:
        return [(node["Glyph"], ts, node["Paint"])]
    if fmt == P.PaintColrLayers:
        out = []
        for layer in node["Layers"]:
            sub = glyph_fills(layer, ts)
            if sub is None:
                return None
            out += sub
        return out
    own = own_transform(node)
    if own is None:
        return None
    return glyph_fills(node["Paint"], ts.transform(own))


glyph_set = font.getGlyphSet()
union_glyphs = {}  # key -> (name, glyph)


def union_glyph(fills):
    """A new glyph holding the outlines of the given (glyph, transform) leaves."""
    key = tuple((g, tuple(round(v, 6) for v in ts)) for g, ts, _ in fills)
    if key in union_glyphs:
        return union_glyphs[key][0]
    pen = TTGlyphPen(None)
    for g, ts, _ in fills:
        rec = DecomposingRecordingPen(glyph_set)
        glyph_set[g].draw(rec)
        rec.replay(TransformPen(pen, ts))
    name = "union%04d" % len(union_glyphs)
    union_glyphs[key] = (name, pen.glyph())
    return name


def scale_alpha(node, a):
    if isinstance(node, dict):
        return {k: (v * a if k == "Alpha" else scale_alpha(v, a)) for k, v in node.items()}
    if isinstance(node, list):
        return [scale_alpha(v, a) for v in node]
    return node


def opaque_solid(paint):
    return paint["Format"] == P.PaintSolid and paint["Alpha"] == 1.0


def src_in(source, backdrop):
    if backdrop["Format"] == P.PaintSolid:
        a = backdrop["Alpha"]
        fills = glyph_fills(source)
        if fills and len({(f["Format"], f.get("PaletteIndex"), f.get("Alpha")) for _, _, f in fills}) == 1 \
                and fills[0][2]["Format"] == P.PaintSolid:
            fill = dict(fills[0][2], Alpha=fills[0][2]["Alpha"] * a)
            return {"Format": P.PaintGlyph, "Glyph": union_glyph(fills), "Paint": fill}
        return source if a == 1.0 else scale_alpha(source, a)
    fills = glyph_fills(backdrop)
    if fills is None:
        raise SystemExit("composite rewrite: unhandled src_in backdrop %s" % P(backdrop["Format"]).name)
    # The backdrop's translucent layers (a 20 % shade) lie inside its opaque ones: the
    # opaque layers' union is the mask.
    opaque = [f for f in fills if opaque_solid(f[2])] or fills
    return {"Format": P.PaintGlyph, "Glyph": union_glyph(opaque), "Paint": source}


DRAWN_MODES = {CompositeMode.SRC_OVER} | {m for m in CompositeMode if m >= CompositeMode.SCREEN}


def rewrite(node):
    if isinstance(node, list):
        return [rewrite(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: rewrite(v) for k, v in node.items()}
    if node.get("Format") == P.PaintComposite:
        mode = CompositeMode[node["CompositeMode"].upper()] if isinstance(node["CompositeMode"], str) \
            else CompositeMode(node["CompositeMode"])
        if mode == CompositeMode.SRC_IN:
            return src_in(node["SourcePaint"], node["BackdropPaint"])
        if mode not in DRAWN_MODES:
            raise SystemExit("composite rewrite: unhandled mode %s" % mode.name)
    if node.get("Format") in (P.PaintSweepGradient, P.PaintVarSweepGradient):
        raise SystemExit("usvg draws no sweep gradient")
    return node


paints = {glyph: rewrite(paint) for glyph, paint in paints.items()}
order = list(font.getGlyphOrder())
for name, glyph in union_glyphs.values():
    order.append(name)
font.setGlyphOrder(order)
font["glyf"].glyphOrder = order
for name, glyph in union_glyphs.values():
    font["glyf"][name] = glyph
    glyph.recalcBounds(font["glyf"])
    font["hmtx"][name] = (0, getattr(glyph, "xMin", 0))
print("composites rewritten: %d union glyphs" % len(union_glyphs), file=sys.stderr)

colr = buildCOLR(paints, version=1, clipBoxes=clip_boxes)
font["COLR"] = colr
font["CPAL"] = buildCPAL([[(c.red / 255, c.green / 255, c.blue / 255, c.alpha / 255) for c in palette]])

# A codepoint in several slices (ZWJ, VS16, 👨, ❤ …) maps to one slice's glyph in the
# merged cmap; the other slices' ligatures name their own copy. Point them at the mapped
# glyph (the copies are the same drawing).
mega = font.getBestCmap()
canonical = {}
for cmap in part_cmaps:
    for cp, glyph in cmap.items():
        if mega.get(cp) not in (None, glyph):
            canonical[glyph] = mega[cp]
for lookup in font["GSUB"].table.LookupList.Lookup:
    for st in lookup.SubTable:
        st = st.ExtSubTable if lookup.LookupType == 7 else st
        if getattr(st, "LookupType", lookup.LookupType) != 4:
            continue
        merged_ligs = {}
        for first, ligs in st.ligatures.items():
            for lig in ligs:
                lig.Component = [canonical.get(c, c) for c in lig.Component]
                lig.CompCount = len(lig.Component) + 1
            merged_ligs.setdefault(canonical.get(first, first), []).extend(ligs)
        for ligs in merged_ligs.values():
            ligs.sort(key=lambda lig: -len(lig.Component))  # longest match first
        st.ligatures = merged_ligs

# Variation sequences (❤ + VS16 …): fontTools' merger drops cmap format 14; without it
# VS16 has no glyph and breaks the ZWJ sequences that contain it. Rebuild it from the parts.
uvs = {}
for f in emoji:
    for table in f["cmap"].tables:
        if table.format == 14:
            for selector, pairs in table.uvsDict.items():
                for cp, glyph in pairs:
                    uvs.setdefault(selector, {})[cp] = canonical.get(glyph, glyph) if glyph else None
if uvs:
    table = cmap_format_14(14)
    table.platformID, table.platEncID, table.language = 0, 5, 0xFF
    table.cmap = {}
    table.uvsDict = {sel: sorted(pairs.items()) for sel, pairs in uvs.items()}
    font["cmap"].tables.append(table)

# Emoji ligatures (ZWJ sequences, flags) are under DFLT/latn in the slices: make every
# script's language systems apply every feature of DFLT too (an emoji in a Cyrillic,
# Arabic or Devanagari run still forms its sequence).
gsub = font["GSUB"].table


def names_in(node, seen):
    if isinstance(node, str):
        return node.startswith("e") and "_" in node[:4] and node[1:node.index("_")].isdigit()
    if id(node) in seen or isinstance(node, (int, float, bytes)) or node is None:
        return False
    seen.add(id(node))
    if isinstance(node, dict):
        return any(names_in(k, seen) or names_in(v, seen) for k, v in node.items())
    if isinstance(node, (list, tuple)):
        return any(names_in(v, seen) for v in node)
    return hasattr(node, "__dict__") and names_in(vars(node), seen)


emoji_lookups = {i for i, lk in enumerate(gsub.LookupList.Lookup) if names_in(lk, set())}
emoji_features = [i for i, rec in enumerate(gsub.FeatureList.FeatureRecord)
                  if set(rec.Feature.LookupListIndex) & emoji_lookups]
for rec in gsub.ScriptList.ScriptRecord:
    systems = [rec.Script.DefaultLangSys] if rec.Script.DefaultLangSys else []
    systems += [ls.LangSys for ls in rec.Script.LangSysRecord]
    for ls in systems:
        for i in emoji_features:
            if i not in ls.FeatureIndex:
                ls.FeatureIndex.append(i)
        ls.FeatureIndex.sort()
        ls.FeatureCount = len(ls.FeatureIndex)

# The merged lists hold one feature per source font under each tag (several `ccmp`,
# `locl`, …); shapers take the first feature of a tag only, so merge them into one.
for tag in ("GSUB", "GPOS"):
    table = font[tag].table
    features = table.FeatureList.FeatureRecord
    for rec in table.ScriptList.ScriptRecord:
        systems = [rec.Script.DefaultLangSys] if rec.Script.DefaultLangSys else []
        systems += [ls.LangSys for ls in rec.Script.LangSysRecord]
        for ls in systems:
            by_tag = {}
            for i in ls.FeatureIndex:
                by_tag.setdefault(features[i].FeatureTag, []).append(i)
            indices = []
            for ftag, group in by_tag.items():
                if len(group) == 1:
                    indices.append(group[0])
                    continue
                lookups = sorted({lk for i in group for lk in features[i].Feature.LookupListIndex})
                feature = otTables.Feature()
                feature.FeatureParams = None
                feature.LookupListIndex = lookups
                feature.LookupCount = len(lookups)
                record = otTables.FeatureRecord()
                record.FeatureTag = ftag
                record.Feature = feature
                features.append(record)
                indices.append(len(features) - 1)
            ls.FeatureIndex = sorted(indices)
            ls.FeatureCount = len(ls.FeatureIndex)
    table.FeatureList.FeatureCount = len(features)

name = font["name"]
name.names = []
for nid, value in [(0, "Subset of Noto Sans, Noto Sans Arabic/Hebrew/Devanagari/Thai/Symbols 2 "
                       "and Noto Color Emoji, Copyright The Noto Project Authors / Google Inc."),
                   (1, FAMILY), (2, "Regular"), (3, FAMILY + " Regular"), (4, FAMILY + " Regular"),
                   (5, "Version 1.0"), (6, FAMILY.replace(" ", "") + "-Regular"),
                   (13, "This Font Software is licensed under the SIL Open Font License, Version 1.1."),
                   (14, "https://openfontlicense.org")]:
    name.setName(value, nid, 3, 1, 0x409)
font["OS/2"].usWeightClass = 400
font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | 0b1000000  # REGULAR
font["head"].macStyle = 0
font["post"].formatType = 3.0  # no glyph names (resvg and harfrust need none)
# Reproducible bytes: the timestamps of the Noto Sans source, not the time of the run.
font.recalcTimestamp = False
source_head = TTFont("%s/%s" % (NOTO_DIR, SCRIPTS[0][0]))["head"]
font["head"].created = source_head.created
font["head"].modified = source_head.modified
font.save(OUT)
print("%s: %d glyphs, %d bytes" % (OUT, len(font.getGlyphOrder()), os.path.getsize(OUT)), file=sys.stderr)
