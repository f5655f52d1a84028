"""Boilerplate rules, as data.

Each `Rule` names one concept (its name is the reason `explain` prints) and
lists regular expressions matched, case-insensitively, against a whole
stripped line (`patterns`) or found anywhere in it (`contains`: a phrase such
as "all rights reserved" marks the line wherever it stands).  Rules only ever judge *short* lines (see
`config.Config.max_rule_words`): a sentence of prose that happens to contain
"share" is never dropped by a lexicon.

`ENDERS` are rules whose match after the article body has started marks the
end of the article (comment widgets, related stories, author boxes).

Users extend the rules from ``pelicanconf.py``::

    BRIEFING = {"extra_rules": {"my site footer": [r"brought to you by .*"]}}
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .prefilter import required_literals
from .text import CACHED_LINES


@dataclass(frozen=True)
class Rule:
    name: str
    patterns: tuple[str, ...]
    #: phrases that mark the line wherever they occur in it
    contains: tuple[str, ...] = ()
    ends_article: bool = False
    #: judge lines up to this many words (None: `Config.max_rule_words`)
    max_words: int | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        "comment widget",
        (
            r"(post|leave|add|write|view|show|see|read|load|hide)( an?| the| all| your| more)? comments?.*",
            r"[\W\d]*(comments?|responses?|replies|reactions)[\W\d]*",
            r"[\W\d]*(top rated|most recent|newest|oldest|latest|all|show|view|hide|load|read|post|leave|add|write|join the|recent|reader) (comments?|responses?|replies)( \w+){0,2}[\W\d]*",
            r"(.*\W)?\d+ comments?(\W.*)?",
            r"(\d+[.)]\s*)?[\w.@\-]+( [\w.@\-]+){0,3} (says|said|wrote|commented):",
            r"(no|be the first to|join the) (comments?|conversation|discussion).*",
            r"comments? (are|is) (closed|moderated).*",
            r"(your )?(email|e-mail) address will not be published.*",
            r"required fields are marked.*",
            r"(cancel )?reply|reply to this comment|log in to reply",
            r"sort by (oldest|newest|best|top).*",
            r"комментари[ийя].*",
            r"commenti|kommentare?|comentários?|komentar|отзывы|добавить (отзыв|комментарий)",
            r"tell us what you think.*",
        ),
        contains=(
            r"\b\d+ (comments?|responses?|replies|thoughts) (to|on)\b",
        ),
        ends_article=True,
    ),
    Rule(
        "comment policy",
        (),
        contains=(
            r"\b(comments?|comentários?|commenti|kommentare?|комментари\w*|reader posts?)\b.*\b(moderat\w*|approv\w*|aprovad\w*|polic\w*|guidelines|respeit\w*|rules|regeln|правил\w*)\b",
        ),
        ends_article=True,
        max_words=60,
    ),
    Rule(
        "menu",
        (
            r"(close|open|toggle|main|skip to)( the)? (menu|navigation|content|main content)",
            r"menu|navigation|home|homepage|sections?|search|search for:?|go|submit",
            r"skip to .*",
            r"back to (top|gallery|home)|return to top|top of page|scroll to top",
            r"(previous|next)( (post|article|story|page|slide))?:?",
            r"[«‹←<]*\s*(previous|prev)( (post|article|story|page))?\s*[|/·•]?\s*next( (post|article|story|page))?",
            r"(previous|next) (post|article|story)\s*:.*",
            r"(more|all) (news|stories|articles|sections)",
            r"(menu)?sections",
            r"image \d+ of \d+|\d+\s*/\s*\d+|image \d+ of / \d+|\d+ of \d+",
            r"caption|close|open|expand|collapse|enlarge( this image)?|toggle caption",
            r"(x|×|✕)",
            r"[•☆□◦▪\-–—|/>»«·*]+",
        ),
        contains=(
            r"\b(requires|enable|turn on) javascript\b",
        ),
    ),
    Rule(
        "share bar",
        (
            r"(share|tweet|pin|email|e-mail|print|save|copy link|copy)( (this|it|on|via|article|story|page|to|link)\b.*)?",
            r"(share|follow|like) (us )?on (facebook|twitter|x|linkedin|whatsapp|instagram|telegram|reddit|pinterest).*",
            r"(facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|instagram|youtube|tumblr|email|rss|flipboard|messenger|sms|vk|line)",
            r"((facebook|twitter|google\+|linkedin|whatsapp|reddit|pinterest|telegram|instagram|youtube|tumblr|"
            r"email|e-mail|rss|flipboard|messenger|sms|vk|print)[\s|·•,/]*){2,}",
            r"(share|compartilhe|teilen|condividi|поделиться|bagikan)( (this|the))?( article| story| post)?:?",
            r"\d+ shares?|shares?:? \d+",
            r"(click|tap) to (share|print|email).*",
            r"like this|like loading\W*|\d+ (likes?|bloggers? like this)|be the first to like this",
            r"(get|copy) (the |a )?(short )?(url|link)",
            r"follow( us| \w+){0,2} on:?",
            r"follow [\w .@'’-]{1,40} on (twitter|facebook|instagram|linkedin|x|youtube|tiktok)",
        ),
        contains=(
            r"\bshare (it|this)( story| article| post)? with (a friend|friends|your friends)\b",
        ),
    ),
    Rule(
        "sign-in or newsletter prompt",
        (
            r"(sign|log) ?(in|up|out)( now| today| here| for free)?\.?",
            r"(subscribe|register|create (an|your) account|my account|account)( now| today| here)?\.?",
            r"(sign up|subscribe|register) (for|to) (our|the|a|free)? ?(daily |weekly |free )?(newsletters?|alerts?|updates|emails?|briefing).*",
            r"(get|receive) (our|the) .*newsletters?.*",
            r"newsletters?( sign-?up)?",
            r"enter your (email|e-mail).*",
            r"(already (a )?(subscriber|member|have an account)|not a subscriber).*",
            r"(subscribe|download|get) (to|the) (our )?app.*",
        ),
    ),
    Rule(
        "subscription pitch",
        (
            r"get .*\b(in|to) your inbox\b.*",
            r"listen to .* live (at|on|from) .*",
            r"follow (\w+['’]s |our )?(full|complete|continuing|latest|live|all) coverage of .*",
            r"have a (news |story )?tip\?.*",
        ),
        contains=(
            r"\bif you (enjoyed|liked|value|appreciated?) (this|our) (article|story|post|journalism|reporting)\b",
        ),
        max_words=80,
    ),
    Rule(
        "cookie notice",
        (),
        contains=(
            r"\b(we|this (web)?site|our (web)?site|they) (uses?|stores?|sets?) cookies\b",
            r"\b(use of|accept|necessary|essential|analytics|third-party) cookies\b",
            r"\bcookies? (policy|settings|preferences|consent)\b",
        ),
        max_words=120,
    ),
    Rule(
        "cookie or privacy notice",
        (
            r"(accept|reject|manage|decline)( all)? (cookies|settings|preferences).*",
            r"cookie (policy|settings|preferences)|privacy (policy|notice|settings)|terms (of (use|service)|and conditions)|ad ?choices|do not sell my (personal )?info(rmation)?",
            r"your (california )?privacy rights|interest based ads|accessibility( statement)?|sitemap|site map|contact( us)?|about( us)?|careers|advertise( with us)?|faq|help",
            r"(ok|got it|i agree|accept|agree)",
        ),
    ),
    Rule(
        "advertisement label",
        (
            r"(advertisement|advertising|advert|sponsored( content)?|ad|ads|promoted|paid (post|content)|partner content|anzeige|publicidade|реклама|pubblicità|iklan)",
            r"(story continues|article continues|continue reading)( (below|after).*)?",
            r"scroll (down )?(to|for) (continue|more).*",
        ),
    ),
    Rule(
        "read-more link",
        (
            r"(read|see|view|show|load|click for) (more|all|full|the full)( \w+){0,4}\.?( ?[»›→>]+)?",
            r"(read|see) (also|more):?.*",
            r"continue reading.*",
            r"(more|learn more|find out more|details|full story|full article)( [»›→>]+)?",
            r"(click|tap) here( to .*)?",
            r"(view|see|show) all( \(\d+\))?",
            r"leia mais.*|читать далее.*",
        ),
    ),
    Rule(
        "related-stories header",
        (
            r"more (great |top |related |recent )?([\w.’']+ ){0,2}(stories|articles|news|reads|videos)",
            r"(related|recommended|popular|trending|most (read|popular|viewed|shared|commented)|top stories|latest|editor'?s? picks?|you may (also )?like|you might (also )?(like|enjoy)|don'?t miss|further reading|what to read next|recent|more|also on \w+|around the web|from (the|our) (web|partners))( (news|stories|articles|posts?|content|coverage|topics|videos|links|reading|headlines|from [\w .]+|on [\w .]+|in [\w .]+|like this))?",
            r"(mais lidas|veja também|notícias relacionadas|популярное|читайте также|самое (читаемое|популярное)|leggi anche|articoli correlati|baca juga|berita terkait|auch interessant|mehr zum thema|関連記事|관련 ?기사|많이 본 뉴스)",
        ),
        ends_article=True,
    ),
    Rule(
        "related-story link",
        (
            r"(related( posts?| articles?| stories| links?| reading| coverage)?|recommended|see also|also read|read also|more|watch|listen)\s*[:|]\s*.*",
            r"on [\w\-]+\.(com|net|org|co\.uk)\s*:.*",
            r"(leia também|veja também|читайте также|leggi anche|baca juga|lesen sie auch)\s*:?\s*.*",
            r"also (on|at) [a-z0-9\-]+\.(com|net|org|co\.uk|ru|de|fr|it|br)\b.*",
        ),
    ),
    Rule(
        "author box",
        (
            r"about the (author|writer)s?:?",
            r"(more|all|other|latest) (articles|stories|posts) (by|from) .*",
            r"(view|see) (all )?(posts|articles|stories) (by|from) .*",
        ),
        ends_article=True,
    ),
    Rule(
        "tag list",
        (
            r"(tags?|topics?|filed under|categories|category|posted in|labels?|tagged( with)?|themen|temas|теги)\s*[:：]?( .*)?",
        ),
        ends_article=True,
    ),
    Rule(
        "legal footer",
        (
            r"(©|\(c\)|copyright|all rights reserved).*",
            r"powered by .*|theme by .*|designed by .*",
            r"this (material|article|content) may not be (published|reproduced|broadcast|rewritten|redistributed).*",
        ),
        contains=(
            r"\ball rights reserved\b",
        ),
    ),
    Rule(
        "author bio",
        (
            r"[A-Z][\w’'\-]+( [A-Z][\w’'\-.]+){0,3}( \([^)]*\))? (is|was|has been|serves as) (a|an|the) ([\w’'\-]+ ){0,8}(writer|editor|reporter|correspondent|contributor|journalist|columnist|producer|author|staff writer|freelance\w*)\b.*",
        ),
        ends_article=True,
        max_words=90,
    ),
    Rule(
        "photo caption",
        (
            r".*\S(credit|photograph|photo|image|foto)s?\s*:\s*[^.:]{2,60}",
            r".*\s©\s*[^.]{2,60}",
            r"©\s*[^\W\d]\S*( \S+){7,}",  # "© Jane Doe Delegates arrive for the summit in ..."
            r"(in this|this) ([\w,.]+ ){0,6}(photo|photograph|image|file photo)\b.*",
            r"(image|media|photo|video) (caption|credit|copyright).*",
            r".*\((photo|picture|image|credit|foto)[^)]*\)\.?",
        ),
        contains=(
            r", (left|right|center|centre|second (from )?(left|right)|top|bottom|front|rear), ",
            r"\((left|right|center|centre|pictured)\)",
            r"\bcredit(\.\.\.|…)\s*\S",
        ),
        max_words=60,
    ),
    Rule(
        "disclaimer",
        (),
        contains=(
            r"\b(we|site|editors?) (may )?(receive|earn|get) (a )?(small )?(commission|share of sales|compensation)\b",
            r"\b(affiliate (links?|commission|partnerships?)|sponsored by|this (post|article) (contains|may contain) affiliate)\b",
            r"\bquotes (are )?delayed( by)? at least \d+ minutes\b",
            r"\bletters? to the editor\b",
            r"\b(this (shop|post) has been compensated|all opinions are (mine|my own))\b",
            r"\b(tel(ephone)?|phone|fax|e-?mail)\s*[:.]\s*.*(tel(ephone)?|phone|fax|e-?mail|extension)\s*[:.]?",
        ),
        max_words=120,
    ),
    Rule(
        "contributor note",
        (
            r"(additional )?reporting by .*|(editing|edited|compiled|writing) by .*",
        ),
        contains=(
            r"\bcontributed (reporting|to this (report|story|article)|additional reporting)\b",
        ),
    ),
    Rule(
        "photo credit",
        (
            r"(photo|image|picture|video|credit|photograph|illustration|foto|фото|source)s?( credit)?\s*[:：|].*",
            r".*\((photo|image|credit|file photo)[^)]*\)",
        ),
        contains=(
            r"\b(submitted photo|courtesy photo|photo courtesy|handout photo)\b",
            r"(getty images|shutterstock|reuters/|ap photo|afp via getty|/ap|/afp|istock)\b",
        ),
    ),
)


#: A byline: "By Jane Doe", "Posted by ...", "Tested by: ...", "Updated: ...".
BYLINE = re.compile(
    r"^(by|von|por|di|oleh|par|автор|от)\s+\S.{0,80}$"
    r"|^(written|posted|published|reported|tested|reviewed|updated|story|words|photos?)( by| on| at)?\s*:?\s+\S.{0,100}$"
    # a name and its handle: "Jane Doe @janedoe"
    r"|^(?-i:[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){1,3}) @\w{1,15}$",
    re.IGNORECASE,
)
MONTHS = (
    "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?"
    "|oct(ober)?|nov(ember)?|dec(ember)?"
)
#: A date as pages print it: "Nov 19, 2019", "19 November 2019", "2019-11-19", "11/19/19".
DATE = re.compile(
    rf"\b(({MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+({MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2})(?!\w)",
    re.IGNORECASE,
)
#: A time of day or a relative time, as datelines print them: "10:43 AM", "7H ago".
TIME = re.compile(r"\b(\d{1,2}:\d{2}(\s*(am|pm|a\.m\.|p\.m\.))?|\d+\s*(h|hrs?|hours?|mins?|minutes?|days?) ago)(?!\w)",
                  re.IGNORECASE)


def is_dateline(text: str) -> bool:
    return bool(DATE.search(text) or TIME.search(text))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cheap key for `match_rule`'s cache
class CompiledRule:
    name: str
    #: the whole line (None: the rule has only `contains` phrases)
    pattern: re.Pattern[str] | None
    #: a phrase anywhere in the line (None: none)
    phrase: re.Pattern[str] | None
    ends_article: bool
    max_words: int | None
    #: strings one of which a line must contain to match `pattern` / `phrase` (None: no such test)
    pattern_needs: frozenset[str] | None = None
    phrase_needs: frozenset[str] | None = None

    def matches(self, text: str, folded: str) -> bool:
        """`folded` is `text.casefold()`: lines without any needed string skip the regex."""
        return bool(
            (self.pattern is not None and _may_contain(folded, self.pattern_needs)
             and self.pattern.fullmatch(text))
            or (self.phrase is not None and _may_contain(folded, self.phrase_needs)
                and self.phrase.search(text)))


def _may_contain(folded: str, needs: frozenset[str] | None) -> bool:
    return needs is None or any(map(folded.__contains__, needs))


def _either(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def compile_rules(extra: dict[str, list[str]] | None = None) -> tuple[CompiledRule, ...]:
    """Compile the built-in rules plus the user's, refusing an empty group."""
    groups: list[Rule] = list(RULES)
    for name, patterns in (extra or {}).items():
        if not patterns:
            raise ValueError(f"briefing: boilerplate rule {name!r} has no patterns")
        groups.append(Rule(name, tuple(patterns)))
    compiled = []
    for rule in groups:
        if not rule.patterns and not rule.contains:
            raise ValueError(f"briefing: boilerplate rule {rule.name!r} has no patterns")
        whole_source = rf"(?:{_either(rule.patterns)})[\s.:!?»›→>|]*"
        whole = re.compile(whole_source, re.IGNORECASE) if rule.patterns else None
        phrase = re.compile(_either(rule.contains), re.IGNORECASE) if rule.contains else None
        compiled.append(CompiledRule(
            rule.name, whole, phrase, rule.ends_article, rule.max_words,
            required_literals(whole_source) if rule.patterns else None,
            required_literals(_either(rule.contains)) if rule.contains else None))
    return tuple(compiled)


@functools.lru_cache(maxsize=CACHED_LINES)  # menus and footers repeat from seed to seed
def match_rule(text: str, words: int, rules: tuple[CompiledRule, ...], max_words: int) -> CompiledRule | None:
    """The first rule that matches the whole of `text` (or a phrase in it), if it is short enough for it."""
    folded = text.casefold()
    for rule in rules:
        if words > (max_words if rule.max_words is None else rule.max_words):
            continue
        if rule.matches(text, folded):
            return rule
    return None
