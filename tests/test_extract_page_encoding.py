"""A saved web page is decoded as a browser decodes it: a page labelled gb2312 is GBK (朱镕基's
镕 is no GB2312 character), one labelled big5 is Big5-HKSCS, and a page whose bytes are not
in the encoding it declares is read as a .txt file is."""

from __future__ import annotations

from dashboard.extract.document import read_report

PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    "<title>report</title></head><body><p>{text}</p></body></html>"
)
REPORT = "朱镕基同志题词的校园。2022年，某县教育局主动公开政府信息126条。"


def _read(charset: str, text: str, encoding: str) -> str:
    page = PAGE.format(charset=charset, text=text).encode(encoding)
    document = read_report(page, "report.html")
    assert document.readable
    return document.text


def test_a_page_labelled_gb2312_is_read_as_gbk() -> None:
    assert REPORT in _read("gb2312", REPORT, "gb18030")
    assert REPORT in _read("GBK", REPORT, "gb18030")


def test_a_page_labelled_big5_is_read_as_big5_hkscs() -> None:
    text = "香港㗎，某局主動公開政府資訊12條。"
    assert text in _read("big5", text, "big5hkscs")


def test_a_page_in_another_encoding_than_it_declares() -> None:
    assert REPORT in _read("utf-8", REPORT, "gb18030")
    assert REPORT in _read("gb2312", REPORT, "utf-8")
