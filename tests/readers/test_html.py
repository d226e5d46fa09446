from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechdoc.errors import InputError
from speechdoc.readers import read_source
from speechdoc.readers.html import html_document, read_html
from tests.conftest import FIXTURES

INPUTS = FIXTURES / "inputs"
HANZI = re.compile(r"[\u4e00-\u9fff]")
# notice.txt is the notice as clean text; plain text has no tables, so the table is kept beside it.
NOTICE_TABLE = tuple(tuple(row.split("\t")) for row in (INPUTS / "notice-table.tsv").read_text("utf-8").splitlines())


def texts(doc):
    return [line.text for line in doc.lines if line.text.strip()]


def page(body: str, title: str = "页面标题_某某网") -> str:
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"


ARTICLE = "".join(f"<p>第{n}段正文，内容较长，用来让提取器认出这是文章的正文，而不是导航或者页脚。</p>" for n in range(1, 6))


def test_saved_page_reads_as_the_equivalent_clean_text():
    doc = read_html(INPUTS / "notice.html")
    expected = [line for line in (INPUTS / "notice.txt").read_text("utf-8").splitlines() if line.strip()]
    table = next(line for line in doc.lines if line.hint and line.hint.kind == "table")
    assert [t.strip(" \u3000\u00a0") for t in texts(doc) if t != table.text] == expected
    assert table.hint.rows == NOTICE_TABLE
    assert doc.lines[0].hint.kind == "title"
    assert doc.format == "html" and doc.encoding == "utf-8"


def test_page_chrome_is_dropped_and_reported_with_reasons():
    doc = read_html(INPUTS / "notice.html")
    reasons = Counter(d.reason for d in doc.dropped)
    assert reasons == {"navigation": 6, "share bar": 1, "related articles": 4, "footer": 2, "outside the article": 1}
    by_text = {d.text: (d.reason, d.line) for d in doc.dropped}
    assert by_text["当前位置：首页 > 通知公告"] == ("navigation", 18)
    assert by_text["关于开展校园安全专项检查的通知"][0] == "related articles"
    assert by_text["备案号：京ICP备12345678号\u3000网站标识码：1100000001"] == ("footer", 54)


def test_every_hanzi_of_the_page_is_kept_or_reported():
    from lxml import html as lxml_html

    tree = lxml_html.parse(str(INPUTS / "notice.html"))
    for bad in tree.xpath("//script|//style|//title"):
        bad.drop_tree()
    source = Counter(HANZI.findall(tree.getroot().text_content()))
    doc = read_html(INPUTS / "notice.html")
    out = Counter(HANZI.findall("".join(texts(doc)) + "".join(d.text for d in doc.dropped)))
    assert all(out[c] >= n for c, n in source.items())


def test_scripts_styles_and_comments_are_not_text():
    doc = html_document(page("<script>document.write('统计代码')</script><style>p{}</style><!-- 注释 -->" + ARTICLE))
    joined = "".join(texts(doc)) + "".join(d.text for d in doc.dropped)
    assert "统计代码" not in joined and "注释" not in joined


def test_br_lines_nbsp_indentation_and_hanzi_segment_breaks():
    doc = html_document(page("<div id='content'>" + ARTICLE + "<p>&nbsp;&nbsp;第一行，\n    接着写<br>第二行 Latin\n"
                             "words</p></div>"))
    assert texts(doc)[-2:] == ["\u00a0\u00a0第一行，接着写", "第二行 Latin words"]


def test_page_title_is_used_only_when_the_article_has_none():
    without = html_document(page(ARTICLE, title="关于开展安全检查的通知_通知公告_某某网"))
    assert texts(without)[0] == "关于开展安全检查的通知"
    assert without.lines[0].hint.kind == "title"
    assert [w.code for w in without.warnings] == ["html-title"]

    own = html_document(page("<h1>文章自己的标题</h1><div>" + ARTICLE + "</div>",
                             title="页面标题_某某网"))
    assert texts(own)[0] == "文章自己的标题" and "页面标题" not in "".join(texts(own))

    first_line = html_document(page("<div><p>关于开展安全检查的通知</p>" + ARTICLE + "</div>"))
    assert texts(first_line)[0] == "关于开展安全检查的通知"
    assert "页面标题" not in "".join(texts(first_line))


def test_layout_tables_are_read_as_text_and_data_tables_as_tables():
    layout = "<table><tr><td><a href='/'>首页</a></td><td>" + ARTICLE + "</td></tr></table>"
    doc = html_document(page(layout))
    assert all(line.hint is None or line.hint.kind != "table" for line in doc.lines)
    assert texts(doc)[1].startswith("第1段正文")
    assert [(d.text, d.reason) for d in doc.dropped] == [("首页", "navigation")]


def test_link_lists_inside_the_article_are_dropped():
    links = "<ul>" + "".join(f"<li><a href='/{n}'>其他文章标题{n}</a></li>" for n in range(3)) + "</ul>"
    doc = html_document(page("<div>" + ARTICLE + links + "</div>"))
    assert [d.reason for d in doc.dropped] == ["list of links"] * 3


def test_images_in_the_article_are_reported():
    doc = html_document(page("<div>" + ARTICLE + "<p><img src='a.png'></p></div>"))
    assert [w.code for w in doc.warnings if w.code == "html-image"] == ["html-image"]


def test_declared_gbk_page_is_decoded(tmp_path):
    f = tmp_path / "gbk.htm"
    f.write_bytes(page(ARTICLE).replace("utf-8", "gb2312").encode("gbk"))
    doc = read_source(f)
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert texts(doc)[1].startswith("第1段正文")


def test_a_page_that_lies_about_its_charset_is_detected(tmp_path):
    f = tmp_path / "lying.html"
    f.write_bytes(page(ARTICLE).replace("utf-8", "gb2312").encode("utf-8"))
    assert texts(read_source(f))[1].startswith("第1段正文")


def test_nothing_is_fetched_or_expanded(tmp_path):
    hostile = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><head>'
               '<link rel="stylesheet" href="http://example.invalid/a.css"></head><body>'
               + ARTICLE + "<p>&xxe;</p><img src='http://example.invalid/x.png'></body></html>")
    f = tmp_path / "hostile.html"
    f.write_text(hostile, "utf-8")
    doc = read_source(f)
    assert "root:" not in "".join(texts(doc))


def test_html_without_extension_is_sniffed(tmp_path):
    f = tmp_path / "saved_page"
    f.write_text("\n  <!DOCTYPE html>" + page(ARTICLE), "utf-8")
    assert read_source(f).format == "html"


def test_empty_page_fails_cleanly(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("   ", "utf-8")
    with pytest.raises(InputError):
        read_html(f)


def test_saved_page_gives_the_same_model_as_the_clean_text():
    from tests.readers.models import content, parse

    rich, text = parse(INPUTS / "notice.html"), parse(INPUTS / "notice.txt")
    assert content(rich, without_tables=True) == content(text)
    table = next(b for b in rich.blocks if b.kind == "table")
    assert table.rows == NOTICE_TABLE
    assert rich.source.format == "html"
    assert len(rich.dropped) == 14 and rich.blocks[0].line == 20  # HTML source lines


def test_old_table_layout_page_in_gbk():
    doc = read_source(INPUTS / "old-table-layout-gbk.htm")
    assert doc.encoding == "gb18030"
    assert texts(doc)[:3] == ["关于举办2017年度社科普及活动的通知", "各单位科研管理部门：",
                              "\u00a0" * 4 + "为贯彻落实省委宣传部有关部署，进一步做好社会科学普及工作，经研究，"
                              "决定举办2017年度社科普及活动。现将有关事项通知如下："]
    assert texts(doc)[-4:] == ["\u00a0" * 4 + "附件：1．活动申报表", "\u00a0" * 10 + "2．活动总结表",
                               "广东省哲学社会科学规划领导小组办公室", "2017年8月28日"]
    assert [(d.reason, d.text) for d in doc.dropped] == [
        ("navigation", "机构概况"), ("navigation", "通知公告"), ("navigation", "规划项目"), ("navigation", "成果推介"),
        ("navigation", "您的位置：首页 >> 通知公告"),
        ("outside the article", "发布日期：2017-08-28\u3000\u3000点击数：356"),
        ("page tools", "【打印本页】【关闭窗口】"),
        ("footer", "版权所有 广东省哲学社会科学规划领导小组办公室\u3000粤ICP备05008888号"),
    ]


def test_hidden_text_is_dropped_and_reported():
    doc = html_document(page("<div>" + ARTICLE + "<p style='display: none'>隐藏的关键词</p>"
                             "<div hidden><p>也看不见</p></div></div>"))
    assert "隐藏" not in "".join(texts(doc))
    assert [(d.text, d.reason) for d in doc.dropped] == [("隐藏的关键词", "hidden on the page"),
                                                         ("也看不见", "hidden on the page")]


def test_keep_page_keeps_the_chrome_as_text():
    doc = read_source(INPUTS / "notice.html", keep_boilerplate=True)
    assert "当前位置：首页 > 通知公告" in texts(doc) and "相关文章" in texts(doc)
    assert doc.dropped == ()


_PIECES = ["<p>", "</p>", "<div>", "</div>", "<br>", "<table><tr><td>", "</td><td>", "</td></tr></table>",
           "<ul><li><a href='#'>", "</a></li></ul>", "<h1>", "</h1>", "&nbsp;", "　", "\n", "<span>", "</span>",
           "<div class='footer'>", "<nav>", "</nav>", "<img src=x>", "<p style='display:none'>", "<!-- c -->"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet="一二三通知，。：附件", min_size=1, max_size=12)),
                max_size=40))
def test_any_tag_soup_is_read_and_every_hanzi_kept_or_reported(pieces):
    soup = "".join(pieces)
    if not soup.strip():
        return
    doc = html_document("<html><body>" + soup + "</body></html>")
    out = Counter(HANZI.findall("".join(line.text for line in doc.lines)
                                + "".join(d.text for d in doc.dropped)
                                + "".join(c for line in doc.lines if line.hint for row in line.hint.rows for c in row)))
    for char, count in Counter(HANZI.findall(soup.replace("<!-- c -->", ""))).items():
        assert out[char] >= count, (char, soup)


def test_a_scrape_as_paragraphs_gives_the_same_model_as_the_text(tmp_path):
    """The bundled real sample, one <p> per line: the same model, the same lines dropped."""
    import html

    from tests.conftest import SAMPLE
    from tests.readers.models import content, parse

    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in SAMPLE.read_text("utf-8").splitlines())
    (tmp_path / "page.html").write_text(page("<div class='article'>" + body + "</div>"), "utf-8")
    rich, text = parse(tmp_path / "page.html"), parse(SAMPLE)
    assert content(rich) == content(text)
    assert [(x.text, x.reason) for x in rich.dropped] == [(x.text, x.reason) for x in text.dropped]


def test_article_of_deeply_wrapped_paragraphs_is_found_fast():
    import time

    nav = "<div class='menu'>" + "".join(f"<a href='#'>栏目{i}</a>" for i in range(300)) + "</div>"
    paragraphs = "".join(f"<div><div><p>第{i}段正文，内容较长，看看大页面是否够快。</p></div></div>" for i in range(3000))
    start = time.monotonic()
    doc = html_document(page(nav + "<div id='c'>" + paragraphs + "</div>"))
    assert time.monotonic() - start < 3
    assert len(texts(doc)) == 1 + 3000  # the page title, then every paragraph
    assert [d.reason for d in doc.dropped] == ["navigation"]


def test_attachment_box_below_the_article_is_kept():
    box = ("<div class='fujian'><p>附件：<a href='/1.doc'>1.开学工作检查表</a></p>"
           "<p><a href='/2.xls'>2.安全隐患整改台账</a></p></div>")
    doc = html_document(page("<h1>关于开学的通知</h1><div class='content'>" + ARTICLE + "</div>" + box
                             + "<div class='editor'>责任编辑：张三</div>"))
    assert texts(doc)[-2:] == ["附件：1.开学工作检查表", "2.安全隐患整改台账"]
    assert [(d.text, d.reason) for d in doc.dropped] == [("责任编辑：张三", "outside the article")]


def test_one_br_is_a_soft_break_two_and_blocks_are_hard():
    doc = html_document(page("<div>" + ARTICLE + "<p>甲行<br>乙行<br><br>丙行</p><p>丁行</p></div>"))
    assert [(line.text, line.soft) for line in doc.lines[-4:]] == [
        ("甲行", False), ("乙行", True), ("丙行", False), ("丁行", False)]
    assert doc.texts()[-6:] == ["甲行", "乙行", "", "丙行", "", "丁行"]


def test_one_long_paragraph_is_not_the_whole_article():
    long = "<p>" + "很长的一段正文，" * 60 + "完。</p>"
    doc = html_document(page("<h1>关于开学的通知</h1><div class='c'><p>各区教育局：</p>" + long
                             + "<p>××市教育局<br>2024年2月1日</p></div>"))
    assert texts(doc)[1] == "各区教育局：" and texts(doc)[-2:] == ["××市教育局", "2024年2月1日"]
    assert doc.dropped == ()


def test_signature_and_date_below_the_text_box_are_kept():
    doc = html_document(page("<div class='content'><div class='TRS_Editor'>" + ARTICLE + "</div>"
                             "<p align='right'>××市教育局</p><p align='right'>2024年2月1日</p></div>"
                             "<div class='footer'>版权所有</div>"))
    assert texts(doc)[-2:] == ["××市教育局", "2024年2月1日"]
    assert [d.reason for d in doc.dropped] == ["footer"]


def test_br_hard_wraps_are_joined_like_wrapped_text(tmp_path):
    from tests.readers.models import parse

    text = ("为做好2024年春季学期开学工作，确保师生安全、平稳有序开学，现将有关事项通知如下。各校要在开学前完成校舍、"
            "食堂、宿舍等场所的安全检查，建立问题清单，逐项整改到位，确保万无一失。坚持安全第一、预防为主。")
    wrapped = "<br>\n".join(text[i:i + 24] for i in range(0, len(text), 24))
    path = tmp_path / "wrapped.html"
    path.write_text(page("<h1>关于做好开学工作的通知</h1><div><p>各区教育局：</p><p>" + wrapped
                         + "</p><p>××市教育局<br>2024年2月1日</p></div>"), "utf-8")
    doc = parse(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "关于做好开学工作的通知"), ("salutation", "各区教育局："), ("paragraph", text),
        ("signature", "××市教育局"), ("date", "2024年2月1日")]


def test_article_title_meta_is_preferred_to_the_page_title():
    html = ("<html><head><meta name='ArticleTitle' content='关于开展安全检查的通知'><title>通知公告_某某网</title>"
            "</head><body>" + ARTICLE + "</body></html>")
    assert texts(html_document(html))[0] == "关于开展安全检查的通知"


def test_an_article_hidden_until_scripts_run_is_still_read():
    wechat = ("<h1 id='activity-name'>在全市教育工作会议上的讲话</h1>"
              "<div id='js_content' style='visibility: hidden; opacity: 0;'>" + ARTICLE + "</div>"
              "<div style='display:none'>二维码</div>")
    doc = html_document(page(wechat))
    assert texts(doc)[0] == "在全市教育工作会议上的讲话" and len(texts(doc)) == 6
    assert [(d.text, d.reason) for d in doc.dropped] == [("二维码", "hidden on the page")]


@pytest.mark.parametrize("classes,dropped", [
    ("relative mx-auto", False), ("photo-news", False), ("article-header", False), ("footnote", False),
    ("related-articles", True), ("bdsharebuttonbox", True), ("BreadcrumbNav", True), ("page-footer", True),
])
def test_class_names_are_read_word_by_word(classes, dropped):
    doc = html_document(page(f"<div><div class='{classes}'><p>这一段在带类名的块里，内容也足够长。</p></div>" + ARTICLE + "</div>"))
    assert ("这一段在带类名的块里，内容也足够长。" in texts(doc)) is not dropped


def test_an_html5_article_header_keeps_its_title():
    doc = html_document(page("<header class='site'><a href='/'>首页</a></header><article><header>"
                             "<h1>关于开展安全检查的通知</h1></header>" + ARTICLE + "</article>"))
    assert texts(doc)[0] == "关于开展安全检查的通知" and doc.lines[0].hint.kind == "title"


@pytest.mark.parametrize("title", ["- no title specified", "Untitled Document", "无标题文档"])
def test_placeholder_page_titles_are_not_used(title):
    doc = html_document(page(ARTICLE, title=title))
    assert texts(doc)[0].startswith("第1段正文")


def test_ordered_list_items_keep_the_numbers_the_browser_shows():
    doc = html_document(page("<div>" + ARTICLE + "<ol start='2'><li>抓好校舍安全。</li><li>抓好食品安全。</li></ol>"
                             "<ul><li>一是加强领导。</li></ul></div>"))
    assert texts(doc)[-3:] == ["2.抓好校舍安全。", "3.抓好食品安全。", "一是加强领导。"]
