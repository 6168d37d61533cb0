#!/usr/bin/env python3
"""Generates hoso's Unicode tables for NFC, search folding and collation.

Usage: gen_unicode_tables.py OUT_TABLES.inc [OUT_NFC_TESTS.inc]

Reads Debian's unicode-data (UnicodeData.txt, CompositionExclusions.txt and, for the optional
second output, NormalizationTest.txt.bz2) from /usr/share/unicode, or from $HOSO_UCD_DIR.

Coverage: the whole of Unicode's canonical normalisation data (every canonical decomposition,
every canonical combining class, every primary composite; Hangul is algorithmic in unicode.cpp), so
nfc() agrees with any other conforming implementation (e.g. JavaScript's normalize("NFC")) and
package hashes can be checked independently. The data is kept compact (about 16 KB):

  kProps         one uint32 per run of "not NFC-inert" code points (ccc != 0, or NFC_QC No or
                 Maybe), with their ccc: (start << 14) | ((len - 1) << 8) | ccc. Anything not in a
                 run has ccc 0 and NFC_QC=Yes, so it starts a new normalisation segment.
  kBmpBlockBits  one bit per 64 BMP code points: set if the block holds a run (fast path).
  kBmpDecompBits one bit per 64 BMP code points: set if the block holds a decomposition.
  kCcc0300       the combining classes of U+0300..U+036F, the marks Vietnamese uses (fast path).
  kDecomp16      {cp, first, second} for the BMP (second is 0 for singletons), sorted by cp.
  kDecomp32      the same for supplementary code points (CJK compatibility ideographs excepted).
  kCjkF900/kCjk2F800  the singleton decompositions of the CJK compatibility ideographs, dense.
  kComp          indexes into kDecomp16 ++ kDecomp32 of the primary composites, sorted by
                 (first, second): canonical composition.
  kLowerRuns/kLowerDelta  simple lower-case mappings (UnicodeData field 13) as runs: start,
                 count, stride 1 or 2, and one delta per run.

The derived NFC_QC property is checked against DerivedNormalizationProps.txt when present.
"""
import bz2
import os
import sys

UCD = os.environ.get("HOSO_UCD_DIR", "/usr/share/unicode")


def ucd(name):
    return os.path.join(UCD, name)


def data_lines(path, opener=open):
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def unicode_version():
    with open(ucd("CompositionExclusions.txt"), encoding="utf-8") as f:
        first = f.readline()  # "# CompositionExclusions-15.0.0.txt"
    return first.strip().lstrip("# ").removeprefix("CompositionExclusions-").removesuffix(".txt")


def load():
    ccc, decomp, lower = {}, {}, {}
    for line in data_lines(ucd("UnicodeData.txt")):
        f = line.split(";")
        cp = int(f[0], 16)
        if int(f[3]):
            ccc[cp] = int(f[3])
        if f[5] and not f[5].startswith("<"):
            decomp[cp] = [int(x, 16) for x in f[5].split()]
        if f[13]:
            lower[cp] = int(f[13], 16)
    excluded = {int(line.split()[0], 16) for line in data_lines(ucd("CompositionExclusions.txt"))}
    return ccc, decomp, lower, excluded


def build(ccc, decomp, lower, excluded):
    assert all(1 <= len(d) <= 2 for d in decomp.values())
    # Primary composites: two-code-point decompositions not excluded, not starting with a
    # non-starter and not themselves non-starters (UAX #15, "Full Composition Exclusion").
    comp = {}
    qc_no = set()
    for cp, d in decomp.items():
        if len(d) == 1 or cp in excluded or ccc.get(d[0], 0) or ccc.get(cp, 0):
            qc_no.add(cp)
        else:
            comp[(d[0], d[1])] = cp
    qc_maybe = {second for (_, second) in comp}
    qc_maybe |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo

    dnp = ucd("DerivedNormalizationProps.txt")
    if os.path.exists(dnp):
        want = {"N": set(), "M": set()}
        for line in data_lines(dnp):
            f = [x.strip() for x in line.split(";")]
            if len(f) >= 3 and f[1] == "NFC_QC":
                lo, _, hi = f[0].partition("..")
                want[f[2]].update(range(int(lo, 16), int(hi or lo, 16) + 1))
        assert want["N"] == qc_no, "derived NFC_QC=No differs from DerivedNormalizationProps"
        assert want["M"] == qc_maybe, "derived NFC_QC=Maybe differs from DerivedNormalizationProps"

    non_inert = sorted(set(ccc) | qc_no | qc_maybe)
    props = []  # [start, len, ccc]
    for cp in non_inert:
        c = ccc.get(cp, 0)
        if props and props[-1][0] + props[-1][1] == cp and props[-1][2] == c and props[-1][1] < 64:
            props[-1][1] += 1
        else:
            props.append([cp, 1, c])
    assert non_inert[0] >= 0x300 and non_inert[-1] < (1 << 18)
    block_bits = [0] * 16
    for start, length, _ in props:
        for cp in range(start, start + length):
            if cp < 0x10000:
                block_bits[cp >> 12] |= 1 << ((cp >> 6) & 63)

    decomp_bits = [0] * 16
    for cp in decomp:
        if cp < 0x10000:
            decomp_bits[cp >> 12] |= 1 << ((cp >> 6) & 63)
    ccc0300 = [ccc.get(cp, 0) for cp in range(0x300, 0x370)]

    def cjk(cp):
        return 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F

    d16 = [(cp, d) for cp, d in sorted(decomp.items()) if cp < 0x10000 and not cjk(cp)]
    d32 = [(cp, d) for cp, d in sorted(decomp.items()) if cp >= 0x10000 and not cjk(cp)]
    assert all(max(d) < 0x10000 for _, d in d16)
    cjk_f900 = [decomp.get(cp, [0])[0] for cp in range(0xF900, 0xFADA)]
    cjk_2f800 = [decomp.get(cp, [0])[0] for cp in range(0x2F800, 0x2FA1E)]
    assert all(len(d) == 1 for cp, d in decomp.items() if cjk(cp))
    assert not [cp for cp in decomp if cjk(cp) and not (0xF900 <= cp < 0xFADA or 0x2F800 <= cp < 0x2FA1E)]

    index = {cp: i for i, (cp, _) in enumerate(d16 + d32)}
    comp_idx = [index[comp[k]] for k in sorted(comp)]
    assert len(index) < 65536

    runs = []  # [start, count, stride, delta]
    for cp, lo in sorted(lower.items()):
        delta = lo - cp
        if runs:
            r = runs[-1]
            stride = cp - r[0] if r[1] == 1 else r[2]
            if r[3] == delta and stride in (1, 2) and cp == r[0] + r[1] * stride and r[1] < 128:
                r[1] += 1
                r[2] = stride
                continue
        runs.append([cp, 1, 1, delta])
    assert runs[-1][0] < (1 << 24)
    return props, block_bits, decomp_bits, ccc0300, d16, d32, cjk_f900, cjk_2f800, comp_idx, runs


def c_array(ctype, name, values, per_line=12, fmt="0x{:X}"):
    out = [f"constexpr {ctype} {name}[] = {{"]
    vals = [fmt.format(v) if v >= 0 else str(v) for v in values]
    for i in range(0, len(vals), per_line):
        out.append("    " + ", ".join(vals[i:i + per_line]) + ",")
    out.append("};")
    return "\n".join(out)


def write_tables(path):
    ccc, decomp, lower, excluded = load()
    props, block_bits, decomp_bits, ccc0300, d16, d32, cjk_f900, cjk_2f800, comp_idx, runs = \
        build(ccc, decomp, lower, excluded)
    flat16 = [x for cp, d in d16 for x in (cp, d[0], d[1] if len(d) > 1 else 0)]
    flat32 = [x for cp, d in d32 for x in (cp, d[0], d[1] if len(d) > 1 else 0)]
    parts = [
        "// Generated by scripts/gen_unicode_tables.py from Debian's unicode-data. Do not edit.",
        f'constexpr const char kUnicodeVersion[] = "{unicode_version()}";',
        c_array("uint32_t", "kProps", [(s << 14) | ((n - 1) << 8) | c for s, n, c in props], 8),
        c_array("uint64_t", "kBmpBlockBits", block_bits, 4),
        c_array("uint64_t", "kBmpDecompBits", decomp_bits, 4),
        c_array("uint8_t", "kCcc0300", ccc0300, 16, "{}"),
        c_array("uint16_t", "kDecomp16", flat16, 12),
        c_array("uint32_t", "kDecomp32", flat32, 9),
        c_array("uint32_t", "kCjkF900", cjk_f900, 10),
        c_array("uint32_t", "kCjk2F800", cjk_2f800, 10),
        c_array("uint16_t", "kComp", comp_idx, 16, "{}"),
        c_array("uint32_t", "kLowerRuns", [(s << 8) | ((n - 1) << 1) | (st - 1) for s, n, st, _ in runs], 8),
        c_array("int32_t", "kLowerDelta", [d for _, _, _, d in runs], 16, "{}"),
    ]
    size = 4 * len(props) + 256 + len(ccc0300) + 2 * len(flat16) + 4 * len(flat32) + 4 * (len(cjk_f900) + len(cjk_2f800)) \
        + 2 * len(comp_idx) + 8 * len(runs)
    parts.insert(1, f"// Table data: {size} bytes.")
    write_file(path, "\n".join(parts) + "\n")


def write_nfc_tests(path):
    """NormalizationTest.txt as C string literals, one per test line, prefixed with its part."""
    lines, part = [], None
    with bz2.open(ucd("NormalizationTest.txt.bz2"), "rt", encoding="utf-8") as f:
        for raw in f:
            raw = raw.split("#", 1)[0].strip()
            if raw.startswith("@Part"):
                part = int(raw[5:])
            elif raw:
                cols = raw.rstrip(";").split(";")
                assert len(cols) == 5 and part is not None
                lines.append(f'"{part}|{";".join(c.strip() for c in cols)}"')
    text = ["// Generated by scripts/gen_unicode_tables.py from NormalizationTest.txt. Do not edit.",
            f'constexpr const char kNormalizationTestVersion[] = "{unicode_version()}";',
            "// \"part|c1;c2;c3;c4;c5\" with code points in hex, as in NormalizationTest.txt.",
            "constexpr const char* kNormalizationTests[] = {"]
    text += [f"    {x}," for x in lines]
    text.append("};")
    write_file(path, "\n".join(text) + "\n")


def write_file(path, content):
    # Always written (atomically), so the build tool sees outputs newer than the script.
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(tmp, path)


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    write_tables(argv[1])
    if len(argv) == 3:
        write_nfc_tests(argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
