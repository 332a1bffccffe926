"""One story written for the reader tests, and the ways a teacher might have saved it.

The page's furniture (menu, cookie notice, sidebar, caption, footer, script) is
full of sentences the rules would turn into facts, so a fact that leaks from it
shows up in the tests.
"""
from __future__ import annotations

import html
import io

TITLE = "Harbour talks end with fishing deal"
PARAGRAPHS = [
    "Norland\u2019s Foreign Minister Ingrid Dahl met Prime Minister Tomas Varga of Vesterland "
    "in Kessel on Tuesday to settle a two-year quarrel over fishing rights.",
    "The deal lets 340 boats from each country fish the northern banks and sets up a fund of "
    "$45 million to rebuild the harbour at Kessel, officials said.",
    "\u201cThis agreement was hard-won,\u201d Dahl told reporters after the talks. \u201cOur "
    "fishermen can go back to sea.\u201d",
    "Varga said his government supports the new quotas, while the opposition leader Marek Oban "
    "said his party opposes the fund.",
    "The talks began on March 3, 2021, and were the first since Dahl visited Vesterland last "
    "year.",
    "Trade between the two countries rose 12 percent last year to $2.3 billion.",
]
STORY = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

# Furniture with facts in it: none of these may reach the story.
FURNITURE_SENTENCES = [
    "Finance Minister Olu Bade met President Ravi Menon in Lisbon on Friday.",
    "Shares in Kessel Shipping rose 40 percent to $9 billion.",
    "Secretary of State Ana Lorca visited Paris on Monday.",
    "Health Minister Lena Holm said she opposes the cookie law.",
]


def saved_page(title: str = TITLE, paragraphs: list[str] = PARAGRAPHS, charset: str = "utf-8") -> str:
    """The story as a browser saves a news site's page: the article among menus and footers."""
    first, rest = paragraphs[:2], paragraphs[2:]
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in first)
    body += ('<figure><img src="harbour.jpg" alt=""><figcaption>Photo: Lena Holm said the harbour '
             'was rebuilt in 1990.</figcaption></figure>\n')
    body += "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in rest)
    menu = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in
                   ("Home", "World", "Business", "Politics", "Sport", "Weather"))
    popular = "".join(f'<li><a href="/story/{n}">{html.escape(s)}</a></li>'
                      for n, s in enumerate(FURNITURE_SENTENCES))
    f1, f2, f3, f4 = (html.escape(s) for s in FURNITURE_SENTENCES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{html.escape(title)} - The Kessel Courier</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="2021-03-04T09:30:00Z">
<script>window.dataLayer = [{{"headline": "{f1}"}}];</script>
<style>body {{ font-family: sans-serif; }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies. {f4} Do you accept?</p>
<button>Accept all</button> <button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">The Kessel Courier</a>
<nav class="main-nav"><ul>{menu}</ul></nav></header>
<main><article class="story">
<h1>{html.escape(title)}</h1>
<p class="byline">By Staff Reporter, <time datetime="2021-03-04">4 March 2021</time></p>
{body}</article>
<aside class="sidebar"><h2>Most read</h2><ol>{popular}</ol>
<div class="newsletter"><p>{f2} Sign up to our newsletter.</p></div></aside></main>
<footer class="site-footer"><p>{f3}</p><p>&copy; 2021 The Kessel Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<script>document.write("{f1}");</script>
</body></html>
"""


def word_file(title: str = TITLE, paragraphs: list[str] = PARAGRAPHS) -> bytes:
    """The story as a Word .docx: the title as the opening heading, one paragraph each."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
