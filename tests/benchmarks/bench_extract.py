#!/usr/bin/env python3
"""Figure finder speed: a corpus of at least 10 MB, made of the sample articles
and, where present, ../shared/seeds, repeated; timed by claimtrack-bench.

    tests/benchmarks/bench_extract.py --build build/release
"""
import argparse
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS_BYTES = 12_000_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build/release", help="release build folder")
    args = parser.parse_args()
    files = sorted((ROOT / "samples" / "articles").glob("*.txt")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    text = "\n\n".join(f.read_text(encoding="utf-8") for f in files) + "\n\n"
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as corpus:
        written = 0
        while written < CORPUS_BYTES:
            corpus.write(text)
            written += len(text.encode("utf-8"))
        corpus.flush()
        print(f"Corpus: {len(files)} articles repeated to {written / 1e6:.1f} MB")
        bench = pathlib.Path(args.build).resolve() / "tests" / "claimtrack-bench"
        subprocess.run(["/usr/bin/time", "-f", "peak memory %M KB", str(bench), "extract", corpus.name], check=True)


if __name__ == "__main__":
    main()
