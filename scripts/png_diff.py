#!/usr/bin/env python3
"""Mean per-pixel difference of two PNGs (standard library only).

usage: png_diff.py OURS.png CHROMIUM.png
Both are composited over white; the Chromium screenshot is cropped to our
size. Prints the mean absolute difference per channel (0-255) over all
pixels and the share of pixels differing by more than 32 in any channel.
"""
import struct, sys, zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (path, depth, ctype)
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    px = []
    for line in rows:
        row = []
        for x in range(w):
            r, g, b_ = line[x * bpp:x * bpp + 3]
            al = line[x * bpp + 3] / 255 if bpp == 4 else 1.0
            row.append(tuple(v * al + 255 * (1 - al) for v in (r, g, b_)))
        px.append(row)
    return w, h, px


def main():
    w1, h1, a = read_png(sys.argv[1])
    w2, h2, b = read_png(sys.argv[2])
    w, h = min(w1, w2), min(h1, h2)
    total, big = 0.0, 0
    for y in range(h):
        for x in range(w):
            d = [abs(p - q) for p, q in zip(a[y][x], b[y][x])]
            total += sum(d) / 3
            big += max(d) > 32
    n = w * h
    print(f"{total / n:.2f} {100 * big / n:.2f}% {w1}x{h1} {w2}x{h2}")


main()
