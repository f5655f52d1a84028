"""Production settings: pelicanconf.py plus absolute URLs and feeds.

The site URL comes from one place, the BRIEFING_SITEURL environment variable,
so a project page (https://user.github.io/repo) and a custom domain both work.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("BRIEFING_SITEURL", "https://example.github.io/briefing").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
DELETE_OUTPUT_DIRECTORY = True
