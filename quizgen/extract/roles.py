"""Role facts: a person and the position the story gives them, with its country.

Three shapes cover most news prose:
  before the name   "U.S. Secretary of State Madeleine Albright", "Tang's spokesman Zhu Bangzao"
  appositive after  "Jack Straw, the foreign secretary,", "Helms, R-N.C., chairman of ..."
  appositive before "a State Department spokesman, Philip Reeker,"
"""
from __future__ import annotations

import re

from ..lexicon import word_set
from ..models import Fact
from .names import Mention, StoryAnalysis, places, title_heads
from .names import _title_words as title_words

MAX_TITLE_WORDS = 10
# A party tag after a US lawmaker's name: ", R-N.C." / ", D-Mass."
_PARTY_TAG = re.compile(r"^,\s*[RDI]-[A-Z][A-Za-z.]*")
_AFTER = re.compile(r"^,\s+(?:(?:the|a|an)\s+)?(?P<title>[^,;:\"()\u201c\u201d]{2,90}?)\s*(?=,|;|\.?$|\s\()")
_BEFORE = re.compile(r"(?:^|\s)(?:(?:[Tt]he|[Aa]n?)\s+|(?P<owner>[A-Z][\w.\-]*)['\u2019]s\s+)"
                     r"(?P<title>[^,;:\"()\u201c\u201d]{2,90}?),\s*$")
# Words that may follow a title's head inside an appositive: "chairman of ...", "head of ...".
_HEAD_FOLLOWERS = frozenset("of for at on in with".split())


def _country(word: str) -> str | None:
    table = places()
    word = word.rstrip(".") if word.count(".") == 1 else word
    if word in table.names or word in table.demonyms:
        return table.country_of.get(word, table.names.get(word))
    return None


def _split_org(words: list[str]) -> tuple[str | None, list[str]]:
    """Leading country words are the org ("Chinese Ambassador" -> China, Ambassador)."""
    org = None
    while words:
        joined2 = " ".join(words[:2])
        country = _country(joined2) if len(words) > 2 else None
        if country:
            org, words = country, words[2:]
            continue
        country = _country(words[0])
        if country and len(words) > 1:
            org, words = country, words[1:]
            continue
        break
    return org, words


def _title_before(text: str, mention: Mention) -> tuple[str, str | None] | None:
    """The title words right before a name: a chain of title, org and country words.

    The chain must end in a title head ("Foreign Minister") or in "<head> of
    <Department>" ("Secretary of State", "Secretary of Commerce").
    """
    left = text[:mention.start].rstrip()
    if len(left) == len(text[:mention.start]):
        return None                                # no space before the name
    words = left.split()[-MAX_TITLE_WORDS:]
    titles = title_words()
    org_words = word_set("organisations") | word_set("parties")
    chain: list[str] = []
    owner: str | None = None
    for word in reversed(words):
        bare = word.strip(",")
        if bare != word:
            break
        if bare.endswith(("'s", "\u2019s")):
            owner = bare[:-2]
            break
        lower = bare.lower()
        if lower.startswith("ex-") and lower[3:] in titles:
            chain.insert(0, bare)                  # "ex-foreign secretary": the chain ends here
            break
        if (lower in titles or bare in org_words or _country(bare)
                or (bare == "of" and chain) or _ABBREVIATION.fullmatch(bare)):
            chain.insert(0, bare)
            continue
        break
    while chain and chain[0] == "of":
        chain.pop(0)
    if not chain or not _ends_in_title(chain):
        return None
    org, rest = _split_org(chain)
    if not rest:
        return None
    if org is None and owner:
        org = _country(owner)
    return " ".join(rest), org


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")


def _ends_in_title(chain: list[str]) -> bool:
    heads = title_heads()
    if chain[-1].lower() in heads:
        return True
    if "of" in chain:                               # "Secretary of State", "Chancellor of the Exchequer"
        at = len(chain) - 1 - chain[::-1].index("of")
        return at > 0 and chain[at - 1].lower() in heads and all(w[:1].isupper() for w in chain[at + 1:])
    return False


def _title_after(text: str, mention: Mention) -> tuple[str, str | None] | None:
    right = text[mention.end:]
    tag = _PARTY_TAG.match(right)
    if tag:
        right = right[tag.end():]
    match = _AFTER.match(right)
    if not match:
        return None
    return _clean_appositive(match.group("title"), None)


def _title_before_appositive(text: str, mention: Mention) -> tuple[str, str | None] | None:
    match = _BEFORE.search(text[:mention.start])
    if not match:
        return None
    owner = match.group("owner")
    return _clean_appositive(match.group("title"), _country(owner) if owner else None)


def _clean_appositive(title: str, org: str | None) -> tuple[str, str | None] | None:
    words = title.split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    first = words[0]
    titles = title_words()
    if first.lower() not in titles and not first[:1].isupper() and not _country(first):
        return None                                # "told reporters", "and other officials"
    if first.lower() in ("and", "or", "who", "which", "said", "but"):
        return None
    # The head must come early: "chairman of the Senate ...", "the foreign secretary".
    heads = title_heads()
    head_at = next((i for i, w in enumerate(words) if w.lower() in heads), None)
    if head_at is None or head_at > 4:
        return None
    last_head = max(i for i, w in enumerate(words) if w.lower() in heads)
    if last_head + 1 < len(words) and words[last_head + 1].lower() not in _HEAD_FOLLOWERS:
        return None                                # "the mayor to apologise for ...": a clause
    if any(w.lower() in ("said", "says", "told", "is", "was", "has", "had", "will") for w in words):
        return None
    found_org, rest = _split_org(words)
    return " ".join(rest) if rest else title, org or found_org


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()      # (person, title head): "Tory leader" = "leader"
    for view in analysis.views:
        for mention in view.persons:
            if mention.pronoun:
                continue
            for finder in (_title_before, _title_after, _title_before_appositive):
                found = finder(view.text, mention)
                if not found:
                    continue
                title, org = found
                key = (mention.name, _head(title))
                if key in seen:
                    continue
                seen.add(key)
                facts.append(analysis.fact("role", {"person": mention.name, "title": title,
                                                    "org": org}, view))
    return facts


def _head(title: str) -> str:
    """The title's head word, so one position is one fact however it is worded."""
    words = title.lower().split()
    heads = title_heads()
    if "of" in words:                     # "chairman of the Senate ...": the head comes first
        words = words[:words.index("of")]
    found = [w for w in words if w in heads]
    return found[-1] if found else title.lower()
