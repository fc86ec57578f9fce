"""Round 129, on blind121 after its one measure: the level a count rose to (粉丝数量从982人上涨至
5800人, 关注人数上升至15210人), the information that could not be given as the outcome's count
(无法提供的政府信息1件), the 2021 table's words for the partial ones alone (区分处理9件), and an
account's articles (公众微信号发表文章602篇)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_followers_the_number_they_rose_to(catalogue: Catalogue) -> None:
    text = "“通州社会建设和民政”微信公众号粉丝数量从982人上涨至5800人,共推送1136条。"
    facts = taken(text, catalogue, agency="通州区民政局", year=2021)
    assert ("followers", "wechat", None, 5800.0) in facts
    assert ("followers", "wechat", None, 982.0) not in facts
    assert left_out(text, catalogue, agency="通州区民政局", year=2021)["982人"] == "change"


def test_a_level_reached_is_no_change(catalogue: Catalogue) -> None:
    text = "微信公众号“路桥医保”共推文62篇,累计关注人数上升至15210人。"
    assert ("followers", "wechat", None, 15210.0) in taken(text, catalogue, year=2024)
    # (a rise by a number stays a change)
    rise = "微信公众号“路桥医保”共推文62篇,关注人数较上年增长1210人。"
    assert left_out(rise, catalogue, year=2024)["1210人"] == "change"


def test_information_that_could_not_be_given(catalogue: Catalogue) -> None:
    text = (
        "全年新收政府信息公开申请1件,上年结转0件,所涉申请按照程序及时规范办理。"
        "其中,无法提供的政府信息1件。"
    )
    facts = taken(text, catalogue, agency="海安市卫生健康委员会", year=2023)
    assert ("requests_unavailable", None, None, 1.0) in facts
    assert ("requests_new", None, None, 1.0) in facts


def test_the_partial_ones_by_the_tables_words(catalogue: Catalogue) -> None:
    text = (
        "受理公民、法人或其他组织向市政府提出的政府信息依申请公开20件,均在法定期限内予以答复。"
        "予以公开6件,占30%;区分处理9件,占45%;不予公开2件,占10%。"
    )
    facts = taken(text, catalogue, agency="安宁市人民政府办公室", year=2022)
    assert ("requests_partial", None, None, 9.0) in facts
    assert ("requests_disclosed", None, None, 6.0) in facts
    assert ("requests_refused", None, None, 2.0) in facts


def test_an_accounts_articles(catalogue: Catalogue) -> None:
    text = "“博山区山头街道党工委办事处”公众微信号发表文章602篇。"
    assert taken(text, catalogue, agency="博山区山头街道办事处", year=2022) == {
        ("items_published", "wechat", None, 602.0)
    }
    # (articles in the press are the media's, not an account's)
    press = "在大众日报等媒体发表文章12篇。"
    assert ("items_published", "wechat", None, 12.0) not in taken(press, catalogue, year=2022)
