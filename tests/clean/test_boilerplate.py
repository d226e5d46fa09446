from __future__ import annotations

from speechdoc.clean import clean


def _dropped(lines):
    return [(d.line, d.reason) for d in clean(lines).dropped]


def test_breadcrumbs_and_page_metadata_in_the_head():
    lines = ["首页 > 新闻中心 > 通知公告", "关于开展工作的通知", "发布时间：2024-03-01 来源：办公室", "字号：大 中 小",
             "各单位：", "现将有关事项通知如下。", "责任编辑：王芳", "打印本页 关闭窗口"]
    assert _dropped(lines) == [(1, "breadcrumb"), (3, "page metadata"), (4, "page metadata"), (7, "page metadata"),
                               (8, "page metadata")]


def test_page_headline_dropped_only_when_the_article_repeats_a_title():
    repeated = ["2020年动员会讲话稿", "更新:2023-09-21 13:30:38 某网", "教育局动员会讲话稿", "同志们:", "正文。"]
    assert (1, "page headline (the article repeats its title)") in _dropped(repeated)
    not_repeated = ["教育局动员会讲话稿", "更新:2023-09-21 13:30:38 某网", "同志们:", "正文。"]
    assert _dropped(not_repeated) == [(2, "page metadata")]
    assert clean(not_repeated).lines[0] == (1, "教育局动员会讲话稿")


def test_trailing_link_list_with_time_lines():
    lines = ["标题", "正文第一段。", "上一篇：关于春节放假的通知", "下一篇：关于清明放假的通知", "相关文章",
             "某某心得体会", "时间:2024-04-23 08:0:25"]
    assert [r for _, r in _dropped(lines)] == ["link list", "link list", "link list", "link list", "page metadata"]


def test_a_link_list_stops_at_a_real_paragraph():
    lines = ["标题", "正文。", "相关文章", "短标题", "这是一个很长的正文段落，它以句号结尾，因此不是链接列表的一部分，而是正文。"]
    assert [n for n, _ in _dropped(lines)] == [3, 4]


def test_body_lines_that_merely_look_like_metadata_are_kept():
    lines = ["关于召开会议的通知", "各单位：", "一、会议时间", "时间：2024年3月5日上午9:00", "二、其他", "来源：本次经费来源为财政拨款。",
             "打印机采购需求如下：", "关闭阀门后再检修。"]
    assert _dropped(lines) == []


def test_page_tool_lines():
    assert [r for _, r in _dropped(["标题", "正文。", "【打印】【关闭】", "打印本页 | 关闭窗口", "返回顶部"])] == [
        "page metadata"] * 3


def test_keep_boilerplate_keeps_everything():
    lines = ["当前位置:首页 > 正文", "标题", "正文。"]
    assert clean(lines, keep_boilerplate=True).dropped == ()
    assert len(clean(lines, keep_boilerplate=True).lines) == 3


def test_a_headline_above_a_subtitle_is_the_title_not_boilerplate():
    from speechdoc.clean import clean

    cleaned = clean(["在全市经济工作会议上的讲话", "发布时间：2024-03-01 来源：市政府办", "——在全市经济工作会议上的讲话",
                     "同志们：", "今天开会。"])
    assert [t for _, t in cleaned.lines][0] == "在全市经济工作会议上的讲话"
    assert [d.line for d in cleaned.dropped] == [2]


def test_a_dotted_page_number_from_a_pdf_copy_is_dropped_whole():
    from speechdoc.clean import clean

    cleaned = clean(["正文第一段，继续写。", "·4·", "写完了。"])
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped] == [(2, "·4·", "page number")]


def test_a_font_size_tool_bar_is_page_metadata_whatever_it_is_called():
    lines = ["【字体：大 中 小】 打印本页 关闭窗口", "关于开展工作的通知", "各单位：", "现将有关事项通知如下。"]
    assert _dropped(lines) == [(1, "page metadata")]
    prose = ["关于规范公文字体的通知", "各单位：", "公文正文统一使用仿宋字体，大中小学校参照执行。"]
    assert _dropped(prose) == []
