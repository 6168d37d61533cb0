#!/usr/bin/env python3
"""Copies Dear ImGui's imgui_draw.cpp with its built-in ProggyClean font data (12 KB of base85)
emptied. hoso always adds its own font, so AddFontDefault() is never called; ImGui 1.90.1 has no
switch to leave the data out. Another ImGui whose file differs is copied unchanged.

usage: imgui_draw_without_default_font.py IMGUI_DRAW_CPP OUT_CPP"""
import re, sys

src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
data = re.compile(r'(static const char proggy_clean_ttf_compressed_data_base85\[)[^\]]*(\] =)'
                  r'(\s*"(?:[^"\\]|\\.)*")+;', re.S)
trimmed, n = data.subn(r'\g<1>1\g<2> "";', text)
if n != 1:
    print(f"{src}: the ProggyClean data was not found; copied unchanged")
    trimmed = text
with open(out, "w", encoding="utf-8") as f:
    f.write(trimmed)
