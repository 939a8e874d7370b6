"""Two builds of the same commit are the same bytes, apart from what MkDocs itself stamps: the build
date, in sitemap.xml (each page's <lastmod>) and in sitemap.xml.gz (the same text, and the gzip
header's mtime, midnight UTC of that date). Both follow SOURCE_DATE_EPOCH, which the workflows set to
the commit's time, so that builds of one commit on different days are identical too.

The builds run in separate processes with different hash seeds, from copies of the project at
different paths, one with a cold analysis cache and one with a warm one."""

from __future__ import annotations

import datetime as dt
import filecmp
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_repo_project

pytestmark = pytest.mark.slow

DAY_1 = 1_700_000_000  # 2023-11-14 22:13:20 UTC
DAY_2 = 1_710_000_000  # 2024-03-09 16:00:00 UTC
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def build(project: Path, site: Path, *, epoch: int, hash_seed: str) -> Path:
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "SOURCE_DATE_EPOCH"}}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED=hash_seed, SOURCE_DATE_EPOCH=str(epoch), SITE_URL="https://example.org/explainer/")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return site


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def differing(a: Path, b: Path) -> set[str]:
    fa, fb = files(a), files(b)
    assert fa.keys() == fb.keys(), sorted(fa.keys() ^ fb.keys())
    return {name for name in fa if not filecmp.cmp(fa[name], fb[name], shallow=False)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("reproducible")
    first = copy_repo_project(tmp / "checkout-one")
    second = copy_repo_project(tmp / "elsewhere" / "checkout-two")
    return {
        "cold": build(first, tmp / "site-cold", epoch=DAY_1, hash_seed="1"),
        "warm": build(first, tmp / "site-warm", epoch=DAY_1, hash_seed="2"),  # same checkout: its analysis cache is warm
        "other day": build(second, tmp / "site-other-day", epoch=DAY_2, hash_seed="3"),
    }


def test_two_builds_of_the_same_commit_are_byte_identical(builds: dict[str, Path]) -> None:
    assert len(files(builds["cold"])) > 20
    assert differing(builds["cold"], builds["warm"]) == set()


def test_only_the_sitemaps_carry_the_build_date(builds: dict[str, Path]) -> None:
    assert differing(builds["cold"], builds["other day"]) == STAMPED
    for name, day in (("cold", "2023-11-14"), ("other day", "2024-03-09")):
        site = builds[name]
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<lastmod>{day}</lastmod>" in sitemap
        with gzip.open(site / "sitemap.xml.gz", "rt", encoding="utf-8") as handle:
            assert handle.read() == sitemap
        mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
        assert dt.datetime.fromtimestamp(mtime, dt.timezone.utc).isoformat() == f"{day}T00:00:00+00:00"
    # Without the dates, the sitemaps are the same too.
    one, two = ((builds[n] / "sitemap.xml").read_text(encoding="utf-8") for n in ("cold", "other day"))
    assert one.replace("2023-11-14", "DATE") == two.replace("2024-03-09", "DATE")


def test_nothing_from_the_build_machine_leaks_into_the_site(builds: dict[str, Path]) -> None:
    for path in files(builds["cold"]).values():
        data = path.read_bytes()
        for leak in (b"checkout-one", str(ROOT).encode(), b"/tmp/", b"pytest-of-"):
            assert leak not in data, f"{path.name} contains {leak!r}"
