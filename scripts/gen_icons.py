#!/usr/bin/env python3
"""Draws hoso's PNG icons (the shapes of web/favicon.svg) into web/icons/, with Python's standard
library only: a scanline rasteriser with 4x4 supersampling and a small PNG writer.

    scripts/gen_icons.py            # rewrites web/icons/*.png
    scripts/gen_icons.py --check    # fails if the committed PNGs differ from what it draws

icon-192.png, icon-512.png: the rounded tile, transparent corners (manifest purpose "any").
maskable-512.png: full bleed, the drawing scaled into the central safe circle (purpose "maskable").
apple-touch-icon.png (180): full bleed and opaque; iOS rounds the corners itself.
Keep the shapes in step with web/favicon.svg (a 64x64 viewBox)."""
import math, pathlib, struct, sys, zlib

BLUE, WHITE, FOLD, STAR = (0x1F, 0x5F, 0xA8), (0xFF, 0xFF, 0xFF), (0xCF, 0xE0, 0xF5), (0xE8, 0xB4, 0x00)
SS = 4  # samples per pixel along each axis


def arc(cx, cy, r, a0, a1, steps=8):
    """Points on a circle from angle a0 to a1 (degrees, y down), end points included."""
    return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
             cy + r * math.sin(math.radians(a0 + (a1 - a0) * i / steps))) for i in range(steps + 1)]


def rounded_rect(x0, y0, x1, y1, r):
    return (arc(x1 - r, y0 + r, r, -90, 0) + arc(x1 - r, y1 - r, r, 0, 90)
            + arc(x0 + r, y1 - r, r, 90, 180) + arc(x0 + r, y0 + r, r, 180, 270))


# favicon.svg, in its 64x64 units.
DOCUMENT = ([(18, 14), (38, 14), (48, 24)] + arc(46, 50, 2, 0, 90) + arc(18, 50, 2, 90, 180)
            + arc(18, 16, 2, 180, 270))
FOLD_TRIANGLE = [(38, 14), (38, 24), (48, 24)]
STAR_POINTS = [(32, 30), (35, 36), (41.5, 37), (36.8, 41.6), (37.9, 48), (32, 45), (26.1, 48), (27.2, 41.6),
               (22.5, 37), (29, 36)]
TILE = rounded_rect(0, 0, 64, 64, 14)
SQUARE = [(0, 0), (64, 0), (64, 64), (0, 64)]


def coverage(poly, size):
    """Fraction of each pixel inside the polygon (even-odd), as a list of floats, row-major."""
    cov = [0.0] * (size * size)
    edges = [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
    edges = [(a, b) for a, b in edges if a[1] != b[1]]
    ymin = max(0, int(min(p[1] for p in poly) * SS))
    ymax = min(size * SS, int(math.ceil(max(p[1] for p in poly) * SS)))
    w = 1.0 / (SS * SS)
    for sy in range(ymin, ymax):
        y = (sy + 0.5) / SS
        xs = sorted(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
                    for a, b in edges if min(a[1], b[1]) <= y < max(a[1], b[1]))
        row = (sy // SS) * size
        for x0, x1 in zip(xs[0::2], xs[1::2]):
            # Horizontal coverage is exact: whole samples' widths inside [x0, x1).
            x0, x1 = max(0.0, x0), min(float(size), x1)
            if x1 <= x0:
                continue
            p0, p1 = int(x0), min(size - 1, int(x1))
            if p0 == p1:
                cov[row + p0] += (x1 - x0) * SS * w
                continue
            cov[row + p0] += (p0 + 1 - x0) * SS * w
            for p in range(p0 + 1, p1):
                cov[row + p] += SS * w
            cov[row + p1] += (x1 - p1) * SS * w
    return cov


def draw(size, layers, opaque):
    """layers: (polygon in 64-unit space, colour, scale about the centre). Returns RGBA bytes."""
    rgba = [[0.0, 0.0, 0.0, 0.0] for _ in range(size * size)]  # premultiplied
    for poly, colour, scale in layers:
        k = size / 64.0
        pts = [((x - 32) * scale * k + size / 2, (y - 32) * scale * k + size / 2) for x, y in poly]
        for i, c in enumerate(coverage(pts, size)):
            if c <= 0:
                continue
            a = min(1.0, c)
            px = rgba[i]
            for ch in range(3):
                px[ch] = colour[ch] / 255.0 * a + px[ch] * (1 - a)
            px[3] = a + px[3] * (1 - a)
    out = bytearray()
    for r, g, b, a in rgba:
        if opaque:  # the background covers every pixel: premultiplied is plain
            out += bytes(min(255, round(v * 255)) for v in (r, g, b))
        elif a <= 0:
            out += bytes(4)
        else:
            out += bytes(min(255, round(v / a * 255)) for v in (r, g, b)) + bytes((round(a * 255),))
    return bytes(out)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(size, pixels, channels):
    """An indexed-colour PNG (a palette of at most 256 RGB or RGBA colours, one byte a pixel: a
    third of the bytes of RGBA once compressed). The few shades of the anti-aliased edges beyond
    256 take the nearest colour in the palette, which the eye cannot tell at these sizes."""
    px = [pixels[i:i + channels] for i in range(0, len(pixels), channels)]
    counts = {}
    for c in px:
        counts[c] = counts.get(c, 0) + 1
    palette = sorted(counts, key=lambda c: (-counts[c], c))[:256]
    index = {c: i for i, c in enumerate(palette)}

    def nearest(c):
        return min(range(len(palette)), key=lambda i: sum((a - b) ** 2 for a, b in zip(c, palette[i])))

    for c in counts:
        if c not in index:
            index[c] = nearest(c)
    raw = bytearray()
    for y in range(size):
        raw += b"\0" + bytes(index[c] for c in px[y * size:(y + 1) * size])  # filter None, as PNG advises for palettes
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)
    plte = b"".join(bytes(c[:3]) for c in palette)
    trns = bytes(c[3] for c in palette) if channels == 4 else b""
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", plte) + (chunk(b"tRNS", trns) if trns else b"")
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def icon(size, full_bleed, scale):
    bg = (SQUARE if full_bleed else TILE, BLUE, 1.0)
    art = [(DOCUMENT, WHITE, scale), (FOLD_TRIANGLE, FOLD, scale), (STAR_POINTS, STAR, scale)]
    return png(size, draw(size, [bg] + art, opaque=full_bleed), 3 if full_bleed else 4)


# The maskable safe zone is the central circle of radius 40% of the size: the drawing reaches
# 0.40 of the size from the centre at scale 1 (its corner at 48,52), so 0.9 leaves a margin.
ICONS = {
    "icon-192.png": (192, False, 1.0),
    "icon-512.png": (512, False, 1.0),
    "maskable-512.png": (512, True, 0.9),
    "apple-touch-icon.png": (180, True, 0.9),
}

if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "web" / "icons"
    check = "--check" in sys.argv[1:]
    stale = []
    out.mkdir(exist_ok=True)
    for name, (size, full_bleed, scale) in ICONS.items():
        data = icon(size, full_bleed, scale)
        path = out / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"{path}: {size}x{size}, {len(data)} bytes")
    if stale:
        print("icons differ from scripts/gen_icons.py: " + ", ".join(stale))
        sys.exit(1)
