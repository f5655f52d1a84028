"""HTML seeds: a saved web page -> the text lines the converter reads, plus the page's metadata.

BeautifulSoup parses the page; what can never be article text goes first
(scripts, styles, forms, iframes, comments, hidden elements), then what the
page's own structure marks as furniture (`nav`, `footer`, `aside`, ARIA roles,
class and id names such as share, related, newsletter, comments, cookie), unless
that element holds the page's main run of paragraphs (a wrapper named
"has-sidebar" is not a sidebar).  The rest is laid out as a text browser would: one block per
line, blank lines between paragraphs, list items as "• item", table cells
apart, so the same stages (locate, classify, assemble) do the rest.

The element holding the main run of paragraphs is the page's *container*:
the line numbers of its own flow (up to a nested box with paragraphs of its
own, such as a promotion zone) go with the text, and the locator lets the
body run on through them past its last paragraph (`locate.through_container`).

Metadata comes from the page when present: the JSON-LD article's headline,
author, dates and publisher; OpenGraph title and site name;
``article:published_time``; the canonical URL (the source link).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, NamedTuple

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag
from bs4.element import NavigableString, PageElement

from .sidecar import SAFE_URL, Sidecar

#: elements whose content is never article text
NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "form", "button", "input", "select", "textarea", "head", "link", "meta", "dialog", "video",
              "audio", "picture", "img", "map")
#: elements that are page furniture by their name
FURNITURE_TAGS = ("nav", "footer", "aside")
#: ... or by their ARIA role
FURNITURE_ROLES = frozenset("navigation contentinfo complementary search banner dialog alertdialog menu "
                            "menubar toolbar".split())
#: ... or by a class or id name (matched against each word of it)
FURNITURE_NAMES = re.compile(
    r"(share|sharing|sharebar|social|socials|related|recommend\w*|newsletter|subscribe|subscription|signup|"
    r"sign-up|comments?|commentlist|disqus|cookies?|consent|gdpr|promo\w*|advert\w*|ads?|adslot|ad-\w+|"
    r"sponsor\w*|sidebar|breadcrumbs?|footer|navbar|nav|navigation|menu|popup|modal|outbrain|taboola|"
    r"paywall|author-bio|authorbio|tags|tag-list|taglist|more-stories|read-more|readmore|trending|"
    r"most-popular|popular|dont-miss|do-not-miss|also-read|read-also|you-may-like|more-from|recirc\w*|"
    r"content-recirculation|nocontent)",
    re.IGNORECASE,
)
BLOCKS = frozenset("p div section article main header h1 h2 h3 h4 h5 h6 ul ol li blockquote figure "
                   "figcaption pre table thead tbody tfoot tr dl dt dd hr address details summary center "
                   "caption fieldset body html".split())
CELLS = frozenset(("td", "th"))
#: boxes nested in the container that may be a zone of their own
BOXES = frozenset(("div", "section", "aside", "article"))
#: table cells are kept apart by a column gap, as a text browser draws them
CELL = "\x1f"
COLUMN_GAP = "   "


class SavedPage(NamedTuple):
    """A saved web page as the converter reads it."""

    #: laid out one block per line
    text: str
    #: what the page says about itself, as sidecar defaults
    meta: Sidecar
    #: the container's own flow as line numbers `first <= n < end` (None: no paragraphs)
    container: tuple[int, int] | None


def read_html(text: str) -> SavedPage:
    """A page's HTML -> its text laid out one block per line, metadata and container lines."""
    soup = BeautifulSoup(text, "html.parser")
    meta = page_meta(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype,
                                                               ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(NEVER_TEXT):
        tag.decompose()
    for tag in soup.find_all(_hidden):
        tag.decompose()
    main = main_text_holder(soup)
    for tag in soup.find_all(_furniture):
        if tag.decomposed:
            continue
        if main is None or not (tag is main or main in tag.descendants):
            tag.decompose()
    layout = Layout(main)
    lines = layout.run(soup)
    lead = next((i for i, line in enumerate(lines) if line), 0)  # blank lines the text drops
    container = None
    if layout.container is not None:
        first, after = layout.container
        container = (first - lead + 1, after - lead)
    return SavedPage("\n".join(lines).strip() + "\n", meta, container)


def main_text_holder(soup: BeautifulSoup) -> Tag | None:
    """The element whose paragraphs hold the most text: the article body, whatever its class says.
    A furniture-named element around it is a wrapper ("has-sidebar" on <body>) and is kept."""
    mass: dict[int, tuple[Tag, int]] = {}
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        if isinstance(parent, Tag):
            held = mass.get(id(parent), (parent, 0))[1]
            mass[id(parent)] = (parent, held + len(paragraph.get_text(" ", strip=True)))
    return max(mass.values(), key=lambda kv: kv[1])[0] if mass else None


def _hidden(tag: Tag) -> bool:
    style = str(tag.get("style", "")).replace(" ", "").lower()
    return (tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true"
            or "display:none" in style or "visibility:hidden" in style)


def _furniture(tag: Tag) -> bool:
    if tag.name in ("body", "html", "main", "article"):
        return False
    if tag.name == "a":
        return _control(tag)
    if tag.name in FURNITURE_TAGS or str(tag.get("role", "")).lower() in FURNITURE_ROLES:
        return True
    names = " ".join([*_classes(tag), str(tag.get("id", ""))])
    return any(FURNITURE_NAMES.fullmatch(word) for word in re.split(r"[\s_]+", names) if word)


def _control(link: Tag) -> bool:
    """A link that goes nowhere ("#", "javascript:...") and is all the text of its block is a
    button in disguise ("Comments", "Load more"), never the article's words."""
    href = str(link.get("href", "")).strip().lower()
    if href != "#" and not href.startswith("javascript:"):
        return False
    parent = link.parent
    own = link.get_text(" ", strip=True)
    return bool(own) and parent is not None and parent.get_text(" ", strip=True) == own


def _classes(tag: Tag) -> list[str]:
    value: object = tag.get("class") or []
    return [str(v) for v in value] if isinstance(value, list) else str(value).split()


class Layout:
    """Block elements -> lines, as a text browser lays a page out; notes where `main`'s own flow lies."""

    def __init__(self, main: Tag | None = None) -> None:
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.main = main
        #: indexes into `lines`: the first of main's flow and the one after its last
        self.container: tuple[int, int] | None = None

    def run(self, soup: BeautifulSoup) -> list[str]:
        self.walk(soup, prefix_stack=[])
        self.flush()
        return self.lines

    def flush(self, blank: bool = False) -> None:
        cells = ("".join(self.inline)).split(CELL)
        text = COLUMN_GAP.join(t for t in (" ".join(c.split()) for c in cells) if t)
        self.inline = []
        if text:
            self.lines.append(text)
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def walk(self, node: Tag | BeautifulSoup, prefix_stack: list[str]) -> None:
        for child in node.children:
            self.visit(child, prefix_stack)

    def visit(self, child: PageElement, prefix_stack: list[str]) -> None:
        if isinstance(child, NavigableString):
            self.inline.append(str(child))
        elif isinstance(child, Tag):
            name = child.name
            if child is self.main and name not in CELLS and name != "li":
                self.walk_main(child, prefix_stack)
            elif name == "br":
                self.flush()
            elif name == "li":
                self.flush()
                marker = prefix_stack[-1] if prefix_stack else "•"
                if marker.endswith("."):
                    number = int(marker[:-1])
                    prefix_stack[-1] = "%d." % (number + 1)
                self.inline.append(marker + " ")
                self.walk(child, prefix_stack)
                self.flush(blank=True)
            elif name in ("ul", "ol"):
                self.flush(blank=True)
                self.walk(child, [*prefix_stack, "1." if name == "ol" else "•"])
                self.flush(blank=True)
            elif name in CELLS:
                self.inline.append(CELL)
                self.walk(child, prefix_stack)
                self.inline.append(CELL)
            elif name == "tr":
                self.flush()
                self.walk(child, prefix_stack)
                self.flush()
            elif name in BLOCKS:
                self.flush(blank=True)
                self.walk(child, prefix_stack)
                self.flush(blank=True)
            else:
                self.walk(child, prefix_stack)

    def walk_main(self, main: Tag, prefix_stack: list[str]) -> None:
        """Lay out the container, noting the lines of its own flow: they end at a nested box
        that has paragraphs of its own (a promotion or related-stories zone)."""
        self.flush(blank=True)
        first = len(self.lines)
        after = None
        for child in main.children:
            if (after is None and isinstance(child, Tag) and child.name in BOXES
                    and any(p.get_text(strip=True) for p in child.find_all("p"))):
                self.flush(blank=True)
                after = len(self.lines)
            self.visit(child, prefix_stack)
        self.flush(blank=True)
        self.container = (first, len(self.lines) if after is None else after)


def page_meta(soup: BeautifulSoup) -> Sidecar:
    """What the page says about itself, in the sidecar's fields (empty where it says nothing)."""
    article = _json_ld_article(soup)
    source = _names(article.get("publisher")) or _meta(soup, "og:site_name")
    title = page_title(soup, article, source)
    date = (_text(article.get("datePublished")) or _meta(soup, "article:published_time")
            or _meta(soup, "article:published") or _itemprop(soup, "datePublished"))
    author = _names(article.get("author")) or _meta(soup, "author")
    canonical = soup.find("link", rel="canonical")
    url = (str(canonical.get("href", "")) if isinstance(canonical, Tag) else "") or _meta(soup, "og:url")
    return Sidecar(
        title=title,
        date=date[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]) else "",
        author=" ".join(author.split()),
        source=" ".join(source.split()),
        source_url=url if SAFE_URL.match(url) and url.startswith("http") else "",
        date_from="page metadata",
    )


ARTICLE_TYPES = frozenset(("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                           "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage"))


def _json_ld_article(soup: BeautifulSoup) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(v for k, v in item.items() if k == "@graph")
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(k in ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                    found.append(item)
    found.sort(key=lambda a: "WebPage" in str(a.get("@type")))  # a real article before a page
    return found[0] if found else {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _names(value: object) -> str:
    items = value if isinstance(value, list) else [value]
    names = [(_text(v.get("name")) if isinstance(v, dict) else _text(v)) for v in items]
    return ", ".join(n for n in names if n)


def _meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return str(tag.get("content", "")).strip() if isinstance(tag, Tag) else ""


def _itemprop(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find(True, attrs={"itemprop": key})
    if not isinstance(tag, Tag):
        return ""
    return str(tag.get("content") or tag.get("datetime") or tag.get_text(" ", strip=True)).strip()


#: what sites put between a headline and their name: "Headline | Site", "Site - Headline"
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—»:]\s+")
#: an h1 that shares at least this share of its words with the page's declared title is the headline
HEADLINE_OVERLAP = 0.5


def page_title(soup: BeautifulSoup, article: dict[str, Any], site: str) -> str:
    """The headline: the first h1 that agrees with the title the page declares (OpenGraph,
    JSON-LD, <title>), else that declared title without the site's name."""
    head = soup.title.get_text(" ", strip=True) if soup.title else ""
    declared = _clean(_meta(soup, "og:title") or _text(article.get("headline"))
                      or _meta(soup, "twitter:title") or head)
    headline = without_site_name(declared, _clean(site))
    known = _words(declared) - _words(site)
    for h1 in soup.find_all("h1"):
        text = _clean(h1.get_text(" ", strip=True))
        own = _words(text)
        if own and len(own & known) >= HEADLINE_OVERLAP * len(own):
            return text
    return headline


def without_site_name(title: str, site: str) -> str:
    """ "Headline | TheHill" -> "Headline"; with no known site name, the longest part."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    if site:
        name = site.casefold()
        kept = [p for p in parts if p.casefold() not in name and name not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return max(parts, key=len)


def _clean(text: str) -> str:
    """Entities some sites escape twice (&amp;#8217;) decoded, spaces normalised."""
    return " ".join(html.unescape(text).split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))
