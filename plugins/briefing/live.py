"""The edited seed's page first: part of the Pelican adapter, for `invoke livereload`/`regenerate`.

A full build at 1,000 seeds takes seconds; an editor who saves a seed wants to
see that page now.  `LivePages` keeps one in-process Pelican context (articles,
templates, writer) loaded in the background.  When only seeds changed, it
converts each changed seed, rewrites its generated Markdown, reads it back
with Pelican's own reader and renders its page with the site's own template
into output/ (written aside, then renamed into place).  The full build runs
right after and replaces the whole site, so indexes, tag pages and search catch
up a few seconds later.

Anything it cannot do exactly (a new or removed seed, a changed title and so a
changed slug, a broken seed, a changed plugin or setting) it leaves to the full
build, which reports it.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.contents import Article as PelicanArticle
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from pelican.writers import Writer

from .cache import code_version
from .config import Config
from .decode import SeedError
from .emit import emit, is_hand_edited
from .pipeline import convert_seed
from .publish import build_lock
from .sidecar import SidecarError
from .source import read_seed

logger = logging.getLogger(__name__)


class LivePages:
    """Re-render single article pages from a context loaded once (`load`, in a thread)."""

    def __init__(self, project: Path, settings_file: str = "pelicanconf.py",
                 overrides: dict[str, Any] | None = None) -> None:
        self.project = project
        self.settings_file = settings_file
        self.overrides = dict(overrides or {})
        self.generator: ArticlesGenerator | None = None
        self.pelican: Pelican | None = None
        self.version = ""
        self.settings_bytes = b""
        self.ready = threading.Event()

    def start(self, on_ready: Callable[[], None] | None = None) -> None:
        threading.Thread(target=self._load_quietly, args=(on_ready,), daemon=True).start()

    def _load_quietly(self, on_ready: Callable[[], None] | None) -> None:
        try:
            self.load()
        except Exception as err:  # the fast path is an extra; the full build still runs
            logger.warning("briefing: edited pages will wait for the full build (%s)", err)
            return
        if on_ready is not None:
            on_ready()

    def load(self) -> None:
        """Read every article as a build would, without writing the site (under the build lock)."""
        with build_lock(self.project):
            self._load()

    def _load(self) -> None:
        self.ready.clear()
        self.version = code_version()
        self.settings_bytes = (self.project / self.settings_file).read_bytes()
        cwd = os.getcwd()
        os.chdir(self.project)
        try:
            settings = read_settings(self.settings_file, override=self.overrides)
        finally:
            os.chdir(cwd)
        pelican = Pelican(settings)  # runs the plugin's `initialized`: seeds are converted (cached)
        context = settings.copy()
        context.update(generated_content={}, static_links=set(), static_content={},
                       localsiteurl=settings["SITEURL"])
        generators = [cls(context=context, settings=settings, path=pelican.path, theme=pelican.theme,
                          output_path=pelican.output_path) for cls in pelican._get_generator_classes()]
        for generator in generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
        signals.all_generators_finalized.send(generators)
        for generator in generators:
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        self.pelican = pelican
        self.generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
        self.ready.set()

    def usable(self) -> bool:
        """Loaded, and neither the plugin's code nor the settings changed since."""
        return (self.ready.is_set() and self.generator is not None
                and code_version.__wrapped__() == self.version
                and (self.project / self.settings_file).read_bytes() == self.settings_bytes)

    def refresh(self, seed: Path) -> Path | None:
        """Write the page of an edited seed into output/; its path, or None (the full build will)."""
        generator, pelican = self.generator, self.pelican
        if generator is None or pelican is None:
            return None
        settings = generator.settings
        wanted = seed.resolve()
        old = next((a for a in generator.articles
                    if getattr(a, "seed", None) and (self.project / str(a.seed)).resolve() == wanted), None)
        if old is None:
            return None
        name = str(old.seed)  # as the build names it
        try:
            data, sidecar = read_seed(seed)
            article = convert_seed(data, seed.name, Config.from_mapping(dict(settings.get("BRIEFING", {}))),
                                   sidecar)
        except (SeedError, SidecarError, OSError, ValueError):
            return None
        if not article.blocks or article.slug != old.slug:
            return None
        if not article.date:
            article = dataclasses.replace(article, date=str(old.metadata.get("date", "")),
                                          date_from=str(getattr(old, "date_from", "")))
        source = Path(old.source_path)
        current = source.read_text(encoding="utf-8")
        if is_hand_edited(current):
            return None
        text = emit(article, name)
        if text != current:
            source.write_text(text, encoding="utf-8")
        new = generator.readers.read_file(base_path=generator.path, path=str(source),
                                          content_class=PelicanArticle, context=generator.context)
        for attribute in ("older", "newer", "related"):
            setattr(new, attribute, getattr(old, attribute, None))
        articles = generator.articles
        articles[articles.index(old)] = new
        return self._write(new)

    def _write(self, article: PelicanArticle) -> Path:
        assert self.generator is not None and self.pelican is not None
        output = Path(self.pelican.output_path)
        with tempfile.TemporaryDirectory(prefix=".live-", dir=output.parent) as aside:
            settings = dict(self.generator.settings)
            writer = Writer(aside, settings=settings)
            writer.write_file(article.save_as, self.generator.get_template(article.template),
                              self.generator.context, article=article,
                              category=getattr(article, "category", None),
                              override_output=hasattr(article, "override_save_as"), url=article.url,
                              blog=True, relative_urls=self.generator.settings["RELATIVE_URLS"])
            target: Path = output / str(article.save_as)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(aside) / str(article.save_as), target)
        return target
