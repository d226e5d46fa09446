"""Convert a folder: walk it, plan the outputs, run the conversions in a process pool, summarise.

    plan = plan_batch([Path("speeches")], Path("out"), settings)    # what to do; nothing written yet
    summary = run_batch(plan, settings, jobs=2)                      # do it

The conversion of one file is a function passed in (``convert``), called as
``convert(source, targets, settings) -> warnings`` (the input's ``Diagnostic``s, or only their number)
and raising ``SpeechdocError`` for a bad input; the default is ``convert_document`` (parse once, render
every format). The summary lists each file's warnings. Workers are
started with ``forkserver`` (never a fork of a process holding renderer state) and keep their
renderer state — fonts, WeasyPrint's font configuration — across documents.

Safety: outputs go only to their place under OUTDIR (by default next to each input) — folders that
are symlinks are not followed, and an output folder that leads out of OUTDIR through a symlink is
refused; two inputs that would write the same output are both refused; an output that would replace
an input is refused; files are written atomically (``outputs.write_atomic``).
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import re
import resource
import signal
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator, Sequence

from . import __version__
from .api import ReadOptions
from .errors import EXIT_FAILURE, EXIT_OK, Diagnostic, InputError, OutputError, SpeechdocError
from .model import Meta, diagnostic_dict
from .outputs import default_output
from .stamps import Stamp, StampBook, fingerprint
from .style import Profile, load_profile

FORMATS = ("docx", "pdf")
# A worker is replaced after this many documents, so its memory stays flat however long the batch: WeasyPrint keeps
# about 0.2 MB per document it renders (measured: 194 → 225 MB over 150 documents); a new worker costs ~1.5 s.
WORKER_DOCUMENTS = 100
EXIT_INTERRUPTED = 130
WARNINGS_SHOWN = 5  # per file, in the summary a person reads (--json lists them all)

# Statuses of one input in the summary.
CONVERTED, UP_TO_DATE, FAILED, IGNORED, NOT_STARTED = "converted", "up-to-date", "failed", "ignored", "not-started"

Target = tuple[str, Path]  # (format, output path)


def input_suffixes() -> tuple[str, ...]:
    """The input suffixes speechdoc can read, from the readers (the one place that knows)."""
    from . import readers

    return tuple(getattr(readers, "INPUT_SUFFIXES", (".txt",)))


@dataclass(frozen=True)
class Settings:
    """What every document of a batch is converted with. Picklable: it travels to the workers."""

    formats: tuple[str, ...] = ("docx",)
    read: ReadOptions = field(default_factory=ReadOptions)
    profile: Profile | None = None
    meta: Meta = field(default_factory=Meta)
    pdf_options: dict[str, Any] = field(default_factory=dict)

    def the_profile(self) -> Profile:
        return self.profile or load_profile()

    def fingerprint(self, fmt: str, convert: Callable) -> str:
        """What an output of format ``fmt`` depends on besides its input."""
        return fingerprint({
            "version": __version__, "format": fmt, "read": asdict(self.read), "meta": asdict(self.meta),
            "profile": self.the_profile().data, "pdf": self.pdf_options if fmt == "pdf" else None,
            "converter": f"{convert.__module__}.{convert.__qualname__}",
        })


@dataclass(frozen=True)
class Job:
    source: Path  # the input as found (under its root)
    name: str  # how the summary names it: the path relative to the folder given
    targets: tuple[Target, ...]
    out_root: Path  # no output may land outside this folder


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str
    outputs: tuple[str, ...] = ()
    reason: str = ""
    seconds: float = 0.0
    warnings: int = 0  # how many
    warning_details: tuple[Diagnostic, ...] = ()  # the warnings themselves, when the converter gives them
    worker: int | None = None  # the process id that converted it
    worker_peak_mb: float | None = None  # that process's peak resident memory so far


@dataclass
class Plan:
    jobs: list[Job]
    outcomes: list[Outcome]  # inputs refused while planning (failed or ignored)
    others: int = 0  # files with a suffix speechdoc does not read, left alone
    stamps: StampBook = field(default_factory=StampBook)
    prints: dict[str, str] = field(default_factory=dict)  # format → the fingerprint of this run's options


@dataclass
class Summary:
    outcomes: list[Outcome]
    seconds: float
    others: int = 0
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILURE if self.count(FAILED) else EXIT_OK

    def worker_peaks_mb(self) -> dict[int, float]:
        peaks: dict[int, float] = {}
        for o in self.outcomes:
            if o.worker is not None and o.worker_peak_mb is not None:
                peaks[o.worker] = max(peaks.get(o.worker, 0.0), o.worker_peak_mb)
        return peaks

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "speechdoc.batch/1",
            "counts": {s: self.count(s) for s in (CONVERTED, UP_TO_DATE, FAILED, IGNORED, NOT_STARTED)},
            "other_files": self.others,
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
            "exit_code": self.exit_code,
            "worker_peak_mb": {str(k): round(v, 1) for k, v in sorted(self.worker_peaks_mb().items())},
            "files": [_outcome_dict(o) for o in self.outcomes],
        }


def _outcome_dict(o: Outcome) -> dict[str, Any]:
    d: dict[str, Any] = {"input": o.name, "status": o.status, "outputs": list(o.outputs)}
    if o.reason:
        d["reason"] = o.reason
    if o.status == CONVERTED:
        d["seconds"] = round(o.seconds, 3)
        d["warnings"] = o.warnings
        d["warning_details"] = [diagnostic_dict(w) for w in o.warning_details]
    return d


# ---------------------------------------------------------------- walking


@dataclass(frozen=True)
class Found:
    base: Path  # the folder given (or a single file's folder)
    rel: PurePosixPath  # the input relative to base
    problem: str = ""  # why it is ignored, if it is
    label: str = ""  # how to name it when the relative path is not enough (several roots, a single file)

    @property
    def name(self) -> str:
        return printable(self.label or str(self.rel))


def walk(root: Path, *, recursive: bool, suffixes: Sequence[str], skip: Sequence[Path] = ()) -> tuple[list[Found], int]:
    """The inputs under ``root`` in name order, and how many other files were left alone.

    Hidden files and folders (``.git``, our own stamp and temporary files) and Office lock files
    (``~$x.docx``) are passed over; folders that are symlinks are reported, never followed.
    """
    found: list[Found] = []
    others = 0
    skip_real = {os.path.realpath(p) for p in skip}

    def visit(folder: Path, rel: PurePosixPath) -> None:
        nonlocal others
        try:
            entries = sorted(os.scandir(folder), key=lambda e: natural_key(e.name))
        except OSError as exc:
            found.append(Found(root, rel, f"cannot read the folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            path, child = Path(entry.path), rel / entry.name
            if entry.is_symlink():
                problem = _symlink_problem(path)
                if problem:
                    found.append(Found(root, child, problem))
                    continue
            if entry.is_dir(follow_symlinks=False):
                if recursive and os.path.realpath(path) not in skip_real:
                    visit(path, child)
            elif Path(entry.name).suffix.lower() in suffixes:
                regular = entry.is_file()  # a pipe would block the reader forever
                found.append(Found(root, child) if regular else Found(root, child, "not a regular file, not read"))
            else:
                others += 1

    visit(root, PurePosixPath())
    return found, others


def natural_key(name: str) -> list:
    """Sort key putting ``2.txt`` before ``10.txt``."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name)]


def printable(name: str) -> str:
    """A file name fit to print: names whose bytes are not UTF-8 (GBK names from old archives) read as GB18030."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _symlink_problem(path: Path) -> str:
    """Why a symlink is not converted ('' for a link to a file, which is read like the file)."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "symlink loop, not followed"
    except OSError as exc:
        if getattr(exc, "errno", None) == 40:  # ELOOP
            return "symlink loop, not followed"
        return "broken symlink"
    if target.is_dir():
        inside = path.parent.resolve()
        if inside == target or target in inside.parents:
            return "symlink loop, not followed"
        return "symlink to a folder, not followed"
    return ""


# ---------------------------------------------------------------- planning


def plan_batch(roots: Sequence[str | Path], out_dir: str | Path | None, settings: Settings, *,
               recursive: bool = True, force: bool = False, convert: Callable | None = None,
               suffixes: Sequence[str] | None = None) -> Plan:
    """Every input under ``roots`` (folders or files) with its outputs; refused and up-to-date ones set aside."""
    convert = convert or convert_document
    suffixes = tuple(s.lower() for s in (suffixes or input_suffixes()))
    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        writable_folder(out)
    found, others = _find(roots, out, recursive, suffixes)
    plan = Plan(jobs=[], outcomes=[], others=others,
                prints={fmt: settings.fingerprint(fmt, convert) for fmt in settings.formats})
    jobs = []
    for f in found:
        if f.problem:
            plan.outcomes.append(Outcome(f.name, IGNORED, reason=f.problem))
        else:
            jobs.append(_job(f, out, settings.formats))
    jobs = _drop_own_outputs(jobs, plan)
    jobs = _refuse_clashes(jobs, plan)
    for job in jobs:
        _set_aside_or_keep(job, plan, force)
    return plan


def writable_folder(folder: Path) -> None:
    """Make OUTDIR if needed and make sure files can be written in it: fail once, before any work, if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except FileExistsError:
        raise OutputError("is a file, not a folder", path=str(folder), hint="name a folder with -o") from None
    except OSError as exc:
        raise OutputError(f"cannot write in the output folder: {exc.strerror or exc}", path=str(folder),
                          hint="choose another folder with -o") from None


def _find(roots, out: Path | None, recursive: bool, suffixes) -> tuple[list[Found], int]:
    found: list[Found] = []
    others = 0
    roots = [Path(r) for r in roots]
    for root in roots:
        if root.is_dir():
            more, n = walk(root, recursive=recursive, suffixes=suffixes, skip=[out] if out else [])
            if len(roots) > 1:
                more = [replace(f, label=str(root / f.rel)) for f in more]
            found += more
            others += n
        else:
            found.append(Found(root.parent, PurePosixPath(root.name), label=str(root)))
    return found, others


def _job(f: Found, out: Path | None, formats: Sequence[str]) -> Job:
    rel = Path(*f.rel.parts)
    folder = (out / rel.parent) if out is not None else (f.base / rel.parent)
    # The single-file rule, so a folder gives the names one file would: a.txt → a.docx, a.docx → a-gbt9704.docx.
    targets = tuple((fmt, default_output(str(folder / rel.name), f".{fmt}")) for fmt in formats)
    return Job(source=f.base / rel, name=f.name, targets=targets, out_root=out if out is not None else f.base)


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _drop_own_outputs(jobs: list[Job], plan: Plan) -> list[Job]:
    """An input that is another input's output: ours (stamped) → ignored; the user's → the other is refused."""
    outputs = {_key(p): job for job in jobs for _, p in job.targets}
    sources = {_key(job.source): job for job in jobs}
    made_by: dict[Job, Job] = {}  # a file speechdoc made (its stamp says so) → the input it was made from
    would_replace: dict[Job, Job] = {}  # an input whose output would replace another input → that input
    for job in jobs:
        made_from = plan.stamps.source_of(job.source) or _reformatted_from(job.source)
        maker = sources.get(_key(job.source.parent / made_from)) if made_from else None
        if maker is not None and maker is not job:
            made_by[job] = maker
            continue
        maker = outputs.get(_key(job.source))
        if maker is not None and maker is not job:
            would_replace[maker] = job
    keep = []
    for job in jobs:
        if job in made_by:
            plan.outcomes.append(Outcome(job.name, IGNORED, reason=f"made by speechdoc from {made_by[job].name}"))
        elif job in would_replace or any(_key(p) == _key(job.source) for _, p in job.targets):
            victim = would_replace.get(job, job).name
            plan.outcomes.append(Outcome(job.name, FAILED, reason=f"its output would replace the input {victim}; "
                                         "convert into another folder with -o OUTDIR"))
        else:
            keep.append(job)
    return keep


def _reformatted_from(path: Path) -> str | None:
    """``a-gbt9704.docx`` is what speechdoc makes of ``a.docx``: the name of that original."""
    marker = default_output("x" + path.suffix, path.suffix).stem[1:]  # "-gbt9704" for an output format, else ""
    if marker and path.stem.endswith(marker) and path.stem != marker:
        return path.stem[: -len(marker)] + path.suffix
    return None


def _refuse_clashes(jobs: list[Job], plan: Plan) -> list[Job]:
    """Two inputs that would write the same output (a.txt and a.md): both refused, neither overwritten."""
    writers: dict[str, list[Job]] = defaultdict(list)
    for job in jobs:
        for _, p in job.targets:
            writers[_key(p)].append(job)
    clashing: dict[str, str] = {}
    for key, group in writers.items():
        if len(group) > 1:
            names = " and ".join(j.name for j in group)
            for j in group:
                clashing.setdefault(j.name, f"{names} would both write {Path(key).name}; rename one")
    keep = []
    for job in jobs:
        if job.name in clashing:
            plan.outcomes.append(Outcome(job.name, FAILED, reason=clashing[job.name]))
        else:
            keep.append(job)
    return keep


def _set_aside_or_keep(job: Job, plan: Plan, force: bool) -> None:
    escape = _escapes(job) or _foreign_output(job, plan)
    if escape:
        plan.outcomes.append(Outcome(job.name, FAILED, reason=escape))
        return
    if not force:
        try:
            stamps = [(p, Stamp.of(job.source, plan.prints[fmt])) for fmt, p in job.targets]
        except OSError:
            stamps = []  # unreadable input: let the conversion report it
        if stamps and all(plan.stamps.is_current(p, s) for p, s in stamps):
            plan.outcomes.append(Outcome(job.name, UP_TO_DATE, outputs=tuple(printable(str(p)) for _, p in job.targets)))
            return
    plan.jobs.append(job)


def _foreign_output(job: Job, plan: Plan) -> str:
    """Why an output would replace a file speechdoc did not write (the user's own 讲话.pdf), or ''. A file the
    stamps record as made by an earlier batch is ours."""
    from .outputs import made_by_speechdoc

    for _, p in job.targets:
        if p.exists() and plan.stamps.source_of(p) is None and not made_by_speechdoc(p):
            return f"{printable(p.name)} is already there and speechdoc did not write it; not replaced (use -o OUTDIR)"
    return ""


def _escapes(job: Job) -> str:
    """Why an output would land outside its root (a symlinked folder on the way), or ''."""
    root = os.path.realpath(job.out_root)
    for _, p in job.targets:
        real = os.path.realpath(p.parent)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            return f"the output folder {p.parent} leads outside {job.out_root} (a symlink); nothing written"
    return ""


# ---------------------------------------------------------------- converting one file


def convert_document(source: Path, targets: Sequence[Target], settings: Settings) -> tuple[Diagnostic, ...]:
    """The real conversion: parse ``source`` once, render every target format; the input's warnings."""
    from . import api

    profile = _worker_profile(settings)
    doc = api.parse(source, options=settings.read, profile=profile, meta=settings.meta)
    if not doc.blocks:
        raise InputError("is empty: no text left after cleaning", path=str(source),
                         hint="an empty document is not written")
    for fmt, out in targets:
        if fmt == "docx":
            api.to_docx(doc, out, profile=profile)
        else:
            api.to_pdf(doc, out, profile=profile, pdf_options=settings.pdf_options)
    return tuple(doc.warnings)


def _warm_renderers(settings: Settings) -> None:
    """Import the renderers once per worker, before the first document (their caches live there)."""
    modules = {"docx": "speechdoc.render.docx", "pdf": "speechdoc.render.pdf"}
    for fmt in settings.formats:
        try:
            __import__(modules[fmt])
        except ImportError:
            pass  # each document then reports the failure itself


convert_document.warm = _warm_renderers  # type: ignore[attr-defined]

_profile_cache: dict[int, Profile] = {}


def _worker_profile(settings: Settings) -> Profile:
    if settings.profile is not None:
        return settings.profile
    if 0 not in _profile_cache:
        _profile_cache[0] = load_profile()
    return _profile_cache[0]


def run_one(convert: Callable, job: Job, settings: Settings) -> Outcome:
    """Convert one job; a failure becomes an outcome, never an exception (except an interrupt)."""
    started = time.perf_counter()
    try:
        warnings = convert(job.source, job.targets, settings)
    except SpeechdocError as exc:
        return Outcome(job.name, FAILED, reason=printable(exc.message))
    except MemoryError:
        return Outcome(job.name, FAILED, reason="out of memory")
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        return Outcome(job.name, FAILED, reason=printable(f"internal error: {type(exc).__name__}: {exc}"))
    details = () if warnings is None or isinstance(warnings, int) else tuple(warnings)
    return Outcome(job.name, CONVERTED, outputs=tuple(printable(str(p)) for _, p in job.targets),
                   seconds=time.perf_counter() - started, warnings=len(details) if details else int(warnings or 0),
                   warning_details=details)


# ---------------------------------------------------------------- workers

_worker: dict[str, Any] = {}


def _init_worker(convert: Callable, settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides when to stop
    signal.signal(signal.SIGTERM, _exit_cleanly)  # stopped at once: temporary files are removed on the way out
    # A pool worker ends without running exit handlers: release the renderers' state (WeasyPrint's temporary
    # font folder) when it ends normally, too.
    multiprocessing.util.Finalize(None, _release_renderers, exitpriority=10)
    _worker["convert"], _worker["settings"] = convert, settings
    _warm(convert, settings)


def _release_renderers() -> None:
    pdf = sys.modules.get("speechdoc.render.pdf")
    if pdf is not None:
        pdf.release()


class _Terminated(BaseException):
    """SIGTERM in a worker: unwinds the document being written (removing its temporary file), then exits."""


def _exit_cleanly(signum, frame):
    raise _Terminated()


def _warm(convert: Callable, settings: Settings) -> None:
    """Load the converter's state before the first document; a failure here is left to each document to report
    (an exception in a pool initializer would break the whole pool)."""
    warm = getattr(convert, "warm", None)
    try:
        if warm:
            warm(settings)
    except Exception:  # noqa: BLE001
        pass


def _work(job: Job) -> Outcome:
    try:
        outcome = run_one(_worker["convert"], job, _worker["settings"])
    except _Terminated:
        _release_renderers()
        os._exit(128 + signal.SIGTERM)  # the pool would otherwise catch it and go on to the next document
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return _with(outcome, worker=os.getpid(), worker_peak_mb=peak_mb)


def _with(outcome: Outcome, **changes) -> Outcome:
    return replace(outcome, **changes)  # (``asdict`` would turn the warnings into plain dicts)


# ---------------------------------------------------------------- running

DIED = "the converting process died (out of memory or a crash)"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_batch(plan: Plan, settings: Settings, *, jobs: int | None = None, convert: Callable | None = None,
              progress=None, worker_documents: int = WORKER_DOCUMENTS) -> Summary:
    """Do ``plan``: convert its jobs (``jobs`` processes; 1 = in this process) and summarise everything.

    Ctrl-C or SIGTERM: no new document starts, the ones being converted finish, the summary says what was done.
    A second Ctrl-C stops at once (writes are atomic: no half-written file either way).
    """
    from .progress import Silent

    progress = progress or Silent()
    started = time.perf_counter()
    runner = _Runner(plan, settings, convert or convert_document, progress, worker_documents)
    n = min(jobs or default_jobs(), max(1, len(plan.jobs)))
    progress.start(len(plan.jobs), already=len(plan.outcomes))
    with _StopSignals() as stop:
        runner.stop = stop
        try:
            runner.serial() if n <= 1 else runner.pooled(n)
        except KeyboardInterrupt:
            stop.requested = True
        finally:
            runner.finish()
            progress.close()
    return Summary(outcomes=plan.outcomes + runner.outcomes, seconds=time.perf_counter() - started,
                   others=plan.others, interrupted=stop.requested)


class _StopSignals:
    """While a batch runs, Ctrl-C and SIGTERM set ``requested`` (checked between documents); a second one raises
    KeyboardInterrupt to stop at once. Outside the main thread signals are left alone."""

    def __init__(self) -> None:
        self.requested = False
        self.old: dict[int, Any] = {}

    def __enter__(self) -> _StopSignals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.old[sig] = signal.signal(sig, self._on_signal)
        return self

    def _on_signal(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc) -> bool:
        for sig, handler in self.old.items():
            signal.signal(sig, handler)
        return False


class _Runner:
    def __init__(self, plan: Plan, settings: Settings, convert: Callable, progress, worker_documents: int) -> None:
        self.plan, self.settings, self.convert, self.progress = plan, settings, convert, progress
        self.worker_documents = worker_documents
        self.outcomes: list[Outcome] = []
        self.pending: Iterator[Job] = iter(plan.jobs)
        self.done: set[Job] = set()
        self.inflight: dict[Future, Job] = {}
        self.stop = _StopSignals()
        self._stopping = False
        self._saved = time.monotonic()

    # -- the two ways to run

    def serial(self) -> None:
        _warm(self.convert, self.settings)
        for job in self.pending:
            if self.stop.requested:
                return
            if self._prepare(job):
                self.progress.current(job.name)
                self._record(job, run_one(self.convert, job, self.settings))

    def pooled(self, n: int) -> None:
        """Feed a pool of ``n`` workers; a pool that breaks (a worker killed) is replaced for the rest."""
        while not self.stop.requested:
            pool = ProcessPoolExecutor(n, mp_context=_start_method(), initializer=_init_worker,
                                       initargs=(self.convert, self.settings),
                                       max_tasks_per_child=self.worker_documents)
            try:
                if not self._drain(pool, n):
                    return
            except KeyboardInterrupt:  # the second Ctrl-C: stop the workers now
                for proc in list((pool._processes or {}).values()):  # noqa: SLF001 - no public way
                    proc.terminate()
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    def _drain(self, pool: ProcessPoolExecutor, n: int) -> bool:
        """Run jobs until none are left (False) or the pool breaks (True); on a stop request, finish those started."""
        self.inflight = {}
        self._fill(pool, 2 * n)
        while self.inflight:
            finished, _ = wait(self.inflight, timeout=0.2, return_when=FIRST_COMPLETED)
            if self.stop.requested and not self._stopping:
                self._stopping = True
                self._cancel_waiting()
                self.progress.note(f"stopping: finishing the {len(self.inflight)} document(s) being converted "
                                   "(Ctrl-C again to stop at once)")
            broken = False
            for fut in finished:
                broken |= self._collect(fut)
            if broken:
                for fut, job in list(self.inflight.items()):
                    del self.inflight[fut]
                    self._record(job, Outcome(job.name, FAILED, reason=DIED))
                return True
            if not self.stop.requested:
                self._fill(pool, 2 * n)
            self.progress.tick()
        return False

    def _collect(self, fut: Future) -> bool:
        """Record a finished job; True when its worker died."""
        job = self.inflight[fut]
        if fut.cancelled():
            del self.inflight[fut]
            return False
        try:
            outcome, broken = fut.result(), False
        except BrokenProcessPool:
            outcome, broken = Outcome(job.name, FAILED, reason=DIED), True
        self._record(job, outcome)
        del self.inflight[fut]
        return broken

    def _cancel_waiting(self) -> None:
        for fut in list(self.inflight):
            if fut.cancel():
                del self.inflight[fut]

    def _fill(self, pool: ProcessPoolExecutor, limit: int) -> None:
        while len(self.inflight) < limit:
            job = next(self.pending, None)
            if job is None:
                return
            if self._prepare(job):
                self.inflight[pool.submit(_work, job)] = job
                self.progress.current(next(iter(self.inflight.values())).name)

    # -- bookkeeping

    def _prepare(self, job: Job) -> bool:
        """Make the job's output folders; a folder that cannot be made fails the job."""
        try:
            for _, p in job.targets:
                p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._record(job, Outcome(job.name, FAILED, reason=f"cannot make the output folder: {exc.strerror or exc}"))
            return False
        return True

    def _record(self, job: Job, outcome: Outcome) -> None:
        for fmt, p in job.targets:
            if outcome.status == CONVERTED:
                self.plan.stamps.record(p, Stamp.of(job.source, self.plan.prints[fmt]))
            else:
                self.plan.stamps.forget(p)
        self.outcomes.append(outcome)
        self.done.add(job)
        self.progress.done(outcome)
        if time.monotonic() - self._saved > 1.0:
            self.plan.stamps.save()
            self._saved = time.monotonic()

    def finish(self) -> None:
        for job in self.plan.jobs:
            if job not in self.done:
                self.outcomes.append(Outcome(job.name, NOT_STARTED, reason="interrupted before it started"))
        self.plan.stamps.save()


def _start_method():
    """Workers start from a clean process: ``forkserver`` where there is one (Linux, macOS), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def convert_tree(roots: Sequence[str | Path], out_dir: str | Path | None, settings: Settings, *,
                 recursive: bool = True, force: bool = False, jobs: int | None = None,
                 convert: Callable | None = None, progress=None, worker_documents: int = WORKER_DOCUMENTS) -> Summary:
    """Plan and run a batch in one call."""
    plan = plan_batch(roots, out_dir, settings, recursive=recursive, force=force, convert=convert)
    return run_batch(plan, settings, jobs=jobs, convert=convert, progress=progress, worker_documents=worker_documents)


# ---------------------------------------------------------------- the summary

_LABELS = ((CONVERTED, "converted"), (UP_TO_DATE, "up to date (skipped)"), (FAILED, "failed"),
           (IGNORED, "ignored"), (NOT_STARTED, "not started"))
_OTHERS = "other files (left alone)"
_LABEL_WIDTH = max(len(label) for label in (*dict(_LABELS).values(), _OTHERS)) + 2  # the counts line up


def format_summary(summary: Summary) -> str:
    """The summary table a person reads: counts, then every failed and ignored input with its reason, then
    the warnings of each converted input (at most ``WARNINGS_SHOWN`` each), one line each."""
    lines = ["interrupted: stopped after the documents being converted; nothing half-written" if summary.interrupted
             else "batch finished"]
    if not summary.outcomes:
        lines[0] += f": nothing to convert (no {', '.join(input_suffixes())} files found)"
    rate = summary.count(CONVERTED) / summary.seconds if summary.seconds > 0 else 0.0
    for status, label in _LABELS:
        n = summary.count(status)
        if n or status in (CONVERTED, FAILED):
            lines.append(f"  {label:<{_LABEL_WIDTH}}{n:>6}")
    if summary.others:
        lines.append(f"  {_OTHERS:<{_LABEL_WIDTH}}{summary.others:>6}")
    lines.append(f"  {'time':<{_LABEL_WIDTH}}{summary.seconds:>6.1f} s  ({rate:.1f} documents/s)")
    for status in (FAILED, IGNORED):
        listed = [o for o in summary.outcomes if o.status == status]
        if listed:
            lines.append(f"{status}:")
            lines += [f"  {o.name}: {o.reason}" for o in listed]
    warned = [o for o in summary.outcomes if o.status == CONVERTED and o.warnings]
    if warned:
        lines.append(f"warnings ({sum(o.warnings for o in warned)} in {len(warned)} file(s)):")
        for o in warned:
            lines += _warning_lines(o)
    return "\n".join(lines)


def _warning_lines(o: Outcome) -> list[str]:
    """``  name:line: message`` for the first few warnings of one input, then how many more."""
    if not o.warning_details:
        return [f"  {o.name}: {o.warnings} warning(s)"]
    out = [f"  {o.name}:{'' if w.line is None else f'{w.line}:'} {_one_line(w)}"
           for w in o.warning_details[:WARNINGS_SHOWN]]
    if o.warnings > WARNINGS_SHOWN:
        out.append(f"  {o.name}: … and {o.warnings - WARNINGS_SHOWN} more (see `speechdoc inspect`)")
    return out


def _one_line(w: Diagnostic) -> str:
    text = " ".join(w.message.split())
    return text if w.severity == "warning" else f"{w.severity}: {text}"


def parse_formats(to: str | Sequence[str]) -> tuple[str, ...]:
    """``"docx,pdf"`` or ``("pdf",)`` → the output formats, in order, each once; ValueError for others."""
    items = to.split(",") if isinstance(to, str) else list(to)
    formats: list[str] = []
    for item in (i.strip().lower().lstrip(".") for i in items):
        if item not in FORMATS:
            raise ValueError(f"unknown output format {item!r}: use docx, pdf or docx,pdf")
        if item not in formats:
            formats.append(item)
    if not formats:
        raise ValueError("no output format: use docx, pdf or docx,pdf")
    return tuple(formats)
