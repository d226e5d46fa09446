"""Real texts scraped onto one line: the samples and fixtures with their lines joined by runs of ASCII spaces,
NBSP or U+3000 must give the outline the multi-line text gives (line numbers aside)."""
from __future__ import annotations

import pytest

from speechdoc import api

from ..conftest import FIXTURES
from .outline import outline

TEXTS = [FIXTURES / "text" / "samples" / name for name in (
    "01-speech-scraped.txt", "02-notice-sysu-peiyang-fangan-dabian.txt",
    "03-four-levels-guoban-sanji-yiyuan-jixiao.txt", "04-speech-jiangzemin-chenyi-100.txt")]
TEXTS += [FIXTURES / "text" / "documents" / f"{name}.txt" for name in (
    "gongwen-header-record", "notice-attachments", "speech-subtitle", "notice-banner-signer", "speech-phrase-title")]


def blocks_of(text: str) -> list[str]:
    return [line.split(" ", 1)[1] for line in outline(api.parse_text(text))
            if not line.startswith(("dropped", "warning", "    lines"))]


@pytest.mark.parametrize("run", ["  ", "\u00a0\u00a0", "\u3000\u3000", "   "], ids=["spaces", "nbsp", "u3000", "3-spaces"])
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem[:24] for p in TEXTS])
def test_a_text_on_one_line_gives_the_outline_of_its_lines(path, run):
    source = path.read_text(encoding="utf-8")
    one_line = run.join(line.strip() for line in source.splitlines() if line.strip())
    assert blocks_of(one_line) == blocks_of(source)
