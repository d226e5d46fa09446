"""Read a saved web page (``.html``/``.htm``): the article's text, without the page around it.

No extraction library fitted: trafilatura pulls a network stack and date/URL packages and,
like readability-lxml, does not say what it removed, while speechdoc must report every line
it drops. So this is a small lxml extractor in the readability tradition:

1. Parse with lxml's HTML parser (no network, no entities); scripts, styles and forms' widgets
   are skipped.
2. Measure the prose (text outside links, weighted by commas and full stops) under every
   element; the article is the smallest container holding most of it (``find_article``).
3. Lay the whole page out as lines (``html_text``). Lines in the article are kept; lines
   outside it, and link lists, share bars and the like inside it, are dropped and reported
   with a reason (navigation, share bar, related articles, footer, page header, outside the
   article).
4. The article's title is its own heading (inside the article, or the nearest heading before
   it); only when it has none is the page ``<title>`` used (site name removed).

The kept lines then go through the same cleaning as scraped text.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree, html as lxml_html

from ..errors import Diagnostic, InputError
from ..model import Dropped, Meta
from .html_text import BLOCKS, SKIPPED, TextLine, lay_out
from .source import Hint, SourceDocument, SourceLine, table_line
from .text import _read_bytes, decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HEADINGS = ("h1", "h2", "h3")
_TITLE_CLASS = re.compile(r"title|headline|biaoti|bt\b|tit\b", re.IGNORECASE)
_SITE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|--|—{1,2}|–| - )\s*")
_PROSE_PUNCTUATION = re.compile(r"[，。；、,.;]")
_TITLE_END = re.compile(r"[。！？；：:;!?，,]$")

# Why a block of the page is not the article: (reason, class/id pattern, text pattern). A class
# pattern must match at the start of one word of the class or id (split at spaces, - and _), so
# "relative" or "photo" never read as "related" or "hot", and an article's own header stays.
_CHROME = (
    ("share bar", r"(share|fenxiang|bdshare|jiathis|social)", r"^分享到|^分享："),
    ("related articles", r"(related|relate$|xgwz|xgxw|xglj|recommend|tuijian|hot$|hotnews|rank)",
     r"^(相关|推荐|热点|延伸)(文章|阅读|新闻|链接|信息)"),
    ("navigation", r"(nav|menu|breadcrumb|crumb|daohang|sitemap|pager|pagination)|(position|location|weizhi|dqwz)$",
     r"^(当前位置|您的位置|首页\s*[>＞»])"),
    ("footer", r"(footer|foot$|ft$|bottom|copyright|banquan)", r"版权所有|ICP备|Copyright|©|主办单位|网站标识码"),
    ("page header", r"(logo|banner|topbar|masthead|search)", None),
    ("page tools", r"(print|tools?$|fontsize)", r"打印本页|关闭窗口|返回顶部|【打印】|【关闭】|字号[:：]?\s*[【\[]?[大中小]"),
)
_CHROME_TAGS = {"nav": "navigation", "footer": "footer", "aside": "related articles"}
_CLASS_WORDS = re.compile(r"[\s\-_]+")


def read_html(path: str | Path, encoding: str | None = None, *, keep_page: bool = False) -> SourceDocument:
    name = str(path)
    data = _read_bytes(name)
    enc, text = _decode(data, encoding, name)
    return html_document(text, path=name, encoding=enc, keep_page=keep_page)


def html_document(text: str, *, path: str | None = None, encoding: str | None = None,
                  keep_page: bool = False) -> SourceDocument:
    """The article of the page; ``keep_page`` keeps every visible line of the page instead."""
    root = _parse(text, path)
    body = root.find("body") if root.find("body") is not None else root
    hidden = _remove_hidden(body)
    article = body if keep_page else find_article(body)
    lines = lay_out(body)
    parts = [article, *_attachment_blocks(article, body)]
    kept, dropped, warnings = _sort(lines, parts, body, keep_all=keep_page)
    dropped = sorted(dropped + hidden, key=lambda d: d.line)
    title_line, title_warning = _title(root, article, kept)
    if title_line is not None:
        kept.insert(0, title_line)
        dropped = [d for d in dropped if d.text != title_line.text]
    warnings += title_warning
    page_title = _page_title(root)
    return SourceDocument(path=path, format="html", lines=tuple(kept), encoding=encoding, dropped=tuple(dropped),
                          warnings=tuple(warnings), meta=Meta(title=page_title))


# ---------------------------------------------------------------- decoding and parsing


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding:
        return decode_bytes(data, encoding, name=name)
    m = _META_CHARSET.search(data[:8192])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else declared
        try:
            return declared, data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # the page lies about its charset: detect it like a text file
    return decode_bytes(data, None, name=name)


def _parse(text: str, path: str | None) -> etree._Element:
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise InputError("the page is empty", path=path)
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot read the page as HTML ({exc})", path=path) from None


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _remove_hidden(body: etree._Element) -> list[Dropped]:
    """Take out what the page never shows (``hidden``, ``display:none``), reporting its text.

    An element holding most of the page's prose stays: pages such as WeChat articles hide the
    article itself until their scripts run (``visibility: hidden`` on ``#js_content``)."""
    hidden = [el for el in body.iter() if isinstance(el.tag, str)
              and (el.get("hidden") is not None or el.get("aria-hidden") == "true"
                   or _HIDDEN_STYLE.search(el.get("style", "")))]
    prose: dict[etree._Element, float] = {}
    _prose(body, prose)
    dropped = []
    for el in hidden:
        if el.getparent() is None or any(a in hidden for a in el.iterancestors()):
            continue
        if prose.get(el, 0.0) > 0.5 * prose.get(body, 0.0):
            continue
        for line in lay_out(el):
            if line.text.strip():
                dropped.append(Dropped(line.line or 0, line.text, "hidden on the page"))
        el.drop_tree()
    return dropped


# ---------------------------------------------------------------- finding the article


def find_article(body: etree._Element) -> etree._Element:
    """The smallest container that holds most of the page's prose.

    Prose is text outside links, weighted by its commas and full stops (navigation, link
    lists and related-article lists are links; footers are short). From ``<body>`` down, the
    walk enters the child holding at least ``ARTICLE_SHARE`` of its parent's prose, and stops
    where the prose is spread over several children: that element is the article.
    """
    prose: dict[etree._Element, float] = {}
    _prose(body, prose)
    node = body
    while True:
        children = [c for c in node if _tag(c) in _CONTAINERS]
        best = max(children, key=lambda c: prose.get(c, 0.0), default=None)
        if best is None or prose.get(best, 0.0) < ARTICLE_SHARE * prose.get(node, 0.0) or not prose.get(best):
            return node
        node = best


ARTICLE_SHARE = 0.7
# Elements that hold paragraphs; the walk never enters a paragraph itself (a long <p> is not the article).
_CONTAINERS = frozenset("div section article main td table tbody thead tfoot tr form center blockquote".split())


def _prose(el: etree._Element, out: dict[etree._Element, float]) -> float:
    """Prose inside ``el`` (its own tail belongs to its parent); fills ``out`` for every element."""
    tag = _tag(el)
    total = 0.0
    if tag not in SKIPPED and tag is not None and tag != "a":
        total = _prose_score(el.text)
        for child in el:
            total += _prose(child, out) + _prose_score(child.tail)
    out[el] = total
    return total


def _prose_score(text: str | None) -> float:
    if not text:
        return 0.0
    stripped = "".join(text.split())
    return len(stripped) + 3 * len(_PROSE_PUNCTUATION.findall(stripped))


def link_density(el: etree._Element) -> float:
    text = len(_text(el))
    if not text:
        return 0.0
    links = sum(len(_text(a)) for a in el.iter("a"))
    return min(links / text, 1.0)


# ---------------------------------------------------------------- keeping and dropping


def _sort(lines: list[TextLine], parts: list[etree._Element], body: etree._Element, *, keep_all: bool):
    """Keep the lines inside the article's parts; drop the rest, each with its reason."""
    kept: list[SourceLine] = []
    dropped: list[Dropped] = []
    warnings: list[Diagnostic] = []
    for item in lines:
        part = next((p for p in parts if item.owner is p or _is_inside(item.owner, p)), None)
        inside = keep_all or part is not None
        # Inside the article only the page's structure speaks; boilerplate *text* is the cleaner's job.
        reason = None if keep_all else chrome_reason(item.owner, part if inside else body,
                                                     "" if inside else item.text)
        if inside and reason is None:
            kept.extend(_source_lines(item, warnings))
            continue
        text = item.text or "\t".join("\t".join(row) for row in item.rows)
        if text.strip():
            dropped.append(Dropped(item.line or 0, text, reason or _outside_reason(item.owner)))
    return kept, dropped, warnings


def _source_lines(item: TextLine, warnings: list[Diagnostic]) -> list[SourceLine]:
    if item.images:
        warnings.append(Diagnostic("warning", f"{'an image' if item.images == 1 else f'{item.images} images'} "
                                   "in the article cannot be carried; left out", item.line,
                                   "insert pictures in the Word file after converting", "html-image"))
    if item.rows:
        return [table_line(item.rows, item.line)]
    if not item.text.strip():
        return []
    hint = Hint("title") if _tag(item.owner) in ("h1",) else None
    return [SourceLine(item.text, item.line, hint, soft=item.soft)]


def chrome_reason(el: etree._Element, stop: etree._Element, text: str = "") -> str | None:
    """Why ``el`` (or an ancestor below ``stop``) is page chrome, or None."""
    node = el
    while node is not None and node is not stop:
        reason = _CHROME_TAGS.get(_tag(node) or "") or _class_reason(node) or _link_list_reason(node)
        if reason:
            return reason
        node = node.getparent()
    for reason, _, text_pattern in _CHROME:
        if text_pattern and re.search(text_pattern, text.strip()):
            return reason
    return None


def _outside_reason(owner: etree._Element) -> str:
    return "navigation" if link_density(owner) > 0.8 else "outside the article"


def _class_reason(el: etree._Element) -> str | None:
    words = [w for w in _CLASS_WORDS.split(f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower())
             if w]
    for reason, class_pattern, _ in _CHROME:
        if any(re.match(class_pattern, word) for word in words):
            return reason
    return None


def _link_list_reason(el: etree._Element) -> str | None:
    if _tag(el) not in ("ul", "ol", "dl"):
        return None
    links = list(el.iter("a"))
    return "list of links" if len(links) >= 3 and link_density(el) > 0.8 else None


def _is_inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(parent is ancestor for parent in el.iterancestors())


# ---------------------------------------------------------------- the title


_ATTACHMENT_START = re.compile(r"^\s*附\s*件")
_DATE = re.compile(r"[\d〇零一二三四五六七八九十OО]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日")
_CLOSING_LINE_CHARS = 40


def _attachment_blocks(article: etree._Element, body: etree._Element) -> list[etree._Element]:
    """Blocks right after the article that belong to it: the attachment list (``附件：1.…``) and
    the signature and date, which many sites keep in boxes of their own below the text.

    Short blocks are taken up to the last one that starts with 附件 or holds a date."""
    run: list[etree._Element] = []
    taken: list[etree._Element] = []
    for sibling in article.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        texts = [line.text.strip() for line in lay_out(sibling) if line.text.strip()]
        if not texts:
            continue
        attachment = bool(_ATTACHMENT_START.match(texts[0]))
        short = all(len(t) <= _CLOSING_LINE_CHARS for t in texts)
        if chrome_reason(sibling, body, texts[0]) is not None or not (attachment or short):
            break
        run.append(sibling)
        if attachment or any(_DATE.search(t) for t in texts):
            taken = list(run)
    return taken


def _title(root, article, kept: list[SourceLine]) -> tuple[SourceLine | None, list[Diagnostic]]:
    """The article's headline when it stands before the article; else the page title if the
    article starts without one."""
    if kept and kept[0].hint is not None and kept[0].hint.kind == "title":
        return None, []
    heading = _heading_before(article)
    first = kept[0].text.strip() if kept else ""
    if heading is not None:
        text = " ".join(_text(heading).split())
        if text and text != first:
            return SourceLine(text, heading.sourceline, Hint("title")), []
        return None, []
    if first and _looks_like_title(first):
        return None, []
    page = _page_title(root)
    if not page or first.startswith(page):
        return None, []
    note = Diagnostic("info", "the article has no headline; the page's <title> is used as the title", None,
                      "check the title in the output", "html-title")
    return SourceLine(page, None, Hint("title")), [note]


def _heading_before(article: etree._Element) -> etree._Element | None:
    """The nearest h1–h3 (or title-classed block) before the article, not in navigation."""
    for el in article.itersiblings(preceding=True):
        found = _last_heading(el)
        if found is not None:
            return found
    parent = article.getparent()
    if parent is not None and _tag(parent) != "html":
        return _heading_before(parent)
    return None


def _last_heading(el: etree._Element) -> etree._Element | None:
    candidates = [e for e in el.iter() if _is_headline(e)]
    return candidates[-1] if candidates else None


def _is_headline(el: etree._Element) -> bool:
    tag = _tag(el)
    if tag not in _HEADINGS and not (tag in BLOCKS and _TITLE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")):
        return False
    text = " ".join(_text(el).split())
    if not 4 <= len(text) <= 120 or link_density(el) > 0.5:
        return False
    return chrome_reason(el, el.getroottree().getroot()) is None


def _looks_like_title(text: str) -> bool:
    return len(text) <= 60 and not _TITLE_END.search(text)


_HANZI = re.compile(r"[\u4e00-\u9fff]")
_PLACEHOLDER_TITLE = re.compile(r"no title specified|untitled|无标题|新建网页", re.IGNORECASE)
_TITLE_META = ("ArticleTitle", "og:title", "title")  # gov.cn sites name the article in <meta name="ArticleTitle">


def _page_title(root: etree._Element) -> str | None:
    """The page's own name for the article: its title meta tag, else ``<title>`` minus the site name."""
    for name in _TITLE_META:
        for meta in root.iter("meta"):
            if name in (meta.get("name"), meta.get("property")) and (meta.get("content") or "").strip():
                return " ".join(meta.get("content").split())
    el = root.find(".//title")
    if el is None:
        return None
    text = " ".join(_text(el).split())
    if not _HANZI.search(text) or _PLACEHOLDER_TITLE.search(text):  # "- no title specified" (LibreOffice)
        return None
    parts = [p for p in _SITE_SEPARATOR.split(text) if p.strip()]
    if not parts:
        return None
    return parts[0] if len(parts[0]) >= 4 else text


def _text(el: etree._Element) -> str:
    return "".join(t for t in el.itertext() if t)


def _tag(el) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None
