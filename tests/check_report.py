#!/usr/bin/env python3
"""Reads a Claimtrack report as a browser would: the HTML parsed by html5lib in strict mode (any parse error
fails), each inline SVG chart parsed as XML. Prints the report's text, tags removed, for the caller to check.

Usage: check_report.py REPORT.html
"""
import re
import sys
import xml.etree.ElementTree as ET

import html5lib

def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    parser = html5lib.HTMLParser(strict=True)
    try:
        document = parser.parse(text)
    except html5lib.html5parser.ParseError as error:
        print(f"{path}: not valid HTML: {error}", file=sys.stderr)
        return 1
    # Each chart as the XML it must be on its own (as `claimtrack-cli chart` writes it), from the file's bytes.
    charts = re.findall(r"<svg\b.*?</svg>", text, flags=re.S)
    for chart in charts:
        root = ET.fromstring(chart)
        if root.find("{http://www.w3.org/2000/svg}title") is None:
            print(f"{path}: a chart without a title", file=sys.stderr)
            return 1
    print(f"charts: {len(charts)}")
    body = document.find("{http://www.w3.org/1999/xhtml}body")
    print(" ".join(" ".join(body.itertext()).split()))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
