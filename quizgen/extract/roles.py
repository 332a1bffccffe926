"""Role facts: a person and the position the story gives them, the organisation or country kept apart.

The shapes news prose uses:
  before the name     "U.S. Secretary of State Madeleine Albright", "Downing Street adviser Baroness
                      Morgan", "Liberal Democrat foreign affairs spokesman Sir Menzies Campbell"
  after the name      "Jack Straw, the foreign secretary,", "Helms, R-N.C., chairman of ...",
                      "John Palmer, political director at the European Policy Centre",
                      "Philippe Sands, a QC and law professor", "X, who heads the Bar Council",
                      "Frank Field MP"
  before, set apart   "a State Department spokesman, Philip Reeker,", "The chairman of the Bar Council, Guy Mansfield"
  plural, for a list  "shadow cabinet members David Davis, Oliver Letwin and Tim Yeo"
  a title as subject  "The Tory leader said ..." once names.py has said who that is
Whose position it is stays out of the title: "Tory leader" is leader of "Tory", "Central
Bank governor" is governor of "Central Bank", "president of the European Commission" is
president of "European Commission"; "Secretary of State" stays whole. "ex-" is written "former".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import data_file, word_set
from ..models import Fact
from ..stories import strip_markup
from .names import Mention, SentenceView, StoryAnalysis, name_context, places, title_heads
from .names import _title_words as title_words

MAX_TITLE_WORDS = 10
MAX_ORG_WORDS = 5
MAX_APPOSITIVE_CHARS = 160       # how far back an appositive before a name may start
# A party tag after a US lawmaker's name: ", R-N.C." / ", D-Mass."
_PARTY_TAG = re.compile(r"^,\s*[RDI]-[A-Z][A-Za-z.]*")
_AFTER = re.compile(r"^,\s+(?P<title>[^,;:\"()\u201c\u201d]{2,160}?)\s*(?=,|;|\.?$|\s\(|\s[-\u2013\u2014]\s)")
_BEFORE = re.compile(r"(?:^|\s)(?P<title>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*['\u2019]s?)"
                     r"\s+[^,;:\"()\u201c\u201d]{2,90}?),\s*$")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+(?:[A-Z][\w.]*\s+){0,2}")     # between names in a list
_POSSESSIVE = re.compile(r"(?P<owner>.+?)['\u2019]s?$")
_ARTICLES = frozenset("the a an".split())
_LINKS = frozenset("of the and for".split())       # inside titles ("Secretary of State") but no title alone
_FORMER = re.compile(r"^(?:ex|former)-", re.IGNORECASE)
_RANKS = frozenset("deputy acting assistant associate vice junior senior chief shadow interim principal".split())
_FORMER_WORD = re.compile(r"(?<![\w-])(?:ex|former)-(?=[A-Za-z])", re.IGNORECASE)
# Words after a title's head that begin whose or what it is: "chairman of ...", "director at ...".
_HEAD_FOLLOWERS = frozenset("of for at on in with to".split())
# Lower-case words that never stand inside a title ("Budget under President Clinton").
_NOT_IN_TITLES = frozenset("said says told is was are were has had have will would could who which that when "
                           "where and but or to be of the for at on in with under from by about after before "
                           "than against into over".split())
# An appositive that says something other than a position.
_CLAUSE_WORDS = frozenset("said says told is was are were has had have will would could who which that "
                          "when where and but or to be".split())


@dataclass(frozen=True)
class _Role:
    title: str
    org: str | None


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    table = data_file("roles")
    verbs = "|".join(sorted(table["relative_verbs"], key=len, reverse=True))
    being = "|".join(sorted((re.escape(p) for p in table["relative_being"]), key=len, reverse=True))
    return {
        "relative_verb": re.compile(rf"^,\s+who\s+(?:also\s+)?(?P<verb>{verbs})\s+(?:the\s+)?"
                                    rf"(?P<org>[A-Z][^,;:\"()]{{1,80}}?)\s*(?=,|;|\.?$|\s\()"),
        "relative_being": re.compile(rf"^,\s+(?:{being})\s+(?P<title>[^,;:\"()]{{2,100}}?)\s*(?=,|;|\.?$|\s\()"),
        "verb_titles": {str(k): str(v) for k, v in table["relative_verbs"].items()},
        "postnominal": re.compile(r"^\s+(?:" + "|".join(map(re.escape, table["postnominal"])) + r")\b"),
        "determiners": frozenset(str(w) for w in table["possessive_determiners"]),
        "dropped": frozenset(str(w) for w in table["dropped_before"]),
        "org_adjectives": frozenset(str(w) for w in table["org_adjectives"]),
        "qualifiers": frozenset(str(w) for w in table["qualifiers"]),
        "portfolio_heads": frozenset(str(w) for w in table["portfolio_heads"]),
        "styles": frozenset(str(w) for w in table["styles"]),
        "company_suffixes": frozenset(str(w) for w in table["company_suffixes"]),
    }


def _country(word: str) -> str | None:
    table = places()
    word = word.rstrip(".") if word.count(".") == 1 else word
    if word in table.names or word in table.demonyms:
        return table.country_of.get(word, table.names.get(word))
    return None


def _is_country(words: str) -> bool:
    """A country's name or demonym ("U.S.", "Russian"), not a city's ("New York")."""
    table = places()
    words = words.rstrip(".") if words.count(".") == 1 else words
    return words in table.demonyms or (words in table.names and table.country_of.get(words) == table.names[words])


def _is_title_word(word: str) -> bool:
    """ "minister", "Foreign", and hyphened ones whose parts are: "Vice-Prime", "vice-chairman"."""
    lower = word.lower()
    titles = title_words()
    if lower in titles:
        return lower not in _LINKS
    parts = lower.split("-")
    return len(parts) > 1 and all(p in titles for p in parts)


def _is_head(word: str) -> bool:
    lower = word.lower()
    return lower in title_heads() or ("-" in lower and lower.rsplit("-", 1)[1] in title_heads())


def _singular_head(word: str) -> str | None:
    """The title a plural head names ("members" -> "member", "MPs" -> "MP"), if it is one."""
    for cut in (1, 2):
        if word.endswith("s") and _is_head(word[:-cut]) and (cut == 1 or word.endswith("es")):
            return word[:-cut]
    return None


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Words that name organisations and parties ("Council", "Labour")."""
    return word_set("organisations") | word_set("parties")


def _org_word(word: str, following: str | None) -> bool:
    """A capitalised word that can stand in an organisation's name before a title."""
    if word in _bodies() or _country(word) or _ABBREVIATION.fullmatch(word):
        return True
    if not word[:1].isupper() or word in word_set("sentence_starters"):
        return False
    if word in word_set("not_names"):
        return word in _lexicon()["org_adjectives"] or bool(following and (
            _country(f"{word} {following}") or (word == "New" and following[:1].isupper())))   # "New Hampshire"
    return (len(word) < 5 or not word.endswith(("ing", "ed", "ly"))) and any(c.islower() for c in word) or word.isupper()


def _chain(words: list[str], plural: bool = False) -> _Role | None:
    """A role from the words right before a name: title words, with organisation words before them."""
    if not plural and not (words[-1][:1].isupper() or _is_title_word(words[-1])):
        return None                                  # "said Tang", "and Tang": the usual case, settled at once
    chain: list[str] = []
    org_count = 0
    owner: str | None = None
    was_former = False
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word[-1:] in ",;:()\"\u201c\u201d" or len(chain) >= MAX_TITLE_WORDS + MAX_ORG_WORDS:
            break
        if not chain:
            singular = _singular_head(word) if plural else None
            if plural and singular is None:
                return None
            chain.append(singular or word)
            continue
        possessive = _POSSESSIVE.fullmatch(word) if word[:1].isupper() and word.endswith(("'s", "'", "\u2019s")) else None
        if possessive:
            owner = possessive.group("owner")
            break
        lower = word.lower()
        former = _FORMER.match(word)
        if former and _is_title_word(word[former.end():]):
            chain[:0] = ["former", word[former.end():]]     # "ex-foreign secretary", "former-President"
            break
        if former and word[former.end():][:1].isupper():
            chain.insert(0, word[former.end():])             # "ex-West German Chancellor": a former one
            was_former = True
            break
        if word == "and" and _joins_portfolios(words, index, chain):
            chain.insert(0, word)                    # "Energy and Mines Minister", "Trade and Industry Secretary"
            continue
        if lower in _NOT_IN_TITLES - _LINKS and f"{lower} {chain[0].lower()}" not in word_set("titles"):
            break                                    # "Budget under President", not "Under Secretary"
        if _is_title_word(word) or (lower == "of" or (lower == "the" and index and words[index - 1] == "of")):
            chain.insert(0, word)
        elif _org_word(word, chain[0]) and org_count < MAX_ORG_WORDS:
            chain.insert(0, word)
            org_count += 1
        elif (word.isalpha() and word.islower() and lower not in _NOT_IN_TITLES and not org_count
              and _title_word_before(words, index)):
            chain.insert(0, word)                      # "former civil service chief"
        else:
            break
    while chain and chain[0].lower() in ("of", "the"):
        chain.pop(0)
    if not chain or not _ends_in_title(chain):
        return None
    role = _split(chain)
    if role is not None and was_former:
        role = _Role(f"former {role.title}", role.org)
    if role is not None and owner and role.org is not None and role.org == _country(chain[0]) and not _country(owner):
        return None                                  # "Screen International's US editor": the US is not whose post it is
    if role is not None and role.org is None and owner:
        return _Role(role.title, _country(owner) or None)
    return role


def _joins_portfolios(words: list[str], index: int, chain: list[str]) -> bool:
    """Whether the "and" at words[index] joins two portfolios before a minister's title ("Trade and
    Industry Secretary"), not two people ("Ms Jamieson and First Minister", "Gordon Brown and Prime Minister")."""
    before = words[index - 1] if index else ""
    earlier = words[index - 2] if index >= 2 else ""
    titles = word_set("titles")
    return (len(chain) in (2, 3) and chain[-1].lower() in _lexicon()["portfolio_heads"]
            and " ".join(chain).lower() not in titles                      # "Prime Minister", "First Minister"
            and all(w[:1].isupper() and w.lower() not in _RANKS and w not in word_set("parties") and not _is_country(w)
                    for w in chain[:-1])
            and before.isalpha() and before[:1].isupper() and before.lower() not in _RANKS and not _is_country(before)
            and not (earlier[:1].isupper() and earlier.isalpha() and not _is_country(earlier)))


def _title_word_before(words: list[str], index: int) -> bool:
    """Whether a title word stands just before a common noun in a title ("deputy" in "deputy press secretary")."""
    for word in reversed(words[max(0, index - 2):index]):
        if _is_title_word(word):
            return True
        if not (word.isalpha() and word.islower()):
            return False
    return False


def _ends_in_title(chain: list[str]) -> bool:
    if _is_head(chain[-1]):
        return True
    if "of" in chain:                               # "Secretary of State", "Archbishop of Canterbury"
        at = len(chain) - 1 - chain[::-1].index("of")
        target = [w for w in chain[at + 1:] if w != "the"]
        if not (at > 0 and _is_head(chain[at - 1]) and target):
            return False
        if len(target) == 1 and target == chain[at + 1:] and target[0] not in word_set("not_names"):
            return True                                           # "Archbishop of Canterbury"
        return all(_is_title_word(w) or _is_country(w) for w in target)   # not "President of the French [...]"
    return False


def _split(words: list[str]) -> _Role | None:
    """The title and whose it is: "Liberal Democrat" / "foreign affairs spokesman", "Russian" /
    "Foreign Minister" (a country as its canonical name), "Chief Soviet arms negotiator" /
    "Chief arms negotiator", "Israeli" / "U.N. Spokesman"."""
    for size in (2, 1):                              # a country: all the rest is the title
        for at in range(len(words) - size):
            if _is_country(" ".join(words[at:at + size])) and "of" not in words[:at]:
                named = _name_after_country(words, at + size)
                if at == 0 and named and words[-1].lower() not in _lexicon()["portfolio_heads"]:
                    # "Australian Open chief", "British Airways chairman": a body; "German Farm Minister": a portfolio
                    return _Role(" ".join(words[named:]), " ".join(words[:named]))
                rest = words[:at] + words[at + size:]
                leading = at and all(_firm_word(w) or w in _lexicon()["org_adjectives"] for w in words[:at])
                if leading and named:
                    return _Role(" ".join(words[named:]), " ".join(words[:named]))   # "All England Club chairman"
                if leading and _is_head(words[-1]) and all(_firm_word(w) for w in words[:at]):
                    return _Role(" ".join(words[at + size:]), " ".join(words[:at + size]))   # "GM Europe president"
                written = " ".join(words[at:at + size])
                return _Role(" ".join(rest), written if written in places().nations else _country(written))
    start = len(words)
    at = words.index("of") if "of" in words else -1
    if 0 < at == len(words) - 2 and _is_head(words[-1]) and words[-1].islower():
        return _Role(words[-1], None)                # "chanting for the head of chairman X": he is the chairman
    if at > 0 and _is_head(words[at - 1]):
        start = at                                   # "Chancellor of the Exchequer": from its head on
    elif at >= 0:                                    # "State Administration of Taxation head": a body, then the title
        if at == 0 or at + 1 == len(words):
            return None
        if words[at - 1].islower():                  # "government of Chancellor X": the title follows
            return _split(words[at + 1:])
        end = at + 1
        while end < len(words) and (words[end][:1].isupper() or words[end] == "the"):
            end += 1
        if end == len(words):                        # "Bank of England Governor": a capitalised title
            while end > at + 2 and _is_title_word(words[end - 1]):
                end -= 1
        title = words[end:]
        return _Role(" ".join(title), " ".join(words[:end])) if title and _ends_in_title(title) else None
    bodies = _bodies()
    while start > 0 and (words[start - 1].islower() or (_is_title_word(words[start - 1]) and not (
            start < len(words) and words[start - 1] in bodies))):   # "Green Party leader", "State Department spokesman"
        start -= 1
    lexicon = _lexicon()
    if start < len(words) and words[-1].lower() in lexicon["portfolio_heads"]:
        parties = word_set("parties")                # "Civil Aviation Minister", not "Labour Minister"
        while start > 0 and (words[start - 1][:1].isupper() and words[start - 1] not in parties or (
                words[start - 1] == "and" and start >= 2 and words[start - 2][:1].isupper())):
            start -= 1                               # "Work and Pensions Secretary"
    title, org_words = words[start:], words[:start]
    qualifiers = [w for i, w in enumerate(org_words) if (w.lower() in lexicon["qualifiers"] or w.islower())
                  and not (i + 1 < len(org_words) and (_country(f"{w} {org_words[i + 1]}") or (
                      w == "New" and org_words[i + 1][:1].isupper())))]     # "New York", "New Hampshire"
    if qualifiers:                                   # "Former CIA deputy director": "Former deputy director"
        title = qualifiers + title
        org_words = [w for w in org_words if w not in qualifiers]
    if not title:
        return None
    if "of" in title:
        target = [w for w in title[title.index("of") + 1:] if w != "the"]
        if target and not org_words and not all(_is_title_word(w) for w in target):
            org_words = target                       # "Archbishop of Canterbury"
    return _Role(" ".join(title), " ".join(org_words) or None)


_ADJECTIVE_ENDINGS = ("ary", "ic", "ful", "ous", "ive", "al", "ed", "ing", "ly", "ish", "less", "ent", "ant")


def _firm_word(word: str) -> bool:
    """A word of a firm's name before its branch's place ("GM", "Nintendo"), not a sentence's
    adjective ("Legendary Dutch coach", "New EU trade commissioner")."""
    return word[:1].isupper() and word not in word_set("not_names") and not _is_title_word(word) and \
        not _country(word) and (word.isupper() or not word.lower().endswith(_ADJECTIVE_ENDINGS))


def _name_after_country(words: list[str], start: int) -> int:
    """Where a body's name that a country word opens ends ("British Airways", "Irish Times"): capitalised
    words that are neither title words, parties nor places; 0 when none follow, or nothing is left for a title."""
    end = start
    while end < len(words) - 1 and words[end][:1].isupper() and words[end].isalpha() and not (
            _is_title_word(words[end]) or words[end] in word_set("parties") or _is_country(words[end])
            or words[end].endswith("an")):           # "Saudi Arabian prince": a people's adjective, no body
        end += 1
    while start < end < len(words) - 1 and words[end] in word_set("organisations"):
        end += 1                                     # "UK Independence Party leader"
    if words[end] in ("of", "for", "and", "&"):
        return 0                                     # "American Chamber of Commerce president": the name goes on
    return end if end > start else 0


def _title_before(text: str, mention: Mention) -> _Role | None:
    """ "Foreign Minister Tang Jiaxuan", "spokesman Sir Menzies Campbell", "President E. Gerald Corrigan"."""
    left = text[:mention.start]
    if not left[-1:].isspace():
        return None
    last = left[-40:].split()[-1:]
    if not last or (last[0].islower() and not _is_title_word(last[0])):
        return None                                  # "said Tang": settled without reading further back
    words = _lead_words(left)
    if len(words) > 1 and words[-1] in _lexicon()["styles"]:
        return _chain(words[:-1]) or _chain(words)     # "Foreign Minister Prince Saud": not "Minister Prince"
    return _chain(words) if words else None


def _lead_words(left: str) -> list[str]:
    """The words before a name, without the honorifics and initials that belong to it."""
    words = left[-MAX_APPOSITIVE_CHARS:].split()[-(MAX_TITLE_WORDS + MAX_ORG_WORDS + 3):]
    honorifics = word_set("honorifics")
    while words and (words[-1].rstrip(".") in honorifics or _INITIAL.fullmatch(words[-1])):
        words.pop()
    return words


def _clean(title: str) -> list[_Role]:
    """The roles an appositive states ("a QC and international law professor" states two)."""
    words = title.split()
    if not words or words[0].lower() in ("and", "or", "but"):
        return []
    if words[0].lower() in _ARTICLES | _lexicon()["determiners"]:
        words = words[1:]
    owner = None
    qualifier: list[str] = []
    for index, word in enumerate(words[:MAX_ORG_WORDS]):
        if word.endswith(("'s", "\u2019s")):          # "Diamond Shamrock's president", "the magazine's editor"
            if word[:1].isupper():
                lead = words[:index]
                while lead and lead[0].islower():      # "formerly the Agency's chief": a former chief
                    if lead[0].lower() in ("former", "formerly"):
                        qualifier = ["former"]
                    lead = lead[1:]
                owner = " ".join(lead + [word[:-2]])
            words = qualifier + words[index + 1:]
            break
    parts = _and_parts(words)
    roles = []
    for number, part in enumerate(parts):
        while part and part[0].lower() in _lexicon()["dropped"]:
            part = part[1:]
        if part and part[0].lower() == "formerly":
            part = ["former"] + part[1:]
        if number and roles and roles[0].title.startswith("former ") and part and part[0] != "former":
            part = ["former"] + part                   # "formerly president and chief executive": both past
        if len(part) > 1 and part[0].lower() in _lexicon()["qualifiers"] and part[1].lower() in _ARTICLES:
            part = part[:1] + part[2:]                 # "then the Prime Minister", "formerly the mayor"
        role = _appositive_role(part)
        if role is not None:
            roles.append(_Role(role.title, role.org or owner))
    return roles


def _and_parts(words: list[str]) -> list[list[str]]:
    """Split "QC and international law professor" in two, not "transport and environment spokesman"."""
    if "and" not in words:
        return [words]
    at = words.index("and")
    left, right = words[:at], words[at + 1:]
    if left and right and any(_is_head(w) for w in left) and any(_is_head(w) for w in right):
        return [left, right]
    return [words]


def _appositive_role(words: list[str]) -> _Role | None:
    """A role from an appositive's words, or None when they are not a position."""
    if not words or len(words) > MAX_TITLE_WORDS + MAX_ORG_WORDS or any(
            w.lower() in _CLAUSE_WORDS - {"and", "to"} for w in words):
        return None
    heads = [i for i, w in enumerate(words) if _is_head(w.rstrip("."))]
    if not heads or heads[0] > 3:
        return None                                  # "a mother of three", "told reporters"
    lead = words[:heads[0]]
    if any(not (_is_title_word(w) or w[:1].isupper() or (w.islower() and w.isalpha())) for w in lead):
        return None
    end = heads[0] + 1
    while end < len(words) and _is_title_word(words[end]):
        end += 1
    rest = words[end:]
    if rest and rest[0].lower() not in _HEAD_FOLLOWERS:
        return None                                  # "the mayor to apologise for ...": a clause
    if rest and rest[0].lower() == "to":
        return None
    inner = _split(words[:end]) or _Role(" ".join(words[:end]), None)
    if not rest:
        return inner
    target = rest[1:]
    if target and target[0].lower() == "the":
        target = target[1:]
    if not target:
        return None
    if not target[0][:1].isupper() and target[-1].rstrip(".,") in name_context()[0]:
        return None                                  # "manager of merchant banking firm": a body not named
    if all(_is_title_word(w) for w in target) or not target[0][:1].isupper():
        return _Role(f"{inner.title} {' '.join(rest)}", inner.org)    # "Secretary of State", "director of policy"
    org_words = _org_words(target)                   # "of the Bar Council", "for EU trade commissioner Peter Mandelson"
    kind, named = target[len(org_words):len(org_words) + 1], _org_words(target[len(org_words) + 1:])
    if org_words and kind and kind[0] in name_context()[0] and named:
        return _Role(inner.title, " ".join(named).rstrip("."))      # "of UK magazine Mac Format": Mac Format
    described = _described_body(org_words, target[len(org_words):])
    if described:
        return _Role(inner.title, described)         # "of Aberdeen-based oil and gas consultancy Blackwatch"
    if org_words and all(w.endswith("-based") for w in org_words):
        return None                                  # "of the Abidjan-based bank": a body never named
    org = " ".join(org_words).rstrip(".")
    if rest[0].lower() in ("of", "for") and len(org_words) == len(target):
        return _Role(f"{inner.title} {' '.join(rest)}", org)          # the whole position, and whose it is
    return _Role(inner.title, org)


def _described_body(lead: list[str], rest: list[str]) -> str | None:
    """The body after a description that opens with where it is based ("Aberdeen-based oil and gas
    consultancy Blackwatch Petroleum Services"), or None."""
    if not lead or not all(w.endswith("-based") for w in lead):
        return None
    lower = 0
    while lower < min(len(rest), 5) and rest[lower].islower() and rest[lower].isalpha():
        lower += 1
    named = _org_words(rest[lower:]) if lower else []
    return " ".join(named).rstrip(".,") or None


def _org_words(words: list[str]) -> list[str]:
    """The capitalised words an org starts with; "for East African Affairs and a figure in ...": not "and"."""
    org_words: list[str] = []
    for at, word in enumerate(words):
        inner_on = word == "on" and org_words and at + 1 < len(words) and words[at + 1][:1].isupper()
        if not word[:1].isupper() and word not in _LINKS and not inner_on:
            break                                    # "the General Agreement on Tariffs and Trade": "on" inside
        org_words.append(word)
    while org_words and org_words[-1] in _LINKS:
        org_words.pop()
    return org_words


def _title_after(text: str, mention: Mention) -> list[_Role]:
    right = text[mention.end:]
    if _lexicon()["postnominal"].match(right):                     # "Frank Field MP"
        return [_Role(right.split()[0], None)]
    if not right.startswith(","):
        return []                                                   # every other shape starts with a comma
    tag = _PARTY_TAG.match(right)
    if tag:
        right = right[tag.end():]
    lexicon = _lexicon()
    relative = lexicon["relative_verb"].match(right)
    if relative:                                                    # ", who heads the Bar Council"
        return [_Role(lexicon["verb_titles"][relative.group("verb")], relative.group("org"))]
    being = lexicon["relative_being"].match(right)
    if being:                                                       # ", who will be chairman of ..."
        return _clean(being.group("title"))
    match = _AFTER.match(right)
    return _clean(match.group("title")) if match else []


def _title_before_appositive(text: str, mention: Mention) -> list[_Role]:
    """ "a State Department spokesman, Philip Reeker", "the chairman of the Bar Council, Guy Mansfield",
    also with a title between ("the magazine's editor, Conservative MP Boris Johnson")."""
    left = text[max(0, mention.start - MAX_APPOSITIVE_CHARS):mention.start]
    if "," not in left:
        return []
    match = _BEFORE.search(left) if left.rstrip().endswith(",") else None
    if not match:
        comma = left.rfind(",")
        between = _lead_words(left[comma + 1:])
        if comma < 0 or not between or _chain(between) is None or not all(
                _is_title_word(w) or _org_word(w, None) for w in between):
            return []
        match = _BEFORE.search(left[:comma + 1])
        if not match:
            return []
    return _clean(match.group("title"))


def _list_title(view: SentenceView, position: int) -> _Role | None:
    """ "shadow cabinet members David Davis, Oliver Letwin and Tim Yeo": the plural title before a list."""
    persons = view.persons
    text = view.text
    first = position
    while first > 0 and _LIST_GAP.fullmatch(text, persons[first - 1].end, persons[first].start):
        first -= 1
    left = text[:persons[first].start]
    before = left[-40:].split()
    if not before or not before[-1].endswith("s"):
        return None                                  # no plural right before the list
    words = _lead_words(left)
    if not words or not words[-1].endswith("s") or not text[:persons[first].start][-1:].isspace():
        return None
    return _chain(words, plural=True)


def _description_role(mention: Mention) -> _Role | None:
    """ "the Tory leader" that names.py resolved to a person gives "leader" of "Tory"."""
    if not mention.pronoun or mention.surface.lower() in ("he", "she"):
        return None
    return _chain(mention.surface.split())


_ARTICLE = re.compile(r"^(?:(?:presently|currently|now|also|still) )?(?:the|a|an) ", re.IGNORECASE)


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()      # (person, title head): "Tory leader" = "leader"
    for view in analysis.views:
        for position, mention in enumerate(view.persons):
            if mention.pronoun:
                found = [_description_role(mention)]
            else:
                found = ([_title_before(view.text, mention)] + _title_after(view.text, mention)
                         + _title_before_appositive(view.text, mention) + [_list_title(view, position)])
            for role in found:
                if role is None or role.org is not None and (
                        role.org in _lexicon()["company_suffixes"] or len(role.org) == 1):
                    continue                # "James Capel and Co analyst", "B and C managing director": not
                                            # the post of "Co" or of "C"
                # Reuters' "<Firm AG>" markup goes, and an article ("the Guardian literary editor", "presently a
                # director") is no title's.
                role = _Role(_ARTICLE.sub("", strip_markup(_FORMER_WORD.sub("former ", role.title))),
                             strip_markup(role.org) if role.org else role.org)
                key = (mention.name, _head(role.title))
                if key in seen:
                    continue
                seen.add(key)
                facts.append(analysis.fact("role", {"person": mention.name, "title": role.title,
                                                    "org": role.org}, view))
    styles = _lexicon()["styles"]
    office_holders = {f.slots["person"] for f in facts if f.slots["title"] not in styles}
    # "Prince Saud" of a man the story calls Foreign Minister: the style is not a second post.
    return [f for f in facts if f.slots["title"] not in styles or f.slots["person"] not in office_holders]


def _head(title: str) -> str:
    """The title's head word, so one position is one fact however it is worded."""
    words = title.lower().split()
    if "of" in words:                     # "chairman of the Senate ...": the head comes first
        words = words[:words.index("of")]
    found = [w for w in words if _is_head(w)]
    return found[-1].rsplit("-", 1)[-1] if found else title.lower()
