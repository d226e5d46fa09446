from __future__ import annotations

import json
import os
import shutil

import click
import pytest
from click.testing import CliRunner

from speechdoc import __version__, batch
from speechdoc.cli import main
from tests.batch_converters import text_converter
from tests.conftest import SAMPLE, run_cli
from tests.test_batch import BAD, GOOD, make_tree, stray_files


CONVERTING = ("to-docx", "to-pdf", "batch")


def err(result) -> str:
    return result.stderr.decode() if isinstance(result.stderr, bytes) else result.stderr


def assert_one_line_error(stderr: str, *parts: str) -> None:
    lines = stderr.strip().splitlines()
    assert lines[0].startswith("speechdoc: error: "), stderr
    assert all(p in lines[0] for p in parts), stderr
    assert all(line.startswith("  hint: ") for line in lines[1:]), stderr
    assert "Traceback" not in stderr


# ---------------------------------------------------------------- every command


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0
    assert r.stdout.decode().strip() == f"speechdoc, version {__version__}"


@pytest.mark.parametrize("command", ["inspect", *CONVERTING])
def test_every_command_has_help_with_examples(command):
    r = CliRunner().invoke(main, [command, "--help"])
    assert r.exit_code == 0
    assert "Examples:" in r.output and f"speechdoc {command} " in r.output


def _options(command: str) -> dict[str, str]:
    return {p.name: p.help for p in main.commands[command].params if isinstance(p, click.Option)}


def test_an_option_has_one_help_text_in_every_command():
    helps: dict[str, set[str]] = {}
    for name, command in main.commands.items():
        for p in command.params:
            if isinstance(p, click.Option) and p.name not in ("as_json", "output"):  # each its own
                helps.setdefault(p.opts[-1], set()).add(p.help)
    assert {opt: h for opt, h in helps.items() if len(h) > 1} == {}


def test_converting_commands_share_option_names_and_help_text():
    shared = ("encoding", "keep_boilerplate", "no_normalize", "profile_name", "sets", "author", "org", "date")
    for name in shared:
        helps = {_options(c)[name] for c in CONVERTING}
        assert len(helps) == 1, name
    for name in ("font_dir", "strict_fonts", "real_date"):
        assert _options("to-pdf")[name] == _options("batch")[name]
    assert _options("to-docx")["output"] and _options("batch")["output"]


@pytest.mark.parametrize("args,parts", [
    (["batch", "--bogus", "."], ["No such option", "--bogus"]),
    (["batch", "no-such-folder"], ["no-such-folder: no such folder"]),
    (["batch", str(SAMPLE)], ["is a file, not a folder"]),
    (["batch", "--to", "odt", "."], ["unknown output format 'odt'"]),
    (["batch", "-j", "0", "."], ["-j"]),
    (["batch", "--set", "page.nonsense=1", "."], ["unknown profile key 'page.nonsense'"]),
    (["to-docx", "--profile", "missing.toml", str(SAMPLE)], ["missing.toml: profile not found"]),
])
def test_usage_errors_are_one_line_with_a_hint_and_exit_2(args, parts):
    r = run_cli(*args)
    assert r.returncode == 2, err(r)
    assert_one_line_error(err(r), *parts)
    assert r.stdout == b""


def test_debug_shows_the_traceback():
    r = run_cli("--debug", "to-docx", "--set", "page.nonsense=1", str(SAMPLE))
    assert r.returncode == 2
    assert "Traceback" in err(r) and "speechdoc: error: unknown profile key" in err(r)


# ---------------------------------------------------------------- batch (the injected converter)


@pytest.fixture
def fake_renderer(monkeypatch):
    """The batch's conversion replaced by a small real converter, so the CLI's batch is testable on its own."""
    monkeypatch.setattr(batch, "convert_document", text_converter)


def test_batch_converts_a_tree_names_each_bad_file_and_exits_1(tmp_path, fake_renderer):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--to", "docx,pdf", "-j", "2"])
    assert r.exit_code == 1, r.output
    for name in GOOD:
        assert (out / name).with_suffix(".docx").is_file() and (out / name).with_suffix(".pdf").is_file()
    assert "2024/empty.txt: is empty" in r.stdout
    assert "2024/picture.txt: is a PNG image, not text" in r.stdout
    assert "2024/garbled.txt: cannot decode" in r.stdout
    assert "[6/6]" in r.stderr  # plain progress lines when not on a terminal
    assert stray_files(tmp_path) == []


def test_batch_json_summary_then_a_rerun_skips_and_force_redoes(tmp_path, fake_renderer):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    first = json.loads(CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--json", "-q"]).stdout)
    assert first["counts"]["converted"] == 3 and first["counts"]["failed"] == 3 and first["exit_code"] == 1
    again = json.loads(CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--json", "-q"]).stdout)
    assert again["counts"]["up-to-date"] == 3 and again["counts"]["converted"] == 0
    forced = json.loads(CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--json", "--force"]).stdout)
    assert forced["counts"]["converted"] == 3


def test_batch_all_good_exits_0_and_writes_next_to_inputs_by_default(tmp_path, fake_renderer):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "讲话.txt").write_text("同志们：\n今天开会。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["batch", str(tmp_path), "--no-recursive"])
    assert r.exit_code == 0 and not (tmp_path / "sub" / "讲话.docx").exists()  # not recursive: nothing to do
    r = CliRunner().invoke(main, ["batch", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "sub" / "讲话.docx").is_file()


# ---------------------------------------------------------------- real subprocesses, real renderers


@pytest.fixture
def bad_inputs(tmp_path):
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "garbled.txt").write_bytes("讲话".encode("utf-8") + b"\xff\xfe\xfa\x80\x81" * 20)
    (tmp_path / "folder.txt").mkdir()
    return tmp_path


@pytest.mark.parametrize("command", ["to-docx", "to-pdf", "inspect"])
@pytest.mark.parametrize("name,parts", [
    ("missing.txt", ["missing.txt: no such file"]),
    ("folder.txt", ["folder.txt: is a folder"]),
    ("picture.txt", ["picture.txt: is a PNG image"]),
    ("garbled.txt", ["garbled.txt: cannot decode", "line 1"]),
])
def test_input_errors_are_one_line_and_exit_1(bad_inputs, command, name, parts):
    r = run_cli(command, name, cwd=bad_inputs)
    assert r.returncode == 1, err(r)
    assert_one_line_error(err(r), *parts)


def test_an_unwritable_output_folder_and_an_output_naming_the_input(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "speech.txt")
    r = run_cli("to-docx", "speech.txt", "-o", f"{unwritable(tmp_path)}/speech.docx", cwd=tmp_path)
    assert r.returncode == 1
    assert_one_line_error(err(r), "speech.docx", "writ")
    r = run_cli("to-pdf", "speech.txt", "-o", "speech.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert_one_line_error(err(r), "speech.txt: the output would overwrite the input")
    assert (tmp_path / "speech.txt").read_bytes() == SAMPLE.read_bytes()


def unwritable(tmp_path) -> str:
    """A folder this process cannot write in (root writes anywhere a mode allows: use /sys)."""
    if os.geteuid() == 0:
        return "/sys"
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return str(locked)


def test_batch_into_an_unwritable_folder_fails_once_before_any_work(tmp_path):
    make_tree(tmp_path / "in")
    r = run_cli("batch", str(tmp_path / "in"), "-o", f"{unwritable(tmp_path)}/out")
    assert r.returncode == 1
    assert_one_line_error(err(r), "/out: cannot write in the output folder")
    r = run_cli("batch", str(tmp_path / "in"), "-o", str(SAMPLE))
    assert r.returncode == 2
    assert_one_line_error(err(r), "the output is a file, not a folder")


def test_batch_end_to_end_with_the_real_renderers(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    shutil.copy(SAMPLE, root / "2023" / "上半年" / "sample.txt")
    r = run_cli("batch", str(root), "-o", str(out), "--to", "docx,pdf", "-j", "2")
    assert r.returncode == 1, err(r)
    for name in GOOD | {"2023/上半年/sample.txt"}:
        assert (out / name).with_suffix(".docx").read_bytes().startswith(b"PK")
        assert (out / name).with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    summary = r.stdout.decode()
    assert all(name in summary for name in BAD)
    assert stray_files(tmp_path) == []
    again = run_cli("batch", str(root), "-o", str(out), "--to", "docx,pdf", "--json")
    assert json.loads(again.stdout)["counts"]["up-to-date"] == 4


def test_batch_to_pdf_names_font_substitutions_once_and_strict_fonts_fails_before_any_work(tmp_path):
    from speechdoc import fonts
    from speechdoc.style import load_profile

    if not fonts.resolve_fonts(load_profile()).substitutions():
        pytest.skip("the official fonts are installed here")
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    r = run_cli("batch", str(tmp_path), "--to", "pdf", "--strict-fonts")
    assert r.returncode == 1
    assert_one_line_error(err(r), "official fonts missing")
    assert not list(tmp_path.glob("*.pdf"))
    r = run_cli("batch", str(tmp_path), "--to", "pdf")
    assert r.returncode == 0
    assert err(r).count("fonts substituted") == 1
