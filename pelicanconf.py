"""Pelican settings for the Briefing site (development defaults)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

AUTHOR = "Briefing desk"
SITENAME = "Briefing"
SITESUBTITLE = "Policy briefings, cleaned from the page"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PATH = str(HERE / "content")
ARTICLE_PATHS = ["briefings"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
OUTPUT_PATH = str(HERE / "output")
THEME = str(HERE / "theme")

PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["briefing"]
BRIEFING_SEEDS = str(HERE / "seeds")
BRIEFING_CONTENT_DIR = "briefings"
# Converter settings (see plugins/briefing/config.py), e.g. extra boilerplate rules:
# BRIEFING = {"extra_rules": {"my site footer": [r"brought to you by .*"]}}
BRIEFING: dict[str, object] = {}

# Seed text is untrusted: escape everything a template prints.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
MARKDOWN = {"extensions": [], "output_format": "html5"}

DEFAULT_CATEGORY = "Briefings"
USE_FOLDER_AS_CATEGORY = False
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = None

# Feeds need absolute URLs: they are written by publishconf.py (SITEURL set), not in preview.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DIRECT_TEMPLATES = [
    "index", "tags", "categories", "authors", "archives", "404", "search", "sitemap", "robots",
]
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
