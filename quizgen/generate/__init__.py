"""Question generation: templates (data) applied to facts by one generator."""
from .generator import generate_questions

__all__ = ["generate_questions"]
