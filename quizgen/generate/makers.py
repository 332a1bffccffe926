"""The five question forms, the same for every fact kind: the phrasing supplies the words."""
from __future__ import annotations

import random
import re

from ..answers import accepted_forms, find_span, normalize, surname
from ..extract.names import places
from ..lexicon import word_set
from ..models import Fact, Question, Story, question_id, stable_id
from ..numbers import NUMBER_WORD_PATTERN, parse_number
from .context import StoryContext, looks_like_person
from .clauses import has_a_finite_verb
from .distractors import MONTHS, pick
from .phrasing import PHRASINGS, Phrasing
from .phrasing.role import country_demonym
from .standalone import cloze_stands_alone, gives_both_ends, without_connective
from .templates import Template
from .wire import plain_words, tidy

BLANK = "_____"
CLOZE_MAX_WORDS = 45
MATCHING_MIN, MATCHING_MAX = 3, 6
SUPPORT_WINDOW = 3      # sentences back to look for the name a pronoun stands for
# "He ...", "Despite signs of recovery, he ...": a subject pronoun that opens the sentence or its main clause.
_SUBJECT_PRONOUN = re.compile(r"^(?:[^,\"“”]{3,80}, )?(?P<pronoun>[Hh]e|[Ss]he)\b")
_TWO_SENTENCES = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sen|Rep|Gov|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|Prof)\.)"
                            r"\w*[a-z0-9%)][.!?] [A-Z]")
_NUMBER = re.compile(r"\d[\d,.]*")
CLOZE_MAX_NUMBERS = 4
# "$10m (£5.4m)", "five miles (eight kilometers)", "60-80 mph (about 95-130 km/h)": one gives the other away.
_CONVERTED = re.compile(r"^[\w%]*(?:\s+[\w/%]+)?\s*\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?"
                        rf"(?:[$£€¥]|US\$|\d|(?i:{NUMBER_WORD_PATTERN})\b)")
_MONTH = re.compile(rf"(?<!^)\b(?:{'|'.join(MONTHS)})\b")        # not "May performed with Rodgers"
_FROM_A_FIGURE = re.compile(r"\bfrom (?:a )?[$£€]?\d")
_NAME_GOES_ON = re.compile(r"\s+(?:de|du|des|la|le|van|von|der|da|di)\s+[A-Z]|['’](?!s)")
_EDGE_OF = re.compile(r"^(?:the )?(?:end|start|beginning|middle|turn|close|first half|second half) of "
                      r"(?P<date>.*\d.*)$", re.IGNORECASE)
_NAMES = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}"
_LISTED_AFTER = re.compile(rf"(?: [\w'-]+){{1,5}}?(?::| in| -| —|,| \() {_NAMES}(?:, {_NAMES})*,? and {_NAMES}")
_DAY_AFTER = re.compile(rf"\s+(?:\d|(?i:{NUMBER_WORD_PATTERN})\b)")
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_GIVES_AWAY = re.compile(r"\b[Aa]n $")          # "an _____ fall", "an _____ ban": eight, eleven, eighteen
_COMMA_SPLICE = re.compile(r", (?:He|She|It|They|We) [a-z]")     # "indicted in the case, He has pleaded": a typo
_NOT_A_POST = ("member of", "supporter of")     # another role the story gives, but no answer to "what position"
# "_____/88", "_____ to 12", "_____ or six", "_____ and February": one end of a range or pair gives the other
_RANGE = re.compile(r"^\s*(?:(?:and|or|to|-|–|/)\s*\d|(?:and|or|to)\s+(?:one|two|three|four|five|six|seven|eight|"
                    r"nine|"
                    r"ten|twelve|twenty|January|February|March|April|May|June|July|August|September|October|"
                    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
# "Monday and _____", "4-_____ March", "January and _____": the blank would take one end of a range
_RANGE_BEFORE = re.compile(r"(?:\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
                           r"January|February|March|April|May|June|July|August|September|October|November|December|"
                           r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?:and|or|to)\s*"
                           r"|/|\d\s*[-–]\s*)$", re.IGNORECASE)


def rng_for(seed: int, *parts: str) -> random.Random:
    return random.Random(stable_id(seed, *parts))


def _prompt(template: Template, values: dict[str, str]) -> str | None:
    """The template's wording for this fact's variant, filled in, as a sentence starts."""
    wording = template.prompt_for(values.get("variant", ""))
    if wording is None:
        return None
    text = _OWN_MARK_THEN_QUESTION.sub(r"\1", plain_words(wording.format(**values)).strip())
    return text[:1].upper() + text[1:]


# 'Who said: “What will we make in Sweden?”?': the quotation's own mark ends the question.
_OWN_MARK_THEN_QUESTION = re.compile(r"([?!][”\"’'])\?$")


def _base(fact: Fact, template: Template, form: str, context: StoryContext, support: list[str],
          named: str = "", **fields) -> Question | None:
    """A question whose `source` shows its answer (`support`) and the person it names, or None."""
    source = supporting_source(context.story, fact, support, named)
    if source is None:
        return None
    record = context.record(fact)
    return Question(id=question_id(context.story.id, record["id"], template.id, form), source=source,
                    story=context.story.id, fact=dict(record), tags=[fact.type, context.story.id], template=template.id,
                    difficulty=template.difficulty, score=round(min(1.0, fact.confidence), 3), **fields)


def supporting_source(story: Story, fact: Fact, answers: list[str], named: str = "") -> str | None:
    """The fact's sentence, extended back to the sentence that names the answer (or the person
    the question is about) when it only says "she". Verbatim story text either way, so a student
    sees where the answer comes from; None when no nearby text shows it.
    """
    groups = [[f" {normalize(a)} " for a in answers if normalize(a)]]
    if named and named not in answers:
        groups.append([f" {normalize(n)} " for n in (named, surname(named)) if normalize(n)])
    groups = [g for g in groups if g]
    if all(_mentions(fact.sentence, g) for g in groups):
        return fact.sentence
    index = _sentence_index(story, fact)
    if index is None:
        return None
    for earlier in range(index - 1, max(-1, index - 1 - SUPPORT_WINDOW), -1):
        span = re.sub(r"\s*\n\s*", " ", story.text[story.sentences[earlier].start:fact.end])
        if all(_mentions(span, g) for g in groups):
            return span
    return None


def _sentence_index(story: Story, fact: Fact) -> int | None:
    return next((i for i, s in enumerate(story.sentences) if s.start == fact.start), None)


def _mentions(text: str, wanted: list[str]) -> bool:
    padded = f" {normalize(text)} "
    return any(w in padded for w in wanted)


def make_short(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
               seed: int, phrasing: Phrasing) -> Question | None:
    """A short-answer question: the student types the answer."""
    return make_mcq(fact, template, values, context, seed, phrasing, with_choices=False)


def make_mcq(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
             seed: int, phrasing: Phrasing, with_choices: bool = True) -> Question | None:
    """Multiple choice when three good distractors exist, else a short-answer question."""
    answer = plain_words(values.get(template.answer, ""))
    prompt = _prompt(template, values)
    if not answer or not prompt:
        return None
    rng = rng_for(seed, context.record(fact)["id"], template.id)
    forms = accepted_forms(answer, template.kind)
    accepted = _own_forms(forms, template.kind, context)
    raw = values.get("text", "")
    if template.kind == "number" and raw and normalize(raw) != normalize(answer):
        accepted.append(raw)                        # the story's own "310 mln"
    support = [f for f in forms if f not in accepted]    # shows the answer in the story, not accepted alone
    if template.kind == "position":
        others = [t for t in sorted(context.titles_by_person.get(fact.slots.get("person", ""), ()))
                  if t != answer and not t.lower().startswith(_NOT_A_POST)]
        support = [t for t in others if " " not in t.strip() and f" {normalize(t)} " in f" {normalize(answer)} "]
        accepted += [t for t in others if t not in support]      # not a bare "leader" for "Tory leader"
        org = str(fact.slots.get("org") or "")
        if org and normalize(org) not in normalize(answer) and not _names_a_country_first(answer):
            accepted.append(f"{country_demonym(org) or org} {answer}")    # "Ferruzzi chairman", "Norwegian Foreign Minister"
        elif org and normalize(org) not in normalize(str(fact.slots["title"])) and org not in places().country_of:
            accepted.append(f"{org} {fact.slots['title']}")      # "Kesselberg chairman", as the story put it
    never = (*phrasing.also_true(fact, template, values, context),
             *phrasing.implausible(fact, template, values, context))
    if template.kind == "person":       # "Who called Trump's conduct a breach?": not Trump
        stem = f" {normalize(prompt)} "
        never += tuple(p for p in context.pools.people if f" {normalize(surname(p) or p)} " in stem)
    distractors = [] if not with_choices else pick(answer, template.kind, context.pools, rng, also_true=never,
                                                   tense=values.get("tense", ""))
    question = _base(fact, template, "ask", context, [answer, *accepted, *support], values.get("person", ""),
                     type="short", prompt=prompt, answer=answer, accepted=accepted)
    if question is None:
        return None
    if len(distractors) == 3:
        choices = [answer, *distractors]
        rng.shuffle(choices)
        question.type, question.choices = "mcq", choices
        question.difficulty = max(1, template.difficulty - 1) if template.kind != "number" else template.difficulty
    elif template.kind in ("quote", "number"):
        question.difficulty = min(3, template.difficulty + 1)
    return question


def _own_forms(forms: list[str], kind: str, context: StoryContext) -> list[str]:
    """"Ambani" alone is no answer where the story names two Ambanis (Mukesh and Anil, or Jimi
    and Janie Hendrix, whether or not the other has a fact of their own)."""
    if kind != "person":
        return forms
    titles = word_set("honorifics") | word_set("surname_titles")
    return [form for form in forms if len(context.given_names.get(form, set()) - titles) < 2]


def _names_a_country_first(answer: str) -> bool:
    """ "U.S. President", "Greek prime minister": the answer already says whose post it is."""
    table = places()
    words = answer.split()
    return any(" ".join(words[:size]) in table.names or " ".join(words[:size]) in table.demonyms for size in (1, 2))


def make_truefalse(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
                   seed: int, phrasing: Phrasing) -> Question | None:
    """A statement that is true, or made false by a value the story rules out."""
    rng = rng_for(seed, context.record(fact)["id"], template.id, "truefalse")
    truth = rng.random() < 0.5
    changed = None if truth else phrasing.ruled_out(fact, template, values, context, rng)
    truth = changed is None
    statement = _prompt(template, {**values, **(changed or {})})
    true_statement = _prompt(template, values)
    if not statement or not true_statement:
        return None
    answer = values.get(template.answer, "")
    support = [answer, *accepted_forms(answer, template.kind)] if template.kind not in ("action",) else []
    explanation = "True: the story says so." if truth else f"False: {true_statement}"
    return _base(fact, template, "truefalse", context, support, values.get("person", ""), type="truefalse",
                 prompt=statement, answer="True" if truth else "False", choices=["True", "False"],
                 explanation=explanation)


def make_cloze(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
               seed: int, phrasing: Phrasing) -> Question | None:
    """The sentence, tidied for print, with the answer's words blanked (and Anki cloze syntax);
    a pronoun that opens it gets the name it stands for in brackets."""
    answer = plain_words(values.get(template.answer, ""))
    edge = _EDGE_OF.match(answer) if template.kind == "when" else None
    if edge:
        answer = edge.group("date")          # "at the end of _____": the year, not "at the _____"
    sentence = without_connective(tidy(fact.sentence))
    named = ""
    if _TWO_SENTENCES.search(sentence) or len(_NUMBER.findall(sentence)) > CLOZE_MAX_NUMBERS:
        return None                 # which of many figures: the blank would not say
    pronoun = _SUBJECT_PRONOUN.match(sentence)
    if pronoun:
        named = _pronoun_stands_for(fact, values, context, female=pronoun.group("pronoun").lower() == "she")
        if not named:
            return None
        at = pronoun.start("pronoun")
        shown = surname(named) or named
        shown = shown[:1].upper() + shown[1:] if not sentence[:at].strip() else shown    # "[Van Nistelrooy] has"
        sentence = sentence[:at] + f"[{shown}]" + sentence[pronoun.end("pronoun"):]
    index = find_span(sentence, answer)
    if index < 0 or len(sentence.split()) > CLOZE_MAX_WORDS or _RANGE.match(sentence[index + len(answer):]) \
            or _RANGE_BEFORE.search(sentence[:index]):
        return None                 # "On December 5 and 6", "two or three": the blank would take half a range
    if sentence[:index].count("(") > sentence[:index].count(")") or _CONVERTED.match(sentence[index + len(answer):]):
        return None                 # "$10m (£5.4m)", "(£227bn; 331bn euros)": one figure gives the other away
    prompt = sentence[:index] + BLANK + sentence[index + len(answer):]
    if template.kind == "when" and sentence[index + len(answer):].startswith(("'s", "’s")):
        return None                 # "_____'s lawsuit": the blank reads as someone's name
    if template.kind == "when" and _THE_BEFORE.search(sentence[:index]) and (
            sentence[index + len(answer):index + len(answer) + 2].strip()[:1].islower()
            or re.match(r",? [A-Z]", sentence[index + len(answer):])):
        return None                 # "The 29 March game", "the September 22, 1985, Plaza accord": the date names
                                    # the thing; "China" fits the blank too
    if answer.endswith(("%", "percent")) and gives_both_ends(sentence[index + len(answer):]):
        return None                 # "rose _____ to $51.2bn from $48.8bn": the sentence works it out
    if sentence.startswith("(") or not has_a_finite_verb(sentence):
        return None                 # "(Power Corp) said", "X AG's 100 mln dlrs of eurobonds due 1997.": no sentence
    if answer in MONTHS and _DAY_AFTER.match(sentence, index + len(answer)):
        return None                 # "until _____ Three": the month of a date written out
    if _NAME_GOES_ON.match(sentence, index + len(answer)):
        return None                 # "_____ de France": half a name; "director _____' film": the s it ends in
    if _GIVES_AWAY.search(sentence[:index]) or _COMMA_SPLICE.search(sentence) or (
            answer in MONTHS and len(_MONTH.findall(sentence)) > 1 and _FROM_A_FIGURE.search(sentence)):
        return None                 # "an _____ fall" is 8%; "in _____ ... from 82,000 in December" is January
    if template.kind == "number" and _LISTED_AFTER.match(sentence, index + len(answer)) and \
            (parse_number(answer) or 0) in range(2, 7):
        return None                 # "lost _____ props in White and Vickery", "_____ names: Nintendo, Nokia and Sony":
                                    # the names the count counts follow it
    if not cloze_stands_alone(prompt, context.names, blank_is_a_person=template.kind == "person"):
        return None                 # "His predecessor", "a meeting here", "it added": whom, where?
    cloze = sentence[:index] + "{{c1::" + answer.replace("}}", "} }") + "}}" + sentence[index + len(answer):]
    forms = accepted_forms(answer, template.kind)
    accepted = _own_forms(forms, template.kind, context)
    raw = str(values.get(template.answer, ""))
    if normalize(raw) != normalize(answer):
        accepted.append(raw)
    return _base(fact, template, "cloze", context, [answer, *forms, *accepted], named, type="cloze", prompt=prompt,
                 answer=answer, cloze=cloze, accepted=accepted)


def _pronoun_stands_for(fact: Fact, values: dict[str, str], context: StoryContext, female: bool) -> str:
    """Whom 'He' or 'She' at a sentence's start stands for: the fact's own person, or the one
    person the sentence before names (an "eleven-month-old boy" between them is not in the pools)."""
    own = {"meeting": (fact.slots.get("people") or [""])[0], "visit": fact.slots.get("person"),
           "stance": fact.slots.get("holder"), "quote": fact.slots.get("speaker")}.get(fact.type)
    if own and normalize(surname(own) or own) not in normalize(fact.sentence).split():
        return str(own)
    index = _sentence_index(context.story, fact)
    if not index:
        return ""
    text = f" {normalize(context.story.sentences[index - 1].text)} "     # further back, "he" may be anyone
    own_words = f" {normalize(fact.sentence)} "                            # "He quoted Chang as saying": not Chang
    named = {p for p in context.pools.people if looks_like_person(p) and f" {normalize(surname(p))} " in text
             and f" {normalize(surname(p))} " not in own_words and (p.split()[0] in word_set("female_names")) == female}
    return named.pop() if len(named) == 1 else ""


def make_matching(template: Template, context: StoryContext) -> Question | None:
    """Per story: people to their positions, or speakers to what they said."""
    phrasing = PHRASINGS[template.fact]
    pairs, used_left, used_right, sources, ids = [], set(), set(), [], []
    for fact in context.facts:
        if fact.type != template.fact:
            continue
        pair = phrasing.matching_pair(fact, context)
        if pair is None:
            continue
        left, right = pair
        if not left or not right or left in used_left or normalize(right) in used_right:
            continue
        used_left.add(left)
        used_right.add(normalize(right))
        pairs.append([left, right])
        ids.append(fact.id)
        if fact.sentence not in sources:
            sources.append(fact.sentence)
        if len(pairs) == MATCHING_MAX:
            break
    if len(pairs) < MATCHING_MIN:
        return None
    return Question(
        id=stable_id(context.story.id, template.id, sorted(ids)), type="matching", prompt=template.prompt,
        answer="; ".join(f"{left} — {right}" for left, right in pairs), pairs=pairs, source=" ".join(sources),
        story=context.story.id, fact={"type": template.fact, "story": context.story.file, "facts": ids},
        tags=[template.fact, context.story.id], template=template.id, difficulty=template.difficulty)


MAKERS = {"short": make_short, "mcq": make_mcq, "truefalse": make_truefalse, "cloze": make_cloze}
