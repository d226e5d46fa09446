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


def _texts(line):
    return [t for _, t in clean([line], normalize=False).lines]


def test_a_short_one_line_notice_is_split_at_runs_of_ascii_spaces_nbsp_or_u3000():
    for run in ("  ", "\u00a0\u00a0", "\u3000\u3000", " \u3000"):
        line = run.join(["关于放假的通知", "各单位：", "国庆节放假7天。", "一、值班安排", "每天2人值班。", "办公室", "2024年9月20日"])
        assert _texts(line) == ["关于放假的通知", "各单位：", "国庆节放假7天。", "一、值班安排", "每天2人值班。",
                                "办公室", "2024年9月20日"], repr(run)


def test_each_split_is_recorded_at_its_column():
    cleaned = clean(["各单位：  请做好值班。  一、值班安排  每天2人。"], normalize=False)
    assert [(e.column, e.before, e.after, e.rule) for e in cleaned.edits] == [
        (5, "  ", "\n", "split-at-space-run"), (13, "  ", "\n", "split-at-space-run"),
        (21, "  ", "\n", "split-at-space-run")]


def test_a_long_one_line_speech_without_headings_is_split_after_its_sentences():
    paragraph = "今年以来，我们坚持稳中求进工作总基调，各项工作取得了新的成效，经济运行总体平稳、稳中有进。"
    line = "  ".join(["同志们："] + [paragraph] * 4)
    assert _texts(line) == ["同志们："] + [paragraph] * 4


def test_spaces_that_are_not_paragraph_breaks_do_not_split_a_line():
    for line in ("坚定信心  真抓实干  奋力谱写新篇章",  # a title's phrases
                 "市长\u3000\u3000王某某",
                 "单位名称：        填报人：        联系电话：",  # form blanks
                 "填报单位：\u3000\u3000\u3000\u3000填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
                 "联系人：张三  电话：12345678  地址：人民路1号。",
                 "会议要求准时参加。  不得请假。  请相互转告。",  # two spaces after a sentence, a short line
                 "2021年\t2022年\t2023年\t增长。"):
        assert _texts(line) == [line], line


def test_the_spaces_after_a_run_in_heading_stay_inside_its_paragraph_in_a_text_of_many_lines():
    line = "  ".join(["关于开展督查工作的通知", "各区委：", "现就有关事项通知如下。", "（一）建立台账。", "对重点工作建立台账。",
                      "一、工作要求", "每月通报一次。", "市委办公室", "2020年3月5日"])
    alone = ["关于开展督查工作的通知", "各区委：", "现就有关事项通知如下。", "（一）建立台账。", "对重点工作建立台账。",
             "一、工作要求", "每月通报一次。", "市委办公室", "2020年3月5日"]
    assert _texts(line) == alone  # a one-line text: every run is a line break
    among_others = [t for _, t in clean(["附件：督查台账", "一" * 200, line], normalize=False).lines]
    assert among_others[5:7] == ["（一）建立台账。  对重点工作建立台账。", "一、工作要求"]
    assert _texts("（一）指导思想。  坚持以人民为中心。  各地要认真贯彻。") == ["（一）指导思想。  坚持以人民为中心。  各地要认真贯彻。"]


def test_runs_where_no_line_can_end_do_not_split():
    line = "  ".join(["关于开展检查的通知", "各区人民政府，市政府各部门，", "各直属机构：", "现将有关事项通知如下。",
                      "附件：1.工作方案（含重点行业领域检查要点和", "责任分工）", "县委书记", "张三",
                      "中共海口市委办公室", "2020年3月6日印发"])
    assert _texts(line) == ["关于开展检查的通知", "各区人民政府，市政府各部门，各直属机构：", "现将有关事项通知如下。",
                            "附件：1.工作方案（含重点行业领域检查要点和责任分工）", "县委书记  张三",
                            "中共海口市委办公室  2020年3月6日印发"]
    rules = [e.rule for e in clean([line], normalize=False).edits]
    assert rules.count("join-wrapped-line") == 2 and rules.count("split-at-space-run") == 5
