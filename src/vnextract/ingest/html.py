"""Visible text of an HTML page, with block elements as paragraph breaks (standard library only)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# containers whose content is never article text; an <aside> is visible text (its related
# headlines name places and dates), and the furniture rules know its lines
_SKIP = frozenset(
    [
        "script",
        "style",
        "nav",
        "header",
        "form",
        "noscript",
        "iframe",
        "head",
        "template",
        "svg",
        "button",
        "select",
        "object",
        "canvas",
    ]
)
# elements that end a paragraph: their content stands in a block of its own
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "section",
        "article",
        "aside",
        "main",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
        "hr",
        "address",
        "caption",
        "center",
        # a footer is visible text (masthead, licence, address): the furniture rules
        # tell its lines from the article's, as on pages saved as text
        "footer",
    ]
)
# inline elements that end an item of a list written without list markup
_LIST_ITEMS = frozenset(("a", "b", "strong"))
# table cells: keep cells of one row apart without breaking the row into paragraphs
_CELL = frozenset(("td", "th"))
# elements that never have an end tag, so they never open a skipped container
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SPACE = re.compile(r"\s+")

# how an HTML page begins, whatever its file is called: a doctype, an XML declaration,
# a comment or one of the elements a page or a saved fragment starts with
_HTML_START = re.compile(
    r"(?:<!--.*?-->\s*)*<(?:!doctype\s+html|\?xml\b|(?:html|head|body|meta|title|link|"
    r"base|script|style|article|main|section|div|p|h[1-6]|table|ul|ol)[\s/>])",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(r"<(?:[a-z][a-z0-9]*[\s/>]|!doctype|\?xml|!--)", re.IGNORECASE)
# <meta charset=...>, <meta http-equiv=... content="...; charset=...">, <?xml encoding=...?>
_DECLARED = re.compile(
    r"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)"
    r"|<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)",
    re.IGNORECASE,
)
# the HTML standard's prescan reads 1,024 bytes; saved pages put comments first, so more
_PRESCAN = 4096


def looks_like_html(text: str, *, by_name: bool = False) -> bool:
    """True when ``text`` is an HTML page or fragment, judged by its content.

    Args:
        text: the decoded document (its beginning is enough).
        by_name: the file is called ``.html``/``.htm``: any tag is enough then.
    Returns:
        For other names, True only when the text *begins* with markup (after a BOM and
        blank space), so a plain article that mentions ``<b>`` stays text.
    """
    head = text[:_PRESCAN].lstrip("\ufeff \t\r\n")
    if by_name:
        return _ANY_TAG.search(text[: _PRESCAN * 16]) is not None
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first bytes (``<meta charset>``, XML)."""
    head = data[:_PRESCAN].decode("latin-1")
    if not looks_like_html(head, by_name=True):
        return None
    m = _DECLARED.search(head)
    return (m.group(1) or m.group(2)) if m else None


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []  # open skipped containers, innermost last
        self._title: list[str] | None = None
        self.title: str | None = None
        self._h1: list[str] | None = None
        self.h1: str | None = None
        # a link or a bold heading just closed, nothing or a line break since: a link
        # opened now is the next item of a list of links ('<a>…</a><a>…</a>'), a line of
        # its own
        self._after_item = False

    def _flush(self) -> None:
        text = _squeeze("".join(self._current))
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title" and self.title is None:
            self._title = []
            return
        if tag in _SKIP and tag not in _VOID:
            self._skip.append(tag)
            return
        if self._skip:
            return
        if tag in _BLOCK or (tag == "a" and self._after_item):
            self._flush()
        elif tag in _CELL:
            self._current.append(" ")
        self._after_item = False
        if tag == "h1" and self.h1 is None and self._h1 is None:
            self._h1 = []

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        # <br/>, <p/>: a break, never an open container
        if not self._skip and tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.title = _squeeze("".join(self._title)) or None
            self._title = None
            return
        if self._skip:
            # close the innermost matching container; unclosed inner ones close with it
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self._flush()
        self._after_item = tag in _LIST_ITEMS
        if tag == "h1" and self._h1 is not None:
            self.h1 = _squeeze("".join(self._h1)) or None
            self._h1 = None

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._skip:
            return
        if data.strip() or (data and "\n" not in data):
            self._after_item = False  # '<a>Facebook</a> <a>Zalo</a>': one line of links
        self._current.append(data)
        if self._h1 is not None:
            self._h1.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of ``html`` and its title.

    Args:
        html: the page as a decoded string.
    Returns:
        ``(text, title)``: blocks separated by a blank line, whitespace inside a block
        collapsed, entities decoded; the title from the first ``<h1>`` when ``<title>``
        contains it (``<title>`` usually adds the site name), else ``<title>``, else ``<h1>``.
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    title, h1 = parser.title, parser.h1
    if h1 and (not title or h1 in title):
        title = h1
    return "\n\n".join(parser.blocks), title
