#!/usr/bin/env python3
"""Reads ClaimReview JSON-LD as a linked-data processor does: expanded (pyld) with the schema.org context,
kept in tests/data/schemaorg, for "https://schema.org". Fails, naming it, on any property or type that is not
one of the terms schema.org defines: @vocab would expand a misspelt name all the same, so that a typo would
pass a plain expansion.

Usage: check_claimreview.py FILE.jsonld CONTEXT.jsonld; prints how many reviews it read.
"""
import json
import sys

from pyld import jsonld

SCHEMA = "http://schema.org/"


def main(path, context_path):
    with open(context_path, encoding="utf-8") as f:
        context = json.load(f)
    defined = set()
    for term, definition in context["@context"].items():
        iri = definition.get("@id", "") if isinstance(definition, dict) else ""
        if iri.startswith("schema:"):
            defined.add(SCHEMA + iri[len("schema:"):])

    def load(url, options=None):
        if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
            raise jsonld.JsonLdError("only the schema.org context is kept here", "loading document failed",
                                     {"url": url})
        return {"contextUrl": None, "documentUrl": url, "document": context}

    with open(path, encoding="utf-8") as f:
        reviews = json.load(f)
    expanded = jsonld.expand(reviews, {"documentLoader": load})
    problems = []

    def walk(node, where):
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}[{i}]")
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key == "@type":  # a node's types, or a value's datatype ("Date")
                types = [value] if isinstance(value, str) else value
                problems.extend(f"{where}: type {t} is not a schema.org term" for t in types if t not in defined)
            elif not key.startswith("@"):
                if key not in defined:
                    problems.append(f"{where}: property {key} is not a schema.org term")
                walk(value, f"{where}/{key.removeprefix(SCHEMA)}")

    walk(expanded, "")
    if len(expanded) != len(reviews):
        problems.append(f"{len(reviews)} reviews written, {len(expanded)} read")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"{len(expanded)} ClaimReview(s) read with the schema.org context")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
