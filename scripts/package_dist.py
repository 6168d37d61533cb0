#!/usr/bin/env python3
"""Writes dist/, the whole deployable app: the web shell, hoso.js/.wasm, the published schemas,
and the build's facts (sizes, content hash) injected into boot.js (and the service worker, with
every file's SHA-256, which build.json lists too)."""
import argparse, hashlib, json, pathlib, shutil

ap = argparse.ArgumentParser()
ap.add_argument("--build", required=True)
ap.add_argument("--source", required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()
build, src, out = pathlib.Path(args.build), pathlib.Path(args.source), pathlib.Path(args.out)

staging = out.with_name(out.name + ".tmp")
shutil.rmtree(staging, ignore_errors=True)
staging.mkdir(parents=True)

for f in sorted((src / "web").rglob("*")):
    if f.is_file():
        dest = staging / f.relative_to(src / "web")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
# The two editions (src/app/edition.hpp): the unit's "hoso" and the full "hoso-full".
EDITIONS = ("hoso", "hoso-full")
for edition in EDITIONS:
    for ext in (".js", ".wasm"):
        shutil.copyfile(build / (edition + ext), staging / (edition + ext))
# The print stylesheet of the printable documents (they link it by absolute URL: the app's CSP
# forbids inline styles in the tab they open in).
if (src / "assets" / "print" / "print.css").exists():
    shutil.copyfile(src / "assets" / "print" / "print.css", staging / "print.css")
schema_dir = src / "assets" / "schema"
if schema_dir.is_dir():
    for f in sorted(schema_dir.glob("*.json")):
        (staging / "schema").mkdir(exist_ok=True)
        shutil.copyfile(f, staging / "schema" / f.name)

# The shell's scripts go out without their whole-line comments and indentation (they are for the
# source; a phone on a slow network should not download them). Only lines that hold nothing but a
# comment; no line of these files continues a string or template onto the next.
for name in ("boot.js", "sw.js"):
    f = staging / name
    if f.exists():
        f.write_text("".join(line.lstrip(" ") for line in f.read_text().splitlines(keepends=True)
                             if not line.lstrip().startswith("//")))

# The build's content hash covers every file; those that carry it (boot.js, sw.js) count as their
# text before it goes in, so a change to them alone is a new build too (the service worker sees
# a new sw.js and offers the update).
h = hashlib.sha256()
files = sorted(p for p in staging.rglob("*") if p.is_file())
for p in files:
    rel = p.relative_to(staging).as_posix()
    h.update(rel.encode() + b"\0" + p.read_bytes())
content_hash = h.hexdigest()[:16]
info = {"wasmBytes": {e: (staging / (e + ".wasm")).stat().st_size for e in EDITIONS}, "hash": content_hash}

boot = staging / "boot.js"
text = boot.read_text()
marker = 'var BUILD = {"wasmBytes": {}, "hash": "dev"};'
assert marker in text, "boot.js lost its BUILD marker"
boot.write_text(text.replace(marker, "var BUILD = " + json.dumps(info) + ";"))

def sha256_of(rel):
    return hashlib.sha256((staging / rel).read_bytes()).hexdigest()

# Each file's SHA-256 as deployed (boot.js with the build's facts in it): the service worker checks
# every file it caches against them, and installs a new build only when all of them match.
sw = staging / "sw.js"
if sw.exists():
    # What the app needs offline: every file but the worker itself and the published schemas
    # (for other tools; the app never asks for them). "./" is the page as navigations ask for it.
    # The full edition is cached when first used (LAZY), not on everyone's first visit.
    lazy = [e + ext for e in EDITIONS[1:] for ext in (".js", ".wasm")]
    precache = sorted(rel for rel in (p.relative_to(staging).as_posix() for p in files)
                      if rel != "sw.js" and not rel.startswith("schema/") and rel not in lazy)
    precache_hashes = {"./": sha256_of("index.html"), **{rel: sha256_of(rel) for rel in precache}}
    text = sw.read_text()
    assert all(m in text for m in ('"__HOSO_BUILD_HASH__"', '{"__HOSO_PRECACHE__": ""}', '{"__HOSO_LAZY__": ""}')), "sw.js lost its markers"
    sw.write_text(text
                  .replace('"__HOSO_BUILD_HASH__"', json.dumps(content_hash))
                  .replace('{"__HOSO_PRECACHE__": ""}', json.dumps(precache_hashes))
                  .replace('{"__HOSO_LAZY__": ""}', json.dumps({rel: sha256_of(rel) for rel in lazy})))

# build.json: the build's facts and every file's SHA-256 (sw.js's included, as deployed).
info["files"] = {rel: sha256_of(rel) for rel in (p.relative_to(staging).as_posix() for p in files)}
(staging / "build.json").write_text(json.dumps(info) + "\n")
shutil.rmtree(out, ignore_errors=True)
staging.rename(out)
print(f"dist: {len(files)} files, build {content_hash}")
