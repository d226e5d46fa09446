from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from speechdoc import batch
from speechdoc.api import ReadOptions
from speechdoc.batch import Settings, convert_tree, plan_batch, run_batch
from speechdoc.stamps import STAMP_FILE
from tests.batch_converters import (cold_converter, crashing_converter, text_converter, warm_converter,
                                    warning_converter)
from tests.conftest import ROOT

SPEECH = "在全市工作会议上的讲话\n同志们：\n今天召开会议，主要任务是部署工作。\n"
TXT = (".txt",)


def make_tree(root: Path) -> Path:
    """A folder of a year's speeches: nested folders, good files and bad ones."""
    (root / "2023" / "上半年").mkdir(parents=True)
    (root / "2024").mkdir()
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    (root / "2023" / "b.txt").write_bytes(SPEECH.encode("gb18030"))
    (root / "2023" / "上半年" / "c.txt").write_text(SPEECH, encoding="utf-8")
    (root / "2024" / "empty.txt").write_text("\n \n", encoding="utf-8")
    (root / "2024" / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "2024" / "garbled.txt").write_bytes("讲话".encode("utf-8") + b"\xff\xfe\xfa\x80\x81" * 20)
    (root / "2024" / "notes.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text(SPEECH, encoding="utf-8")
    return root


GOOD = {"a.txt", "2023/b.txt", "2023/上半年/c.txt"}
BAD = {"2024/empty.txt", "2024/picture.txt", "2024/garbled.txt"}


def by_name(summary) -> dict[str, batch.Outcome]:
    return {o.name: o for o in summary.outcomes}


def stray_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".part")]


def settings(formats=("docx",), **kw) -> Settings:
    return Settings(formats=formats, **kw)


# ---------------------------------------------------------------- walking and planning


def test_walk_finds_inputs_in_name_order_and_passes_over_hidden_and_others(tmp_path):
    found, others = batch.walk(make_tree(tmp_path), recursive=True, suffixes=TXT)
    assert [str(f.rel) for f in found] == ["2023/b.txt", "2023/上半年/c.txt", "2024/empty.txt", "2024/garbled.txt",
                                            "2024/picture.txt", "a.txt"]
    assert others == 1  # notes.jpg


def test_no_recursive_stays_in_the_folder(tmp_path):
    found, _ = batch.walk(make_tree(tmp_path), recursive=False, suffixes=TXT)
    assert [str(f.rel) for f in found] == ["a.txt"]


def test_symlinked_folders_and_loops_are_reported_never_followed(tmp_path):
    root = make_tree(tmp_path / "in")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text(SPEECH, encoding="utf-8")
    (root / "link-out").symlink_to(outside)
    (root / "2023" / "loop").symlink_to(root)
    (root / "self").symlink_to("self")
    (root / "broken.txt").symlink_to(tmp_path / "missing.txt")
    found, _ = batch.walk(root, recursive=True, suffixes=TXT)
    problems = {str(f.rel): f.problem for f in found if f.problem}
    assert problems == {"2023/loop": "symlink loop, not followed", "link-out": "symlink to a folder, not followed",
                        "self": "symlink loop, not followed", "broken.txt": "broken symlink"}
    assert not any("far.txt" in str(f.rel) for f in found)


def test_plan_mirrors_the_tree_under_outdir(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    plan = plan_batch([root], out, settings(("docx", "pdf")), suffixes=TXT)
    targets = {j.name: [str(p.relative_to(out)) for _, p in j.targets] for j in plan.jobs}
    assert targets["2023/上半年/c.txt"] == ["2023/上半年/c.docx", "2023/上半年/c.pdf"]
    assert targets["a.txt"] == ["a.docx", "a.pdf"]
    assert list(out.iterdir()) == []  # planning makes OUTDIR (to know it is writable) and writes nothing


def test_plan_without_outdir_puts_outputs_next_to_inputs(tmp_path):
    root = make_tree(tmp_path)
    plan = plan_batch([root], None, settings(), suffixes=TXT)
    job = next(j for j in plan.jobs if j.name == "2023/b.txt")
    assert job.targets == (("docx", root / "2023" / "b.docx"),)


def test_two_inputs_writing_the_same_output_are_both_refused(tmp_path):
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "a.md").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPEECH, encoding="utf-8")
    # the real suffix list may not know .md yet: plan with an explicit one
    plan = plan_batch([tmp_path], tmp_path / "out", settings(), suffixes=(".txt", ".md"), convert=text_converter)
    summary = run_batch(plan, settings(), jobs=1, convert=text_converter)
    outcomes = by_name(summary)
    assert outcomes["a.md"].status == outcomes["a.txt"].status == "failed"
    assert "a.md and a.txt would both write a.docx" in outcomes["a.txt"].reason
    assert outcomes["b.txt"].status == "converted"
    assert not (tmp_path / "out" / "a.docx").exists()
    assert summary.exit_code == 1


def test_outdir_inside_dir_is_not_walked(tmp_path):
    root = make_tree(tmp_path)
    convert_tree([root], root / "out", settings(), jobs=1, convert=text_converter)
    plan = plan_batch([root], root / "out", settings(), suffixes=(".txt", ".docx"), convert=text_converter, force=True)
    assert not any(j.name.startswith("out/") for j in plan.jobs)


def test_an_output_folder_that_is_a_symlink_out_of_outdir_is_refused(tmp_path):
    root, out, elsewhere = make_tree(tmp_path / "in"), tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "2023").symlink_to(elsewhere)
    summary = convert_tree([root], out, settings(), jobs=1, convert=text_converter)
    outcomes = by_name(summary)
    assert outcomes["2023/b.txt"].status == "failed"
    assert "leads outside" in outcomes["2023/b.txt"].reason
    assert outcomes["2023/上半年/c.txt"].status == "failed"
    assert list(elsewhere.iterdir()) == []
    assert (out / "a.docx").exists()


# ---------------------------------------------------------------- running


@pytest.mark.parametrize("jobs", [1, 2])
def test_good_files_convert_bad_files_are_named_with_their_reason(tmp_path, jobs):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    summary = convert_tree([root], out, settings(("docx", "pdf")), jobs=jobs, convert=text_converter)
    outcomes = by_name(summary)
    assert {n for n, o in outcomes.items() if o.status == "converted"} == GOOD
    assert {n for n, o in outcomes.items() if o.status == "failed"} == BAD
    assert outcomes["2024/empty.txt"].reason == "is empty"
    assert "PNG" in outcomes["2024/picture.txt"].reason
    assert "cannot decode" in outcomes["2024/garbled.txt"].reason
    assert (out / "2023" / "上半年" / "c.pdf").read_bytes().endswith(SPEECH.encode("utf-8"))
    assert (out / "2023" / "b.docx").read_bytes().endswith(SPEECH.encode("utf-8"))  # decoded from GB18030
    assert not (out / "2024" / "empty.docx").exists()
    assert summary.exit_code == 1
    assert summary.others == 1
    assert stray_files(tmp_path) == []


def test_workers_are_processes_of_their_own_and_report_their_memory(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    summary = convert_tree([root], out, settings(), jobs=2, convert=text_converter)
    pids = {int((out / n).with_suffix(".docx").read_bytes().split(b":")[1].split(b"\n")[0]) for n in GOOD}
    assert os.getpid() not in pids
    peaks = summary.worker_peaks_mb()
    assert pids <= set(peaks) and all(10 < mb < 300 for mb in peaks.values())


def test_each_worker_warms_up_once_for_many_documents(tmp_path):
    for i in range(12):
        (tmp_path / f"{i:02}.txt").write_text(SPEECH, encoding="utf-8")
    convert_tree([tmp_path], tmp_path / "out", settings(), jobs=2, convert=warm_converter)
    assert {p.read_text() for p in (tmp_path / "out").glob("*.docx")} == {"1"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_warm_up_does_not_break_the_batch(tmp_path, jobs):
    root = make_tree(tmp_path / "in")
    summary = convert_tree([root], tmp_path / "out", settings(), jobs=jobs, convert=cold_converter)
    assert {o.name for o in summary.outcomes if o.status == "converted"} == GOOD


def test_a_dying_worker_fails_its_documents_and_the_rest_still_convert(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "crash.txt").write_text(SPEECH, encoding="utf-8")
    summary = convert_tree([tmp_path], tmp_path / "out", settings(), jobs=2, convert=crashing_converter)
    outcomes = by_name(summary)
    assert "process died" in outcomes["crash.txt"].reason
    assert len(summary.outcomes) == 7
    converted = [n for n, o in outcomes.items() if o.status == "converted"]
    assert len(converted) >= 4  # documents in flight beside the crash may be lost with it, never the rest
    assert all((tmp_path / "out" / n).with_suffix(".docx").exists() for n in converted)


# ---------------------------------------------------------------- up to date


def test_a_second_run_skips_everything_and_force_redoes_it(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    convert_tree([root], out, settings(), jobs=1, convert=text_converter)
    assert (out / "2023" / STAMP_FILE).exists()
    again = convert_tree([root], out, settings(), jobs=1, convert=text_converter)
    assert {o.name for o in again.outcomes if o.status == "up-to-date"} == GOOD
    assert {o.name for o in again.outcomes if o.status == "failed"} == BAD  # bad files are tried again
    forced = convert_tree([root], out, settings(), jobs=1, force=True, convert=text_converter)
    assert {o.name for o in forced.outcomes if o.status == "converted"} == GOOD


def test_a_changed_input_or_changed_options_convert_again(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    convert_tree([root], out, settings(), jobs=1, convert=text_converter)
    a = root / "a.txt"
    a.write_text(SPEECH + "新的一段。\n", encoding="utf-8")
    os.utime(a, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    again = by_name(convert_tree([root], out, settings(), jobs=1, convert=text_converter))
    assert again["a.txt"].status == "converted"
    assert again["2023/b.txt"].status == "up-to-date"
    other = by_name(convert_tree([root], out, settings(read=ReadOptions(keep_boilerplate=True)), jobs=1,
                                 convert=text_converter))
    assert other["2023/b.txt"].status == "converted"


def test_an_output_missing_or_older_than_its_input_is_made_again(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    convert_tree([root], out, settings(), jobs=1, convert=text_converter)
    (out / "a.docx").unlink()
    old = out / "2023" / "b.docx"
    os.utime(old, ns=(0, 0))
    again = by_name(convert_tree([root], out, settings(), jobs=1, convert=text_converter))
    assert again["a.txt"].status == again["2023/b.txt"].status == "converted"
    assert again["2023/上半年/c.txt"].status == "up-to-date"


def test_outputs_speechdoc_made_are_not_taken_for_inputs(tmp_path):
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "mine.docx").write_bytes(b"the user's own Word file")
    (tmp_path / "mine.txt").write_text(SPEECH, encoding="utf-8")
    suffixes = (".txt", ".docx")
    plan = plan_batch([tmp_path], None, settings(), suffixes=suffixes, convert=text_converter)
    first = by_name(run_batch(plan, settings(), jobs=1, convert=text_converter))
    assert first["a.txt"].status == "converted"
    assert first["mine.txt"].status == "failed" and "replace the input mine.docx" in first["mine.txt"].reason
    assert (tmp_path / "mine.docx").read_bytes() == b"the user's own Word file"
    plan = plan_batch([tmp_path], None, settings(), suffixes=suffixes, convert=text_converter)
    second = by_name(run_batch(plan, settings(), jobs=1, convert=text_converter))
    assert second["a.docx"].status == "ignored" and second["a.docx"].reason == "made by speechdoc from a.txt"
    assert second["a.txt"].status == "up-to-date"


# ---------------------------------------------------------------- interrupting


INTERRUPTIBLE = """
import sys
sys.path[:0] = [{src!r}, {root!r}]
from speechdoc.batch import Settings, convert_tree, format_summary
from speechdoc.progress import Lines
from tests.batch_converters import slow_converter
s = convert_tree([sys.argv[1]], sys.argv[2], Settings(), jobs=2, convert=slow_converter, progress=Lines())
print(format_summary(s))
sys.exit(s.exit_code)
"""


def start_interruptible(tmp_path, delay: str):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for i in range(30):
        (root / f"{i:02}.txt").write_text(SPEECH * 50, encoding="utf-8")
    script = INTERRUPTIBLE.format(src=str(ROOT / "src"), root=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", script, str(root), str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, SPEECHDOC_TEST_DELAY=delay))
    deadline = time.monotonic() + 60
    while not list(out.glob("*.docx")) and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc, out


def assert_clean_stop(proc, out, tmp_path, *, all_recorded: bool = True) -> str:
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    text = stdout.decode()
    assert text.startswith("interrupted") and "not started" in text
    outputs = sorted(out.glob("*.docx"))
    assert 1 <= len(outputs) < 30
    assert all(p.read_bytes().endswith((SPEECH * 50).encode("utf-8")) for p in outputs)  # complete files only
    assert stray_files(tmp_path) == []
    stamps = json.loads((out / STAMP_FILE).read_text(encoding="utf-8"))["outputs"]
    if all_recorded:
        assert set(stamps) == {p.name for p in outputs}  # what was done is known done: a re-run resumes
    else:
        assert set(stamps) <= {p.name for p in outputs}
    return stderr.decode()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_kill_stops_cleanly_with_a_summary_and_no_half_written_file(tmp_path, sig):
    proc, out = start_interruptible(tmp_path, "0.3")
    proc.send_signal(sig)
    stderr = assert_clean_stop(proc, out, tmp_path)
    assert "stopping: finishing the" in stderr


def test_a_second_ctrl_c_stops_at_once(tmp_path):
    proc, out = start_interruptible(tmp_path, "4")
    proc.send_signal(signal.SIGINT)
    time.sleep(0.5)
    asked = time.monotonic()
    proc.send_signal(signal.SIGINT)
    assert_clean_stop(proc, out, tmp_path, all_recorded=False)  # a document may finish as it is stopped
    assert time.monotonic() - asked < 3  # the documents in flight (4 s each) were not waited for


# ---------------------------------------------------------------- summary


def test_summary_as_text_and_json(tmp_path):
    root = make_tree(tmp_path / "in")
    summary = convert_tree([root], tmp_path / "out", settings(), jobs=1, convert=text_converter)
    text = batch.format_summary(summary)
    assert "converted" in text and "     3" in text
    assert "2024/picture.txt: is a PNG image, not text" in text
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["counts"]["converted"] == 3 and data["counts"]["failed"] == 3
    assert data["exit_code"] == 1
    assert {f["input"] for f in data["files"] if f["status"] == "failed"} == BAD


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_summary_lists_each_files_warnings_and_json_all_of_them(tmp_path, jobs):
    root = tmp_path / "in"
    root.mkdir()
    (root / "long.txt").write_text("通知\n" + "".join(f"{n}.第{n}项\n" for n in range(1, 9)), encoding="utf-8")
    (root / "short.txt").write_text("通知\n三、乙\n", encoding="utf-8")
    (root / "clean.txt").write_text("通知\n", encoding="utf-8")
    summary = convert_tree([root], tmp_path / "out", settings(), jobs=jobs, convert=warning_converter)
    text = batch.format_summary(summary)
    listed = text[text.index("warnings (9 in 2 file(s)):"):].splitlines()[1:]
    assert listed == [f"  long.txt:{n}: numbering gap before {n - 1}.第{n - 1}项" for n in range(2, 7)] + [
        "  long.txt: … and 3 more (see `speechdoc inspect`)",
        "  short.txt:2: numbering gap before 三、乙"]
    files = {f["input"]: f for f in json.loads(json.dumps(summary.to_dict()))["files"]}
    assert files["long.txt"]["warnings"] == 8 and len(files["long.txt"]["warning_details"]) == 8
    assert files["short.txt"]["warning_details"] == [{"line": 2, "severity": "warning",
                                                      "message": "numbering gap before 三、乙",
                                                      "hint": "check the numbering", "code": "numbering"}]
    assert files["clean.txt"]["warnings"] == 0 and files["clean.txt"]["warning_details"] == []


def test_a_converter_that_gives_only_a_count_is_summarised_by_the_count(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    summary = convert_tree([root], tmp_path / "out", settings(), jobs=1, convert=text_converter)
    assert batch.format_summary(summary).splitlines()[-2:] == ["warnings (1 in 1 file(s)):", "  a.txt: 1 warning(s)"]


def test_the_real_conversion_returns_the_documents_warnings(tmp_path):
    source = tmp_path / "gaps.txt"
    source.write_text("关于做好工作的通知\n\n一、总体要求\n\n三、主要任务\n", encoding="utf-8")
    warnings = batch.convert_document(source, (("docx", tmp_path / "gaps.docx"),), settings())
    assert [(w.line, w.message) for w in warnings] == [(5, "numbering gap before 三、 (missing 二、)")]


@pytest.mark.parametrize("text,expected", [("docx", ("docx",)), ("pdf,docx", ("pdf", "docx")),
                                           ("docx, .PDF,docx", ("docx", "pdf"))])
def test_parse_formats(text, expected):
    assert batch.parse_formats(text) == expected


@pytest.mark.parametrize("text", ["odt", "", "docx,html"])
def test_parse_formats_refuses_others(text):
    with pytest.raises(ValueError):
        batch.parse_formats(text)


def test_a_symlinked_file_is_read_and_its_output_stays_inside(tmp_path):
    root, outside = tmp_path / "in", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "far.txt").write_text(SPEECH, encoding="utf-8")
    (root / "near.txt").symlink_to(outside / "far.txt")
    summary = convert_tree([root], None, settings(), jobs=1, convert=text_converter)
    assert by_name(summary)["near.txt"].status == "converted"
    assert (root / "near.docx").is_file() and not (root / "near.docx").is_symlink()
    assert sorted(p.name for p in outside.iterdir()) == ["far.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_reported(tmp_path):
    root = make_tree(tmp_path / "in")
    (root / "a.txt").chmod(0)
    try:
        outcome = by_name(convert_tree([root], tmp_path / "out", settings(), jobs=1, convert=text_converter))["a.txt"]
    finally:
        (root / "a.txt").chmod(0o644)
    assert outcome.status == "failed" and "permission denied" in outcome.reason


def test_an_empty_folder_says_there_is_nothing_to_convert(tmp_path):
    summary = convert_tree([tmp_path], None, settings(), jobs=2, convert=text_converter)
    assert summary.exit_code == 0
    assert "nothing to convert (no .txt" in batch.format_summary(summary)


def test_a_pipe_with_a_text_name_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    outcomes = by_name(convert_tree([tmp_path], None, settings(), jobs=1, convert=text_converter))
    assert outcomes["pipe.txt"].status == "ignored" and outcomes["pipe.txt"].reason == "not a regular file, not read"
    assert outcomes["a.txt"].status == "converted"


def test_workers_are_replaced_after_a_number_of_documents_and_every_document_is_done(tmp_path):
    for i in range(14):
        (tmp_path / f"{i:02}.txt").write_text(SPEECH, encoding="utf-8")
    summary = convert_tree([tmp_path], tmp_path / "out", settings(), jobs=2, convert=warm_converter,
                           worker_documents=3)
    assert summary.count("converted") == 14
    assert len(summary.worker_peaks_mb()) >= 5  # 14 documents, 3 per worker
    assert {p.read_text() for p in (tmp_path / "out").glob("*.docx")} == {"1"}  # each new worker warms once


def test_a_word_file_made_earlier_is_not_an_input_when_converting_to_another_format(tmp_path):
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    suffixes = (".txt", ".docx")
    for fmt in ("docx", "pdf"):
        plan = plan_batch([tmp_path], None, settings((fmt,)), suffixes=suffixes, convert=text_converter)
        outcomes = by_name(run_batch(plan, settings((fmt,)), jobs=1, convert=text_converter))
        assert outcomes["a.txt"].status == "converted"
    assert outcomes["a.docx"].status == "ignored"
    assert (tmp_path / "a.pdf").read_bytes().endswith(SPEECH.encode("utf-8"))  # made from a.txt


def test_a_file_name_in_gbk_bytes_is_converted_and_printed_readably(tmp_path):
    name = os.fsdecode("讲话稿".encode("gbk") + b".txt")
    (tmp_path / name).write_text(SPEECH, encoding="utf-8")
    summary = convert_tree([tmp_path], None, settings(), jobs=1, convert=text_converter)
    assert [o.name for o in summary.outcomes] == ["讲话稿.txt"]
    assert (tmp_path / name).with_suffix(".docx").is_file()
    batch.format_summary(summary).encode("utf-8")
    json.dumps(summary.to_dict(), ensure_ascii=False).encode("utf-8")
    again = convert_tree([tmp_path], None, settings(), jobs=1, convert=text_converter)
    assert again.count("up-to-date") == 1


def test_a_long_chinese_file_name_still_converts(tmp_path):
    name = ("关于进一步加强和改进新时代机关党的建设工作" * 4)[:80] + ".txt"  # 80 hanzi: 240 bytes, + .docx = 245 bytes
    (tmp_path / name).write_text(SPEECH, encoding="utf-8")
    summary = convert_tree([tmp_path], None, settings(), jobs=1, convert=text_converter)
    assert summary.count("converted") == 1, batch.format_summary(summary)
    assert stray_files(tmp_path) == []


def test_a_word_file_is_reformatted_beside_itself_and_the_result_is_not_converted_again(tmp_path):
    (tmp_path / "a.docx").write_text(SPEECH, encoding="utf-8")  # the test converter reads it as text
    (tmp_path / "b.docx").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b-gbt9704.docx").write_text(SPEECH, encoding="utf-8")  # made earlier by `speechdoc to-docx`
    suffixes = (".txt", ".docx")

    def run():
        plan = plan_batch([tmp_path], None, settings(), suffixes=suffixes, convert=text_converter)
        return by_name(run_batch(plan, settings(), jobs=1, convert=text_converter))

    first = run()
    assert first["a.docx"].status == "converted" and first["a.docx"].outputs == (str(tmp_path / "a-gbt9704.docx"),)
    assert first["b-gbt9704.docx"].status == "ignored"
    assert first["b-gbt9704.docx"].reason == "made by speechdoc from b.docx"
    second = run()
    assert second["a.docx"].status == "up-to-date" and second["a-gbt9704.docx"].status == "ignored"
    assert not list(tmp_path.glob("*-gbt9704-gbt9704.docx"))


def test_files_are_taken_in_natural_order(tmp_path):
    for name in ("10.txt", "2.txt", "1.txt", "第10号.txt", "第9号.txt"):
        (tmp_path / name).write_text(SPEECH, encoding="utf-8")
    found, _ = batch.walk(tmp_path, recursive=True, suffixes=TXT)
    assert [str(f.rel) for f in found] == ["1.txt", "2.txt", "10.txt", "第9号.txt", "第10号.txt"]


def test_batch_never_replaces_an_output_file_speechdoc_did_not_write(tmp_path):
    from speechdoc.cli import main
    from click.testing import CliRunner

    (tmp_path / "讲话.txt").write_text("同志们：\n今天开会。\n", encoding="utf-8")
    theirs = tmp_path / "讲话.pdf"
    theirs.write_bytes(b"%PDF-1.4 the user's own scan")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--to", "pdf", "-j", "1"])
    assert result.exit_code == 1
    assert theirs.read_bytes() == b"%PDF-1.4 the user's own scan"
    assert "did not write it" in result.output


def test_pdf_workers_leave_no_temporary_font_folder(tmp_path):
    """Pool workers end without exit handlers: each releases WeasyPrint's font folder itself."""
    src, temp = tmp_path / "in", tmp_path / "tmp"
    src.mkdir()
    temp.mkdir()
    for n in (1, 2):
        (src / f"讲话{n}.txt").write_text(f"第{n}次会议上的讲话\n同志们：\n今天我们召开会议，部署工作。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), TMPDIR=str(temp))
    done = subprocess.run([sys.executable, "-m", "speechdoc", "batch", str(src), "-o", str(tmp_path / "out"),
                           "--to", "pdf", "-j", "2", "-q"], env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2
    assert [p.name for p in temp.iterdir()] == []


def test_the_summary_counts_line_up_in_one_column():
    outcomes = [batch.Outcome(name, batch.CONVERTED) for name in ("a.txt", "b.txt")] + [
        batch.Outcome("c.txt", batch.FAILED, reason="is empty"), batch.Outcome("d.txt", batch.UP_TO_DATE)]
    lines = batch.format_summary(batch.Summary(outcomes, 2.0, others=12)).splitlines()
    table = lines[1:lines.index("failed:")]
    counts = [line for line in table if not line.lstrip().startswith("time")]
    assert [line.split()[-1] for line in counts] == ["2", "1", "1", "12"]
    assert counts[-1].lstrip().startswith("other files (left alone)")
    assert len({len(line) for line in counts}) == 1, counts  # every count ends in the same column
    time = next(line for line in lines if line.lstrip().startswith("time"))
    assert time.index(" s  (") == len(counts[0])  # the seconds too
