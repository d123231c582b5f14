#!/usr/bin/env python3
"""Mean per-pixel difference of two PNGs (standard library only).

usage: png_diff.py OURS.png CHROMIUM.png [DIFF.png]
Both are composited over white; the Chromium screenshot is cropped to our
size. Prints the mean absolute difference per channel (0-255) over all
pixels and the share of pixels differing by more than 32 in any channel.
With DIFF.png, also writes a difference image: white where equal, grey
(darker = larger) for small differences, red where off by more than 32.
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


def write_png(path, w, h, rows):
    """Write 8-bit RGB rows (lists of (r, g, b) tuples) as a PNG."""
    raw = b"".join(b"\0" + bytes(v for px in row for v in px) for row in rows)

    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main():
    w1, h1, a = read_png(sys.argv[1])
    w2, h2, b = read_png(sys.argv[2])
    w, h = min(w1, w2), min(h1, h2)
    total, big, out = 0.0, 0, []
    for y in range(h):
        row = []
        for x in range(w):
            d = [abs(p - q) for p, q in zip(a[y][x], b[y][x])]
            total += sum(d) / 3
            m = max(d)
            big += m > 32
            if m > 32:
                row.append((255, 0, 0))
            else:
                g = int(255 - 6 * m)
                row.append((g, g, g))
        out.append(row)
    if len(sys.argv) > 3:
        write_png(sys.argv[3], w, h, out)
    n = w * h
    print(f"{total / n:.2f} {100 * big / n:.2f}% {w1}x{h1} {w2}x{h2}")


main()
