"""Batch never writes outside its output folder, whatever the names and links in the input folder:
names with dots, dashes, spaces and newlines; absolute roots; symlinks to folders and files outside;
a symlink inside the output folder that leads out; loops and broken links."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from ..conftest import run_cli

pytestmark = pytest.mark.skipif(importlib.util.find_spec("speechdoc.batch") is None,
                                reason="batch has not landed")
TEXT = "关于测试的通知\n\n各单位：\n正文第一段。\n"


def tree(folder: Path) -> set[str]:
    """Every path under ``folder`` (links not followed), relative to it."""
    out = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            out.add(os.path.relpath(os.path.join(dirpath, name), folder))
    return out


@pytest.fixture
def world(tmp_path) -> dict[str, Path]:
    """in/ (the folder to convert), out/ (where outputs go), outside/ (must stay untouched)."""
    inp, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    for d in (inp, out, outside):
        d.mkdir()
    (outside / "secret.txt").write_text("外部文件，不应被改写。\n", encoding="utf-8")
    (outside / "victim.docx").write_bytes(b"original")
    return {"root": tmp_path, "in": inp, "out": out, "outside": outside}


def run_batch(world, *args: str):
    before = tree(world["outside"]), {p: (world["outside"] / p).read_bytes()
                                      for p in tree(world["outside"]) if (world["outside"] / p).is_file()}
    result = run_cli("batch", *args, cwd=world["root"], timeout=600)
    err = result.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    after = tree(world["outside"])
    assert after == before[0], f"batch wrote outside: {after - before[0]}"
    assert all((world["outside"] / p).read_bytes() == data for p, data in before[1].items())
    assert not {p for p in tree(world["root"]) if p.split(os.sep)[0] not in ("in", "out", "outside")}, \
        tree(world["root"])
    return result


def outputs(world) -> set[str]:
    return {p for p in tree(world["out"]) if p.endswith((".docx", ".pdf"))}


ODD_NAMES = ["..txt", "...txt", "-o.txt", "--force.txt", " 空格 .txt", "换\n行.txt", "..\\..\\win.txt",
             "%2e%2e%2f.txt", "~user.txt", "$HOME.txt", "名字.TXT"]


def test_odd_names_stay_inside_the_output_folder(world):
    for name in ODD_NAMES:
        (world["in"] / name).write_text(TEXT, encoding="utf-8")
    sub = world["in"] / ".." / "in" / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(TEXT, encoding="utf-8")
    run_batch(world, "in", "-o", "out", "--to", "docx")
    made = outputs(world)
    visible = [n for n in ODD_NAMES if not n.startswith(".")]  # hidden files are passed over
    assert len(made) == len(visible) + 1, made
    for p in made:
        real = os.path.realpath(world["out"] / p)
        assert real.startswith(os.path.realpath(world["out"]) + os.sep)


def test_absolute_root_mirrors_relative_paths(world):
    (world["in"] / "deep").mkdir()
    (world["in"] / "deep" / "a.txt").write_text(TEXT, encoding="utf-8")
    run_batch(world, str(world["in"].resolve()), "-o", str(world["out"].resolve()), "--to", "docx")
    made = outputs(world)
    assert made and all(not p.startswith(("tmp", os.sep)) for p in made), made
    assert not (world["out"] / str(world["in"]).lstrip(os.sep)).exists()


def test_symlinked_folder_to_outside_is_not_followed(world):
    (world["in"] / "a.txt").write_text(TEXT, encoding="utf-8")
    (world["in"] / "escape").symlink_to(world["outside"], target_is_directory=True)
    (world["in"] / "etc").symlink_to("/etc", target_is_directory=True)
    run_batch(world, "in", "-o", "out", "--to", "docx", "--recursive")
    assert not any("secret" in p or "passwd" in p for p in outputs(world))


def test_symlinked_folder_without_output_folder_writes_nothing_outside(world):
    """Outputs next to the inputs (no -o): a linked folder must not get files written into it."""
    (world["in"] / "a.txt").write_text(TEXT, encoding="utf-8")
    (world["in"] / "escape").symlink_to(world["outside"], target_is_directory=True)
    run_batch(world, "in", "--to", "docx", "--recursive")


def test_symlinked_file_output_goes_inside(world):
    (world["in"] / "linked.txt").symlink_to(world["outside"] / "secret.txt")
    run_batch(world, "in", "-o", "out", "--to", "docx")
    assert all(os.path.realpath(world["out"] / p).startswith(os.path.realpath(world["out"])) for p in outputs(world))


def test_symlink_inside_the_output_folder_that_leads_out(world):
    (world["in"] / "sub").mkdir()
    (world["in"] / "sub" / "victim.txt").write_text(TEXT, encoding="utf-8")
    (world["out"] / "sub").symlink_to(world["outside"], target_is_directory=True)
    result = run_batch(world, "in", "-o", "out", "--to", "docx", "--force")
    assert result.returncode != 0
    assert (world["outside"] / "victim.docx").read_bytes() == b"original"


def test_output_file_that_is_a_symlink_is_not_written_through(world):
    (world["in"] / "victim.txt").write_text(TEXT, encoding="utf-8")
    (world["out"] / "victim.docx").symlink_to(world["outside"] / "victim.docx")
    run_batch(world, "in", "-o", "out", "--to", "docx", "--force")
    assert (world["outside"] / "victim.docx").read_bytes() == b"original"


def test_loops_and_broken_links_are_reported(world):
    (world["in"] / "a.txt").write_text(TEXT, encoding="utf-8")
    (world["in"] / "loop").symlink_to(world["in"], target_is_directory=True)
    (world["in"] / "broken.txt").symlink_to(world["root"] / "nowhere.txt")
    result = run_batch(world, "in", "-o", "out", "--to", "docx", "--recursive")
    assert "a.docx" in " ".join(outputs(world))
    assert result.returncode in (0, 1)


def test_output_folder_inside_the_input_folder_is_not_reconverted(world):
    (world["in"] / "a.txt").write_text(TEXT, encoding="utf-8")
    run_batch(world, "in", "-o", "in/out", "--to", "docx", "--recursive")
    second = run_batch(world, "in", "-o", "in/out", "--to", "docx", "--recursive")
    assert second.returncode == 0
    assert not [p for p in tree(world["in"] / "out") if p.count("out") > 0 and p.startswith("out")]
