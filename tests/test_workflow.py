"""The editor's workflow on a real project copy: add, check, publish to a bare git remote."""

from __future__ import annotations

import os
import runpy
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from briefing.plugin import cache_dir
from conftest import GOLDEN, ROOT

SKIP = shutil.ignore_patterns(".venv", ".git", "output", "briefings", "artifacts", ".cache", "__pycache__",
                              ".pytest_cache", ".mypy_cache", ".ruff_cache", "*.egg-info")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of this project in its own git repository, with a bare repository as origin."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    bare = tmp_path / "origin.git"
    git("init", "-q", "--bare", str(bare), cwd=tmp_path)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-qm", "project", cwd=copy)
    git("remote", "add", "origin", str(bare), cwd=copy)
    return copy, bare


def invoke(project: Path, *args: str, tmpdir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "BRIEFING_SITEURL": "https://user.github.io/repo"}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def branch_files(bare: Path, branch: str = "gh-pages") -> list[str]:
    done = subprocess.run(["git", "--git-dir", str(bare), "ls-tree", "-r", "--name-only", branch],
                          capture_output=True, text=True, check=False)
    return done.stdout.split() if done.returncode == 0 else []


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """An empty TMPDIR for the task under test, to see which temporary folders it leaves."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def interrupted(project: Path, task: str, scratch: Path) -> int:
    """Run `invoke TASK`, press Ctrl-C as soon as its build folder exists; its exit code."""
    proc = subprocess.Popen([sys.executable, "-m", "invoke", *task.split()], cwd=project,
                            env={**os.environ, **GIT_ENV, "TMPDIR": str(scratch)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(scratch.glob("briefing-build-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(scratch.glob("briefing-build-*")), "the build never started"
    os.killpg(proc.pid, signal.SIGINT)
    return proc.wait(timeout=120)


def built_home(project: Path) -> bytes:
    """Build once; the home page that a failed later build must leave alone."""
    assert invoke(project, "build").returncode == 0
    return (project / "output" / "index.html").read_bytes()


def test_gh_pages_publishes_a_validated_site(project: tuple[Path, Path]) -> None:
    copy, bare = project
    done = invoke(copy, "gh-pages", "--cname", "briefing.example.org")
    assert done.returncode == 0, done.stdout + done.stderr
    files = branch_files(bare)
    assert {"index.html", ".nojekyll", "CNAME", "404.html", "sitemap.xml", "feeds/all.atom.xml"} <= set(files)
    assert any(f.startswith("nato-s-mark-rutte") and f.endswith("index.html") for f in files)
    assert any(f.startswith("pagefind/") for f in files)
    cname = subprocess.run(["git", "--git-dir", str(bare), "show", "gh-pages:CNAME"], capture_output=True,
                           text=True, check=True).stdout
    assert cname.strip() == "briefing.example.org"


def test_a_seed_that_cannot_build_blocks_publishing(project: tuple[Path, Path]) -> None:
    copy, bare = project
    (copy / "seeds" / "broken.txt").write_bytes(b"Title\n\nIt was \x93quoted\x94 in cp1252.\n")
    done = invoke(copy, "gh-pages")
    assert done.returncode != 0
    assert "seeds/broken.txt has no page" in done.stdout + done.stderr
    assert branch_files(bare) == []


def test_ctrl_c_during_the_build_publishes_nothing(project: tuple[Path, Path], scratch: Path) -> None:
    copy, bare = project
    assert interrupted(copy, "gh-pages", scratch) != 0
    assert branch_files(bare) == []
    assert list(scratch.glob("briefing-build-*")) == []


def test_publish_swaps_a_validated_build_into_output(project: tuple[Path, Path]) -> None:
    copy, _ = project
    (copy / "output").mkdir()
    (copy / "output" / "old.html").write_text("old", encoding="utf-8")
    done = invoke(copy, "publish")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (copy / "output" / "index.html").exists() and not (copy / "output" / "old.html").exists()
    (copy / "seeds" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert invoke(copy, "publish").returncode != 0
    assert (copy / "output" / "index.html").exists()  # the last good site is still there


def test_add_copies_under_the_title_slug_and_never_overwrites(project: tuple[Path, Path]) -> None:
    copy, _ = project
    source = GOLDEN / "straight-quotes" / "seed.txt"
    done = invoke(copy, "add", str(source))
    assert done.returncode == 0, done.stderr
    target = copy / "seeds" / "senate-panel-advances-water-bill-after-long-debate.txt"
    assert target.read_bytes() == source.read_bytes()
    assert "title:       Senate Panel Advances Water Bill After Long Debate" in done.stdout
    assert "pull quotes: 3" in done.stdout and "date: YYYY-MM-DD" in done.stdout
    again = invoke(copy, "add", str(source))
    assert again.returncode != 0 and "not overwritten" in again.stderr


def test_check_fails_on_a_bad_seed(project: tuple[Path, Path]) -> None:
    copy, _ = project
    (copy / "seeds" / "empty.txt").write_text("Home\n\nPost a Comment\n", encoding="utf-8")
    done = invoke(copy, "check")
    assert done.returncode != 0
    assert "error: seeds/empty.txt: no article text found" in done.stdout


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_livereload_shows_a_sidecar_change_in_the_browser(project: tuple[Path, Path]) -> None:
    from test_browser import ARGS, CHROMIUM

    if CHROMIUM is None:
        pytest.skip("no chromium on PATH")
    from playwright.sync_api import sync_playwright

    copy, _ = project
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", "--port", str(port)], cwd=copy,
                            env={**os.environ, **GIT_ENV}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = "http://127.0.0.1:%d/nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-" \
              "not-illusions/" % port
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            for _ in range(60):
                try:
                    page.goto(url)
                    break
                except Exception:  # the first build is still running
                    time.sleep(0.5)
            assert page.locator("p.dek").inner_text().startswith("Mark Rutte Secretary General")
            sidecar = copy / "seeds" / "nato-rutte-peace-in-ukraine-requires-strength.yaml"
            sidecar.write_text("caption: A dek written in the sidecar\n", encoding="utf-8")
            deadline = time.monotonic() + 30  # the page reloads itself; nothing here reloads it
            dek = ""
            while time.monotonic() < deadline and dek != "A dek written in the sidecar":
                time.sleep(0.25)
                try:
                    dek = page.locator("p.dek").inner_text(timeout=1_000)
                except Exception:  # between the old page and the new one
                    dek = ""
            browser.close()
            assert dek == "A dek written in the sidecar"
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)


def test_a_failed_build_leaves_the_last_good_site(project: tuple[Path, Path]) -> None:
    copy, _ = project
    before = built_home(copy)
    (copy / "theme" / "templates" / "index.html").write_text("{% block broken", encoding="utf-8")
    done = invoke(copy, "build")
    assert done.returncode != 0 and "output/ is unchanged" in done.stderr
    assert (copy / "output" / "index.html").read_bytes() == before


def test_a_build_with_nothing_changed_does_nothing_and_any_change_rebuilds(
        project: tuple[Path, Path]) -> None:
    copy, _ = project
    built_home(copy)
    home = copy / "output" / "index.html"
    stamp = home.stat().st_mtime_ns, home.stat().st_ino
    done = invoke(copy, "build")
    assert done.returncode == 0 and "nothing changed" in done.stdout
    assert (home.stat().st_mtime_ns, home.stat().st_ino) == stamp
    seed = next((copy / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("stark message", "blunt message"), encoding="utf-8")
    assert "nothing changed" not in invoke(copy, "build").stdout
    assert b"blunt message" in next((copy / "output").glob("nato-*/index.html")).read_bytes()
    about = copy / "content" / "pages" / "about.md"
    added = about.read_text(encoding="utf-8") + "\nA line added to the about page.\n"
    about.write_text(added, encoding="utf-8")
    assert "nothing changed" not in invoke(copy, "build").stdout
    assert b"A line added to the about page." in (copy / "output" / "about" / "index.html").read_bytes()
    css = copy / "theme" / "static" / "css" / "briefing.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert "nothing changed" not in invoke(copy, "build").stdout
    assert b"/* changed */" in (copy / "output" / "theme" / "css" / "briefing.css").read_bytes()
    plugin = copy / "plugins" / "briefing" / "related.py"
    plugin.write_text(plugin.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "nothing changed" not in invoke(copy, "build").stdout


def test_two_builds_at_once_never_mix(project: tuple[Path, Path]) -> None:
    copy, _ = project
    env = {**os.environ, **GIT_ENV}
    procs = [subprocess.Popen([sys.executable, "-m", "invoke", "build"], cwd=copy, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert (copy / "output" / "index.html").exists()
    assert not (copy / ".output-new").exists() and not (copy / ".output-old").exists()


def test_an_unwritable_output_is_a_clear_error_and_keeps_the_site(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import publish

    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("last good", encoding="utf-8")
    built = tmp_path / "built"
    built.mkdir()
    (built / "index.html").write_text("new", encoding="utf-8")

    def read_only(src: str, dst: object) -> None:
        raise PermissionError(13, "Read-only file system", str(dst))

    monkeypatch.setattr(publish.shutil, "move", read_only)  # as root, chmod cannot stop a write
    with pytest.raises(publish.PublishError, match=r"cannot write .*output: .*Read-only"):
        publish.swap_into(built, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "last good"


def test_a_full_disk_fails_the_build_and_keeps_the_site(project: tuple[Path, Path], scratch: Path) -> None:
    copy, _ = project
    before = built_home(copy)
    # no file may grow past 2 KB: writing the site fails as on a full disk
    env = {**os.environ, **GIT_ENV, "TMPDIR": str(scratch)}
    command = "ulimit -f 2 && exec %s -m invoke build --force" % sys.executable
    done = subprocess.run(["bash", "-c", command], cwd=copy, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode != 0
    assert (copy / "output" / "index.html").read_bytes() == before
    assert list(scratch.iterdir()) == []


def test_an_unreadable_seed_is_named_and_the_others_build(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import generate
    from briefing.config import Config

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOLDEN / "straight-quotes" / "seed.txt", seeds / "ok.txt")
    shutil.copy(GOLDEN / "bulleted-list" / "seed.txt", seeds / "locked.txt")
    real = generate.read_raw

    def unreadable(path: Path) -> object:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(generate, "read_raw", unreadable)  # as root, chmod 000 would not stop a read
    messages = generate.generate_all(seeds, tmp_path / "out", Config())
    assert len(list((tmp_path / "out").glob("*.md"))) == 1
    assert any("locked.txt" in m and "Permission denied" in m for _, m in messages)


def test_ctrl_c_during_a_build_keeps_the_last_good_site(project: tuple[Path, Path], scratch: Path) -> None:
    copy, _ = project
    before = built_home(copy)
    assert interrupted(copy, "build --force", scratch) != 0
    assert (copy / "output" / "index.html").read_bytes() == before
    assert list(scratch.glob("briefing-build-*")) == []


def test_an_empty_site_is_never_published(project: tuple[Path, Path]) -> None:
    copy, bare = project
    for seed in (copy / "seeds").glob("*"):
        seed.unlink()
    done = invoke(copy, "gh-pages")
    assert done.returncode != 0 and "empty site is not published" in done.stdout + done.stderr
    assert branch_files(bare) == []


def test_the_github_workflow_keeps_the_conversion_cache_the_build_uses() -> None:
    used = cache_dir(runpy.run_path(str(ROOT / "pelicanconf.py")))
    assert used is not None
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    for job in ("test", "deploy"):
        caches = [step["with"] for step in workflow["jobs"][job]["steps"]
                  if str(step.get("uses", "")).startswith("actions/cache@")]
        assert [ROOT / c["path"] for c in caches] == [used], job
        assert all("plugins/**" in c["key"] and "seeds/**" in c["key"] for c in caches), job
