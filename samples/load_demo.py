#!/usr/bin/env python3
"""Builds the demo project from the sample articles and their annotated claims.

Every step goes through claimtrack-cli, exactly as a user or script would:
    samples/load_demo.py --cli build/dev/app/claimtrack-cli build/demo.claims
The project is created anew; an existing file at that path is replaced. A
postgresql:// URI instead of a path builds it in that (empty) database.

With --set and --articles it builds another set the same way: the seed
articles (kept outside the repository) with the claims we entered by hand:
    samples/load_demo.py --cli CLI --set samples/seeds --articles ../shared/seeds build/seeds.claims
"""
import argparse
import csv
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"claimtrack-cli {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to claimtrack-cli")
    parser.add_argument("--set", type=pathlib.Path, default=HERE,
                        help="folder with articles.csv and claims.csv (default: the samples)")
    parser.add_argument("--articles", type=pathlib.Path,
                        help="folder with the article files (default: SET/articles)")
    parser.add_argument("project", help="project file to (re)create")
    args = parser.parse_args()
    articles = args.articles or args.set / "articles"
    if not articles.is_dir():
        sys.exit(f"no article folder at {articles}")

    project = args.project
    if not project.startswith(("postgresql://", "postgres://")):
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(project + suffix).unlink(missing_ok=True)
    run(args.cli, "init", project)

    article_ids = {}
    with open(args.set / "articles.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out = run(args.cli, "import", project, str(articles / row["file"]),
                      "--title", row["title"], "--author", row["author"], "--publisher", row["publisher"],
                      "--url", row["url"], "--published", row["published"])
            article_ids[row["file"]] = out.split("\t", 1)[0]

    with open(args.set / "claims.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            command = ["claim", "add", project, "--article", article_ids[row["file"]],
                       "--quote", row["quote"], "--occurrence", row["occurrence"], "--status", row["status"]]
            for column in ("value", "low", "high", "unit", "metric", "source", "as_of", "note"):
                if row[column]:
                    command += ["--" + column.replace("_", "-"), row[column]]
            for tag in filter(None, (t.strip() for t in row["tags"].split(";"))):
                command += ["--tag", tag]
            run(args.cli, *command)


if __name__ == "__main__":
    main()
