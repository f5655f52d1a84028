"""Every internal link and #anchor of a built site must resolve (used by tests and `invoke check`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup


def broken_links(site: Path, base: str) -> list[str]:
    """Links from any page of `site` (served at `base`) to a missing file or anchor."""
    ids: dict[Path, set[str]] = {}
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page] = {str(t["id"]) for t in soup.find_all(id=True)}
    broken = []
    for page in pages:
        url = base + "/" + page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script"]):
            ref = str(tag.get("href") or tag.get("src") or "")
            if not ref or ref.startswith(("mailto:", "data:")):
                continue
            target, fragment = urldefrag(urljoin(url, str(ref)))
            if not target.startswith(base + "/") and target != base:
                if urlparse(target).netloc == urlparse(base).netloc:
                    broken.append("%s: %s (outside the site)" % (page.name, ref))
                continue
            path = site / unquote(target[len(base):].lstrip("/"))
            if path.is_dir() or target.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append("%s -> %s" % (page.relative_to(site), ref))
            elif fragment and path.suffix == ".html" and fragment not in ids.get(path, set()):
                broken.append("%s -> %s (no such anchor)" % (page.relative_to(site), ref))
    return broken
