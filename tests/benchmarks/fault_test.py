#!/usr/bin/env python3
"""The server stopped and started again while researchers write: what is lost, and how soon they are back.

    tests/benchmarks/fault_test.py --build build/release [--runs 3] [--workers 4] [--claims 400] [--down 2]

Each run starts a server of its own (scripts/postgres-test-server.sh), a project on it with 20 articles, and
WORKERS processes of claimtrack-load-worker (tests/load_worker.cpp) recording CLAIMS claims each and editing
each other's. One second in, the server is stopped at once, as a crash would (pg_ctl's immediate mode), and
started again DOWN seconds later. Each write the server had not acknowledged is refused with "lost the
connection"; the worker then tries to connect again every 20 ms, as the app's watch does every 400 ms.
Afterwards the script compares the claims on the server with those the workers were told were recorded.
Prints a Markdown table for docs/performance.md: acknowledged claims missing (the most of any run), the
writes refused while the server was down, the claims whose commit was in doubt (sent, the answer lost: on
the server, the worker never told), the time pg_ctl took to start the server again, and the time from that
start to each worker writing again; medians of the runs.
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import tempfile
import threading
import time

from bench_storage import article_text
from load_test import worker_lines

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "scripts/postgres-test-server.sh"


def server(*args):
    return subprocess.run(["bash", str(SCRIPT), *args], check=True, capture_output=True, text=True).stdout


def claim_ids(cli, project):
    listed = subprocess.run([cli, "claims", project, "--format", "json"], check=True, capture_output=True,
                            text=True).stdout
    return {claim["row_id"] for claim in json.loads(listed)}


def one_run(cli, worker, workers, claims, down, work):
    folder, location = server("start").split()
    try:
        subprocess.run([cli, "init", location], check=True, capture_output=True)
        subprocess.run([cli, "import", location, str(work)], check=True, capture_output=True)
        running = [subprocess.Popen([worker, location, str(w), str(claims)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for w in range(1, workers + 1)]
        outputs = [None] * workers

        def collect(i):
            outputs[i] = running[i].communicate()
        readers = [threading.Thread(target=collect, args=(i,)) for i in range(workers)]
        for reader in readers:
            reader.start()
        time.sleep(1)
        server("halt", folder)
        time.sleep(down)
        resumed = time.time()
        server("resume", folder)
        up = time.time() - resumed
        for reader in readers:
            reader.join()

        recorded, lost, back = set(), 0, []
        for fields in worker_lines(running, outputs):
            if fields[0] == "claim":
                recorded.add(int(fields[1]))
            elif fields[0] == "refused" and fields[2] == "lost":
                if "lost the connection" not in fields[3] and "cannot reach" not in fields[3]:
                    raise SystemExit(f"a refusal that does not say the connection was lost: {fields}")
                lost += 1
            elif fields[0] == "back":
                back.append(float(fields[1]) - resumed)
        stored = claim_ids(cli, location)
        if len(back) < workers:
            raise SystemExit(f"only {len(back)} of {workers} workers lost the connection: stop the server sooner")
        return len(recorded - stored), lost, len(stored - recorded), up, statistics.median(back), max(back)
    finally:
        server("stop", folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a release build folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--claims", type=int, default=400)
    parser.add_argument("--down", type=float, default=2.0, help="seconds the server stays down")
    args = parser.parse_args()
    cli = str(pathlib.Path(args.build) / "app/claimtrack-cli")
    worker = str(pathlib.Path(args.build) / "tests/claimtrack-load-worker")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for i in range(20):
            (work / f"a{i:03}.txt").write_text(article_text(i))
        for _ in range(args.runs):
            results.append(one_run(cli, worker, args.workers, args.claims, args.down, work))

    print(f"{args.workers} processes recording {args.claims} claims each; the server stopped at once one second "
          f"in and started {args.down:g} s later; median of {args.runs} runs\n")
    def median(i, scale=1):
        return statistics.median(r[i] for r in results) * scale

    print("| acknowledged claims missing | writes refused as lost | claims in doubt (not acknowledged, found on "
          "the server) | the server starting again | writing again, from its start: median | slowest |")
    print("|---|---|---|---|---|---|")
    print(f"| {max(r[0] for r in results)} | {median(1):.0f} | {median(2):.0f} | {median(3, 1000):.0f} ms "
          f"| {median(4, 1000):.0f} ms | {median(5, 1000):.0f} ms |")


if __name__ == "__main__":
    main()
