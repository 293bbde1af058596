"""Benchmark ``bibkaz links`` against LinkChecker on a local server (run by hand).

A server process answers on 20 loopback addresses (127.0.0.1 … 127.0.0.20, one
"host" each) with 50 ms latency per request; 2,000 distinct URLs are spread over
them. Both tools run as child processes with the same politeness limits (32
requests in flight overall; per host, bibkaz allows 2 at once and LinkChecker 40
requests/second, which is what 2 at once with 50 ms latency can reach). For each
we report wall time, links/second, CPU seconds and peak memory (child rusage),
then bibkaz's cached re-run.

    python bench/links_bench.py [--links 2000] [--hosts 20] [--latency 0.05] [--skip-linkchecker]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- server
async def _serve(port: int, hosts: int, latency: float) -> None:
    body = b"<html><head><title>A page</title></head><body>cited</body></html>"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ", 2)[:2]
                await asyncio.sleep(latency)
                if path == b"/robots.txt":
                    status, payload = b"404 Not Found", b""
                else:
                    status, payload = b"200 OK", body
                headers = (
                    b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html\r\nLinkChecker: allow\r\n"
                    b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n"
                )
                writer.write(headers + (b"" if method == b"HEAD" else payload))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, f"127.0.0.{i + 1}", port, backlog=512) for i in range(hosts)]
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


# --------------------------------------------------------------------------- runs
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _measure(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Run ``cmd``; wall seconds, CPU seconds (user+sys) and peak RSS (MiB) of the child."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({code}):\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def _library_json(urls: list[str], path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from bibkaz.formats import library_json
    from bibkaz.model import Library, RawReference, Record, Work

    works = tuple(
        Work(f"w{i}", Record(type="webpage", title=f"Page {i}", url=u),
             references=(RawReference(f"doc{i % 7}", "reference-list", u, i + 1),))
        for i, u in enumerate(urls)
    )
    path.write_text(library_json.dumps(Library(works=works)), encoding="utf-8")


def _linkchecker_files(urls: list[str], folder: Path) -> tuple[Path, Path]:
    page = folder / "links.html"
    page.write_text(
        "<html><head><title>links</title></head><body>\n"
        + "\n".join(f'<a href="{u}">{i}</a>' for i, u in enumerate(urls))
        + "\n</body></html>\n",
        encoding="utf-8",
    )
    config = folder / "linkcheckerrc"
    config.write_text("[checking]\nthreads=32\nmaxrequestspersecond=40\ntimeout=10\n[output]\nstatus=0\n",
                      encoding="utf-8")
    for p in (folder, page, config):
        p.chmod(0o755 if p.is_dir() else 0o644)  # LinkChecker drops root privileges to "nobody"
    return page, config


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--links", type=int, default=2000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--skip-linkchecker", action="store_true")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        asyncio.run(_serve(args.serve, args.hosts, args.latency))
        return

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), "--hosts", str(args.hosts), "--latency", str(args.latency)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        urls = [f"http://127.0.0.{i % args.hosts + 1}:{port}/cited/{i}" for i in range(args.links)]
        with tempfile.TemporaryDirectory(prefix="links-bench-") as tmp:
            folder = Path(tmp)
            folder.chmod(0o755)
            lib = folder / "library.json"
            _library_json(urls, lib)
            cache = folder / "cache.sqlite"
            # The links command on its own: `bibkaz links` minus the start-up of the other commands.
            bibkaz = [sys.executable, "-c", "from bibkaz.commands.links import command; command()", str(lib),
                      "--allow-private", "--doi-resolver", f"http://127.0.0.1:{port}", "--concurrency", "32",
                      "--per-host", "2", "--format", "json", "-o", str(folder / "report.json")]
            results = {"bibkaz": _measure(bibkaz + ["--cache", str(cache)], ROOT)}
            report = json.loads((folder / "report.json").read_text())
            results["bibkaz"]["ok"] = report["summary"]["ok"]
            results["bibkaz (cached re-run)"] = _measure(bibkaz + ["--cache", str(cache)], ROOT)
            full_cli = [sys.executable, "-c", "from bibkaz.cli import main; main()", "links", *bibkaz[3:]]
            results["bibkaz CLI (cached re-run)"] = _measure(full_cli + ["--cache", str(cache)], ROOT)
            exe = shutil.which("linkchecker")
            if exe and not args.skip_linkchecker:
                page, config = _linkchecker_files(urls, folder)
                results["linkchecker"] = _measure(
                    [exe, "-f", str(config), "-r", "1", "--no-warnings", "-o", "none", "--check-extern",
                     page.as_uri()], folder,
                )
    finally:
        server.terminate()
        server.wait()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.links} links over {args.hosts} hosts, {args.latency * 1000:.0f} ms latency; "
          f"load average {load} on {os.cpu_count()} CPUs")
    print(f"{'tool':<24}{'wall s':>8}{'links/s':>10}{'CPU s':>8}{'peak MiB':>10}")
    for name, r in results.items():
        print(f"{name:<24}{r['wall']:>8.2f}{args.links / r['wall']:>10.0f}{r['cpu']:>8.2f}{r['rss_mib']:>10.1f}")
    if "linkchecker" in results:
        ratio = results["linkchecker"]["wall"] / results["bibkaz"]["wall"]
        print(f"bibkaz throughput = {ratio:.1f} x LinkChecker's")
    if results["bibkaz"].get("ok") != args.links:
        print(f"warning: bibkaz found {results['bibkaz'].get('ok')} of {args.links} links ok")


if __name__ == "__main__":
    main()
