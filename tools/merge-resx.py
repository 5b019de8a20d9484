#!/usr/bin/env python3
"""Resolves a git merge conflict in SharedResource.en.resx by taking the union of both sides'
entries (ours wins on the same key). Usage: python3 tools/merge-resx.py"""
import re, subprocess, sys
sys.path.insert(0, "tools")
import translations as t

def entries(stage):
    text = subprocess.run(["git", "show", f":{stage}:{t.PATH}"], capture_output=True, text=True, check=True).stdout
    import xml.etree.ElementTree as ET
    root = ET.fromstring(text)
    return {d.get("name"): d.find("value").text or "" for d in root.findall("data")}

merged = entries(3)
merged.update(entries(2))
t.save(merged)
subprocess.run(["git", "add", t.PATH], check=True)
print(f"{len(merged)} entries merged")
