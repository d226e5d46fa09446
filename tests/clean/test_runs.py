from __future__ import annotations

from speechdoc.clean import clean

from ..conftest import FIXTURES


def test_one_line_notice_is_split_at_u3000_runs():
    raw = (FIXTURES / "text" / "samples" / "05-raw-guangdong-sheke-waiyi-oneline.txt").read_text(encoding="utf-8")
    cleaned = clean(raw.splitlines())
    texts = [t for _, t in cleaned.lines]
    assert len(texts) == 20 and all(n == 1 for n, _ in cleaned.lines)
    assert texts[-2:] == ["广东省哲学社会科学规划领导小组办公室", "2017年8月28日"]
    assert sum(e.rule == "split-at-space-run" for e in cleaned.edits) == 17


def test_a_short_line_with_u3000_inside_is_left_alone():
    assert clean(["联系人：张三\u3000\u3000电话：123"], normalize=False).lines == ((1, "联系人：张三\u3000\u3000电话：123"),)
