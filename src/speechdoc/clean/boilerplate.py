"""Web-page boilerplate: the lines a scraper copied from the page around the article.

Each rule is a small named predicate; ``drop_boilerplate`` returns the lines to keep and a ``Dropped``
record (line, text, reason) for every line removed:

- breadcrumb            ``当前位置:首页 > 发言稿 > 正文``, ``首页 > 新闻``
- page metadata         ``更新:2023-09-21 13:30:38 网站名``, ``发布时间：…``, ``来源：…`` / ``作者：…`` in the page
                        head, ``责任编辑：…``, ``浏览次数：…``, ``字号 大 中 小``, ``打印本页``, ``关闭窗口``, ``分享到``
- site date             a bare ``2017-08-28`` near the top (a listing date, not the document's 成文日期)
- page headline         the page's own headline above the metadata line, when the article repeats a title below it
- page number           ``- 3 -``, ``— 12 —``, ``·4·``, ``第3页 共12页``, ``共12页 第3页``, ``Page 3 of 12``, ``3/12``
                        (text copied from a PDF); a bare ``3`` where it is plainly a page break (``pages``)
- link list             ``相关文章``, ``最新图文``, ``上一篇/下一篇``… and the short article titles and ``时间:`` lines after them
"""
from __future__ import annotations

import re

from ..model import Dropped
from ..parse.shapes import ISO_DATE, ISO_DATE_ONLY
from .pages import bare_page_numbers
from .tracked import Tracked

HEAD_ZONE = 10  # content lines at the top where page chrome is looked for
LINK_TITLE_MAX = 40  # a line in a trailing link list is at most this long
PAGE_NUMBER = "page number"  # the reason; the cleaner joins a paragraph across the lines dropped for it

_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置|当前页面)\s*[:：]")
_CRUMB_TRAIL = re.compile(r"^(?:首页|网站首页|主页|Home)\s*(?:>|>>|»|›|＞|→|/)")
_META_ALWAYS = re.compile(
    r"^(?:责任编辑|编辑|浏览次数|浏览量|点击数|点击次数|点击量|阅读次数|阅读量|访问次数|访问量|审核|校对)\s*[:：]"
    r"|^分享到"
    r"|(?:字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小")
_PAGE_TOOLS = re.compile(r"^(?:[【\[]?(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏本页|加入收藏|返回|【?收藏】?|纠错)[】\]]?"
                         r"[\s|｜/、:：·]*)+$")
_META_TIMESTAMP = re.compile(r"^(?:更新|更新时间|更新日期|发布|发布时间|发布日期|发表时间|发表日期|时间|日期|上传时间)\s*[:：]?\s*" + ISO_DATE)
_META_HEAD = re.compile(r"^(?:更新|更新时间|发布时间|发布日期|发表时间|来源|信息来源|文章来源|稿件来源|作者|发布者|发布人|"
                        r"发布单位|发布机构)\s*[:：]")
_META_KEY = re.compile(r"(?:来源|作者|发布时间|发布日期|更新时间|浏览次数|点击数|阅读次数|责任编辑|字号|字体)\s*[:：]")
_LINK_LIST = re.compile(r"^(?:相关文章|相关阅读|相关链接|相关新闻|相关推荐|相关内容|推荐阅读|延伸阅读|热门文章|热门推荐|热门阅读|"
                        r"最新文章|最新图文|最新更新|猜你喜欢|精彩推荐|更多推荐|上一篇|下一篇|上一条|下一条|分享到|热点推荐)")
_SENTENCE_END = re.compile("[。！？]$")
_PAGE_NUMBER = re.compile(r"^(?:[-—－–]{1,2}\s*\d{1,4}\s*[-—－–]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                          r"|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页"
                          r"|(?:Page|页码[:：]?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
                          r"|\d{1,4}\s*/\s*\d{1,4}|[·•]\s*\d{1,4}\s*[·•])$", re.I)


def drop_boilerplate(lines: list[Tracked]) -> tuple[list[Tracked], list[Dropped]]:
    content = [i for i, line in enumerate(lines) if line.text]
    reasons: dict[int, str] = {}
    for rank, i in enumerate(content):
        reason = _line_reason(lines[i].text, in_head=rank < HEAD_ZONE)
        if reason:
            reasons[i] = reason
    for i in bare_page_numbers(lines, content):
        reasons.setdefault(i, PAGE_NUMBER)
    _mark_link_lists(lines, content, reasons)
    _mark_page_headline(lines, content, reasons)
    kept = [line for i, line in enumerate(lines) if i not in reasons]
    dropped = [Dropped(lines[i].number, lines[i].text, reasons[i]) for i in sorted(reasons)]
    return kept, dropped


def _line_reason(text: str, *, in_head: bool) -> str | None:
    if _PAGE_NUMBER.match(text):
        return PAGE_NUMBER
    if _BREADCRUMB.match(text) or (_CRUMB_TRAIL.match(text) and len(text) <= 80):
        return "breadcrumb"
    if len(text) <= 80 and (_META_ALWAYS.search(text) or _META_TIMESTAMP.match(text) or _PAGE_TOOLS.match(text)):
        return "page metadata"
    if in_head and len(text) <= 40 and _META_HEAD.match(text) and not _SENTENCE_END.search(text):
        return "page metadata"
    if len(text) <= 160 and len(_META_KEY.findall(text)) >= 2:
        return "page metadata"
    if in_head and ISO_DATE_ONLY.match(text):
        return "site date"
    return None


def _mark_link_lists(lines: list[Tracked], content: list[int], reasons: dict[int, str]) -> None:
    """From a link-list heading, drop it and the short lines after it, up to the next real paragraph."""
    in_list = False
    for rank, i in enumerate(content):
        text = lines[i].text
        if _LINK_LIST.match(text) and len(text) <= 80 and rank > 0:
            reasons[i] = "link list"
            in_list = True
        elif in_list and (i in reasons or (len(text) <= LINK_TITLE_MAX and not _SENTENCE_END.search(text))):
            reasons.setdefault(i, "link list")
        else:
            in_list = False


def _mark_page_headline(lines: list[Tracked], content: list[int], reasons: dict[int, str]) -> None:
    """The page's headline sits above the metadata line; drop it when the article repeats a title below."""
    head = content[:HEAD_ZONE]
    meta = [r for r, i in enumerate(head) if reasons.get(i) in ("page metadata", "site date")]
    if not meta:
        return
    before = [i for i in head[:meta[0]] if i not in reasons]
    after = [i for i in content[meta[0] + 1:] if i not in reasons]
    if len(before) != 1 or not after:
        return
    headline, first = lines[before[0]].text, lines[after[0]].text
    if first.startswith(("—", "-", "─")):
        return  # ``——在…上的讲话`` under the headline is the subtitle: the headline is the title itself
    if len(first) <= 60 and not _SENTENCE_END.search(first) and _similar(headline, first):
        reasons[before[0]] = "page headline (the article repeats its title)"


def _similar(a: str, b: str) -> bool:
    """True when the two titles share a long common run of characters."""
    return _longest_common_run(a, b) >= max(4, min(len(a), len(b)) // 2)


def _longest_common_run(a: str, b: str) -> int:
    best, prev = 0, [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best
