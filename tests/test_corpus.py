import subprocess
import sys

import pytest

from qa.ingest.corpus import is_heading, load_corpus, parse_article, split_sentences
from qa.errors import CorpusError, InputError

ARTICLE = """ date 2024-03-15 巴西与智利深化农业合作

第一段说明两国会谈。2023年贸易额达12.5亿美元！

Фото: Agência Brasil

咖啡与葡萄酒交流

第二段：智利出口葡萄酒。“我们很满意。”他说。

【编译：测试】
"""


def test_parse_article_keeps_metadata_out_of_passages():
    art = parse_article("x.txt", ARTICLE)
    assert art.date == "2024-03-15"
    assert art.title == "巴西与智利深化农业合作"
    assert [p.para_no for p in art.passages] == [1, 2]
    assert art.credits == ("Фото: Agência Brasil", "【编译：测试】")
    assert art.headings == ("巴西与智利深化农业合作", "咖啡与葡萄酒交流")
    assert art.passages[1].section == "咖啡与葡萄酒交流"
    assert all("Фото" not in p.text and "编译" not in p.text for p in art.passages)


def test_passage_context_names_the_articles_subject():
    art = parse_article("x.txt", ARTICLE)
    # Brazil and Chile are named in the title; the second paragraph inherits them.
    assert "巴西" in art.passages[1].context and "智利" in art.passages[1].context
    assert "2024-03-15" in art.passages[0].context


def test_sentences_split_on_chinese_and_latin_punctuation():
    assert split_sentences("第一句。第二句！“引语。”他说。") == ("第一句。", "第二句！", "“引语。”", "他说。")
    assert split_sentences("Trade grew 5.4%. It was 2024.") == ("Trade grew 5.4%.", "It was 2024.")
    assert split_sentences("达5.557亿美元。") == ("达5.557亿美元。",)


def test_heading_rule():
    assert is_heading("投资合作基础稳固，结构优化空间巨大")
    assert is_heading("双边贸易情况如何？")
    assert not is_heading("她还触及访问的经济内涵。")


def test_real_articles_parse(tmp_path):
    from tests.conftest import CORPUS

    load = load_corpus(CORPUS)
    assert len(load.articles) == 5 and not load.rejected
    china = next(a for a in load.articles if a.doc == "004_86a8fb1eaa77d1c9.txt")
    assert china.date == "2025-09-03"
    assert "2024年双边贸易额达440亿美元" in china.passages[0].text
    assert "中国" in china.passages[0].subject


def test_empty_and_non_utf8_files_are_reported_by_name(tmp_path):
    (tmp_path / "good.txt").write_text("一篇文章的正文，有足够的内容。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    load = load_corpus(tmp_path)
    assert [a.doc for a in load.articles] == ["good.txt"]
    reasons = dict(load.rejected)
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert all(name in msg for name, msg in reasons.items())


def test_folder_without_articles_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path)
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "only.txt").write_bytes(b"")
    with pytest.raises(InputError, match="only.txt"):
        load_corpus(tmp_path)


def test_cli_bad_corpus_is_one_line_exit_2_no_traceback(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "qa.cli", "index", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "ix")],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith("qa: error:") and "does not exist" in r.stderr
