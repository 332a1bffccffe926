"""Fact extraction: one module per fact kind, run in order by the registry."""
from .registry import extract_facts

__all__ = ["extract_facts"]
