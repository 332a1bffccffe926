"""Fact extraction: one module per fact kind, run in order by the registry.

`names` reads a story once (people, places, later mentions resolved to full
names); `roles`, `meetings`, `quantities`, `dates`, `stances`, `visits` and
`quotes` each turn that reading into facts of their kind (FACTS.md). The words
the rules rely on are data a person can extend in `quizgen/data/`: titles.txt,
title_modifiers.txt, honorifics.txt, surname_titles.txt, parties.txt,
organisations.txt, not_names.txt, not_people.txt, female_names.txt,
name_context.yaml, places.yaml, cues.yaml, meetings.yaml, visits.yaml, stances.yaml,
numbers.yaml and dates.yaml.
"""
from .registry import extract_facts

__all__ = ["extract_facts"]
