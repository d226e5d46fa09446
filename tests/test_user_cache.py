"""The per-user cache folder, and the compiled templates kept in it."""
from __future__ import annotations

from speechdoc import model, user_cache
from speechdoc.render import html
from speechdoc.style import load_profile


def test_the_folder_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SPEECHDOC_NO_CACHE", raising=False)
    assert user_cache.folder("x") == tmp_path / "speechdoc" / "x"
    assert (tmp_path / "speechdoc" / "x").is_dir()


def test_no_folder_when_turned_off_or_unwritable(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("SPEECHDOC_NO_CACHE", "1")
    assert user_cache.folder("x") is None
    monkeypatch.delenv("SPEECHDOC_NO_CACHE")
    (tmp_path / "speechdoc").write_text("a file where the folder should be")
    assert user_cache.folder("x") is None


def test_compiled_templates_render_the_same_html(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SPEECHDOC_NO_CACHE", raising=False)
    doc = model.Document(blocks=(model.Block("title", "标题"), model.Block("paragraph", "正文<b>不是标记</b>。")))
    template = html.HTML_TEMPLATE
    args = {"blocks": html.block_views(doc, load_profile()), "meta": html.document_meta(doc)}
    filling = html.environment().get_template(template).render(**args)
    assert list((tmp_path / "speechdoc" / "templates").iterdir())  # compiled once…
    reading = html.environment().get_template(template).render(**args)  # …and read back by a new environment
    monkeypatch.setenv("SPEECHDOC_NO_CACHE", "1")
    plain = html.environment().get_template(template).render(**args)
    assert filling == reading == plain
    assert "正文&lt;b&gt;不是标记&lt;/b&gt;。" in plain


def test_no_home_folder_means_no_cache(monkeypatch):
    from pathlib import Path

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("SPEECHDOC_NO_CACHE", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert user_cache.cache_dir() is None and user_cache.folder("x") is None
