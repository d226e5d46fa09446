"""What a line of body text looks like, for joining the lines of a hard-wrapped paragraph: prose (it has ``，`` or
``。``, as a title, a 署名 or a table cell has not), a line of prose cut mid-phrase, a line of text (not a page's
bare number, not a short unpunctuated 署名)."""
from __future__ import annotations

import re

_PROSE = re.compile("[，。；！？：,;!?:]")  # half-width too: the cleaner joins lines before it normalises marks
_PUNCTUATED = re.compile("[，。；！？、：,;!?:]")
PROSE_SPAN = 120  # characters: how far back a joined paragraph is searched for prose marks
MAX_SIGNATURE = 20  # characters: a short line without punctuation may be a 署名
BARE_NUMBER = re.compile(r"^\d{1,3}$")  # a line that is only a number: a page number or a table's cell
UNITS = "%％亿万千百元个项人名家次倍余多米吨亩户所座台辆件天批条场期篇份起宗例处栋间株头只张本册"  # not 年月日: a date starts a sentence
_NUMBER_STARTS = re.compile(rf"^\d{{1,4}}(?:[.．]\d+)?[{UNITS}]")  # ``1.5亿元``, ``30个``: a number with its unit
_NUMBER_GOES_ON = re.compile(rf"^(?:[.．]\d|\d|[{UNITS}])")  # after a digit: more digits, the decimals, the unit
NEEDS_MORE = "的和与及或并把将对从向被由于按而"  # a phrase never ends on these
_FIELD = re.compile(r"^[\u4e00-\u9fff]{1,8}[：:][^，。；！？,;!?]{0,30}$")  # ``联系人：王永和``: a label and its value


def is_prose(text: str) -> bool:
    """The text (its last ``PROSE_SPAN`` characters) has the marks of running text."""
    return _PROSE.search(text[-PROSE_SPAN:]) is not None


def is_text_line(text: str) -> bool:
    """Not a bare number (a page's) or a short unpunctuated line (a 署名)."""
    return BARE_NUMBER.match(text) is None and (len(text) > MAX_SIGNATURE or _PUNCTUATED.search(text) is not None)


def cut_mid_phrase(prev: str, nxt: str) -> bool:
    """A line of body prose that stops where no phrase ends: before a number going on (``…投入资金`` /
    ``1.5亿元，``; ``…增长了15`` / ``%，``), before a lowercase Latin word, or after a word that needs what
    follows (``…的`` ``…和`` ``…对``)."""
    if not is_prose(prev) or _FIELD.match(prev):
        return False
    if prev[-1].isdigit():
        return _NUMBER_GOES_ON.match(nxt) is not None
    return _NUMBER_STARTS.match(nxt) is not None or nxt[:1].islower() or prev[-1] in NEEDS_MORE
