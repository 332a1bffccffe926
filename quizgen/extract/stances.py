"""Stance facts: who supports or opposes what.

A cue (data/cues.yaml) names the stance; its holder is a named person, a
country or a body (a party, a government seat, an institution:
data/stances.yaml); its target is what follows the cue, to the end of its
clause, in the story's words. The forms news uses:

- a verb whose subject holds the view: "China opposes ...", "the Tories are
  to back ...", "he will also call for ...", "X and Y welcomed ...";
- a noun whose possessor, or the subject of "voiced", "reiterated", holds it:
  "Russia's opposition to ...", "Mr Lee repeated calls for ...";
- a passive with its agent: "Y was backed by X";
- a denial of a claim: "X denied reports that ...", a label: "X branded Y a
  disgrace", a protest: "X will boycott the talks in protest at Y";
- a request, a want or an intent: "X asked Y to ...", "X wants a public
  inquiry", "Italy's willingness to support ...";
- advocacy in reported speech: "X said the government should ...", "The
  tax should be cut, X said".

Left alone, because their holder is not named as the stance's own: cues
inside quotations, infinitives of other verbs' objects ("requires Washington
to oppose"), nouns with no holder ("growing calls for"), relative clauses
("politicians who objected to").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import data_file
from ..models import Fact
from .names import Mention, SentenceView, StoryAnalysis, capitalised_runs, places
from .names import _title_words as title_words
from .rules import APPOSITIVES, CONTENT_WORD, any_cue, cue_pattern, cue_words, inside_quote, phrase_pattern, word_lists

TARGET_WORDS = 14            # a longer target is cut at a phrase boundary before this
MAX_SUBJECT_GAP_WORDS = 4    # "Tony Blair has since rejected": auxiliaries and adverbs only
MAX_AGENT_GAP = 60           # characters between "by" and the agent of a passive
MAX_REQUESTEE_WORDS = 7      # "asked the watchdog overseeing the rules to ..."

# When, where and how a stance was voiced ("on Twitter", "in a statement", "on Monday"): not its target.
VOICED = re.compile(
    r"\s(?:(?:on|last|next|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['\u2019])"
    r"|\s(?:yesterday|today|tonight|last\s+(?:week|month|year|night)|in\s+protest)\b"
    r"|\s(?:on|via)\s+(?:Twitter|Facebook|Instagram|television|radio)\b"
    r"|\sin\s+(?:a|an|his|her|its|their)\s+(?:statement|interview|tweet|letter|speech)\b"
    r"|\sin\s+front\s+of\b")
# Where a target's clause ends.
_TARGET_END = re.compile(
    r"[;:!?\[]|(?<![A-Z])\.(?=\s|$)|,\s|\s--?\s|\s\u2013\s|" + VOICED.pattern +
    r"|\s(?:because|but|while|although|though|saying|says|said|as|after|before|when|if|unless|"
    r"since|until|amid|despite|whereas|adding|arguing|claiming|insisting|warning|describing|"
    r"accusing|calling|telling|and\s+(?:said|says|added|told|warned))\b"
    r"|\s(?:and|but)\s+(?=(?:\S+\s+){1,5}(?:has|have|had|is|are|was|were|will|would)\s)")   # "... and Germany's parties have"
_INNER_APPOSITIVE = re.compile(r"^(\s*[^,]{1,60}?),\s[^,]{1,80},(\s+to\s)")
_ASIDE = re.compile(r"\s*\([^()]*\)")        # "the London Metal Exchange's (LME) decision"
# Words a cut target must not end on.
_DANGLING = frozenset("the a an of to and or in on for with its his her their that this these those "
                      "by from at as into over about than our your my which who whom whose what how "
                      "any some no not be is are was were been being has have had will would can "
                      "could should may might must also more most such very".split())
# Words before which a long target may be cut (a new phrase starts there).
_BREAKS = frozenset("to that which who whom for with in on at from by over into about as after before "
                    "while than so because whether how what when where under without "
                    "through against during including across between among towards toward within "
                    "beyond around behind near via".split())
_STOP = frozenset("the a an of to and in on for with its his her their that this these those "
                  "them him it they she he we us you our".split())
_OBJECT_PRONOUN = re.compile(r"^(?:it|them|him|her|us|me)\s", re.IGNORECASE)   # "accused it of ..."
_PRONOUN_TARGET = re.compile(r"^(?:it|them|this|that|these|those|him|her)$", re.IGNORECASE)
_TIME_START = re.compile(r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"yesterday|today|tonight|last|this|next)\b", re.IGNORECASE)

# Words that may stand between a holder and its verb: "China has repeatedly opposed".
_AUXILIARY = frozenset("has have had is was are were will would could may might must shall should "
                       "also again repeatedly already since now still today yesterday then himself "
                       "herself itself themselves both all on monday tuesday wednesday thursday "
                       "friday saturday sunday last night week not never remain remains remained "
                       "be being been always long once often too".split())
# A reporting frame between a holder and its verb: "the Tories say they want ...".
_REPORTED = re.compile(r"^\s*(?:(?:has|have|had)\s+)?(?:say|says|said|insisted|insists|argued|argues|"
                       r"believes|believe|made clear|added)\s+(?:that\s+)?(?:they|it|he|she)\b(?P<rest>.*)$",
                       re.DOTALL)
_RELATIVE = re.compile(r"\b(?:who|which|whose|that)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|for|from|at|with|by|to|on|about)\s+$")
_POSTNOMINAL = re.compile(r"[A-Z]{2,4}")
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b")
_ANTECEDENT = re.compile(r",\s+(?:which|who)\b")
_CONJOINED = re.compile(r"(?:,|;)\s+(?:and|but|while|whereas|where|when|as|because|since|although|though|after|"
                        r"before|until|if|unless)\s+|;\s+")
_JOINED_HOLDERS = re.compile(r"^(?:,|,?\s+and)\s+(?:the\s+)?$")
_CLAUSE_WORDS = frozenset("said says that who which whose because when if after before while although "
                          "told reports as since until once unless where whereas".split())

# A word before a finite cue that makes it a noun or a non-finite verb.
_NOT_A_FINITE_VERB = re.compile(
    r"\b(?:to|the|a|an|his|her|their|its|our|growing|new|fresh|renewed|repeated|amid|despite|of|"
    r"get|got|after|by|for|without|resisted|rejected|ignored|dismissed|heeded|"
    r"joined|answered|echoed|faced|mounting)\s+$|['\u2019]s?\s+$", re.IGNORECASE)
# "is criticised", "was highly favoured": a passive; "is urging" is not.
_PASSIVE_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# A word after the cue that makes it a passive or a phrasal verb ("criticised by", "backed down").
_NOT_A_STANCE_AFTER = re.compile(r"^\s+(?:by|down|away|off|out|up|of|for\s+(?:\w+\s+)?(?:weeks?|months?|"
                                 r"days?|the\s+rest|the\s+season))\b|^\s+to\s+(?:know|see|hear|be)\b")
_PASSIVE_AGENT = re.compile(r"\s+by\s+")
_NEGATION = re.compile(r"\b(?:not|never|n't)\s+(?:\w+ly\s+)?$")
# Where the thing labelled ends and the label begins: "branded the plan a disgrace", "... as 'a mess'".
_LABEL_END = re.compile(r"\s(?:a|an|as)\s|\s[\"\u201c]|[,.;]")
# A noun's target ends where the sentence's verb begins.
_NOUN_TARGET_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|could|may|might|remains|remained|"
                              r"grew|grows|came|comes)\s")
_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "ous", "ive", "ic", "al", "ent", "ant", "less", "ish")
_WILL_NOT = re.compile(r"\b(?:will|would|wo|could)\s*(?:not|never|n't)\s+(?:\w+ly\s+)?$")
_MODAL_TARGET = re.compile(
    r"^(?:that\s+)?(?P<subject>(?:[\w'\u2019-]+\s+){0,7}?[\w'\u2019-]+)\s+(?P<modal>should|must|ought\s+to)\s+"
    r"(?P<negation>not\s+|never\s+)?(?:\w+ly\s+)?(?P<verb>[a-z]+)(?P<rest>[^;:]*)")
# Past participles after "should be" ("should be published"): regular ones and common irregular ones.
_PARTICIPLE = re.compile(r"^(?:[a-z]+(?:ed|en|wn)|cut|put|shut|set|kept|held|made|paid|sold|told|built|spent|sent|"
                         r"lent|left|met|brought|bought|sought|taught|dealt|done|won|lost|split|scrapped|"
                         r"abolished)$")
_SUBJECT_PRONOUNS = frozenset("it there this that i we you he she they which who".split())


# Words that open an indirect question or an adverbial, not the one asked: "asked how ...".
_NOT_REQUESTED = frozenset("to about for if whether how what why who where when which".split())


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    polarity: str
    form: str                # which kind of cue: verb, base, noun, adjunct, label, denial, request, want, advocacy


def _holder_name(analysis: StoryAnalysis, holder: Mention) -> str:
    """A body by its name: "Tories" are the Conservatives; "Lib Dems" the Liberal Democrats
    when the story spells that out."""
    if holder.kind != "org":
        return holder.name
    table = data_file("stances")
    if holder.name in table["nicknames"]:
        return str(table["nicknames"][holder.name])
    full = table["short_forms"].get(holder.name)
    return str(full) if full and full in analysis.story.text else holder.name


@lru_cache(maxsize=1)
def _collective_pattern() -> re.Pattern[str]:
    names = sorted(word_lists("stances")["collectives"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(polarity, form, pattern) for every stance cue list but advocacy."""
    return tuple((polarity, form, cue_pattern(name)) for name, polarity, form in _CUE_LISTS)


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern[str]:
    """All those lists in one alternation, built once: rebuilding its key per sentence cost
    as much as looking it up."""
    return any_cue(*(name for name, _, _ in _CUE_LISTS))


_CUE_LISTS = (("support", "support", "verb"), ("oppose", "oppose", "verb"), ("support_base", "support", "base"),
              ("oppose_base", "oppose", "base"), ("support_noun", "support", "noun"),
              ("oppose_noun", "oppose", "noun"), ("oppose_adjunct", "oppose", "adjunct"),
              ("label", "oppose", "label"), ("denial", "oppose", "denial"), ("request", "support", "request"),
              ("want", "support", "want"))
_INTENT = re.compile(r"\b([A-Za-z]+)\s+to\s+(?:\w+ly\s+)?$")
_QUOTE_OPENS = re.compile(r"\s*[,:]?\s*[\"\u201c\u2018']")
_MODAL = phrase_pattern(("should", "must", "ought"))


def _cues(text: str) -> list[_Cue]:
    """Every cue in the sentence; where two of a form overlap, the one that starts first and is
    longest. One pass finds where cues start; each list is then tried only there."""
    found = [_Cue(m.start(), m.end(), polarity, form)
             for start in {m.start() for m in _any_cue().finditer(text)}
             for polarity, form, pattern in _cue_patterns()
             for m in [pattern.match(text, start)] if m]
    if _MODAL.search(text):              # "X said Y should ...": only where a modal is
        found += [_Cue(m.start(), m.end(), "support", "advocacy") for m in cue_pattern("advocacy").finditer(text)]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cue] = []
    for cue in found:
        if kept and cue.start < kept[-1].end and cue.form == kept[-1].form:
            continue
        kept.append(cue)
    return kept


def collectives(view: SentenceView) -> list[Mention]:
    """Bodies named in the sentence: listed names, names ending in an organisation word,
    and names right after a noun for a body ("pressure group Liberty")."""
    text = view.text
    taken = [(m.start, m.end) for m in view.persons + view.places if not m.pronoun]
    found: list[Mention] = []

    def add(start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        possessive = text.startswith("'s", end) or text.startswith("\u2019s", end)
        found.append(Mention(start, end, text[start:end], "org", text[start:end], possessive))
        taken.append((start, end))

    for match in _collective_pattern().finditer(text):
        add(match.start(), match.end())
    org_words = word_lists("stances")["body_words"]
    nouns = word_lists("stances")["collective_nouns"]
    for match in capitalised_runs(text):
        run = match.group("run")
        words = run.split()
        if words[0] in ("The", "A", "An"):
            continue                         # "The Party said": a sentence opening, not a name
        before = text[:match.start()].split()[-1:]
        if (words[-1] in org_words and len(words) >= 2) or (before and before[0] in nouns):
            add(match.start("run"), match.end("run"))
    found.sort(key=lambda m: m.start)
    return found


def _gap_ok(text: str, holder: Mention, position: int) -> bool:
    """Whether only auxiliaries, adverbs, appositives or a reporting frame stand between."""
    gap = text[holder.end:position]
    if holder.possessive:
        return False
    spoken = re.match(r"^\s+(\w+)", gap)
    if spoken and spoken.group(1) in word_lists("stances")["spokespeople" if holder.kind == "org" else "documents"]:
        gap = gap[spoken.end():]         # "A Treasury spokesman dismissed", "the Kok report recommends"
    if gap.strip() == "," and text[:holder.start].rstrip().endswith(","):
        return True                      # "The shadow foreign secretary, Michael Ancram, welcomed"
    gap = APPOSITIVES.sub("", gap)      # "Nugent, saying that oil cannot wait, urged"
    if _RELATIVE.search(gap) and not _REPORTED.match(gap):
        return False                     # "politicians who have objected to": not the holder's verb
    reported = _REPORTED.match(gap)
    if reported:
        gap = reported.group("rest")     # "the Tories say they want"
    words = [w for w in gap.split() if not _POSTNOMINAL.fullmatch(w)]      # "Frank Field MP said"
    return "," not in gap and len(words) <= MAX_SUBJECT_GAP_WORDS and all(
        w.lower() in _AUXILIARY or w.endswith("ly") for w in words)


_CLAUSE_OPENING = re.compile(r"^(?:(?:but|and|yet|so|however|meanwhile|now),?\s*)?(?:(?:the|a|an|both)\s*)?$",
                             re.IGNORECASE)
# "diplomats said Britain demanded ...": a reported clause opens after its verb.
_REPORTED_OPENING = re.compile(r"\b(?:said|says|say|told\s+\w+|reported|believe|believes|that)(?:\s+that)?(?:\s+the)?$")


def _opens_clause(text: str, clause_start: int, entity: Mention) -> bool:
    """A place or body is a subject only at its clause's start: "China opposes", "But the Tories say"."""
    lead = text[clause_start:entity.start].strip()
    if entity.kind == "org" and lead.split()[-1:] and lead.split()[-1] in word_lists("stances")["collective_nouns"]:
        lead = " ".join(lead.split()[:-1])    # "Civil rights group Liberty says": its description
        return len(lead.split()) <= 3 and not _SUBORDINATE.search(lead)
    bare = re.sub(r"\s*\b(?:the|a|an)$", "", lead, flags=re.IGNORECASE)     # "In a statement, the EU said"
    return (bare.endswith(",") and " by " not in bare) or bool(_CLAUSE_OPENING.match(lead)) or bool(
        _REPORTED_OPENING.search(lead))


def _subject(view: SentenceView, entities: list[Mention], clause_start: int, position: int) -> list[Mention]:
    """The holders of a verb at `position`: its subject, with any joined to it ("A and B")."""
    text = view.text
    inside = [m for m in entities if clause_start <= m.start and m.end <= position]
    if not inside:
        return []
    antecedent = None
    for match in _ANTECEDENT.finditer(text, 0, position):
        if "," not in text[match.end():position]:     # the cue stands in the relative clause
            antecedent = next((m for m in inside if m.end == match.start()), None)
    if antecedent is not None:
        return [antecedent]              # "Russia, which has joined China in opposing ..."
    persons = [m for m in inside if m.kind == "person" and not m.possessive
               and not _AFTER_PREPOSITION.search(text, max(0, m.start - 6), m.start)]
    candidates = []
    if persons and persons[-1].pronoun:
        candidates.append(persons[-1])
    candidates += persons[:1]
    candidates += persons[1:]            # "Texas Railroad Commissioner James Nugent": a misread name first
    bodies = [m for m in inside if m.kind != "person" and not m.possessive and _opens_clause(text, clause_start, m)]
    if bodies and not any(m.kind != "place" for m in inside if m.start < bodies[0].start):
        candidates.append(bodies[0])     # not "The petition, filed by Acme Co and Bell Inc, asks"
    for first in candidates:
        group = [first]
        for other in inside:
            if other.start < group[-1].end:
                continue
            if other.possessive or not _JOINED_HOLDERS.match(text[group[-1].end:other.start]):
                break
            group.append(other)
        if _gap_ok(text, group[-1], position):
            return group
        if _gap_ok(text, first, position):
            return [first]
    return []


def _holders(view: SentenceView, entities: list[Mention], position: int) -> list[Mention]:
    """The subject of the cue, in its sentence, else in the conjoined clause it stands in, else
    the subject of an earlier verb the cue's verb is joined to."""
    found = _subject(view, entities, view.body_start, position)
    if found:
        return found
    clause = None
    for clause in _CONJOINED.finditer(view.text, view.body_start, position):
        pass
    if clause is not None:
        found = _subject(view, entities, clause.end(), position)
    return found or _joined_verb_subject(view, entities, position)


# "... and has said it wants", "... but called on": a verb joined to the one before.
_JOINED_VERB = re.compile(r"\s(?:and|but)\s+(?:(?:has|have|had|is|are|was|were|will|would|also|then|later|now|"
                          r"\w+ly)\s+)*(?:(?:say|says|said)\s+(?:that\s+)?(?:it|they|he|she)\s+(?:\w+\s+){0,2})?$")
_MODALS = frozenset("must should would will could may might can shall".split())
_SUBORDINATE = re.compile(r"\b(?:who|which|whose|that|because|when|if|while|although|whether)\b", re.IGNORECASE)
MAX_JOINED_VERB_WORDS = 20


def _joined_verb_subject(view: SentenceView, entities: list[Mention], position: int) -> list[Mention]:
    """ "Liberty said it was delighted but called on ...": the first verb's subject, named at the
    sentence's start and followed straight by its verb."""
    text = view.text
    joined = _JOINED_VERB.search(text, view.body_start, position)
    if joined is None:
        return []
    named = [m for m in entities if view.body_start <= m.start and m.end <= joined.start()]
    if not named or named[0].possessive:
        return []
    subject = named[0]
    lead = text[view.body_start:subject.start]
    if (subject.kind != "person" and not _opens_clause(text, view.body_start, subject)) or (
            _SUBORDINATE.search(lead) or "," in lead):
        return []
    between = APPOSITIVES.sub("", text[subject.end:joined.start()])
    first = between.split()[:1]
    if first and first[0].lower() in _MODALS and _REPORTED_OPENING.search(lead.rstrip()) and \
            re.match(r"\w+ed\b", text[position:]):
        return []       # "The statement said Indonesia must act and called for ...": the statement called
    if (not first or _SUBORDINATE.search(between) or "," in between
            or len(between.split()) > MAX_JOINED_VERB_WORDS
            or not (first[0].lower() in _AUXILIARY or first[0].lower() in cue_words("speech")
                    or first[0].endswith(("ed", "s", "ly")))):
        return []
    return [subject]


# A verb before a person named at a sentence's start: the person is its object, not the subject.
_VERB_IN_LEAD = re.compile(r"\b(?:[a-z]+ed|met|with|said|says|told|by)\b")
# "are calling for": a progressive with its own subject, not a participle phrase.
_OWN_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would)\s+(?:\w+ly\s+)?$")


def _participle_holder(view: SentenceView, entities: list[Mention], position: int) -> list[Mention]:
    """ "Mr Lee made a speech urging ...": a participle shares its clause's subject."""
    text = view.text
    named = [m for m in entities if m.start >= view.body_start and m.end <= position and not m.possessive]
    if not named:
        return []
    subject = named[0]
    if subject.kind != "person" and not _opens_clause(text, view.body_start, subject):
        return []
    if _VERB_IN_LEAD.search(text, view.body_start, subject.start) or _OWN_AUXILIARY.search(text, 0, position):
        return []                        # "Acme met governor Lee, appealing", "analysts are calling for"
    if any(m.kind != "place" for m in named[1:]):
        return []                        # "X met Y, urging her ...": Y may be the one urging
    words = APPOSITIVES.sub("", text[subject.end:position]).lower().replace(",", " ").split()
    if len(words) > 14 or any(w in _CLAUSE_WORDS for w in words):
        return []
    return [subject]


# Nouns a country's adjective can hold ("West German opposition to"); not "Japanese demand for goods".
_DEMONYM_NOUNS = frozenset("support opposition hostility backing criticism objection objections resistance".split())


def _possessor(view: SentenceView, entities: list[Mention], position: int) -> list[Mention]:
    """ "China's opposition to", "Mr Lee's strong support for", "West German opposition to":
    the noun's possessor."""
    before = view.text[:position]
    for mention in entities:
        if mention.possessive and re.fullmatch(r"['\u2019]s?\s+(?:[a-z-]+\s+){0,2}", before[mention.end:]):
            return [mention]
    table = places()
    words = before.split()[-4:]
    for size in (2, 1):
        for start in range(len(words) - size, -1, -1):
            name = " ".join(words[start:start + size])
            rest = words[start + size:]
            if (name in table.demonyms and all(w.islower() and w.isalpha() for w in rest) and len(rest) <= 2
                    and view.text[position:position + 12].split()[0] in _DEMONYM_NOUNS):
                at = before.rindex(name)
                return [Mention(at, at + len(name), table.country_of[name], "place", name)]
    return []


def _light_verb_subject(view: SentenceView, entities: list[Mention], position: int) -> list[Mention]:
    """ "Mr Lee reiterated calls for", "Labour voiced its support for": the verb's subject."""
    words = view.text[:position].split()
    light = word_lists("stances")["light_verbs"]
    for back in range(1, 5):
        if len(words) < back:
            break
        word = words[-back].lower()
        if word in light:
            verb_start = len(" ".join(words[:-back]))
            holders = _holders(view, entities, verb_start + 1)
            return holders
        if not (word in ("its", "his", "her", "their", "the", "a", "an", "full", "strong", "firm",
                         "further", "fresh", "new", "continued", "vocal", "public", "party's", "also")
                or word.endswith(("'s", "\u2019s"))):
            break
    return []


def _base_ok(text: str, start: int) -> tuple[bool, bool]:
    """Whether a bare verb is its subject's (after a modal or a lead-in "to"), and whether refused."""
    words = text[max(0, start - 40):start].split()
    lexicon = word_lists("stances")
    index = len(words) - 1
    while index >= 0 and (words[index].lower() in ("not", "never", "also", "still", "now", "again")
                          or words[index].endswith("ly")):
        index -= 1
    if index < 0:
        return False, False
    word = words[index].lower()
    if word in lexicon["modals"]:
        return True, False
    if word != "to" or index == 0:
        return False, False
    lead = words[index - 1].lower()
    if lead in lexicon["refusals"]:
        return True, True
    return lead in lexicon["to_lead_ins"] or lead in lexicon["intent_nouns"], False


def _clause(text: str) -> str:
    """The words after a cue up to the end of their clause."""
    end = _TARGET_END.search(text)
    return text[:end.start() if end else len(text)]


def _tidy(span: str) -> str:
    """A clean phrase: quote marks and asides dropped, long spans cut at a phrase boundary, no
    dangling word at the end (a particle may end a whole clause: "should not drag on")."""
    words = [w.strip("\"'\u201c\u201d\u2018\u2019") if not w.endswith(("'s", "\u2019s")) else w.lstrip("\"\u201c\u2018")
             for w in _ASIDE.sub("", span).split()]
    words = [w.rstrip(",;:") for w in words]
    words = [w for w in words if w]
    dangling = _DANGLING - _PARTICLES
    if len(words) > TARGET_WORDS:
        cut = max((i for i in range(3, TARGET_WORDS + 1)
                   if words[i].lower() in _BREAKS and words[i - 1].lower() not in _DANGLING), default=TARGET_WORDS)
        words = words[:cut]
        dangling = _DANGLING
    while words and words[-1].lower() in dangling:
        words.pop()
    return " ".join(words)


_PARTICLES = frozenset("on in up off out down over back away".split())


def _targets(rest: str, polarity: str) -> list[tuple[str, str]]:
    """(polarity, target) for each aim after a cue: "urged X to fund schools and to cancel debts"."""
    found = []
    rest = _INNER_APPOSITIVE.sub(r"\1\2", rest)          # "urged Acme, the firm she works for, to close"
    for part in re.split(r"\s+and\s+(?=to\s)", _clause(rest)):
        target, negated = _target(part)
        found.append((_flip(polarity) if negated else polarity, target))
    return found


def _flip(polarity: str) -> str:
    return "oppose" if polarity == "support" else "support"


def _target(rest: str) -> tuple[str, bool]:
    """The target phrase after a cue, and whether a negating verb turned it round."""
    words = _clause(rest).split()
    negating = cue_words("negating")
    if words and words[0].lower() == "that":
        words = words[1:]
    for index, word in enumerate(words[:5]):
        if word.lower() in negating and index + 1 < len(words):
            return _tidy(" ".join(words[index + 1:])), True
    target = _tidy(" ".join(words))
    return re.sub(r"^to\s+", "", target), False


def _content(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in CONTENT_WORD.findall(text) if w.lower() not in _STOP}


def _request_target(rest: str) -> str | None:
    """ "asked the watchdog to stop the calls": the one asked and what they are asked to do."""
    clause = _clause(rest)
    words = clause.split()
    if "to" not in words[1:MAX_REQUESTEE_WORDS + 1] or words[0].lower() in _NOT_REQUESTED:
        return None
    asked = words[words.index("to", 1) + 1:words.index("to", 1) + 2]
    if asked and asked[0].lower() in word_lists("stances")["not_requests"]:
        return None                      # "asked Republicans to tell him": a question, not a cause
    return _tidy(clause)


def _advocacy_target(rest: str) -> tuple[str, bool] | None:
    """ "said the government should act": what someone should do; None for a forecast."""
    if _QUOTE_OPENS.match(rest):
        return None                      # 'Baker said, "We believe ... should"': the speaker's own words
    modal = _MODAL.search(rest)
    if modal and " that " in rest[:modal.start()]:
        rest = rest[rest.rindex(" that ", 0, modal.start()) + 6:]   # "said in a speech that the state must"
    match = _MODAL_TARGET.match(rest.lstrip())
    if not match:
        return None
    subject, verb = re.sub(r"^\w+ly\s+", "", match.group("subject")), match.group("verb")   # "said publicly the"
    if subject.split()[0].lower() in _SUBJECT_PRONOUNS or _clause(subject) != subject:
        return None
    rest_words = match.group("rest").split()
    if verb in ("be", "been") and not (rest_words and _PARTICIPLE.match(rest_words[0].strip(",.")) and
                                       rest_words[0] not in ("the", "a", "an")):
        return None                      # "2005 should be the year": not a call to act
    if verb in word_lists("stances")["forecasts"] or verb in ("have", "has"):
        return None                      # "sales should rise": a forecast
    phrase = f"{subject} {match.group('modal')} {verb}{match.group('rest')}"
    return _tidy(_clause(phrase)), bool(match.group("negation"))


# "..., Nugent said." / "..., the finance minister, Ann Lee, told reporters.": a speaker after the words.
_SPEAKER_AFTER = re.compile(r",\s+(?P<speaker>[^,;\"\u201c\u201d]{2,60}(?:,[^,;\"\u201c\u201d]{2,60},)?)\s+"
                            r"(?:said|says|added|argued|told\s+\w+)(?:\s+(?:today|yesterday|on\s+\w+))?\.?$")


def _postposed_advocacy(view: SentenceView, entities: list[Mention]) -> Stances | None:
    """ "Oil should be exempted from the tax, Nugent said": advocacy with its speaker after it."""
    text = view.text
    speaker = _SPEAKER_AFTER.search(text, view.body_start)
    if speaker is None or text[view.body_start:].lstrip()[:1] in "\"\u201c\u2018'":
        return None
    named = [m for m in entities if speaker.start("speaker") <= m.start and m.end <= speaker.end("speaker")
             and not m.possessive]
    advocated = _advocacy_target(text[view.body_start:speaker.start()]) if named else None
    if advocated is None:
        return None
    target, negated = advocated
    return [named[0]], [("oppose" if negated else "support", target)]


def _loose_words(span: str) -> int:
    """How many words of a span are neither capitalised nor title words ("his predecessor as")."""
    titles = title_words()
    return sum(1 for w in span.replace(",", " ").split()
               if not (w[:1].isupper() or w.lower() in titles or w.lower() in ("the", "his", "her", "its", "their"))
               or any(c.isdigit() for c in w))


def _passive_agent(view: SentenceView, entities: list[Mention], cue: _Cue) -> tuple[list[Mention], str] | None:
    """ "Y was backed by X": the agent X holds the stance on the subject Y."""
    text = view.text
    after = _PASSIVE_AGENT.match(text, cue.end)
    if not after:
        return None
    agents = [m for m in entities if after.end() <= m.start <= after.end() + MAX_AGENT_GAP and not m.possessive]
    if not agents:
        return None
    agent = agents[0]
    between = text[after.end():agent.start]
    if between and not re.fullmatch(r"(?:[\w'\u2019-]+,?\s+){0,8}", between) or _loose_words(between) > 3:
        return None                      # "supported by a 145 mln dlr loan through the Association"
    aux = _PASSIVE_BE.search(text, max(0, cue.start - 20), cue.start)
    comma = text.rfind(", ", 0, aux.start() if aux else cue.start)
    clause_start = max(view.body_start, comma + 2 if comma >= 0 else 0)
    subject = text[clause_start:aux.start() if aux else cue.start].strip()
    subject = re.sub(r"(?:\s+(?:has|have|had|to|\w+ly))+$", "", subject)    # "lessons have previously"
    subject = re.sub(r"^(?:But|And|Yet|So|Now)\s+", "", subject)
    if not subject or len(subject.split()) > 8 or _RELATIVE.search(subject) or \
            subject.split()[0].lower() in _AUXILIARY:
        return None                      # "..., is expected to be opposed by": the subject is further back
    return [agent], _tidy(subject)


Stances = tuple[list[Mention], list[tuple[str, str]]]      # holders, (polarity, target) pairs


def _stance_of(view: SentenceView, entities: list[Mention], cue: _Cue, stop: int) -> Stances | None:
    """The holders of one cue and what they support or oppose (up to `stop`, where the next
    verb joined by "and" begins); None when it is not a named stance."""
    text = view.text
    rest = text[cue.end:stop]
    polarity = cue.polarity
    if cue.form == "verb":
        if _NOT_A_FINITE_VERB.search(text, max(0, cue.start - 12), cue.start):
            return None
        if _PASSIVE_BE.search(text, max(0, cue.start - 20), cue.start) and text[cue.start:cue.end].endswith("ed"):
            passive = _passive_agent(view, entities, cue)
            return (passive[0], [(polarity, passive[1])]) if passive else None
        if _NOT_A_STANCE_AFTER.match(rest):
            return None
        holders = _holders(view, entities, cue.start)
        if not holders and text[cue.start:cue.end].split()[0].endswith("ing"):
            holders = _participle_holder(view, entities, cue.start)
        if _NEGATION.search(text, max(0, cue.start - 20), cue.start):
            return None                  # "has not opposed": no stance stated
    elif cue.form == "base":
        allowed, refused = _base_ok(text, cue.start)
        if not allowed or _NOT_A_STANCE_AFTER.match(rest):
            return None
        negated = _NEGATION.search(text, max(0, cue.start - 20), cue.start)
        if negated and not (polarity == "support" and _WILL_NOT.search(text, max(0, cue.start - 20), cue.start)):
            return None                  # "did not defend" is not opposing, "did not oppose" not support
        if refused or negated:
            if polarity == "oppose":
                return None
            polarity = "oppose"          # "refused to back", "will not support"
        intent = _INTENT.search(text, max(0, cue.start - 40), cue.start)
        if intent and intent.group(1).lower() in word_lists("stances")["intent_nouns"]:
            # "Italy's willingness to support", "expressed its readiness to back"
            holders = _possessor(view, entities, intent.start(1)) or _light_verb_subject(view, entities, intent.start(1))
        else:
            holders = _holders(view, entities, _verb_phrase_start(text, cue.start))
    elif cue.form == "noun":
        holders = _possessor(view, entities, cue.start) or _light_verb_subject(view, entities, cue.start)
        verb = _NOUN_TARGET_END.search(rest)
        rest = rest[:verb.start()] if verb else rest      # "Chile's opposition to the dam is well known"
    elif cue.form == "adjunct":
        holders = _participle_holder(view, entities, cue.start)
    elif cue.form == "label":
        label = _LABEL_END.search(rest)
        if not label or label.start() == 0 or re.search(r"\bby\b", _clause(rest)) or _NOT_A_FINITE_VERB.search(
                text, max(0, cue.start - 12), cue.start) or _PASSIVE_BE.search(text, max(0, cue.start - 20), cue.start):
            return None                  # "a move branded a retreat by the Tories": the agent comes after
        holders = _holders(view, entities, cue.start) or (
            _participle_holder(view, entities, cue.start) if text[cue.start:cue.end].endswith("ing") else [])
        labelled = rest[:label.start()].split()
        if len(labelled) >= 3 and labelled[-1].endswith(_ADJECTIVE_ENDINGS):
            labelled = labelled[:-1]     # "branded the decision unacceptable"
        return (holders, [(polarity, _tidy(" ".join(labelled)))]) if holders else None
    elif cue.form == "denial":
        first = rest.split()[:3]
        claims = word_lists("stances")["claims"]
        if not any(w.lower().strip(",.") in claims for w in first) and not (
                first and first[0].strip(",.").lower() in ("it", "them")):
            return None                  # "denied him a place": not a claim denied
        holders = _holders(view, entities, cue.start)
    elif cue.form == "request":
        target = _request_target(rest)
        holders = _holders(view, entities, cue.start) if target else []
        return (holders, [(polarity, target)]) if holders and target else None
    elif cue.form == "want":
        if rest.lstrip().startswith("to ") or _NOT_A_FINITE_VERB.search(text, max(0, cue.start - 12), cue.start):
            return None                  # "wants to stay": a plan, not a stance
        holders = _holders(view, entities, cue.start)
    else:                                # advocacy: "X said Y should ..."
        advocated = _advocacy_target(rest)
        if advocated is None:
            return None
        holders = _holders(view, entities, cue.start)
        target, negated = advocated
        return (holders, [(_flip(polarity) if negated else polarity, target)]) if holders else None
    return (holders, _targets(rest, polarity)) if holders else None


def _verb_phrase_start(text: str, position: int) -> int:
    """Where the modal or "to" chain before a bare verb begins ("is to", "will not")."""
    match = re.search(r"(?:\b[\w']+\s+){1,4}$", text[max(0, position - 40):position])
    if not match:
        return position
    start = max(0, position - 40) + match.start()
    chain = text[start:position]
    words = chain.split()
    lexicon = word_lists("stances")
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in lexicon["modals"] or lower in lexicon["to_lead_ins"] or lower in lexicon["refusals"]:
            return start + chain.index(word)
    return position


def _sentence_stances(view: SentenceView, entities: list[Mention], cues: list[_Cue]) -> list[Stances]:
    """Every stance a sentence states, cue by cue, and advocacy with its speaker after it."""
    text = view.text
    found_all: list[Stances] = []
    used_until = 0                       # a cue inside an earlier cue's target is not a stance
    last: tuple[list[Mention], int] | None = None                # the previous stance's holders, end
    for cue, stop in zip(cues, _stops(text, cues)):
        if (cue.start < used_until and cue.form != "adjunct") or inside_quote(text, cue.start):
            continue
        found = _stance_of(view, entities, cue, stop)
        if found is None and last is not None and _AND_NEXT.fullmatch(text[last[1]:cue.start].lstrip(" ,")):
            found = _shared(view, cue, last[0], stop)   # "welcomed the report and called for"
        if found is None:
            continue
        holders, aims = found
        if text[cue.start:cue.end] in word_lists("stances")["people_only"]:
            holders = [h for h in holders if h.kind == "person"]
        if any(_OPEN_QUESTION.search(" ".join(text[:h.start].split()[-4:])) for h in holders):
            continue                     # "whether he is committed to peace": asked, not stated
        end = cue.end + len(_clause(text[cue.end:stop]))
        used_until = end
        last = (holders, end)
        found_all.append((holders, aims))
    if not found_all and _MODAL.search(text):
        postposed = _postposed_advocacy(view, entities)
        if postposed:
            found_all.append(postposed)
    return found_all


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    kept: list[tuple[str, str, set[str]]] = []
    previous_target: tuple[int, str] | None = None        # sentence index, target
    for index, view in enumerate(analysis.views):
        cues = _cues(view.text)
        if not cues:
            continue
        entities = sorted(view.persons + view.places + collectives(view), key=lambda m: m.start)
        if not entities:
            continue
        for holders, aims in _sentence_stances(view, entities, cues):
            for polarity, target in aims:
                if _PRONOUN_TARGET.match(target) and previous_target and previous_target[0] >= index - 1:
                    target = previous_target[1]          # "also denied them": the same claims
                words = _content(target)
                if (not words or len(target) < 4 or _TIME_START.match(target) or _OBJECT_PRONOUN.match(target)
                        or target.split()[0].lower() in word_lists("stances")["not_targets"] | _NOT_REQUESTED):
                    continue
                previous_target = (index, target)
                for holder in holders:
                    name = _holder_name(analysis, holder)
                    if any(h == name and p == polarity and len(words & w) * 2 >= min(len(words), len(w))
                           for h, p, w in kept):
                        continue
                    kept.append((name, polarity, words))
                    facts.append(analysis.fact("stance", {"holder": name, "polarity": polarity,
                                                          "target": target}, view))
    return facts


def _shared(view: SentenceView, cue: _Cue, holders: list[Mention], stop: int) -> Stances | None:
    """A second verb joined by "and" to a stance's verb shares its holders."""
    if cue.form not in ("verb", "base"):
        return None
    return holders, _targets(view.text[cue.end:stop], cue.polarity)


_AND_NEXT = re.compile(r"\band\s+(?:(?:\w+ly|also|will|would|then|has|have)\s+)*$")


def _stops(text: str, cues: list[_Cue]) -> list[int]:
    """For each cue, where its target must end at the latest: the next cue verb joined by "and"."""
    stops = []
    for index, cue in enumerate(cues):
        stop = len(text)
        gerund = text[cue.start:cue.end].split()[0].endswith("ing")
        for later in cues[index + 1:]:
            same_form = text[later.start:later.end].split()[0].endswith("ing") == gerund
            if later.form in ("verb", "base") and same_form and _AND_NEXT.search(text, cue.end, later.start):
                stop = _AND_NEXT.search(text, cue.end, later.start).start()
                break
        stops.append(stop)
    return stops
