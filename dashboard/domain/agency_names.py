"""One agency, many spellings: the short forms of agencies' names and the key that tells
whether two names are the same agency.

Reports write one agency several ways — 大冶市政府办公室 and 大冶市人民政府办公室, 六盘水市应急局
and 六盘水市应急管理局, 苏州高新区管委会 and 苏州高新区管理委员会, 白河县 and 白河县人民政府 — and a
store that files each spelling apart splits one agency's years into several series. `agency_key`
reduces a name to a key on which those spellings agree; `stored_agency` picks the name the store
already holds for the agency a report names. The words are data: data/catalogue/agency_names.toml.

The key never widens a name's place: 大路镇 and 琼海市大路镇 have different keys (many counties
have a 大路镇). Only `stored_agency` lets a name without its higher places stand for the one stored
name that adds them, and only when no other stored name could be meant.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dashboard.domain.places import division_names
from dashboard.domain.script import to_simplified
from dashboard.paths import CATALOGUE_DIR

AGENCY_NAMES_FILE = CATALOGUE_DIR / "agency_names.toml"

_LEVELS = "省市区县州旗盟"
# A government named by its place alone (白河县, 江西省, 黔南州): the key drops the 政府 of
# `X县政府`, so the place alone and the place's government agree.
_PLACE_GOVERNMENT = re.compile(rf"(?<=[{_LEVELS}镇乡])政府$|(?<=苏木)政府$")
# 南京市鼓楼区人民政府华侨路街道办事处 and 南京市鼓楼区华侨路街道办事处: a street office (a town)
# is its district's government's, whether the name says so or not (a key's 人民政府 is 政府 by then)
_GOVERNMENT_OF_TOWN = re.compile(
    rf"(?<=[{_LEVELS}])政府(?=[\u4e00-\u9fff]{{1,10}}?(?:街道|镇|乡|苏木)$)"
)
# 苏州高新区管委会(虎丘区人民政府), 泰州医药高新区(高港区)…: a zone's name with the district it
# is one with in brackets — the same agency as the name without them
_ALIAS = re.compile(r"[(（][\u4e00-\u9fff]{2,10}?(?:区|县|市|城|人民政府)[)）]")
# 大化瑶族自治县 and 大化县, 黔东南苗族侗族自治州 and 黔东南州, 鄂温克族自治旗 and 鄂温克旗: an
# autonomous division by its full name or by the short one reports and their readers use —
# unless the short one names another division (东乡族自治县 stays: 东乡县 was 抚州's)
_NATIONALITIES = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水"
    "|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克"
    "|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
AUTONOMOUS = re.compile(
    # (木垒哈萨克自治县: a nationality's name without 族)
    rf"(?<=[\u4e00-\u9fff][\u4e00-\u9fff])(?:(?:{_NATIONALITIES})族?)*族?自治(?=[县旗州])"
)
# 天河区林和街, 佳荣里街: a street office by the short name Guangzhou's and Tianjin's reports
# use (not 大街, a street)
_STREET_SHORT = re.compile(r"(?<=[\u4e00-\u9fff])(?<!大)街$")
# What a key keeps: CJK and alphanumerics (brackets, spaces and dots vary between copies).
_KEPT = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")
# A run of places ending in a level word (广元市利州区, 琼海市): what may stand before a name.
_PLACES = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,12}}?(?:[{_LEVELS}]|自治[州县旗]|地区|新区))+$")


@cache
def _autonomous_short() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The autonomous divisions' names, full (大化瑶族自治县) or with 自治 alone (大化自治县), each
    to its short name (大化县); none whose short name is another division's."""
    names = set(division_names())
    table: dict[str, str] = {}
    for name in names:
        found = AUTONOMOUS.search(name)
        short = AUTONOMOUS.sub("", name)
        if found is None or short in names:
            continue
        table[name] = short
        table[f"{short[:-1]}自治{short[-1]}"] = short
    if not table:
        return None, {}
    return re.compile("|".join(map(re.escape, _longest_first(table)))), table


@cache
def _division_stems() -> dict[str, str]:
    """Each division's name without its level (荆门 of 荆门市, 黑龙江 of 黑龙江省), for the
    stems only one division has (not 朝阳: 朝阳市, 朝阳区, 朝阳县)."""
    stems: dict[str, set[str]] = {}
    for name in division_names():
        if len(name) >= 3 and name[-1] in _LEVELS and "自治" not in name:
            stems.setdefault(name[:-1], set()).add(name)
    return {stem: names.pop() for stem, names in stems.items() if len(names) == 1}


# (not 前进街道, 湖南镇: a town's or street's own name, which a division's stem may be)
_LEVEL_OR_TOWN = _LEVELS + "镇乡街村路"
_BODY_AFTER_STEM = re.compile(r"(?:局|委员会|管委会|委|厅|办公室|政府|中心)$")
# (湖滨新区财政局: a zone named after a place's stem, not the place 湖滨区)
_ZONE_AFTER_STEM = re.compile(
    r"新区|开发区|高新区|经开区|园区|工业园|产业园|示范区|管理区|保税区|度假区|风景区|景区|新城"
)


def _level_written(key: str) -> str:
    """A bureau's name whose place is written without its level (荆门司法局, 黑龙江质量技术监督局)
    with the level of the one division of that stem (荆门市司法局): one agency, either way."""
    if not _BODY_AFTER_STEM.search(key):
        return key
    stems = _division_stems()
    for size in (4, 3, 2):
        division = stems.get(key[:size])
        if (
            division is not None
            and len(key) > size
            and key[size] not in _LEVEL_OR_TOWN
            and not _ZONE_AFTER_STEM.match(key, size)
        ):
            return division + key[size:]
    return key


@cache
def agency_vocabulary(path: Path = AGENCY_NAMES_FILE) -> tuple[dict[str, str], dict[str, str]]:
    """(short forms → full names, same words → their key word), longest first."""
    data = tomllib.loads(path.read_text("utf-8"))
    return _longest_first(data.get("short_forms", {})), _longest_first(data.get("same_words", {}))


@cache
def listed_places(path: Path = AGENCY_NAMES_FILE) -> tuple[str, ...]:
    """Places whose names hold words that elsewhere end a sentence's words before a name
    (呼和浩特市, 汉中市, 大同市): the extractor reads them as places only from this list."""
    return tuple(tomllib.loads(path.read_text("utf-8")).get("places", {}).get("listed", ()))


def short_forms() -> dict[str, str]:
    """A bureau's short name → its full name (住建局 → 住房和城乡建设局)."""
    return agency_vocabulary()[0]


def _longest_first(table: Mapping[str, str]) -> dict[str, str]:
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def _spelt_out(name: str, table: Mapping[str, str]) -> str:
    """Each short form replaced by its full name, where the full name is not already written
    (卫生健康委 inside 卫生健康委员会 stays)."""
    if not table:
        return name
    pattern = re.compile("|".join(re.escape(short) for short in table))

    def full(m: re.Match[str]) -> str:
        whole = table[m.group(0)]
        return m.group(0) if name.startswith(whole, m.start()) else whole

    return pattern.sub(full, name)


# 科尔沁右翼中旗 and 科右中旗, 察哈尔右翼后旗 and 察右后旗: a banner of a wing, by the short
# name everyone writes (the first character, the wing, the banner's place in it); the same for
# a county of a wing (喀喇沁左翼蒙古族自治县, 喀左县) and a banner of a side (阿拉善右旗, 阿右旗) —
# its name starting the key or right after a higher place (兴安盟科尔沁右翼中旗: not 盟 taken for
# its first character)
_WINGED_BANNER = re.compile(
    r"(?<![^省市州盟区县旗])([\u4e00-\u9fff])[\u4e00-\u9fff]{1,3}?([左右])(?:翼([前中后]?)(?=[旗县])|(?=旗))"
)


@lru_cache(maxsize=65536)
def agency_key(name: str) -> str:
    """The key on which the spellings of one agency's name agree: simplified script, short
    forms spelt out, words of the same meaning made one (人民政府/政府, 管理委员会/管委会,
    街道办事处/街道), a place's government the place itself, an autonomous division by its short
    name (大化瑶族自治县 → 大化县). Empty for an empty name."""
    forms, same = agency_vocabulary()
    plain = _ALIAS.sub("", to_simplified(unicodedata.normalize("NFKC", name)))
    key = "".join(_KEPT.findall(plain))
    autonomous, short_names = _autonomous_short()
    if autonomous is not None:
        key = autonomous.sub(lambda m: short_names[m[0]], key)
    key = _WINGED_BANNER.sub(lambda m: m[1] + m[2] + (m[3] or ""), key)
    key = _spelt_out(key, forms)
    for word, common in same.items():
        key = key.replace(word, common)
    key = _STREET_SHORT.sub("街道", key)
    return _level_written(_PLACE_GOVERNMENT.sub("", _GOVERNMENT_OF_TOWN.sub("", key)))


def same_agency(a: str | None, b: str | None) -> bool:
    """Whether two names are one agency's (both given, equal keys)."""
    return bool(a) and bool(b) and agency_key(a or "") == agency_key(b or "")


def same_agency_placed(a: str | None, b: str | None) -> bool:
    """Whether two names are one agency's up to the higher places one writes before it
    (长安区卫生健康局 / 西安市长安区卫生健康局, 东港镇 / 锡山区东港镇): reports and their readers
    write a body with or without its city. Not proof of one agency (many counties have a 东港镇):
    a measure of names, not a match for the store, which asks `AgencyIndex.match`."""
    if not a or not b:
        return False
    ka, kb = agency_key(a), agency_key(b)
    return ka == kb or _placed_apart(ka, kb)


@dataclass(frozen=True, slots=True)
class AgencyIndex:
    """The stored names by their key, and the keys by their last two characters: a name is
    matched against thousands of stored ones without reducing each of them again."""

    by_key: dict[str, tuple[str, ...]]
    by_tail: dict[str, tuple[str, ...]]

    def match(self, found: str) -> str | None:
        """The name the store already holds for the agency a report names, or None.

        The stored name with the same key; failing that, the one stored name that is the found
        one with higher places before it (found 大路镇, stored 琼海市大路镇) or without them
        (found 达州市万源市自然资源局, stored 万源市自然资源局). None when no stored name or more
        than one fits: a guess between two agencies is worse than the report's own words.
        """
        key = agency_key(found)
        if not key:
            return None
        same = self.by_key.get(key, ())
        if same:
            return same[0] if len(same) == 1 else None
        # (one key ends with the other, so they share their last two characters)
        placed = [
            name
            for other in self.by_tail.get(key[-2:], ())
            if _placed_apart(key, other)
            for name in self.by_key[other]
        ]
        return placed[0] if len(placed) == 1 else None


def agency_index(stored: Iterable[str]) -> AgencyIndex:
    """The index of the stored names (each name once, in their order)."""
    by_key: dict[str, list[str]] = {}
    for name in dict.fromkeys(stored):
        if key := agency_key(name):
            by_key.setdefault(key, []).append(name)
    by_tail: dict[str, list[str]] = {}
    for key in by_key:
        by_tail.setdefault(key[-2:], []).append(key)
    return AgencyIndex(
        {k: tuple(v) for k, v in by_key.items()}, {k: tuple(v) for k, v in by_tail.items()}
    )


def stored_agency(found: str, stored: Iterable[str]) -> str | None:
    """`AgencyIndex.match` of `found` among the stored names, for one name; to match several,
    build the index once with `agency_index`."""
    return agency_index(stored).match(found)


def _placed_apart(a: str, b: str) -> bool:
    """One key is the other with a run of places in front (大路镇 / 琼海市大路镇, 广河县 /
    临夏回族自治州广河县)."""
    short, long_ = sorted((a, b), key=len)
    if short == long_ or not long_.endswith(short):
        return False
    return bool(_PLACES.match(long_[: -len(short)]))
