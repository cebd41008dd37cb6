#!/usr/bin/env python3
"""Add or update UI strings in the Web project's resource files (neutral = French, .ar, .en).

Usage:
  scripts/resx.py Name Key "texte français" "نص عربي" "English text"
  scripts/resx.py Name --tsv file.tsv      # lines: Key<TAB>fr<TAB>ar<TAB>en

Name is the resource marker class (e.g. SharedResource, ProposalsText) whose files live in
src/OpenGov.Web/Resources/Name.resx, Name.ar.resx and Name.en.resx.
"""
import os, sys
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "OpenGov.Web", "Resources")
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    tree = ET.parse(path)
    return {d.get("name"): (d.find("value").text or "") for d in tree.getroot().findall("data")}

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>\n')
        f.write("</root>\n")

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__); sys.exit(2)
    name = args[0]
    rows = []
    if args[1] == "--tsv":
        with open(args[2], encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 4:
                    sys.exit(f"bad line (need 4 tab-separated fields): {line}")
                rows.append(parts)
    else:
        if len(args) != 5:
            print(__doc__); sys.exit(2)
        rows.append(args[1:5])
    os.makedirs(ROOT, exist_ok=True)
    for suffix, idx in (("", 1), (".ar", 2), (".en", 3)):
        path = os.path.join(ROOT, f"{name}{suffix}.resx")
        entries = load(path)
        for r in rows:
            entries[r[0]] = r[idx]
        save(path, entries)

if __name__ == "__main__":
    main()
