"""Stances: 'Robert Tapsfield criticised the existing system.' (true or false), 'What did Charles
Kennedy urge students to do?'. The verb is the story's own; a false statement takes its opposite."""
from __future__ import annotations

import random
import re
from functools import lru_cache

from ...extract.names import places
from ...extract.stances import VOICED
from ...answers import surname
from ...lexicon import data_file, word_set
from ..clauses import bare_definite, verb_tags, word_classes
from ..wire import tidy
from ..context import looks_like_person
from .base import Phrasing, with_article

TARGET_WORDS = 18
ACTION_WORDS = 12
_AUX = ("has", "have", "had", "will", "would", "also", "again", "strongly", "publicly", "repeatedly")
_ENDS_BADLY = {"to", "and", "that", "said", "of", "for", "the", "a", "an", "with", "by", "in", "on", "as", "but",
               "saying", "who", "which", "over", "from"}
_CLOSERS = {"and", "but", "which", "who", "while", "because", "after", "before", "saying", "as"}
_PRONOUNS = {"him", "her", "them", "it", "us", "me", "you", "this", "that"}
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
_BE = {"be", "been", "being", "is", "are", "was", "were"}
_PERSONAL = {"he", "she", "him", "they", "them"}
_UNNAMED_FORMER = {"the former", "the then", "the late"}


@lru_cache(maxsize=1)
def _verbs() -> tuple[dict[str, str], tuple[str, ...]]:
    table = data_file("questions/stance_verbs")
    return ({str(k): str(v) for k, v in table["opposites"].items()},
            tuple(sorted(map(str, table["urging"]), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _judging() -> frozenset[str]:
    return frozenset(map(str, data_file("questions/stance_verbs")["judging"]))


@lru_cache(maxsize=1)
def _means() -> re.Pattern[str]:
    """ "in a letter", "in a statement on Monday": how the holder urged, cut from the action."""
    words = "|".join(map(re.escape, data_file("questions/stance_verbs")["means"]))
    return re.compile(rf"\s+(?:in|by|through)\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:{words})\b.*$")


class StancePhrasing(Phrasing):
    fact_type = "stance"
    derived = ("stance_verb", "stance_lemma", "target", "urge", "urged", "addressee", "action", "has")
    conditions = ("stated_stance", "asked_target", "urged_action", "asked_holder")

    def values(self, fact, context):
        if fact.slots.get("polarity") not in ("support", "oppose"):
            return None
        values = super().values(fact, context)
        holder = str(fact.slots["holder"])
        if not holder.split():
            return None                   # a blank holder (a hand-made fact): no one to ask about
        first = holder.split()[0]
        if len(holder.split()) > 1 and set(word_classes(first.lower())) == {"ADJ"} and first not in places().country_of:
            return None                   # "Defiant Matt Williams": the story's adjective, not the holder's name
        target = str(fact.slots["target"]).strip(" ,;:\"'“”")
        if not target or target.split()[0].lower() in _PRONOUNS | _POSSESSIVES:
            return None                   # "endorsed his former rival": whom, the question cannot say
        values["holder"] = _the_party(with_article(holder))
        sentence = tidy(fact.sentence)
        values.update(stated(sentence, target) or stated(_QUOTE_MARKS.sub("", sentence), target) or {})
        values.update({k: v for k, v in (urged(sentence) or {}).items() if k not in values})
        return values

    def holds(self, condition, fact, values, context):
        if condition == "stated_stance":
            return bool(values.get("stance_verb"))
        if condition == "asked_target":       # one thing the holder is said to do this to
            same = [f for f in context.facts if f.type == "stance" and f.slots["holder"] == fact.slots["holder"]
                    and f.slots.get("polarity") == fact.slots.get("polarity")]
            named = any(f" {p} " in f" {values['target']} " for p in context.pools.people) or \
                values.get("target", "").split(" ")[0] in places().names      # "What has Kuwait backed?" "Iraq in the war"
            return bool(values.get("stance_lemma")) and len(same) == 1 and not named   # "What did X defend?" of a man
        if condition == "urged_action":
            return bool(values.get("action"))
        if condition == "asked_holder":         # "Who criticised the harbour agreement?": one person said it
            return _one_persons_stance(fact, values, context)
        return False

    def ruled_out(self, fact, template, values, context, rng: random.Random):
        """The opposite verb: the story says the holder did the one, so not the other."""
        opposites, _ = _verbs()
        aux, _, verb = values["stance_verb"].rpartition(" ") if " " in values["stance_verb"] and \
            values["stance_verb"].split()[0] in _AUX else ("", "", values["stance_verb"])
        opposite = opposites.get(verb)
        if not opposite or _asks_someone_to_act(values["target"].split()):
            return None
        changed = {"stance_verb": f"{aux} {opposite}".strip()}
        judged, reason, _ = values["target"].partition(" for ")
        if reason and verb in _judging() and judged.strip():
            changed["target"] = judged        # not "praised Kessel for its reckless spending"
        return changed


def _cut_short(words: list[str], after: list[str]) -> bool:
    """A target that stops mid-phrase: "on GMTV's", "the idea that the Tories", "both the chancellor",
    "had been clearly", "an early election only", or one name of a list ("senior stars Ryan Giggs [and
    Paul Scholes]")."""
    last = words[-1]
    if last.endswith(("'s", "’s")) or len(words) > 1 and words[-2].lower() in _BE and "ADV" in word_classes(last.lower()):
        return True
    if last.lower() in ("only", "just", "simply", "merely", "even"):
        return True             # "supported an early election only [because ...]": the reason was cut off
    if words[0].lower() == "both":
        return True
    if "that" in words and not any(verb_tags(w.lower()) for w in words[words.index("that") + 1:]):
        return True
    return bool(after) and after[0].lower() == "and" and last[:1].isupper() and after[1:2] != [] and \
        after[1][:1].isupper()


def _one_persons_stance(fact, values, context) -> bool:
    """A person's stance in a verb that agrees with one subject ("has called for", "criticised"),
    on a target that names no one else's and is not also anyone else's in the story."""
    holder, verb, target = str(fact.slots["holder"]), values.get("stance_verb", ""), values.get("target", "")
    if not verb or not looks_like_person(holder):
        return False
    first, last = verb.split()[0], verb.split()[-1]
    if not (first in ("has", "had", "will", "would") or {"VBD", "VBZ"} & set(verb_tags(last))):
        return False            # "call for": a verb of many holders
    if any(f" {name} " in f" {target} " or f" {surname(name)} " in f" {target} " for name in context.pools.people):
        return False            # "criticised Ivo Lund": whom the story names, a student could pick by elimination
    words = target.split()
    if words[0].lower() == "the" and len(words) <= 3 and all(w.islower() for w in words):
        return False            # "Who applauded the decisive move?": which move, the story said before
    return not any(f is not fact and f.type == "stance" and f.slots.get("target") == fact.slots.get("target")
                   for f in context.facts)


_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")      # the target keeps the story's words, not its quote marks


# Where a target's phrase ends: a comma or a full stop, but not the dots of "U.S." or "3.5".
_PHRASE_END = re.compile(r",(?!\d)|(?<![A-Z])\.(?!\d)|\.(?=\s|$)(?<!\b[A-Z]\.)|[;:!?(]| - ")


def stated(sentence: str, target: str) -> dict[str, str] | None:
    """The story's verb before the target ('has called for') and the target up to its clause's end."""
    opposites, _ = _verbs()
    at = sentence.find(target)
    if at < 0 or not target:
        return None
    before = sentence[:at].split()
    verb = ""
    for size in (2, 1):
        candidate = " ".join(before[-size:])
        if candidate in opposites:
            verb = candidate
            aux = [w for w in before[-size - 2:-size] if w in _AUX]
            if aux and before[-size - len(aux):-size] == aux:
                verb = " ".join([*aux, verb])
            break
    if not verb:
        return None
    if {w.lower() for w in before[-len(verb.split()) - 3:-len(verb.split())]} & _past_stance():
        return None             # "had previously opposed": a stance the story says was, not is
    if verb.split()[0] in ("will", "would"):
        return None             # "Reagan will reject the tax increase": a forecast, often someone else's
    base_form = not set(verb_tags(verb.split()[-1] if " " not in verb else verb.split()[0])) & {"VBD", "VBZ"}
    preceding = before[-len(verb.split()) - 1] if len(before) > len(verb.split()) else ""
    if preceding.lower() == "to" or base_form and not verb.split()[0] in _AUX and not _plural(preceding):
        return None             # "is expected to call for ...", "Kennedy back ...": no clause of the holder's own
    rest = sentence[at:]
    ends = [found.start() for found in (_PHRASE_END.search(rest), VOICED.search(rest)) if found]
    phrase = rest[:min(ends)] if ends else rest             # not "on Twitter": where it was said
    words = phrase.split()
    closer = next((i for i, w in enumerate(words) if i and w.lower() in _CLOSERS), len(words))
    words = words[:closer]                              # "the proposal and Germany's parties have ...": one clause
    if " ".join(words).count('"') % 2 or " ".join(words).count("“") != " ".join(words).count("”"):
        return None
    if not words or len(words) > TARGET_WORDS or words[-1].lower() in _ENDS_BADLY or words[0].lower() in _PRONOUNS:
        return None
    if len(words) < 2 or bare_definite(words) or set(word_classes(words[-1].lower())) == {"ADJ"}:
        return None             # "criticised the move", "praised nations", "Labour's unfair": cut short
    if " ".join(words[:2]).lower() in _UNNAMED_FORMER or _PERSONAL.intersection(w.lower() for w in words):
        return None             # "praises the former MTV VJ for what he has done": whom, for what?
    if _cut_short(words, phrase.split()[closer:closer + 2]):
        return None
    verb = " ".join(w for w in verb.split() if w not in ("also", "again"))   # "also criticised": as what else?
    return {"stance_verb": verb, "target": " ".join(words), **_asking_form(verb)}


def _asks_someone_to_act(words: list[str]) -> bool:
    """ "the commissioner to investigate": "called for" it reads well, "opposed" it does not
    ("plans to process claims" and "failing to act" are things, and read well with either)."""
    return any(nxt == "to" and "VB" in verb_tags(verb_after) and prev.lower() not in _infinitive_nouns()
               and not prev.endswith("ing") for prev, nxt, verb_after in zip(words, words[1:], words[2:]))


def _the_party(holder: str) -> str:
    """'Conservatives' -> 'the Conservatives', 'Home Office' -> 'the Home Office': a party's members
    and a body named by its kind take the article."""
    if " " not in holder and holder.endswith("s") and (holder in word_set("parties") or holder[:-1] in word_set("parties")):
        return f"the {holder}"
    if " " in holder and holder.split()[-1] in _institution_words() and not holder.lower().startswith("the "):
        return f"the {holder}"
    return holder


@lru_cache(maxsize=1)
def _infinitive_nouns() -> frozenset[str]:
    return frozenset(str(w) for w in data_file("questions/stance_verbs")["infinitive_nouns"])


@lru_cache(maxsize=1)
def _past_stance() -> frozenset[str]:
    return frozenset(str(w) for w in data_file("questions/stance_verbs")["past_stance"])


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(str(w) for w in data_file("questions/posts")["institution_words"])


def _plural(word: str) -> bool:
    """ "Tories", "Democrats": a subject that takes "want", not "wants"."""
    return word.endswith("s") and not word.endswith(("'s", "\u2019s", "ss")) and word[:1].isupper()


def _asking_form(verb_group: str) -> dict[str, str]:
    """'has called for' -> perfect 'called for'; 'criticised' -> past 'criticise'; 'backs' -> present 'back'."""
    words = verb_group.split()
    aux = [w for w in words if w in ("has", "have", "had", "will", "would")]
    main = [w for w in words if w not in _AUX]
    tags = verb_tags(main[0])
    lemma = " ".join([tags.get("VBD") or tags.get("VBZ") or tags.get("VB") or main[0], *main[1:]])
    if aux and aux[0] in ("has", "have"):
        return {"variant": "perfect", "stance_lemma": " ".join(main), "has": aux[0]}
    if aux:
        return {}
    if "VBZ" in tags:
        return {"variant": "present", "stance_lemma": lemma}
    if "VBP" in tags and "VBD" not in tags:
        return {"variant": "plural", "stance_lemma": lemma}     # "The Tories want ...": "What do the Tories want?"
    return {"variant": "past", "stance_lemma": lemma}


@lru_cache(maxsize=1)
def _urging_pattern() -> re.Pattern[str]:
    _, urging = _verbs()
    return re.compile(r"\b(?:(?P<perfect>has|have|had) )?(?P<verb>" + "|".join(map(re.escape, urging)) +
                      r") (?P<who>[^,;:\"“”]{1,60}?) to (?P<what>.+)$")


def urged(sentence: str) -> dict[str, str] | None:
    """'X urged students to "make their mark"' -> urge, urged, addressee 'students', action 'make their mark'."""
    match = _urging_pattern().search(sentence)
    if not match:
        return None
    verb, who = match.group("verb"), match.group("who").strip()
    if who.split()[0].lower() in _PRONOUNS or len(who.split()) > 6 or bare_definite(who.split()):
        return None             # "urged the men to ...": who they are, only the sentence before says
    what = re.split(r"[,;:.!?()]| - | and said\b| saying\b| and to\b", match.group("what"))[0]
    what = _means().sub("", what)
    words = re.sub(r"[\"“”]", "", what).strip(" '").split()      # the action, without the story's quote marks
    if not words or len(words) > ACTION_WORDS or "VB" not in verb_tags(words[0]) or words[-1].lower() in _ENDS_BADLY:
        return None
    head = verb.split()
    tags = verb_tags(head[0])
    lemma = tags.get("VBD") or tags.get("VBZ") or tags.get("VB") or head[0]
    tense = "perfect" if match.group("perfect") else ("present" if "VBZ" in tags else "past")
    return {"urge": " ".join([lemma, *head[1:]]), "urged": verb, "addressee": who, "action": " ".join(words),
            "variant": tense, "has": match.group("perfect") or ""}


PHRASING = StancePhrasing()
