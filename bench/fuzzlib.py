"""Fuzzing bibkaz: generated and mutated inputs, each run in its own process with a time limit.

Shared by bench/fuzz.py (the long run) and tests/test_fuzz.py (a few seconds in CI).
Inputs are built from the seeds and test briefs plus random bytes, byte-order marks,
broken HTML, huge lines, many superscripts, many reference-like lines and reference
lists of one work repeated with small slips; strings for
``bibkaz parse`` are mutated reference lines and degenerate repetitions.

Each input runs in a child forked from a parent that has already imported bibkaz and
loaded the parser's model, so a child costs milliseconds to start, a crash or a hang
stays in its child, and ``os.wait4`` gives the child's own peak memory. The child runs
the real CLI (``bibkaz extract`` / ``bibkaz parse``) and its exit status and stderr say
what happened: a traceback, or a per-document "extraction failed" problem (an exception
the pipeline caught), both count as crashes.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A run slower than this per 100 KB (inputs under 100 KB count as 100 KB) is "slow".
SLOW_SECONDS_PER_100KB = 5.0

_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_REF_LINE = "{a}, {i}. ({y}). Title number {n}. Journal of Things, {n}({i}), {p}–{q}. https://doi.org/10.1/{n}"


def seed_documents(corpus: bool = False) -> list[bytes]:
    """The documents mutations start from: every seed and test brief, and with ``corpus`` the real documents
    of the corpus's development part (shapes the briefs lack: court opinions, -layout PDF text, generated
    HTML; the long run uses them, the suite's quick fuzz keeps to the small briefs)."""
    paths = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/briefs/*.txt"), *ROOT.glob("tests/briefs/*.md")])
    if corpus:
        paths += sorted(p for p in ROOT.glob("tests/corpus/dev/*") if p.suffix in (".txt", ".md", ".html"))
    return [p.read_bytes() for p in paths]


def seed_strings(documents: list[bytes]) -> list[str]:
    """Reference-like lines of the seed documents (long lines with a year), for ``bibkaz parse``."""
    out = []
    for raw in documents:
        for line in raw.decode("utf-8", "replace").splitlines():
            if len(line) > 40 and any(str(y) in line for y in range(1990, 2026)):
                out.append(line.strip())
    return out or ["Smith, J. (2020). A title. Journal, 1(2), 3-4."]


def _ref_lines(rnd: random.Random, n: int) -> str:
    return "\n".join(_REF_LINE.format(a=rnd.choice(["Smith", "Ng", "Van der Berg", "O'Neil"]), i=rnd.choice("ABJ"),
                                      y=rnd.randint(1900, 2030), n=i, p=i, q=i + rnd.randint(0, 20))
                     for i in range(n))


_NEAR_AUTHORS = ["Kassenova, N.", "Kassenova, Nargis", "Kassenova, N. and Cooley, A.", "Kasenova, N.", "N. Kassenova"]
_NEAR_TITLE = "Water and power in Central Asia: hydropower, cotton and the politics of the Aral basin"


def slip(rnd: random.Random, text: str) -> str:
    """``text`` with one character dropped, doubled or replaced (never the first)."""
    if len(text) < 4:
        return text
    i = rnd.randrange(1, len(text))
    op = rnd.randrange(3)
    if op == 0:
        return text[:i] + text[i + 1:]
    if op == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz") + text[i + 1:]


def near_duplicate_references(rnd: random.Random, n: int) -> str:
    """A reference list of ``n`` lines that are one work with small slips: the same
    title with a character changed, author forms, years one apart, pages varied. The
    resolver's blocks put them all together (the fuzz found these quadratic)."""
    lines = []
    for _ in range(n):
        title = _NEAR_TITLE if rnd.random() < 0.3 else slip(rnd, _NEAR_TITLE)
        year = rnd.choice([2019, 2019, 2019, 2020, 2018])
        p = rnd.randint(1, 400)
        lines.append(f"{rnd.choice(_NEAR_AUTHORS)} ({year}). {title}. Central Asian Survey, "
                     f"{rnd.randint(30, 40)}({rnd.randint(1, 4)}), {p}–{p + rnd.randint(5, 30)}.")
    return "\n".join(lines)


def near_duplicate_document(rnd: random.Random, n: int) -> str:
    """A brief whose reference list is ``n`` near-identical lines (see near_duplicate_references)."""
    return ("Water and power\n\nA short brief that cites one article many times (Kassenova, 2019).\n\n"
            "References\n\n" + near_duplicate_references(rnd, n) + "\n")


def _html(rnd: random.Random, text: str) -> str:
    """Text wrapped in markup that is broken on purpose."""
    broken = ["<![", "a <![foo[ b", "<!--", "</p></div>", "<p", "<sup>1", "<![CDATA[x", "<svg><p>",
              "&#xFFFFFFFF;", "&#0;", "<script>", "<em><i>", "<?xml encoding='utf-16'?>", "<sup>12</sup>" * 50]
    paras = text.split("\n\n")
    out = []
    for p in paras:
        out.append(rnd.choice(["<p>", "<div>", "<li>", "", "<sup>"]) + p + rnd.choice(["</p>", "", "</div>", rnd.choice(broken)]))
    if rnd.random() < 0.7:
        out.insert(rnd.randint(0, len(out)), rnd.choice(broken))
    return "\n".join(out)


def _layout(rnd: random.Random, lines: list[str]) -> str:
    """Lines justified with runs of spaces, indented, and a blank line after each (a -layout conversion of a
    double-spaced page: the shape that broke a case-name finder which looked a name up spaced singly)."""
    out = []
    for line in lines:
        words = line.split(" ")
        spaced = "".join(w + " " * rnd.choice((1, 2, 4, 7)) for w in words).rstrip()
        out.append(" " * rnd.choice((0, 0, 3, 7, 12)) + spaced)
        if rnd.random() < 0.6:
            out.append("")
    return "\n".join(out)


def _mutate_text(rnd: random.Random, text: str) -> str:
    """One structural change of a document's text."""
    lines = text.split("\n") or [""]
    op = rnd.randrange(14)
    if op == 0:  # a huge line
        at = rnd.randrange(len(lines))
        lines[at] = lines[at] * rnd.randint(50, 2000)
    elif op == 1:  # many superscript calls
        lines.insert(rnd.randrange(len(lines) + 1), "text¹ " * rnd.randint(100, 10000))
    elif op == 2:  # one paragraph of many reference-like lines
        lines.insert(rnd.randrange(len(lines) + 1), _ref_lines(rnd, rnd.randint(50, 3000)))
    elif op == 3:  # glued calls
        lines.insert(rnd.randrange(len(lines) + 1), " ".join(f"word claim.{i}" for i in range(1, rnd.randint(10, 999))))
    elif op == 4:  # a block repeated
        a = rnd.randrange(len(lines))
        lines[a:a] = lines[a:a + rnd.randint(1, 20)] * rnd.randint(2, 200)
    elif op == 5:  # lines shuffled
        rnd.shuffle(lines)
    elif op == 6:  # degenerate repetitions
        unit = rnd.choice(["0", "Smith, J. ", "A", "(", "“a ", "[1]", "1.", "¹", "Aa, ", "(Smith, 2019; ", "http://x/"])
        lines.insert(rnd.randrange(len(lines) + 1), unit * rnd.randint(100, 20000))
    elif op == 7:  # characters replaced
        chars = list(text)
        for _ in range(rnd.randint(1, 200)):
            if chars:
                chars[rnd.randrange(len(chars))] = rnd.choice("\x00\x0b\x1b\u2028\u200b\ufeff()[]{}.,;:¹\"“”*_#\\\t ")
        return "".join(chars)
    elif op == 8:  # a heading for notes or references in odd places
        lines.insert(rnd.randrange(len(lines) + 1), rnd.choice(["References", "Notes", "# Bibliography", "ENDNOTES", "1."]))
    elif op == 9:  # cut anywhere
        return text[: rnd.randrange(len(text) + 1)]
    elif op == 10:  # numbered notes glued together
        lines.append(" ".join(f"{i}. Author, Title ({1990 + i % 30})." for i in range(1, rnd.randint(2, 2000))))
    elif op == 11:  # a reference list of one work repeated with small slips
        lines.append("References")
        lines.append(near_duplicate_references(rnd, rnd.randint(50, 3000)))
    elif op == 13:  # spaced as pdftotext -layout spaces a justified, double-spaced page
        return _layout(rnd, lines)
    else:  # superscripts sprinkled
        return "".join(c + (rnd.choice(_SUP) if c == "." and rnd.random() < 0.5 else "") for c in text)
    return "\n".join(lines)


def _mutate_bytes(rnd: random.Random, raw: bytes) -> bytes:
    """One change at the byte level: encodings, BOMs, random bytes."""
    op = rnd.randrange(7)
    if op == 0:
        return b"\xef\xbb\xbf" + raw
    if op == 1:  # a BOM, then bytes that are not UTF-8
        return b"\xef\xbb\xbf" + raw + bytes([rnd.randrange(0x80, 0x100)]) + b"\n"
    if op == 2:
        return raw.decode("utf-8", "replace").encode("utf-16")
    if op == 3:  # cp1252, including its undefined bytes
        return raw.decode("utf-8", "replace").encode("cp1252", "replace") + bytes([rnd.choice([0x81, 0x8d, 0x8f, 0x90, 0x9d])])
    if op == 4:  # random bytes spliced in
        at = rnd.randrange(len(raw) + 1)
        return raw[:at] + rnd.randbytes(rnd.randint(1, 64)) + raw[at:]
    if op == 5:
        return rnd.randbytes(rnd.randint(1, 4096))
    return rnd.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"{\\rtf1 "]) + rnd.randbytes(rnd.randint(0, 512))


def make_document(rnd: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    """(suffix, bytes) of one fuzzed document."""
    raw = rnd.choice(seeds)
    text = raw.decode("utf-8", "replace")
    for _ in range(rnd.randint(1, 3)):
        text = _mutate_text(rnd, text)
    suffix = ".txt"
    if rnd.random() < 0.25:
        text, suffix = _html(rnd, text), ".html"
    data = text.encode("utf-8", "surrogatepass")
    if rnd.random() < 0.3:
        data = _mutate_bytes(rnd, data)
    return suffix, data


def make_string(rnd: random.Random, seeds: list[str]) -> str:
    """One fuzzed reference string for ``bibkaz parse``."""
    s = rnd.choice(seeds)
    op = rnd.randrange(6)
    if op == 0:
        unit = rnd.choice(["0", "Smith, J. ", "“a ", "(", "<i>", "1-", "A. ", "pp. 1–", "http://a/", "10.1/x "])
        return unit * rnd.randint(10, 20000)
    if op == 1:
        return s * rnd.randint(2, 100)
    if op == 2:
        chars = list(s)
        for _ in range(rnd.randint(1, 20)):
            chars.insert(rnd.randrange(len(chars) + 1), rnd.choice("\x00\x07\u2028\ufeff()[]“”\"'*.,:;–—¹<>{}\\"))
        return "".join(chars)
    if op == 3:
        return "".join(chr(rnd.choice([rnd.randrange(32, 127), rnd.randrange(0xA0, 0x3000)])) for _ in range(rnd.randint(1, 400)))
    if op == 4:
        a, b = rnd.choice(seeds), rnd.choice(seeds)
        return a[: rnd.randrange(len(a) + 1)] + b[rnd.randrange(len(b) + 1):]
    return s


@dataclass(frozen=True)
class Outcome:
    """What one input did."""

    status: str  # ok | crash | timeout
    seconds: float
    peak_kb: int
    size: int
    detail: str = ""
    #: The child's own CPU time (user + system): what the input costs, whatever the
    #: neighbours on a shared machine are doing to the wall clock.
    cpu_seconds: float = 0.0

    @property
    def per_100kb(self) -> float:
        """Seconds per 100 KB, inputs under 100 KB counted as 100 KB (start-up is not the input's fault)."""
        return self.seconds / max(1.0, self.size / 100_000)

    @property
    def cpu_per_100kb(self) -> float:
        """CPU seconds per 100 KB, counted as :attr:`per_100kb` is."""
        return self.cpu_seconds / max(1.0, self.size / 100_000)


def warm() -> None:
    """Import everything and load the models once (by extracting a seed), so forked children start warm."""
    from bibkaz.cli import main  # noqa: F401
    from bibkaz.pipeline import extract_document

    with tempfile.TemporaryDirectory(prefix="bibkaz-fuzz-") as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_bytes(seed_documents()[0])
        extract_document(path)


def _child(args: list[str], err_path: str) -> None:
    """In the forked child: run the CLI with stdout discarded and stderr to a file; never returns."""
    code = 70
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(devnull, 1)
        os.dup2(err, 2)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = open(2, "w", closefd=False)
        from bibkaz.cli import main

        try:
            main(args, prog_name="bibkaz")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - report any escape as a traceback on stderr
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def run_cli(args: list[str], size: int, timeout: float, workdir: Path) -> Outcome:
    """Run ``bibkaz ARGS`` in a forked child with a time limit; classify what happened."""
    err_path = str(workdir / "stderr.txt")
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        _child(args, err_path)
    status = None
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() - started > timeout:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return Outcome("timeout", time.perf_counter() - started, usage.ru_maxrss, size,
                           cpu_seconds=usage.ru_utime + usage.ru_stime)
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    err = Path(err_path).read_text(encoding="utf-8", errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if "Traceback (most recent call last)" in err or "extraction failed (" in err or code not in (0, 1, 2):
        return Outcome("crash", seconds, usage.ru_maxrss, size, (err.strip().splitlines() or [f"exit {code}"])[-1][:300],
                       cpu_seconds=usage.ru_utime + usage.ru_stime)
    return Outcome("ok", seconds, usage.ru_maxrss, size, cpu_seconds=usage.ru_utime + usage.ru_stime)


def timeout_for(size: int) -> float:
    """A hang guard, not a speed test: generous, growing with the input."""
    return 30.0 + 4 * SLOW_SECONDS_PER_100KB * size / 100_000


def run_document(suffix: str, data: bytes, timeout: float | None = None) -> Outcome:
    """``bibkaz extract`` on one document."""
    with tempfile.TemporaryDirectory(prefix="bibkaz-fuzz-") as tmp:
        work = Path(tmp)
        docs = work / "docs"
        docs.mkdir()
        (docs / f"fuzzed{suffix}").write_bytes(data)
        return run_cli(["extract", str(docs), "-o", str(work / "out.bib"), "-q"], len(data),
                       timeout or timeout_for(len(data)), work)


def run_string(text: str, timeout: float | None = None) -> Outcome:
    """``bibkaz parse --file`` on one string (one line; newlines inside it become spaces)."""
    with tempfile.TemporaryDirectory(prefix="bibkaz-fuzz-") as tmp:
        work = Path(tmp)
        line = " ".join(text.splitlines()) or "x"
        (work / "ref.txt").write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
        size = len(line.encode("utf-8", "surrogatepass"))
        return run_cli(["parse", "--file", str(work / "ref.txt"), "--format", "json"], size,
                       timeout or timeout_for(size), work)
