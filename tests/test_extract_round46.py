"""Round 46, on the 38 sets' missed labels: requests the agency got told by other verbs
(全年收政府信息公开申请464件, 核收, 群众…提交政府信息公开申请55件), and the kinds of item listed
after a published count with its qualifier (发布动态要闻300余条，通知公告11条，政策文件20条). Each
test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken

AGENCY = "某某市某某局"


def test_requests_got_by_other_verbs(catalogue: Catalogue) -> None:
    for text, value in (
        ("全年收政府信息公开申请464件，均按时答复。", 464.0),
        ("全年共核收依申请公开事项6个。", 6.0),
        ("群众通过区政府网站及邮寄方式提交政府信息公开申请55件。", 55.0),
        ("公民、法人提交的政府信息公开申请17件。", 17.0),
    ):
        assert ("requests_new", None, None, value) in taken(text, catalogue, agency=AGENCY), text
    # a request given up for a paper not handed in is no request received
    text = "受理依申请公开信息10宗，因申请人未能提交有效身份证件而放弃申请1宗。"
    found = taken(text, catalogue, agency=AGENCY)
    assert ("requests_new", None, None, 10.0) in found
    assert ("requests_new", None, None, 1.0) not in found
    # fees collected are no requests (收 after no year or 共)
    assert "3件" in left_out("征收申请人费用3件。", catalogue)


def test_kinds_listed_after_a_count_with_its_qualifier(catalogue: Catalogue) -> None:
    text = "2019年市水利局网站发布动态要闻300余条，通知公告11条，政策文件20条，政策解读6条。"
    assert ("items_published", None, "documents", 20.0) in taken(text, catalogue, agency=AGENCY)
    # two kinds of document and no count of all: neither is the documents'
    text = "2019年市水利局网站发布动态要闻300余条，政策文件20条，规范性文件5条。"
    found = taken(text, catalogue, agency=AGENCY)
    assert not {f for f in found if f[2] == "documents"}
