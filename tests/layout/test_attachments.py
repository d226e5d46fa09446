"""附件说明 placement shared by both renderers (GB/T 9704 7.3.4)."""
from __future__ import annotations

import pytest

from speechdoc import model
from speechdoc.layout.attachments import attachment_items, char_advance_pt, text_width_pt
from speechdoc.style import load_profile

PROFILE = load_profile()
STYLE = PROFILE.block("attachments")
CELL = char_advance_pt(STYLE, PROFILE)


def test_one_attachment_is_not_numbered_and_wraps_under_its_name():
    [item] = attachment_items(model.Block("attachments", "附件：某某工作方案", items=("某某工作方案",)), PROFILE)
    assert item.text == "附件：某某工作方案"
    assert item.first_line_pt == pytest.approx(2 * CELL)  # 左空二字
    assert item.name_pt == pytest.approx(5 * CELL)  # under the name's first character, after 附件：


def test_several_attachments_are_numbered_and_each_name_wraps_under_itself():
    block = model.Block("attachments", "", items=tuple(f"附件名称{n}" for n in range(1, 11)))
    items = attachment_items(block, PROFILE)
    assert [i.lead_in for i in items[:3]] == ["附件：1.", "2.", "3."] and items[9].lead_in == "10."
    assert items[1].first_line_pt == pytest.approx(5 * CELL)  # 2. stands under 1.
    assert items[0].name_pt == pytest.approx(5 * CELL + text_width_pt("1.", STYLE, PROFILE))
    assert items[9].name_pt > items[8].name_pt  # 10. is wider than 9.


def test_a_block_without_items_takes_the_name_from_its_text():
    [item] = attachment_items(model.Block("attachments", "附件:某某名单"), PROFILE)
    assert item.name == "某某名单" and item.lead_in == "附件："
