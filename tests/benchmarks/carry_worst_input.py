#!/usr/bin/python3
"""The worst input for carrying claims made so far: an article of paragraphs written from one template,
claims on every tenth, and a next version with every paragraph shuffled, every third reworded and the
figure of one claim in ten changed. The words around a claim match many paragraphs nearly as well as its own.

Times importing the next version (which carries the claims) against importing the same file as a new
article, and checks where every claim went: a carried claim on its own paragraph, a changed figure waiting
with the words proposed for it in its own paragraph or with none (orphaned), never elsewhere.

    tests/benchmarks/carry_worst_input.py --cli build/release/app/claimtrack-cli --runs 3
"""
import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

URL = "https://news.example/district-cameras"


def paragraph(i, reworded, changed):
    return (f"Paragraph {i}: analysts in district {i} counted {(5000 if changed else 1000) + i} cameras "
            f"{'along' if reworded else 'on'} {i % 50} roads, and officials said {i % 7} more were planned.")


def run(*command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: {done.stderr.strip()}")
    return done.stdout


def timed(*command):
    """Seconds and peak memory (MB) of one run, by GNU time."""
    done = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: {done.stderr.strip()}")
    seconds, kilobytes = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def paragraph_at(text, offset):
    start = text.rfind("Paragraph ", 0, offset + 1)
    return int(re.match(r"Paragraph (\d+):", text[start:]).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--paragraphs", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n = args.paragraphs

    work = Path(tempfile.mkdtemp(prefix="carry-worst-"))
    order = list(range(n))
    random.Random(1).shuffle(order)
    (work / "v1.txt").write_text("\n\n".join(paragraph(i, False, False) for i in range(n)) + "\n")
    changed = {i for i in range(n) if i % 100 == 50}  # one claim in ten
    (work / "v2.txt").write_text("\n\n".join(paragraph(i, i % 3 == 0, i in changed) for i in order) + "\n")

    base = work / "base.claims"
    run(args.cli, "init", str(base))
    run(args.cli, "import", str(base), str(work / "v1.txt"), "--url", URL)
    for i in range(0, n, 10):
        run(args.cli, "claim", "add", str(base), "--article", "1", "--quote", f"{1000 + i} cameras")
    claims = len(range(0, n, 10))

    versions, plain = [], []
    for r in range(args.runs):  # alternating, so both see the same machine
        copy = work / f"run{r}.claims"
        shutil.copy(base, copy)
        versions.append(timed(args.cli, "import", str(copy), str(work / "v2.txt"), "--url", URL))
        fresh = work / f"fresh{r}.claims"
        run(args.cli, "init", str(fresh))
        plain.append(timed(args.cli, "import", str(fresh), str(work / "v2.txt")))

    project = json.loads(run(args.cli, "export", str(work / f"run{args.runs - 1}.claims"), "--format", "project"))
    newer = project["articles"][-1]
    text = newer["text"]
    carried_right = carried_wrong = proposed_right = proposed_wrong = refused = 0
    for claim in project["claims"]:
        if claim["article"] != newer["uuid"]:
            continue
        i = int(claim["quote"].split()[0]) - 1000
        if paragraph_at(text, claim["start"]) == i and i not in changed:
            carried_right += 1
        else:
            carried_wrong += 1
    quotes = {claim["uuid"]: claim["quote"] for claim in project["claims"]}
    for carry in project["carries"]:
        i = int(quotes[carry["claim"]].split()[0]) - 1000
        if carry["kind"] == "orphaned":
            refused += 1
        elif paragraph_at(text, carry["start"]) == i and text[carry["start"]:carry["end"]] == f"{5000 + i} cameras":
            proposed_right += 1
        else:
            proposed_wrong += 1

    median = lambda runs, k: statistics.median(run[k] for run in runs)
    print(f"{n} paragraphs, {(work / 'v2.txt').stat().st_size // 1024} KB, {claims} claims, "
          f"{len(changed)} of them with a changed figure")
    print(f"import as a new version: {median(versions, 0):.2f} s, {median(versions, 1):.0f} MB (median of {args.runs})")
    print(f"import as a new article: {median(plain, 0):.2f} s, {median(plain, 1):.0f} MB")
    print(f"carried onto their own paragraph: {carried_right}; elsewhere: {carried_wrong}")
    print(f"changed figures proposed on their own paragraph: {proposed_right}; elsewhere: {proposed_wrong}; "
          f"refused (orphaned): {refused}")
    shutil.rmtree(work)
    return 1 if carried_wrong or proposed_wrong else 0


if __name__ == "__main__":
    sys.exit(main())
