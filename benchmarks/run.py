#!/usr/bin/env python3
"""speechdoc benchmark: wall time and peak memory on this machine, side by side with LibreOffice.

    python3 benchmarks/run.py                 # the full run (about 10 minutes on 2 cores)
    python3 benchmarks/run.py --docs 10 --repeat 1 --pages 50   # a quick look

Measures (each the median of --repeat runs, every run a cold process):
  * ``to-docx`` and ``to-pdf`` of the bundled sample;
  * ``batch`` of --docs documents (the real samples, cycled and numbered) to DOCX and to PDF with ``-j`` = cores;
  * ``to-pdf`` of a long document (--pages pages, and a quarter and a half of it, to check time is linear in length);
  * LibreOffice converting the same .docx files to PDF — what a user would otherwise do — in one
    ``soffice --headless --convert-to pdf`` call for the batch, with a private, already-initialised profile.

Peak memory is the largest resident set of any one process of the run (``getrusage(RUSAGE_CHILDREN)`` in a
launcher process), and for batches also each worker's own peak from ``batch --json``. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "speech-scraped.txt"
SAMPLES = ROOT.parent / "shared" / "samples"

# Run one command, print {"wall": s, "peak_kb": kb, "rc": n} for it (its whole process tree).
LAUNCHER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kb": peak, "rc": r.returncode,
                  "stdout": r.stdout.decode("utf-8", "replace")[-200000:],
                  "stderr": r.stderr.decode("utf-8", "replace")[-2000:]}))
"""


@dataclass
class Run:
    wall: float
    peak_mb: float
    ok: bool
    stdout: str = ""
    stderr: str = ""


@dataclass
class Result:
    runs: list[Run] = field(default_factory=list)
    worker_peak_mb: float | None = None

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.ok for r in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def measure(cmd: list[str], *, env: dict | None = None, expect: list[Path] = ()) -> Run:
    """One cold run of ``cmd``: wall time and the peak resident memory of its largest process.

    ``expect``: files the run must make (removed first); LibreOffice exits 0 even when it converts nothing.
    """
    for path in expect:
        path.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, env=env, check=True)
    data = json.loads(out.stdout)
    ok = data["rc"] == 0 and all(p.exists() for p in expect)
    return Run(data["wall"], data["peak_kb"] / 1024, ok, data["stdout"], data["stderr"])


def repeat(n: int, cmd: list[str], **kw) -> Result:
    return Result([measure(cmd, **kw) for _ in range(n)])


# ---------------------------------------------------------------- inputs


def sample_texts() -> list[str]:
    files = sorted(SAMPLES.glob("*.txt")) or [SAMPLE]
    return [f.read_text(encoding="utf-8") for f in files]


def make_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` documents: the real samples cycled, each made distinct by a numbered closing line."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sample_texts()
    paths = []
    for i in range(count):
        path = folder / f"doc{i:03}.txt"
        path.write_text(texts[i % len(texts)].rstrip("\n") + f"\n\n（此件第{i + 1}号）\n", encoding="utf-8")
        paths.append(path)
    return paths


def long_text(pages: int) -> str:
    """A speech of about ``pages`` A4 pages: a title, then numbered sections of the sample's body paragraphs."""
    body = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 60]
    chars_per_page = 22 * 28  # a full grid; short last lines and headings make the real count ~7% more pages
    out, chars, section = ["关于全面推进各项工作的讲话", "同志们："], 0, 0
    numerals = "一二三四五六七八九十"
    while chars < pages * chars_per_page:
        section += 1
        out.append(f"{_numeral(section, numerals)}、第{section}部分工作")
        for para in body:
            if chars >= pages * chars_per_page:
                break
            out.append(para)
            chars += len(para)
    return "\n".join(out) + "\n"


def _numeral(n: int, digits: str) -> str:
    if n <= 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return (digits[tens - 1] if tens > 1 else "") + "十" + (digits[ones - 1] if ones else "")


def pdf_pages(path: Path) -> int:
    try:
        import pymupdf
    except ImportError:  # older PyMuPDF
        import fitz as pymupdf

    with pymupdf.open(path) as doc:
        return doc.page_count


# ---------------------------------------------------------------- the commands


def speechdoc(*args: str) -> list[str]:
    return [sys.executable, "-m", "speechdoc", *args]


def soffice(n: int, profile: Path, outdir: Path, files: list[Path]) -> Result | None:
    """LibreOffice converting ``files`` to PDF in one call, ``n`` times; None when there is nothing to convert."""
    files = [f for f in files if f.exists()]
    if not files:
        return None
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(outdir), *map(str, files)]
    return repeat(n, cmd, expect=[outdir / f.with_suffix(".pdf").name for f in files])


def cores() -> int:
    return len(os.sched_getaffinity(0))


def worker_peak(result: Result) -> float | None:
    peaks = []
    for run in result.runs:
        try:
            peaks += json.loads(run.stdout)["worker_peak_mb"].values()
        except (ValueError, KeyError):
            pass
    return max(peaks) if peaks else None


def run_all(args, work: Path) -> list[tuple[str, Result, Result | None, str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    n, rows = args.repeat, []
    lo_profile = work / "lo-profile"
    single = work / "single"
    single.mkdir(exist_ok=True)
    shutil.copy(SAMPLE, single / "sample.txt")

    def sd(*a):
        return repeat(n, speechdoc(*a), env=env)

    # Not measured: the first run of a machine fills speechdoc's font cache, the first of LibreOffice its profile.
    measure(speechdoc("to-pdf", str(single / "sample.txt"), "-o", str(single / "warm.pdf")), env=env)

    docx = sd("to-docx", str(single / "sample.txt"), "-o", str(single / "sample.docx"))
    pdf = sd("to-pdf", str(single / "sample.txt"), "-o", str(single / "sample.pdf"))
    soffice(1, lo_profile, single / "lo", [single / "sample.docx"])  # initialise the profile, not measured
    lo_single = soffice(n, lo_profile, single / "lo", [single / "sample.docx"])
    rows.append(("to-docx, bundled sample (cold process)", docx, None, ""))
    rows.append(("to-pdf, bundled sample (cold process)", pdf, lo_single, "LibreOffice: sample.docx → PDF"))

    corpus = work / "corpus"
    make_corpus(corpus, args.docs)
    j = str(cores())
    for fmt in ("docx", "pdf"):
        out = work / f"batch-{fmt}"
        res = repeat(n, speechdoc("batch", str(corpus), "-o", str(out), "--to", fmt, "-j", j, "--force", "--json",
                                  "-q"), env=env)
        res.worker_peak_mb = worker_peak(res)
        lo = None
        if fmt == "pdf":
            lo = soffice(n, lo_profile, work / "lo-batch", sorted((work / "batch-docx").glob("*.docx")))
        rows.append((f"batch of {args.docs} documents → {fmt.upper()}, -j {j}", res, lo,
                     f"LibreOffice: the {args.docs} .docx → PDF, one call" if lo else ""))

    for pages in (args.pages // 4, args.pages // 2, args.pages):
        src = work / f"long-{pages}.txt"
        src.write_text(long_text(pages), encoding="utf-8")
        res = sd("to-pdf", str(src), "-o", str(src.with_suffix(".pdf")))
        got = pdf_pages(src.with_suffix(".pdf")) if res.ok else f"~{pages}"
        lo = None
        if pages == args.pages:
            measure(speechdoc("to-docx", str(src), "-o", str(src.with_suffix(".docx"))), env=env)
            lo = soffice(n, lo_profile, work / "lo-long", [src.with_suffix(".docx")])
        rows.append((f"to-pdf, long document ({got} pages)", res, lo, "LibreOffice: its .docx → PDF" if lo else ""))
    return rows


# ---------------------------------------------------------------- the table


def cell_time(r: Result | None) -> str:
    if r is None:
        return "—"
    return f"{r.median:.2f}" if r.ok else "failed"


def cell_mb(r: Result | None) -> str:
    """The largest process's peak; for a batch, the largest worker's (the main process only plans and waits)."""
    if r is None or not r.ok:
        return "—"
    if r.worker_peak_mb is not None:
        return f"{r.worker_peak_mb:.0f} per worker (main {r.peak_mb:.0f})"
    return f"{r.peak_mb:.0f}"


def ratio(ours: Result, theirs: Result | None) -> str:
    if theirs is None or not (ours.ok and theirs.ok) or not theirs.median:
        return "—"
    return f"{ours.median / theirs.median:.2f}×"


def markdown_table(rows, machine: str) -> str:
    lines = [f"Measured on {machine}; median of the runs, each a cold process.", "",
             "| task | speechdoc s | speechdoc peak MB | LibreOffice s | LibreOffice peak MB | speechdoc / LibreOffice |",
             "|---|---:|---:|---:|---:|---:|"]
    for task, ours, theirs, _ in rows:
        lines.append(f"| {task} | {cell_time(ours)} | {cell_mb(ours)} | {cell_time(theirs)} | {cell_mb(theirs)} "
                     f"| {ratio(ours, theirs)} |")
    return "\n".join(lines)


def linearity(rows) -> str:
    longs = [(task, r) for task, r, _, _ in rows if task.startswith("to-pdf, long") and r.ok]
    if len(longs) < 2:
        return ""
    pages = [int(t.split("(")[1].split()[0].lstrip("~")) for t, _ in longs]
    per_page = [r.median / p for (_, r), p in zip(longs, pages) if p]
    return ("Time per page of the long documents: "
            + ", ".join(f"{p} pages {1000 * s:.0f} ms" for p, s in zip(pages, per_page)) + ".")


def machine() -> str:
    import platform

    lo = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip().split("\n")[0]
    return f"{platform.system()} {platform.release()}, Python {platform.python_version()}, {cores()} cores, {lo}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100, help="documents in the batch (default 100)")
    parser.add_argument("--pages", type=int, default=200, help="pages of the long document (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="work here and keep the files (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="speechdoc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = run_all(args, work)
        print(markdown_table(rows, machine()))
        print()
        print(linearity(rows))
        for task, _, theirs, what in rows:
            if theirs is not None:
                print(f"- {task}: the LibreOffice column is {what}.")
        for task, r, _, _ in rows:
            if not r.ok:
                why = r.runs[-1].stderr.strip() or r.runs[-1].stdout.strip()
                print(f"\n{task} failed: {why[-500:]}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
