"""How many researchers are expected to share a name: the prior that name evidence starts from.

Two papers by "Robert Schreiber" are probably one person; two by "Lei Wang" or "Michael Smith"
probably are not, because thousands of people carry those names. The expected number of namesakes
among publishing researchers is

    population x share of the family name x share of the first given name

(name parts taken as independent), from public population statistics, never from labelled pairs:
- Western names: the US Census Bureau's 1990 name frequency files (`name_frequencies.tsv`), applied
  to the researchers the Chinese and Korean tables leave (`CENSUS_SHARE`).
- Romanized Chinese names (a common Chinese family name and a given name that spells one or two
  pinyin syllables): romanization drops the characters and tones, so "Lei" stands for dozens of
  different names. Family shares are the published household-registration shares; a one-syllable
  given name is one of about 400 syllables, a two-syllable one is far more specific.
- Romanized Korean names (a common Korean family name and a given name that spells one or two
  syllables of Korean given names): the US census knows "Young" and "Park" only as rare American
  names, yet "Young Park" is every Young-jin, Young-ho and Young-soo Park who writes one syllable.
  Family shares are Statistics Korea's 2015 census shares; a written one-syllable given name stands
  for all the given names that begin with it, a two-syllable one is far more specific. These
  namesakes are added to those the other tables find: "Lee" or "Song" is both a Korean and a
  Western or Chinese family name, and the populations add up.
- An initial in place of the given name ("Z. Wang") stands for every given name with that letter.
- A second given name or middle initial ("David E. Goldberg") narrows the name about tenfold.
A name whose parts the tables do not know (e.g. "Rakesh Kumar", common in India, or a rare name)
gets `UNKNOWN_NAMESAKES`: no statistic says it is rare, so it is taken as moderately ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from importlib.resources import files

from peergraph.ingest import memo
from peergraph.ingest.keys import NameKey

# Researchers publishing at all (dblp alone lists about 3.5 million people).
RESEARCHERS = 3.0e6
# Share of researchers with romanized Chinese names (a quarter of recent CS authorship).
CHINESE_SHARE = 0.25
# Given-name share of a one-syllable pinyin name (about 400 syllables, unevenly used) and of a
# two-syllable one (tens of thousands of combinations in use).
PINYIN_ONE_SYLLABLE = 1 / 250
PINYIN_TWO_SYLLABLES = 1 / 5000
# Share of given names that start with one letter (26 letters, unevenly used).
INITIAL_SHARE = 0.06
# A second given name or a middle initial divides the namesakes by this much.
MIDDLE_NAME_FACTOR = 10.0
UNKNOWN_NAMESAKES = 5.0
# An initial in place of an unplaceable given name stands for about a dozen common given names.
UNKNOWN_INITIAL_NAMESAKES = 60.0

# Population shares of the commonest Chinese family names (household registration, 2019-2020), summed
# over the characters that romanize alike ("Yu" is 于, 余, 俞 and more; "Xu" is 徐 and 许).
CHINESE_FAMILY = {
    "wang": 0.074, "li": 0.070, "zhang": 0.065, "liu": 0.054, "chen": 0.045, "yang": 0.032,
    "huang": 0.022, "zhao": 0.023, "wu": 0.023, "zhou": 0.019, "xu": 0.022, "sun": 0.012,
    "ma": 0.012, "zhu": 0.012, "hu": 0.011, "guo": 0.010, "he": 0.012, "lin": 0.010, "gao": 0.009,
    "luo": 0.009, "zheng": 0.008, "liang": 0.007, "xie": 0.006, "song": 0.006, "tang": 0.008,
    "han": 0.005, "feng": 0.005, "deng": 0.005, "cao": 0.005, "peng": 0.005, "zeng": 0.005,
    "xiao": 0.005, "tian": 0.005, "dong": 0.005, "pan": 0.004, "yuan": 0.004, "cai": 0.004,
    "jiang": 0.009, "yu": 0.011, "du": 0.004, "ye": 0.004, "cheng": 0.005, "wei": 0.005,
    "su": 0.003, "lu": 0.011, "ding": 0.003, "ren": 0.003, "shen": 0.004, "yao": 0.003, "jin": 0.003,
    "lv": 0.004, "lyu": 0.004, "xue": 0.003, "yan": 0.008, "fan": 0.004, "fang": 0.003, "shi": 0.008,
    "zou": 0.003, "xiong": 0.002, "qin": 0.003, "qiu": 0.003, "bai": 0.002, "kong": 0.002, "mao": 0.002,
    "hao": 0.002, "cui": 0.002, "kang": 0.002, "meng": 0.002, "gu": 0.003, "hou": 0.002, "shao": 0.002,
    "wan": 0.002, "duan": 0.002, "qian": 0.002, "tan": 0.003, "liao": 0.002, "jia": 0.002, "xia": 0.002,
    "fu": 0.005, "dai": 0.002, "zhong": 0.002, "long": 0.002, "lei": 0.002, "yin": 0.003, "lai": 0.002,
}

# Share of researchers with romanized Korean names (South Korea writes about 3% of the world's papers).
KOREAN_SHARE = 0.03
# Given-name share of a written single syllable of a Korean given name (it stands for every
# two-syllable name that begins with it; a hundred or so syllables begin most names, unevenly) and of
# a two-syllable one (thousands of combinations in use).
KOREAN_ONE_SYLLABLE = 1 / 100
KOREAN_TWO_SYLLABLES = 1 / 2000
# Share of researchers the US census name frequencies describe: those the Chinese and Korean tables
# do not. A quarter of researchers write romanized Chinese names, and no Robert Schreiber is among
# them; the census shares of "Robert" and "Schreiber" apply to the rest.
CENSUS_SHARE = 1.0 - CHINESE_SHARE - KOREAN_SHARE

# Population shares of the commonest Korean family names (Statistics Korea, 2015 census), under
# each romanization in common use ("Jung", "Jeong" and "Chung" are one name, 정).
_KOREAN_FAMILY_SPELLINGS = (
    (0.215, "kim gim"), (0.147, "lee yi rhee"), (0.084, "park pak bak"), (0.047, "choi choe"),
    (0.043, "jung jeong chung joung"), (0.023, "kang"), (0.021, "cho jo yoon yun"), (0.020, "jang"),
    (0.017, "lim im yim"), (0.015, "han oh seo shin sin"), (0.014, "kwon hwang"), (0.013, "ahn an song"),
    (0.011, "jeon jun hong yoo"), (0.009, "ko go moon mun son yang"), (0.008, "bae"), (0.007, "baek paik"),
    (0.006, "heo hur"), (0.005, "nam shim sim"), (0.004, "noh roh ha kwak sung cha joo woo koo ku"),
)
KOREAN_FAMILY = {name: share for share, names in _KOREAN_FAMILY_SPELLINGS for name in names.split()}
# Syllables of Korean given names as they are romanized in author names (Revised Romanization and
# McCune-Reischauer spellings side by side: "young" and "yeong", "sung" and "seong").
KOREAN_GIVEN_SYLLABLES = frozenset(
    "young yeong yong jin jung jeong joon jun jae ji jee hyun hyeon seung sung seong soo su sook suk seok "
    "sik sang sun seon soon min mi mee kyung kyoung kyeong gyeong hee hui hye hyo ho hoon hun hwan hwa won "
    "woo wook dong do duk deok chul cheol chan chang chun cheon il in eun un ah ae bo bum beom byung "
    "byeong chi dae gi ki gil kil gwang kwang gyu kyu han ha heon hak hong hyuk hyeok ik ja jo joo ju "
    "jong ok man moon mun myung myeong na nam pil rae ri rim sae se seo shin si so tae taek yeon yun "
    "yoon yu yul ye eui ui hyung hyeong geun keun kook guk gook gun geon ok seop sub sup".split()
)

_KOREAN_INITIALS = frozenset(syllable[0] for syllable in KOREAN_GIVEN_SYLLABLES)

_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = (
    "a o e i u v ai ei ui ao ou iu ie ve er an en in un vn ang eng ing ong ia iao ian iang iong ua uo uai "
    "uan uang ue van"
).split()
_STANDALONE = "yi wu yu yue yuan yun yin ying you yong ye ya yao yan yang wa wo wai wei wan wen wang weng".split()
PINYIN = frozenset(_FINALS) | {i + f for i in _INITIALS for f in _FINALS} | frozenset(_STANDALONE)


def _spelled_syllables(word: str, inventory: frozenset[str], count: Callable[[str], int]) -> int:
    """How many syllables of `inventory` `word` is written as, longest first (0 if it is not);
    `count` counts the rest (the caller, cached)."""
    for size in range(min(6, len(word)), 0, -1):
        if word[:size] in inventory:
            rest = word[size:]
            if not rest:
                return 1
            if counted := count(rest):
                return 1 + counted
    return 0


@lru_cache(maxsize=16384)
def pinyin_syllables(word: str) -> int:
    """How many pinyin syllables `word` spells (0 if it is not pinyin): "lei" 1, "xiaoming" 2."""
    return _spelled_syllables(word, PINYIN, pinyin_syllables) if word else 0


@lru_cache(maxsize=16384)
def korean_syllables(word: str) -> int:
    """How many syllables of Korean given names `word` spells (0 if none): "young" 1, "youngjin" 2."""
    return _spelled_syllables(word, KOREAN_GIVEN_SYLLABLES, korean_syllables) if word else 0


def korean_namesakes(key: NameKey) -> float:
    """Publishing researchers with a romanized Korean name spelled like this one (0: not such a name).

    "Young-jin Park", "Youngjin Park" and "Young Jin Park" are one two-syllable given name; "Y. Park"
    is any Park whose given name starts with Y."""
    family_share = KOREAN_FAMILY.get(key.family)
    if family_share is None or not key.given:
        return 0.0
    written = key.given.replace("-", "").replace(" ", "")
    if len(written) <= 1 or (len(key.given.split()) > 1 and len(key.given.split()[0]) == 1):
        # An initial (a middle initial narrows it as for any other name). No romanized Korean given
        # name begins with X, Q, F, V or Z: "X. Song" is no Korean Song.
        if written[0] not in _KOREAN_INITIALS:
            return 0.0
        share = INITIAL_SHARE / (MIDDLE_NAME_FACTOR if len(key.initials) > 1 else 1.0)
    else:
        syllables = korean_syllables(written)
        if syllables not in (1, 2):
            return 0.0
        share = KOREAN_ONE_SYLLABLE if syllables == 1 else KOREAN_TWO_SYLLABLES
    return RESEARCHERS * KOREAN_SHARE * family_share * share


@cache
def _census() -> tuple[dict[str, float], dict[str, float]]:
    family: dict[str, float] = {}
    given: dict[str, float] = {}
    text = files("peergraph.ingest").joinpath("name_frequencies.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, name, percent = line.split("\t")
        (family if kind == "family" else given)[name] = float(percent) / 100
    return family, given


@lru_cache(maxsize=memo.ENTRIES)
def expected_namesakes(key: NameKey) -> float:
    """The expected number of publishing researchers who carry this name (at least a small fraction)."""
    korean = korean_namesakes(key)
    known = _tabled_namesakes(key)
    if known is not None:
        return known + korean
    if korean:
        # Only the Korean table knows the name: no ignorance left to allow for.
        return korean
    first = key.given.split()[0].replace("-", "") if key.given else ""
    narrowed = MIDDLE_NAME_FACTOR if len(key.initials) > 1 else 1.0
    return (UNKNOWN_INITIAL_NAMESAKES if len(first) <= 1 else UNKNOWN_NAMESAKES) / narrowed


def _tabled_namesakes(key: NameKey) -> float | None:
    """`expected_namesakes` by the census and the Chinese tables; None when they do not know the name."""
    words = key.given.split()
    first = words[0].replace("-", "") if words else ""
    narrowed = MIDDLE_NAME_FACTOR if len(key.initials) > 1 else 1.0
    if len(first) > 1 and key.family in CHINESE_FAMILY and len(words) == 1:
        syllables = pinyin_syllables(first)
        if syllables in (1, 2):
            pinyin_share = PINYIN_ONE_SYLLABLE if syllables == 1 else PINYIN_TWO_SYLLABLES
            return RESEARCHERS * CHINESE_SHARE * CHINESE_FAMILY[key.family] * pinyin_share
    census_family, census_given = _census()
    family_share = census_family.get(key.family)
    if family_share is not None:
        # The census describes the researchers the Chinese and Korean tables do not.
        family_share *= CENSUS_SHARE
    if key.family in CHINESE_FAMILY:
        family_share = max(family_share or 0.0, CHINESE_SHARE * CHINESE_FAMILY[key.family])
    given_share = INITIAL_SHARE if len(first) <= 1 else census_given.get(first)
    if family_share is None or given_share is None:
        return None
    return RESEARCHERS * family_share * given_share / narrowed
