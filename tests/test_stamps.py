from __future__ import annotations

import json
import os

from speechdoc.stamps import STAMP_FILE, Stamp, StampBook, fingerprint


def test_fingerprint_changes_with_any_option_and_not_with_key_order():
    assert fingerprint({"a": 1, "b": [1, 2]}) == fingerprint({"b": [1, 2], "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


def test_a_recorded_output_is_current_until_its_input_or_options_change(tmp_path):
    src, out = tmp_path / "a.txt", tmp_path / "a.docx"
    src.write_text("讲话", encoding="utf-8")
    out.write_bytes(b"docx")
    book = StampBook()
    book.record(out, Stamp.of(src, "f1"))
    book.save()
    fresh = StampBook()
    assert fresh.is_current(out, Stamp.of(src, "f1"))
    assert not fresh.is_current(out, Stamp.of(src, "f2"))
    assert fresh.source_of(out) == "a.txt"
    src.write_text("讲话稿", encoding="utf-8")
    assert not fresh.is_current(out, Stamp.of(src, "f1"))


def test_an_output_older_than_its_input_is_not_current(tmp_path):
    src, out = tmp_path / "a.txt", tmp_path / "a.docx"
    src.write_text("讲话", encoding="utf-8")
    out.write_bytes(b"docx")
    book = StampBook()
    book.record(out, Stamp.of(src, "f"))
    os.utime(out, ns=(0, 0))
    assert not book.is_current(out, Stamp.of(src, "f"))


def test_a_damaged_stamp_file_means_nothing_is_current(tmp_path):
    src, out = tmp_path / "a.txt", tmp_path / "a.docx"
    src.write_text("讲话", encoding="utf-8")
    out.write_bytes(b"docx")
    (tmp_path / STAMP_FILE).write_text("{not json", encoding="utf-8")
    assert not StampBook().is_current(out, Stamp.of(src, "f"))


def test_forget_removes_the_record_and_save_keeps_other_outputs(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("讲话", encoding="utf-8")
    book = StampBook()
    book.record(tmp_path / "a.docx", Stamp.of(src, "f"))
    book.record(tmp_path / "a.pdf", Stamp.of(src, "f"))
    book.save()
    book.forget(tmp_path / "a.pdf")
    book.save()
    data = json.loads((tmp_path / STAMP_FILE).read_text(encoding="utf-8"))
    assert data["schema"] == "speechdoc.stamps/1" and list(data["outputs"]) == ["a.docx"]
