#!/usr/bin/env python3
"""Adds English texts to src/Planwerk/Infrastructure/Localization/SharedResource.en.resx.

Input: a TSV file (or stdin) of lines "German<TAB>English". Existing keys are overwritten,
the file stays sorted by key. Usage: python3 tools/translations.py new.tsv
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

PATH = "src/Planwerk/Infrastructure/Localization/SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load():
    try:
        root = ET.parse(PATH).getroot()
    except FileNotFoundError:
        return {}
    return {d.get("name"): d.find("value").text or "" for d in root.findall("data")}

def save(entries):
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")

if __name__ == "__main__":
    entries = load()
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    for line in source:
        line = line.rstrip("\n")
        if not line.strip() or "\t" not in line:
            continue
        de, en = line.split("\t", 1)
        entries[de] = en
    save(entries)
    print(f"{len(entries)} English texts in {PATH}")
