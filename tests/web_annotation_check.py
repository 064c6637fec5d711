#!/usr/bin/env python3
"""Checks W3C Web Annotations against the Web Annotation data model's "must" assertions
(tests/data/web-annotation: annotations/annotationMusts.test and the schemas it names).

    web_annotation_check.py FILE.jsonld

FILE is one annotation, or an AnnotationCollection whose first page holds them. Each annotation passes
when every "must" assertion gives its expected result (valid or invalid). Prints the failures and exits 1
when there are any.

Ours rather than the suite's validate_wa.py (kept beside the data): that one needs python-jsonschema's
`referencing` (4.18 and later), and Debian 12 ships 4.10, whose RefResolver does the same here.
"""
import json
import os
import re
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver, in jsonschema 4.18 and later
from jsonschema import Draft4Validator, FormatChecker, RefResolver  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "web-annotation")

FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _uri(value):  # an absolute URI: a scheme, a colon, no spaces
    return not isinstance(value, str) or bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*$", value))


@FORMATS.checks("date-time")
def _date_time(value):  # RFC 3339
    return not isinstance(value, str) or bool(
        re.match(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", value))


def schemas():
    """Every schema of the suite by its id, for the references between them."""
    found = {}
    for folder, _, names in os.walk(DATA):
        for name in names:
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schema = json.load(f)
            if isinstance(schema, dict) and "$schema" in schema:
                found[schema.get("id", name)] = schema
    return found


def failures(annotation, store, assertions):
    for path in assertions:
        with open(os.path.join(DATA, path), encoding="utf-8") as f:
            schema = json.load(f)
        resolver = RefResolver(schema.get("id", ""), schema, store=store)
        valid = not any(Draft4Validator(schema, resolver=resolver, format_checker=FORMATS).iter_errors(annotation))
        if schema.get("assertionType", "must") == "must" and valid != (schema.get("expectedResult", "valid") == "valid"):
            yield f"{path}: {schema.get('errorMessage', 'failed')}"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        document = json.load(f)
    annotations = document["first"]["items"] if document.get("type") == "AnnotationCollection" else [document]
    with open(os.path.join(DATA, "annotations", "annotationMusts.test"), encoding="utf-8") as f:
        assertions = [a for a in json.load(f)["assertions"] if isinstance(a, str)]
    store = schemas()
    failed = 0
    for annotation in annotations:
        for failure in failures(annotation, store, assertions):
            print(f"{annotation.get('id', '(no id)')}: {failure}")
            failed += 1
    print(f"{len(annotations)} annotation(s), {failed} failure(s)")
    sys.exit(1 if failed or not annotations else 0)


if __name__ == "__main__":
    main()
