"""quizgen: news stories in, study material out (facts, questions, decks, quizzes).

The library is usable without the CLI:

    from quizgen.stories import load_story
    from quizgen.extract import extract_facts
    from quizgen.generate import generate_questions
"""
__version__ = "0.1.0"
