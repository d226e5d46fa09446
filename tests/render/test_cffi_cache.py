"""The per-user cache of cffi's parsed C declarations: same trees as pycparser, bounded, robust, and the PDF's
bytes do not depend on it."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from speechdoc import model
from speechdoc.render import cffi_cache
from speechdoc.render.cffi_cache import MAX_ENTRIES, CachedCParser

SRC = Path(__file__).resolve().parents[2] / "src"
DECLS = ("typedef int hb_bool_t;\n"
         "typedef struct { int x; unsigned int *y; } thing_t;\n"
         "hb_bool_t f (thing_t *t, const char *s);\n")


def shown(tree) -> str:
    out = io.StringIO()
    tree.show(out, attrnames=True, nodenames=True, showcoord=True)
    return out.getvalue()


def fresh_tree(text):
    import pycparser

    return pycparser.CParser().parse(text)


def test_a_cached_tree_is_the_tree_pycparser_makes(tmp_path):
    path = tmp_path / "c.pickle"
    first = CachedCParser(path)
    assert shown(first.parse(DECLS)) == shown(fresh_tree(DECLS))
    first.save()

    second = CachedCParser(path)
    second._pycparser = lambda: pytest.fail("parsed again instead of reading the cache")
    assert shown(second.parse(DECLS)) == shown(fresh_tree(DECLS))
    assert second.parse(DECLS) is not second.parse(DECLS)  # each call gets its own tree (cffi may keep it)


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path):
    path = tmp_path / "c.pickle"
    path.write_bytes(b"not a pickle")
    cache = CachedCParser(path)
    assert cache.entries == {}
    assert shown(cache.parse(DECLS)) == shown(fresh_tree(DECLS))
    cache.save()
    assert len(CachedCParser(path).entries) == 1


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path):
    path = tmp_path / "c.pickle"
    cache = CachedCParser(path)
    texts = [f"typedef int t{n};" for n in range(MAX_ENTRIES + 5)]
    for text in texts:
        cache.parse(text)
    cache.parse(texts[0])  # used again: kept
    cache.save()
    again = CachedCParser(path)
    assert len(again.entries) == MAX_ENTRIES
    again._pycparser = lambda: pytest.fail("a recent entry was dropped")
    again.parse(texts[0])
    again.parse(texts[-1])


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = CachedCParser(blocker / "sub" / "c.pickle")
    cache.parse(DECLS)
    cache.save()  # no exception
    assert cache.changed


def test_the_cache_file_is_named_by_versions(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    name = cffi_cache.cache_file()
    assert name.parent == tmp_path / "speechdoc"
    assert name.name.startswith("cffi-") and "pycparser-" in name.name and f"py{sys.version_info.major}" in name.name


def _to_pdf(tmp_path, json_path, out, **env):
    run_env = dict(os.environ, PYTHONPATH=str(SRC), XDG_CACHE_HOME=str(tmp_path / "cache"), **env)
    subprocess.run([sys.executable, "-m", "speechdoc", "to-pdf", str(json_path), "-o", str(out)], env=run_env,
                   check=True, capture_output=True, timeout=120)
    return out.read_bytes()


def test_the_pdf_is_the_same_with_and_without_the_cache(tmp_path):
    doc = model.Document(blocks=(model.Block("title", "关于缓存的测试"), model.Block("paragraph", "正文一段，含数字2024。")))
    src = tmp_path / "doc.json"
    src.write_text(model.dump(doc), encoding="utf-8")
    filling = _to_pdf(tmp_path, src, tmp_path / "a.pdf")
    files = list((tmp_path / "cache" / "speechdoc").glob("cffi-*.pickle"))
    assert len(files) == 1
    reading = _to_pdf(tmp_path, src, tmp_path / "b.pdf")
    without = _to_pdf(tmp_path, src, tmp_path / "c.pdf", SPEECHDOC_NO_CACHE="1")
    assert filling == reading == without
