"""Production builds that can be trusted, and publishing them to GitHub Pages.

A production build goes into a fresh temporary folder and is validated before
anything else happens: Pelican exited 0, ``index.html`` exists, every seed has
its page, nothing is a symbolic link, and no internal link or anchor is broken.
Only then is it moved into ``output/`` (`publish`) or committed to the
``gh-pages`` branch and pushed (`gh_pages`).  A failed or interrupted build
leaves ``output/`` and the branch as they were.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from .emit import YAML_LOADER
from .linkcheck import broken_links
from .source import shown_name


class PublishError(RuntimeError):
    pass


def production_build(project: Path, site_url: str | None = None) -> Path:
    """Build with publishconf.py into a new temporary folder and validate it; returns the folder."""
    out = Path(tempfile.mkdtemp(prefix="briefing-build-"))
    try:
        env = dict(os.environ)
        if site_url:
            env["BRIEFING_SITEURL"] = site_url
        done = subprocess.run([sys.executable, "-m", "pelican", "-s", "publishconf.py", "-o", str(out)],
                              cwd=project, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PublishError("the build failed (exit %d):\n%s" % (done.returncode, done.stdout[-3000:]))
        problems = validate(out, project, env.get("BRIEFING_SITEURL", _site_url(project, env)))
        if problems:
            raise PublishError("the build is not fit to publish:\n  " + "\n  ".join(problems))
        return out
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise


def validate(site: Path, project: Path, site_url: str) -> list[str]:
    problems = []
    if not (site / "index.html").is_file():
        problems.append("no index.html")
    for folder, dirs, files in os.walk(site):
        for name in dirs + files:
            if (Path(folder) / name).is_symlink():
                problems.append("symbolic link in the site: %s" % (Path(folder) / name).relative_to(site))
    problems += unpublished_seeds(site, project)
    problems += broken_links(site, site_url.rstrip("/"))
    return problems


def unpublished_seeds(site: Path, project: Path) -> list[str]:
    """Seeds whose page is missing from the site (skipped for an error, or not converted)."""
    pages = {}
    for generated in (project / "content" / "briefings").glob("*.md"):
        front = generated.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:]
        meta = yaml.load(front, Loader=YAML_LOADER) or {}
        pages[Path(str(meta.get("seed", ""))).name] = str(meta.get("slug", ""))
    seeds = sorted((project / "seeds").glob("*.txt"))
    if not seeds:
        return ["seeds/ holds no seed: an empty site is not published"]
    missing = []
    for seed in seeds:
        slug = pages.get(seed.name)
        if not slug or not (site / slug / "index.html").is_file():
            missing.append("seeds/%s has no page (see the build log, or `briefing explain`)"
                           % shown_name(seed.name))
    return missing


def _site_url(project: Path, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", "import publishconf; print(publishconf.SITEURL)"],
                          cwd=project, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def publish(project: Path, site_url: str | None = None) -> Path:
    """A validated production build, swapped into output/ in one rename."""
    with build_lock(project):
        return swap_into(production_build(project, site_url), project / "output")


#: what a development build reads besides Pelican itself (relative to the project)
INPUTS = ("seeds", "content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
#: ... except what the build writes there itself (the generated Markdown, derived from seeds/)
DERIVED = (Path("content") / "briefings",)
#: the fingerprint of the inputs a site in output/ was built from
STAMP = ".briefing-inputs"


def inputs_fingerprint(project: Path, settings: str, extra: tuple[str, ...]) -> str:
    """A hash of every input file's path and bytes, the settings, the arguments and the versions used."""
    digest = hashlib.sha256()
    for part in (settings, *extra, sys.version, importlib.metadata.version("pelican"), _git_head(project),
                 *sorted("%s=%s" % kv for kv in os.environ.items() if kv[0].startswith("BRIEFING_"))):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for name in INPUTS:
        root = project / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) \
            if root.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts or any(path.is_relative_to(project / d) for d in DERIVED):
                continue
            digest.update(str(path.relative_to(project)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
            if name == "seeds":  # a seed outside git is dated by its modification time
                digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def _git_head(project: Path) -> str:
    """The commit checked out (seed dates come from git history), or "" outside git."""
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True,
                          check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


def dev_build(project: Path, extra: tuple[str, ...] = (), settings: str = "pelicanconf.py",
              force: bool = False) -> Path:
    """A build (development settings by default) into a temporary folder, swapped into output/.

    Nothing is rebuilt when no input changed since the site in output/ was built
    (`inputs_fingerprint`), unless `force`.  A failed or interrupted build
    leaves the previous output/ as it was; a second build started meanwhile
    waits for the first (`build_lock`).
    """
    with build_lock(project):
        output = project / "output"
        fingerprint = inputs_fingerprint(project, settings, extra)
        stamp = output / STAMP
        if not force and stamp.is_file() and stamp.read_text(encoding="utf-8") == fingerprint:
            print("nothing changed in seeds, pages, theme, plugins or settings since the last build: "
                  "output/ is up to date (`invoke build --force` builds anyway)")
            return output
        out = Path(tempfile.mkdtemp(prefix="briefing-build-"))
        try:
            done = subprocess.run([sys.executable, "-m", "pelican", "-s", settings, "-o", str(out), *extra],
                                  cwd=project, check=False)
            if done.returncode != 0:
                raise PublishError("the build failed (exit %d); output/ is unchanged" % done.returncode)
            # stamped only if no input changed while it was built: otherwise the next build runs again
            if inputs_fingerprint(project, settings, extra) == fingerprint:
                (out / STAMP).write_text(fingerprint, encoding="utf-8")
            return swap_into(out, output)
        except BaseException:
            shutil.rmtree(out, ignore_errors=True)
            raise


def swap_into(built: Path, output: Path) -> Path:
    """Replace `output` by `built` with renames (the old site exists until the new one is in place)."""
    staged = output.with_name(".output-new")
    old = output.with_name(".output-old")
    try:
        for leftover in (staged, old):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.move(str(built), staged)
        if output.exists():
            output.rename(old)
        staged.rename(output)
    except OSError as err:
        shutil.rmtree(staged, ignore_errors=True)
        if old.exists() and not output.exists():
            old.rename(output)  # put the last good site back
        raise PublishError("cannot write %s: %s; the last good site is unchanged" % (output, err)) from err
    shutil.rmtree(old, ignore_errors=True)
    return output


@contextmanager
def build_lock(project: Path) -> Iterator[None]:
    """One build at a time per project: a second one waits for the first."""
    with open(project / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def gh_pages(project: Path, remote: str = "origin", branch: str = "gh-pages", cname: str = "",
             site_url: str | None = None) -> None:
    """Validated production build -> the gh-pages branch (with .nojekyll, and CNAME), pushed."""
    built = production_build(project, site_url)
    try:
        command = [str(Path(sys.executable).parent / "ghp-import"), "--no-jekyll", "--push",
                   "--remote", remote, "--branch", branch, "--message", "Publish the briefing site"]
        if cname:
            command += ["--cname", cname]
        done = subprocess.run([*command, str(built)], cwd=project, capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            raise PublishError("ghp-import failed:\n%s%s" % (done.stdout, done.stderr))
    finally:
        shutil.rmtree(built, ignore_errors=True)
