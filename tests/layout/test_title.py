from __future__ import annotations

import pytest

from speechdoc.layout.title import break_title

MAX = 20  # 2号 characters in the 156 mm 版心


def test_short_title_is_one_line():
    assert break_title("教育局两学一做专题教育动员会讲话稿", MAX) == ["教育局两学一做专题教育动员会讲话稿"]


def test_author_breaks_are_kept_when_they_fit():
    lines = ("国务院办公厅关于加强", "三级公立医院绩效考核工作的意见")
    assert break_title("".join(lines), MAX, lines) == list(lines)


@pytest.mark.parametrize(
    "title",
    [
        "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
        "关于做好2017年国家社科基金中华学术外译项目申报工作的通知",
        "教务部关于2019年本科专业培养方案答辩评审安排的通知",
        "在纪念陈毅同志诞辰一百周年座谈会上的讲话",
        "中共中央办公厅国务院办公厅关于进一步加强和改进新形势下高校宣传思想工作的意见和建议的通知",
    ],
)
def test_long_titles_are_balanced_and_never_end_short(title):
    lines = break_title(title, MAX)
    assert "".join(lines) == title
    assert all(len(line) <= MAX for line in lines)
    assert len(lines[-1]) >= 3
    assert max(map(len, lines)) - min(map(len, lines)) <= 10


def test_numbers_and_book_titles_are_not_split():
    lines = break_title("关于做好2017年国家社科基金中华学术外译项目申报工作的通知", MAX)
    assert not any(line.endswith("201") or line.startswith("7年") for line in lines)


def test_breaks_prefer_natural_points():
    lines = break_title("国务院办公厅关于加强三级公立医院绩效考核工作的意见", MAX)
    assert lines[0].endswith("关于") or lines[1].startswith("关于") or lines[0].endswith("加强")


def test_the_authors_phrase_spaces_are_the_preferred_breaks_and_are_dropped_there():
    lines = break_title("坚定信心\u3000真抓实干\u3000奋力谱写高质量发展新篇章", MAX)
    assert lines == ["坚定信心\u3000真抓实干", "奋力谱写高质量发展新篇章"]


def test_a_year_word_is_not_split_after_its_year():
    """年度/年初/年底 are words: the year is a good break point only when 年 ends the word."""
    assert break_title("关于开展2024年度全市安全生产大检查的通知", MAX) == ["关于开展2024年度", "全市安全生产大检查的通知"]
    lines = break_title("关于开展2024年度全市安全生产工作专项检查考核评比活动的通知", MAX)
    assert all(not line.startswith(("度", "初", "底")) for line in lines[1:]), lines
