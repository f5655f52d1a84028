"""Briefing: copied web pages (seeds) -> structured Markdown for Pelican.

The core (every module but `plugin`) is pure Python with no Pelican import;
Pelican loads this package as a plugin and calls `register`.
"""


def register() -> None:
    """Pelican's entry point: connect the adapter's signal handlers."""
    from . import plugin

    plugin.register()
