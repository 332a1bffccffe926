"""Positions: 'Who is Norway's Foreign Minister?', 'What position does Ingrid Dahl hold?'."""
from __future__ import annotations

import random
import re
from functools import lru_cache

from ...answers import normalize
from ...extract.names import _title_words as title_words
from ...extract.names import places
from ...lexicon import data_file, word_set
from ...models import Fact
from ..clauses import is_noun, verb_tags, word_classes
from ..wire import fit_articles
from .base import Phrasing, is_country, text, with_article

_SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "to"}
_FORMER = re.compile(r"\b(former|formerly|ex|then|late|outgoing|retired|ousted|deposed|sacked|previous|one-time)\b[- ]*$",
                     re.IGNORECASE)


def _title_head(title: str) -> str:
    """ "director" of "non-executive director of the company"."""
    return (title.lower().split(" of ")[0].split() or [""])[-1]


class RolePhrasing(Phrasing):
    fact_type = "role"
    derived = ("post",)
    conditions = ("unique_title", "specific_title", "held_post")

    def values(self, fact, context):
        values = super().values(fact, context)
        title = title_case(str(fact.slots["title"]))
        last = title.split()[-1].lower()
        if former(fact) or last in _SMALL_WORDS | {"at", "with", "by"} or "formerly" in title.lower().split() or \
                any(word.islower() and "VBD" in verb_tags(word) and not is_noun(word) for word in title.split()[1:]) \
                or set(verb_tags(last)) & {"VBD"}:           # "president met Prime Minister": a clause, not a post
            return None                   # "Who is the Ex-Labour leader?" asks a past post as a present one
        if {"its", "his", "her", "their"} & set(title.lower().split()) or _pointing().search(title):
            return None                   # "senior vice president of its computer unit", "economist for the
                                          # region": whose, which, the stem never says
        values["title"], values["post"] = post(fact)
        org = str(fact.slots.get("org") or "")
        if is_country(org) and len(context.holders_by_title.get(normalize(fact.slots["title"]), ())) > 1:
            written = f'{_country_as_written(org, fact.sentence, str(fact.slots["title"]))} {values["title"]}'
            if written.lower() in fact.sentence.lower():
                values["title"] = written     # "England coach", where the story has a Scotland coach too
        return values

    def holds(self, condition, fact, values, context):
        if context.out_of_post(fact.slots["person"]):
            return False                      # "What position does he hold?" of a man the story reports killed
        if condition == "specific_title":
            return specific(fact)
        if condition == "held_post":          # "founder of Death Row Records" is no position held
            head = _title_head(str(fact.slots["title"]))
            heads = {_title_head(t) for t in context.titles_by_person.get(fact.slots["person"], ())} - \
                _posts()["not_held"] - _posts()["shared_heads"]        # "member of the Harbour Party" is no post
            return specific(fact) and head not in _posts()["not_held"] and len(heads) <= 1   # which of her posts?
        if condition == "unique_title":       # "Who is the Prime Minister?": of which country?
            owned = bool(fact.slots.get("org")) or " of " in f' {fact.slots["title"]} ' and \
                not str(fact.slots["title"]).endswith(" of State")        # "Secretary of State": of which country?
            return specific(fact) and owned and not shared(fact) and not generic_body(fact) and len(context.holders_by_title.get(normalize(fact.slots["title"]), ())) == 1
        return False

    def matching_pair(self, fact, context):
        """A person and their post in full ("chairman of Ferruzzi"; "the President of Ukraine", never a bare
        "President" that fits every president in the story); never a bare "Member" or a past post."""
        values = self.values(fact, context)
        if values is None or not specific(fact) or context.out_of_post(fact.slots["person"]):
            return None
        one_word = len(values["title"].split()) == 1
        return str(fact.slots["person"]), re.sub(r"^(?:the|a) ", "", values["post"]) if one_word else values["title"]

    def also_true(self, fact, template, values, context):
        if template.kind == "position":
            return tuple(context.titles_by_person.get(fact.slots["person"], ()))
        return (values["person"],)

    def implausible(self, fact, template, values, context):
        """People whose posts the story places in another country than this one's."""
        country = post_country(fact)
        if template.kind != "person" or not country:
            return ()
        return tuple(str(f.slots["person"]) for f in context.facts
                     if f.type == "role" and post_country(f) not in (None, country))

    def ruled_out(self, fact, template, values, context, rng: random.Random):
        """Another position the story gives to someone else (and to nobody else): it says who holds it.
        Not a post of another country ("Tehran's prosecutor is the US President"): false at a glance."""
        own = {normalize(t) for t in context.titles_by_person.get(fact.slots["person"], ())}
        country = post_country(fact)
        others = [f for f in context.facts if f.type == "role" and f.slots["person"] != fact.slots["person"]
                  and (country is None or post_country(f) in (None, country))
                  and not context.out_of_post(f.slots["person"])
                  and normalize(f.slots["title"]) not in own and specific(f) and not former(f) and not shared(f)
                  and len(context.holders_by_title.get(normalize(f.slots["title"]), ())) == 1
                  and not any(normalize(f.slots["title"]) in o or o in normalize(f.slots["title"]) for o in own)]
        if not others:
            return None
        other = rng.choice(others)
        title, named = post(other)
        return {"title": title, "post": named}


def post_country(fact: Fact) -> str | None:
    """The country a post belongs to, when its org is a country or a place in one ("Tehran": Iran)."""
    return places().country_of.get(str(fact.slots.get("org") or "")) or None


def title_case(title: str) -> str:
    """'vice President' -> 'Vice President'; 'foreign affairs spokesman' stays as the story wrote it."""
    words = title.split()
    if len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper():
        return " ".join(w if (i and w in _SMALL_WORDS) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
    return title


def former(fact: Fact) -> bool:
    """A past post: 'former Labour leader', 'ex-Labour leader', 'the late President'."""
    title = str(fact.slots["title"])
    if re.search(r"\b(former|ex-|late |outgoing |retired |then-|then )", f'{title} {fact.slots.get("org") or ""}',
                 re.IGNORECASE):
        return True                         # also "deputy chief of staff" of "then-Governor Chris Christie"
    index = fact.sentence.find(title)
    return index > 0 and bool(_FORMER.search(fact.sentence[max(0, index - 20):index]))


_RANKS = frozenset("senior junior deputy vice executive assistant associate acting chief principal".split())


def specific(fact: Fact) -> bool:
    """A title that names one post: 'Foreign Minister', 'Norway's leader'; not a bare 'Minister'."""
    words = str(fact.slots["title"]).split()
    vague = words[-1].lower() in word_set("questions/vague_titles")
    org = str(fact.slots.get("org") or "")
    if org.endswith(("'s", "’s")) or str(fact.slots["title"]).endswith(("'", "’", "'s", "’s")):
        return False                   # "head of Washington's delegation", "vice-president of Catholics'": cut short
    if is_country(org) and len(words) > 1 and all(w.islower() for w in words) and words[-1] in _posts()["firm_heads"]:
        return False                   # "the UK sales director" (of a firm the stem does not name); not "Scotland's manager"
    if words[-1].lower() in _posts()["posted_abroad"] and " to " not in f" {fact.slots['title']} ":
        return False                   # "the U.S. Ambassador": to where, the stem cannot say
    if len(words) == 1 and words[0].lower() in _posts()["body_titles"] and (is_country(org) or org in places().demonyms):
        return False                   # "the Indian chair" ("chair of the Indian firm"): of what?
    opens = fact.sentence.lstrip("\"“‘'").startswith(str(fact.slots["title"])) and \
        all(w.islower() for w in words[1:]) and \
        words[0].lower() not in title_words() and words[0] not in word_set("parties") and \
        words[0] not in places().country_of           # "Factory manager X said": a capital only the sentence's
    if not org and not {"of", "at", "for"} & set(words) and (words[0][:1].islower() or opens or (
            any(w[:1].islower() for w in words[1:]) and all(w.lower() in _RANKS or w.islower() for w in words[:-1]))):
        return False                   # "chief executive", "Senior vice president": of what, the stem cannot say
    if not org and len(words) > 1 and (words[0] in places().demonyms or is_country(words[0])) and \
            all(w.islower() for w in words[1:]) and words[-1].lower() in _posts()["firm_heads"]:
        return False                   # "European marketing manager": of which firm, the stem cannot say
    if len(words) >= 2:                # "Labour MP", "Republican Representative": one of many
        return not (vague and all(w in word_set("parties") or w in places().demonyms
                                  for w in words[:-1]))
    return bool(org) and not vague


def country_demonym(country: str) -> str:
    """ "Norway" -> "Norwegian", "" where the places list gives none."""
    return _demonyms().get(country, "")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {str(country): str((entry or {}).get("demonyms", [""])[0])
            for country, entry in (data_file("places") or {}).items() if (entry or {}).get("demonyms")}


def generic_body(fact: Fact) -> bool:
    """ "Central Bank", "the Finance Ministry": a body every country has, so not one holder."""
    words = str(fact.slots.get("org") or "").split()
    table = _posts()
    return bool(words) and all(w in table["institution_words"] or w in table["generic_modifiers"] for w in words)


def shared(fact: Fact) -> bool:
    """ "member of Parliament", "analyst at Jefferies", and any post the story gives with "a": a post
    many hold at once, so "Who is the ...?" has no one answer."""
    words = str(fact.slots["title"]).lower().split()
    link = next((i for i, w in enumerate(words) if i and w in ("of", "at")), 0)
    if re.search(rf"(?:^|\s)an? {re.escape(str(fact.slots['title']))}\b", fact.sentence, re.IGNORECASE):
        return True             # "Stephen Toulouse, a security manager at Microsoft": one of them
    return bool(link) and words[link - 1] in _posts()["shared_heads"] and "chief" not in words[:link]


def post(fact: Fact) -> tuple[str, str]:
    """The post as an answer gives it, and as a stem names it: ("Foreign Minister", "Norway's
    Foreign Minister"), ("Tory leader", "the Tory leader"), ("President", "the President of the
    United States"), ("chairman of Ferruzzi", "the chairman of Ferruzzi")."""
    title = " ".join(w for i, w in enumerate(title_case(str(fact.slots["title"])).split())
                     if (w if i else w.lower()) not in _posts()["judging_words"])   # not "Popular Alliance"
    if title.startswith("new ") and len(title.split()) > 2:
        title = title[4:]                             # "the Marsh new chief executive": new is news, not the post
    words = title.split()
    if len(words) > 1 and words[0][1:].islower() and all(w.islower() for w in words[1:]) and \
            fact.sentence.lstrip("\"“‘'").startswith(str(fact.slots["title"])):
        title = title[:1].lower() + title[1:]         # "Senior advisor Hope Hicks ...": capital only as the sentence's first word
    org = text(fact.slots.get("org") or "")
    if not org or f" {normalize(org)} " in f" {normalize(title)} ":       # not "EA" in "head"
        return title, fit_articles(f"{'a' if shared(fact) else 'the'} {title}")
    written = _country_as_written(org, fact.sentence, str(fact.slots["title"]))
    if written in places().demonyms:
        return f"{written} {title}", f"the {written} {title}"      # "the Scottish Conservative leader"
    org = written                                                 # "England's assistant coach"
    if attributive(org) or _adjective_before(org, fact) or _opened_by_a_country(org, fact):
        return f"{org} {title}", f"the {org} {title}"
    if is_country(org):
        if title.split()[0] in _posts()["institution_words"] and _demonyms().get(org):
            title = f"{_demonyms()[org]} {title}"              # "European Council chief", not "Europe's Council"
            return title, f"the {title}"
        if any(w[:1].islower() for w in org.split()) and _demonyms().get(org):
            return title, f"the {_demonyms()[org]} {title}"   # "Palestinian territories": "the Palestinian leader"
        if with_article(org) != org:
            return title, f"the {title} of {with_article(org)}"
        if org in _posts()["initial_countries"]:
            return title, f"the {possessive(org)} {title}"      # "the U.K.'s Chancellor of the Exchequer"
        return title, f"{possessive(org)} {title}"
    words = set(org.split())                                     # a body: the answer names it too
    if org in _posts()["article_initials"]:
        return f"{title} of the {org}", f"the {possessive(org)} {title}"     # "the BBC's political editor"
    if org.isupper() and len(org) <= 6:                                      # a firm: "WMC", "S&N", "AT&T"
        return f"{title} of {org}", f"{possessive(org)} {title}"
    if words & _posts()["company_endings"]:
        return f"{title} of {org}", f"{possessive(org)} {title}"
    article = "the " if (words & (_posts()["institution_words"] | _posts()["named_with_the"])
                         or with_article(org) != org) and not (
        org.split()[-1] in _posts()["no_article_endings"] and " of " not in org) else ""   # "at Soochow University"
    return f"{title} of {article}{org}", f"the {title} of {article}{org}"


def _country_as_written(org: str, sentence: str, title: str) -> str:
    """A country the sentence names otherwise, just before the title ("England assistant coach",
    "Scottish Conservative leader" for the United Kingdom): that name, which says which team or
    party; else `org`."""
    if not is_country(org) or re.search(rf"\b{re.escape(org)}\b", sentence):
        return org              # (a word: "Brazil" is not named in "Brazilian President")
    at = sentence.find(title)
    table = places()
    words = [w.rstrip(",").removesuffix("'s").removesuffix("’s") for w in (sentence[:at].split()[-3:] if at > 0 else [])]
    for end in range(len(words), 0, -1):
        for size in (2, 1):                     # "West German Finance Minister": not just "German"
            written = " ".join(words[max(0, end - size):end])
            if written != org and table.country_of.get(written) == org:
                return written
    return org


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def attributive(org: str) -> bool:
    """A party, a people, a county or a rank that stands before a title: "Tory leader",
    "Palestinian leader", "Coös County Attorney", "Detective Inspector"."""
    words = org.split()
    if not words:
        return False
    if words[-1] in _posts()["attributive_endings"] or (_common_noun(words[-1]) and all(
            w in word_set("parties") or w in places().demonyms for w in words[:-1])):
        return True                     # "Detective Inspector", "the Republican Senate Majority Leader"
    return all(w in word_set("parties") or w in places().demonyms for w in words)


def _adjective_before(org: str, fact: Fact) -> bool:
    """'Houthi military spokesperson', 'Senate Democratic leader': a body ending in a word that reads
    as an adjective for a people or a movement, written before the title as the story writes it."""
    last = org.split()[-1]
    adjective = last.endswith(tuple(_posts()["adjective_endings"])) and (" " not in org or last.endswith("ic")) \
        or " " in org and last in word_set("parties")
    return adjective and f"{org} {fact.slots['title']}" in fact.sentence


def _opened_by_a_country(org: str, fact: Fact) -> bool:
    """ "Australian Open chief", "UK Athletics chief": a body a country's name opens, written before the
    title, stays there ("the chief of Australian Open" reads as a place)."""
    first = org.split()[0]
    return " " in org and (first in places().demonyms or is_country(first)) and \
        f"{org} {fact.slots['title']}" in fact.sentence


def _common_noun(word: str) -> bool:
    """'Detective' (a rank cut off its title), not 'Ferruzzi', a place or a country."""
    return "NOUN" in word_classes(word) and word not in places().names and not is_country(word)


@lru_cache(maxsize=1)
def _pointing() -> re.Pattern[str]:
    """ "chief economist for the region": a body only the sentences before name (posts.yaml)."""
    nouns = "|".join(map(re.escape, sorted(_posts()["pointing_bodies"])))
    return re.compile(rf"\b(?i:the|this|that) (?:[a-z][a-z-]* ){{0,3}}(?:{nouns})\b")    # "the social policy think tank"


@lru_cache(maxsize=1)
def _posts() -> dict[str, frozenset[str]]:
    return {key: frozenset(str(w) for w in words) for key, words in data_file("questions/posts").items()}


PHRASING = RolePhrasing()
