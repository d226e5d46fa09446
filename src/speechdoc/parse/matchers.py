"""Line matchers: small named functions that say what shape ONE line has (no position, no context).

The rule tables in ``head.py``, ``body.py`` and ``closing.py`` combine them with a line's position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.chars import has_hanzi
from .sentence import first_sentence_end
from ..numerals import from_chinese
from .shapes import DATE, DATE_ONLY, DOC_NUMBER, ENDS_WITH_GENRE

CN_NUM = "一二三四五六七八九十百〇零"
MAX_HEADING = 60  # characters: a heading standing alone is at most this long
MAX_RUN_IN = 30  # characters after the marker: a run-in heading sentence is at most this long
MAX_LEAD = 40  # characters after the marker: a speech lead sentence is at most this long
MAX_ALONE_SENTENCE = 30  # a marker line that is one whole sentence is a heading only when this short
MAX_SHORT_HEADING = 15  # …and even then, followed by its next sibling, only when this short
MAX_TITLE = 80


@dataclass(frozen=True)
class Outline:
    """An outline marker at the start of a line: level 1–4, its style family, its number."""

    level: int
    style: str
    number: int
    marker: str
    rest: str


# Order matters: （一） before （1）, 1. before 1、.
_OUTLINE = (
    (1, "第一章", re.compile(rf"^第(?P<num>[{CN_NUM}]{{1,3}})(?:章|部分|篇)(?:\s+|(?=[\u4e00-\u9fff“《]))")),
    (2, "第一节", re.compile(rf"^第(?P<num>[{CN_NUM}]{{1,3}})节(?:\s+|(?=[\u4e00-\u9fff“《]))")),
    (1, "一、", re.compile(rf"^(?P<num>[{CN_NUM}]{{1,3}})\s*(?P<sep>[、．.])\s*")),
    (2, "（一）", re.compile(rf"^[（(]\s*(?P<num>[{CN_NUM}]{{1,3}})\s*[）)]\s*")),
    (3, "1.", re.compile(r"^(?P<num>\d{1,3})\s*[.．](?:(?!\d)|(?=(?:19|20)\d{2}年))\s*")),
    (3, "1、", re.compile(r"^(?P<num>\d{1,3})\s*、\s*")),
    (4, "（1）", re.compile(r"^[（(]\s*(?P<num>\d{1,3})\s*[）)]\s*")),
    (4, "①", re.compile(r"^(?P<num>[\u2460-\u2473])\s*")),
)


def match_outline(text: str) -> Outline | None:
    for level, style, pattern in _OUTLINE:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group("num")
        if "\u2460" <= raw <= "\u2473":
            number = ord(raw) - 0x245F
        else:
            number = int(raw) if raw.isdigit() else from_chinese(raw)
        if number is None or number == 0:
            continue
        if m.groupdict().get("sep") in (".", "．") and not has_hanzi(text[m.end():m.end() + 1]):
            continue  # 一.5 is not a marker
        return Outline(level, style, number, m.group().strip(), text[m.end():])
    return None


def heading_alone(outline: Outline) -> bool:
    """A marker line that is a heading by itself: short, at most one (short) sentence, not ending like a clause."""
    rest = outline.rest
    if not rest or len(rest) > MAX_HEADING or rest[-1] in "，、；,;":
        return False
    if rest[-1] in "：:":
        return len(rest) <= MAX_SHORT_HEADING + 5 and first_sentence_end(rest) is None
    end = first_sentence_end(rest)
    longest = MAX_HEADING if outline.level <= 2 else MAX_ALONE_SENTENCE  # 一、/（一） headings run long
    return end is None or (end == len(rest) and len(rest) <= longest)


def run_in_sentence(text: str, start: int, *, limit: int = MAX_RUN_IN, alone_ok: bool = False) -> str | None:
    """The run-in heading or lead: ``text`` up to and including its first sentence end, when that sentence is
    short (at most ``limit`` characters after ``start``) and — unless ``alone_ok`` — body text follows it."""
    end = first_sentence_end(text, start)
    if end is None or end - start > limit or end - start < 2 or (end == len(text) and not alone_ok):
        return None
    return text[:end]


@dataclass(frozen=True)
class SpeechLead:
    marker: str
    family: str  # 第一， | 一是 | 首先，
    number: int | None


_LEAD = re.compile(rf"^(?:(?P<ordinal>第(?P<n1>[{CN_NUM}]{{1,3}})[，、,])|(?P<shi>(?P<n2>[{CN_NUM}]{{1,3}})是)"
                   r"|(?P<word>(?:首先|其次|再次|然后|最后|其一|其二|其三|其四|其五|另外)[，,]))")


def match_speech_lead(text: str) -> SpeechLead | None:
    m = _LEAD.match(text)
    if not m:
        return None
    if m.group("ordinal"):
        return SpeechLead(m.group("ordinal"), "第一，", from_chinese(m.group("n1")))
    if m.group("shi"):
        return SpeechLead(m.group("shi"), "一是", from_chinese(m.group("n2")))
    return SpeechLead(m.group("word"), "首先，", None)


def is_doc_number(text: str) -> bool:
    """``国办发〔2019〕4号``, also in brackets as gov.cn prints it under a title: ``（国办发〔2019〕4号）``, and with
    the 签发人 beside it on the same line (an upward document): ``×政办发〔2024〕12号　签发人：王某某``."""
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1]
    m = DOC_NUMBER.match(text)
    if m is None:
        return False
    rest = text[m.end():].strip(" \u3000\u00a0\t")
    return not rest or (is_signer(rest) and rest != text[m.end():])


_SIGNER = re.compile(r"^签\s*发\s*人\s*[：:]\s*[\u4e00-\u9fff·][\u4e00-\u9fff·、 \u3000]{1,30}$")


def is_signer(text: str) -> bool:
    """``签发人：王某某`` (or several names): a line of the 版头 of an upward document."""
    return _SIGNER.match(text) is not None


_BANNER_MARK = re.compile(r"^(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★\s*[^\s，。]{1,8})?|特急|加急|特提|平急)$")


def is_banner_mark(text: str) -> bool:
    """份号 ``000123``, 密级 ``机密★1年``, 紧急程度 ``特急`` — or several on one line: the top of a 版头."""
    parts = [p for p in re.split(r"[\s\u3000]+", text) if p]
    return bool(parts) and all(_BANNER_MARK.match(p) for p in parts)


_ISSUER_MARK = re.compile(r"^[\u4e00-\u9fff×XＸ（）()、]{2,40}文件$")


def is_issuer_mark(text: str) -> bool:
    """``××市人民政府文件``: the 发文机关标志 at the top of a 红头 document, never part of the title."""
    return _ISSUER_MARK.match(text) is not None


_SUBTITLE_DASH = re.compile(r"^(?:——|—|--|－－|─)\s*\S")
_SUBTITLE_DRAFT = re.compile(r"^[（(](?:征求意见稿|送审稿|草案|试行|暂行|讨论稿|修订稿|代拟稿|初稿|修订草案|草案修改稿)[）)]$")
_SUBTITLE_SPEECH = re.compile(r"^在.{2,40}(?:上|时|中|期间)的(?:讲话|发言|致辞|报告|讲话提纲|主旨演讲|演讲)$")


def is_subtitle(text: str) -> bool:
    return len(text) <= MAX_TITLE and any(p.match(text) for p in (_SUBTITLE_DASH, _SUBTITLE_SPEECH, _SUBTITLE_DRAFT))


_PAREN_DATE = re.compile(rf"^(?P<date>[（(]\s*{DATE}[^（）()]{{0,40}}[）)])\s*(?P<name>[\u4e00-\u9fff·]{{0,12}})$")
_NAME_DATE = re.compile(rf"^(?P<name>[\u4e00-\u9fff·]{{2,20}})\s*(?P<date>[（(]\s*{DATE}[^（）()]{{0,24}}[）)])$")


def match_date_line(text: str) -> tuple[str, str, bool] | None:
    """(date part, speaker name or "", name comes first) for ``（2020年3月5日）`` / ``（…）江泽民`` / ``江泽民（…）``."""
    m = _PAREN_DATE.match(text)
    if m:
        return m.group("date"), m.group("name"), False
    m = _NAME_DATE.match(text)
    if m:
        return m.group("date"), m.group("name"), True
    if DATE_ONLY.match(text.replace(" ", "")):
        return text, "", False
    return None


_SALUTATION_WORDS = re.compile(r"^(?:尊敬的|亲爱的|各位|同志们|朋友们|女士们|先生们|同学们|老师们|大家好)")


_INTRODUCES = re.compile("如下|以下|下列|包括|是：|为：")


def is_greeting(text: str) -> bool:
    """A salutation that opens with a form of address: 同志们： / 尊敬的各位领导："""
    return is_salutation(text) and _SALUTATION_WORDS.match(text) is not None


_GREETING_END = re.compile(r"：\s*(?:大家|各位)?(?:上午|下午|晚上)?好[！!]?$")
_BARE_GREETING = re.compile(r"^(?:同志们|同学们|朋友们|老师们|各位代表|各位领导|各位来宾|女士们、先生们)$")


def is_salutation(text: str) -> bool:
    """A short line ending in a colon (同志们： / 主送机关), or a greeting ending in ！ or ， or bare (同志们)."""
    if "。" in text or len(text) > 80:
        return False
    if _BARE_GREETING.match(text):
        return True
    if _SALUTATION_WORDS.match(text) and "：" in text and _GREETING_END.search(text):
        return True  # 尊敬的各位领导、同志们：大家上午好！
    if text.endswith(("：", ":")):  # ``主席先生：各位代表：`` greets twice; ``单位名称：　　填报人：`` is a form's line
        return (len(text) >= 3 and not text.startswith(("附件", "注")) and not _INTRODUCES.search(text)
                and not _FORM_BLANK.search(text))
    return len(text) <= 30 and text.endswith(("！", "，")) and _SALUTATION_WORDS.match(text) is not None


_FORM_BLANK = re.compile(r"[：:][ \u3000\t_＿]+\S")  # a label, a blank to fill in, the next label
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_TITLED_NAME = re.compile(r"^[\u4e00-\u9fff、]{0,20}(?:书记|主任|局长|部长|市长|省长|主席|校长|院长|县长|区长|厅长|"
                          r"秘书长|总理|总经理|董事长|委员|理事长|处长|司长|署长|行长|队长|会长)\s*[\u4e00-\u9fff·]{2,4}$")


def is_speaker(text: str) -> bool:
    compact = text.replace(" ", "").replace("\u3000", "")
    if _SALUTATION_WORDS.match(compact) or _BARE_GREETING.match(compact):
        return False
    return _NAME.match(compact) is not None or _TITLED_NAME.match(compact) is not None or (
        compact.endswith("同志") and len(compact) <= 8)


def is_title_like(text: str) -> bool:
    return (len(text) <= MAX_TITLE and text[-1] not in "。；，、：;,:！？!?" and match_outline(text) is None
            and match_speech_lead(text) is None and not text.startswith(("附件", "注：")))


def ends_with_genre(text: str) -> bool:
    return ENDS_WITH_GENRE.search(text.rstrip("）)")) is not None


_LABEL = re.compile(rf"^附\s*件\s*(?:[0-9０-９]{{1,2}}|[{CN_NUM}]{{1,3}})?$")
_INTRO = re.compile(r"^附\s*件\s*(?:[0-9]{1,2})?\s*[：:]\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<num>\d{1,2})\s*[.．、]\s*(?P<name>\S.*)$")


def is_attachment_label(text: str) -> bool:
    """``附件`` / ``附件1`` alone on its line: the top of an attachment page."""
    return _LABEL.match(text) is not None


def match_attachments_intro(text: str) -> str | None:
    """The text after ``附件：`` (may be empty), or None."""
    m = _INTRO.match(text)
    return m.group("rest") if m else None


def match_attachment_item(text: str) -> tuple[int, str] | None:
    m = _ITEM.match(text)
    return (int(m.group("num")), m.group("name").strip()) if m else None


_ITEM_SPLIT = re.compile(r"(?:\s+|[；;，,、]\s*)(?=\d{1,2}\s*[.．、](?:(?!\d)|(?=(?:19|20)\d{2}年)))")


def split_attachment_items(text: str) -> list[tuple[int, str]]:
    """The numbered attachment names on a line: ``1.甲`` → [(1, 甲)]; ``1.甲 2.乙`` → [(1, 甲), (2, 乙)]; else []."""
    first = match_attachment_item(text)
    if first is None:
        return []
    parts = [match_attachment_item(part) for part in _ITEM_SPLIT.split(text)]
    if len(parts) > 1 and all(parts):
        return [(n, name.rstrip("；;，,、")) for n, name in parts]
    return [first]


def is_closing_date(text: str) -> bool:
    return DATE_ONLY.match(text.replace(" ", "")) is not None


_NOTE = re.compile(r"^[（(][^（）()]{2,80}[）)]$")


def is_note(text: str) -> bool:
    """A line wholly in brackets: 附注 ``（此件公开发布）``, a source credit ``（新华社北京8月23日电）``."""
    return _NOTE.match(text) is not None and match_outline(text) is None


_SIGNATURE_PUNCT = re.compile(r"[。，；：！？、,;:!?]")


def is_signature_shape(text: str) -> bool:
    return (2 <= len(text) <= 30 and not _SIGNATURE_PUNCT.search(text) and match_outline(text) is None
            and match_attachment_item(text) is None and not text.startswith("附件") and has_hanzi(text))


_SIGNED_DATE = re.compile(rf"^(?P<name>\S.{{1,29}}?)\s+(?P<date>{DATE})$")


def split_signature_date(text: str) -> tuple[str, str] | None:
    """``教务部 2019年5月8日`` on one line → (``教务部``, ``2019年5月8日``)."""
    m = _SIGNED_DATE.match(text)
    if m and is_signature_shape(m.group("name").strip()):
        return m.group("name").strip(), m.group("date")
    return None




_RECORD = re.compile(rf"^(?:抄送|抄报|分送|主题词|主送)\s*[：:]|{DATE}\s*印发$")


def is_record_line(text: str) -> bool:
    """A 版记 line: ``抄送：…`` or ``XX办公室 2020年3月5日印发``."""
    return _RECORD.search(text) is not None


_MEETING_FACT = re.compile(r"^(?:时间|地点|会议时间|会议地点|主持|主持人|主讲|主讲人|参会人员|出席人员|出席|列席|记录|记录人|"
                           r"整理|发言人|讲话人)\s*[：:]\s*\S")


def is_meeting_fact(text: str) -> bool:
    """``时间：2026年2月7日`` / ``主持：…`` under a speech or minutes title."""
    return len(text) <= 60 and "。" not in text and _MEETING_FACT.match(text) is not None


_ARTICLE = re.compile(rf"^第(?P<num>[{CN_NUM}]{{1,4}})条(?=[\s\u3000]|[\u4e00-\u9fff“《（])")


def match_article(text: str) -> tuple[str, int] | None:
    """``第十二条　…`` (an article of a regulation): (marker, number)."""
    m = _ARTICLE.match(text)
    number = from_chinese(m.group("num")) if m else None
    return (m.group().strip(), number) if number else None
