#!/usr/bin/env python3
"""Desktop app benchmark: builds a project of 10,000 articles and 1,000,000
claims, then runs claimtrack-gui-bench on it (offscreen) and claimtrack-bench's
claim filter and cross-check against the queries they ran before; then counts the keys
that record each claim of the demo project again from its words:

    tests/benchmarks/bench_gui.py --build build/release
"""
import argparse
import pathlib
import shutil
import subprocess
import tempfile

from bench_storage import ARTICLES, CLAIMS, write_articles


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build/release", help="release build folder")
    args = parser.parse_args()
    build = pathlib.Path(args.build).resolve()
    cli = str(build / "app" / "claimtrack-cli")
    gui_bench = str(build / "tests" / "claimtrack-gui-bench")

    work = pathlib.Path(tempfile.mkdtemp(prefix="claimtrack-gui-bench-"))
    try:
        files, _ = write_articles(work / "articles")
        project = work / "million.claims"
        subprocess.run([cli, "init", str(project)], check=True)
        subprocess.run([cli, "import", str(project), *files], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([str(build / "tests" / "claimtrack-bench"), "insert-claims", str(project), str(CLAIMS)],
                       check=True)
        print(f"Project: {ARTICLES:,} articles, {CLAIMS:,} claims\n")
        for mode, target in (("open", project), ("article", work), ("filter", project), ("compare", project)):
            result = subprocess.run([gui_bench, mode, str(target)], capture_output=True, text=True, check=True)
            print(result.stdout, end="")
        result = subprocess.run([str(build / "tests" / "claimtrack-bench"), "claim-filter", str(project)],
                                capture_output=True, text=True, check=True)
        print("\nThe claim filter's query and the whole cross-check, against the queries they ran before:\n"
              + result.stdout, end="")
        demo = work / "demo.claims"
        samples = pathlib.Path(__file__).resolve().parents[2] / "samples"
        subprocess.run([str(samples / "load_demo.py"), "--cli", cli, str(demo)], check=True)
        result = subprocess.run([gui_bench, "keys", str(demo)], capture_output=True, text=True, check=True)
        print("\nRecording the demo project's claims again from their words:\n" + result.stdout, end="")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
