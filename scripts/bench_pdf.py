#!/usr/bin/env python3
"""Benchmark: cold `speechdoc to-pdf` on the bundled 9-page sample vs LibreOffice turning the same .docx into PDF.

    python3 scripts/bench_pdf.py [--runs 5] [--docx FILE.docx]

Each run is a fresh process (cold). Prints min and median seconds of each and their ratio, and the PDF size.
The .docx is made with speechdoc's DOCX renderer when it is there, else with plain python-docx (same text,
16 pt, A4 margins) — pass --docx to measure LibreOffice on a file of your own.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "tests" / "fixtures" / "models" / "speech-scraped.json"


def timed(cmd: list[str], env=None) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def make_docx(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from speechdoc import api

    doc = api.load_model(MODEL)
    try:
        path.write_bytes(api.render_docx_bytes(doc))
        return
    except ImportError:
        pass
    import docx
    from docx.shared import Mm, Pt

    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin, section.right_margin, section.bottom_margin = Mm(37), Mm(28), Mm(26), Mm(35)
    for block in doc.blocks:
        run = d.add_paragraph().add_run(block.text)
        run.font.size = Pt(16)
        run.font.name = "FandolFang"
    d.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--docx")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="speechdoc-bench-"))
    try:
        docx_path = Path(args.docx) if args.docx else tmp / "sample.docx"
        if not args.docx:
            make_docx(docx_path)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        ours, lo = [], []
        for i in range(args.runs):
            out = tmp / "ours.pdf"
            ours.append(timed([sys.executable, "-m", "speechdoc", "to-pdf", str(MODEL), "-o", str(out)], env))
            profile = f"file://{tmp}/lo-profile-{i}"  # a fresh private profile: a cold LibreOffice
            lo.append(timed(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp), str(docx_path)]))
        size = (tmp / "ours.pdf").stat().st_size
        for name, runs in (("speechdoc to-pdf", ours), ("LibreOffice docx", lo)):
            wall, cpu = [w for w, _c in runs], [c for _w, c in runs]
            print(f"{name}: wall min {min(wall):.2f} s, median {statistics.median(wall):.2f} s; "
                  f"CPU min {min(cpu):.2f} s, median {statistics.median(cpu):.2f} s")
        print(f"PDF size: {size / 1024:.0f} KB")
        med = statistics.median
        print(f"ratio speechdoc / LibreOffice: wall (min) {min(w for w, _ in ours) / min(w for w, _ in lo):.2f}, "
              f"CPU (median) {med([c for _, c in ours]) / med([c for _, c in lo]):.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
