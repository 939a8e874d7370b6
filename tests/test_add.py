"""`provenance add`: pages served from 127.0.0.1, saved pages, PDFs and text files become sources;
every failure is one line and leaves the seeds folder as it was."""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from provenance.cli import commands as cli
from provenance.sources import add, fetch, ingest

from . import webfixtures as web
from .webfixtures import Route, Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["add", *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sidecar_of(seeds: Path, source_id: str) -> dict:
    return yaml.safe_load((seeds / f"{source_id}.yml").read_text(encoding="utf-8"))


def test_a_news_page_becomes_a_source_with_its_record(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/news/barrier.html", web.news_page())
    code, out, err = run(capsys, url, "--seeds", str(seeds))
    assert code == 0, err
    source_id = "harbour-council-approves-repairs"  # the title, cut to 48 characters at a word
    assert f"added source '{source_id}'" in out
    text = (seeds / f"{source_id}.txt").read_text(encoding="utf-8")
    # The article, paragraph by paragraph, and nothing else.
    assert text == "\n\n".join(web.NEWS_BODY) + "\n"
    for furniture in web.NEWS_FURNITURE:
        assert furniture not in text, furniture
    meta = sidecar_of(seeds, source_id)
    assert meta["id"] == source_id
    assert meta["title"] == web.NEWS_TITLE
    assert meta["author"] == "Mara Lindqvist"
    assert meta["publisher"] == "The Eastmouth Courier"
    assert str(meta["published"]) == "2024-03-12"
    assert meta["url"] == web.NEWS_URL  # the address the page gives for itself, not 127.0.0.1
    assert meta["language"] == "en-GB"
    assert meta["kind"] == "news"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta["retrieved"])
    assert re.fullmatch(r"trafilatura \d+\.\d+\.\d+", meta["extractor"])
    original = seeds / meta["original"]
    assert meta["original"] == f"originals/{source_id}.html"
    assert original.read_bytes() == web.news_page().encode("utf-8")
    assert meta["original_sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()


def test_the_source_reads_back_with_its_metadata(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/a.html", web.news_page())
    assert run(capsys, url, "--seeds", str(seeds), "--id", "barrier")[0] == 0
    source, problems = ingest.read_source(seeds / "barrier.txt", "seeds/barrier.txt")
    assert problems == []
    meta = source.meta
    assert (meta.id, meta.title, meta.publisher, meta.language, meta.kind) == ("barrier", web.NEWS_TITLE, "The Eastmouth Courier", "en-GB", "news")
    assert meta.retrieved and meta.retrieved.endswith("Z") and meta.extractor and meta.original == "originals/barrier.html"
    assert len(source.paragraphs) == len(web.NEWS_BODY)


def test_gzip_response_gives_the_same_text(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = site.html("/plain.html", web.news_page())
    zipped = site.html("/zipped.html", web.news_page(), gzip=True)
    assert run(capsys, plain, "--seeds", str(seeds), "--id", "plain")[0] == 0
    assert run(capsys, zipped, "--seeds", str(seeds), "--id", "zipped")[0] == 0
    assert (seeds / "zipped.txt").read_text() == (seeds / "plain.txt").read_text()
    # The original is the page itself, not its compressed transfer.
    assert (seeds / "originals/zipped.html").read_bytes() == web.news_page().encode("utf-8")


def test_windows_1252_declared_only_in_the_page(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/bread.html", web.cp1252_page(), charset=None)
    code, _, err = run(capsys, url, "--seeds", str(seeds), "--id", "bread")
    assert code == 0, err
    text = (seeds / "bread.txt").read_text(encoding="utf-8")
    assert text == "\n\n".join(web.CP1252_BODY) + "\n"
    assert "€500" in text and "“stubborn but honest”" in text and "Müller" in text and "\ufffd" not in text
    assert sidecar_of(seeds, "bread")["title"] == web.CP1252_TITLE


def test_header_charset_wins_over_the_page(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A page saved as UTF-8 that still carries its old windows-1252 declaration: the header says UTF-8.
    page = web.cp1252_page().decode("cp1252").encode("utf-8")
    url = site.html("/bread.html", page, charset="utf-8")
    assert run(capsys, url, "--seeds", str(seeds), "--id", "bread")[0] == 0
    assert "Café Dorée" in (seeds / "bread.txt").read_text(encoding="utf-8")


def test_a_redirect_chain_is_followed(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    final = site.html("/final.html", web.news_page().replace(web.NEWS_URL, "https://elsewhere.example/x"))
    site.redirect("/r3", "/final.html", 301)
    site.redirect("/r2", site.url("/r3"), 307)
    start = site.redirect("/r1", "r2", 302)
    code, _, err = run(capsys, start, "--seeds", str(seeds), "--id", "chain")
    assert code == 0, err
    assert site.requests[-4:] == ["/r1", "/r2", "/r3", "/final.html"]
    assert (seeds / "chain.txt").read_text().startswith(web.NEWS_BODY[0])
    assert final  # served


def test_fetch_reports_where_a_chain_ends(site: Site) -> None:
    site.html("/end.html", "<p>x</p>")
    site.redirect("/go", "/end.html")
    response = fetch.fetch(site.url("/go"))
    assert response.url == site.url("/end.html") and response.redirects == (site.url("/end.html"),)


def assert_fails(capsys: pytest.CaptureFixture[str], seeds: Path, target: str, *patterns: str, extra: tuple[str, ...] = ()) -> str:
    before = snapshot(seeds)
    code, out, err = run(capsys, target, "--seeds", str(seeds), *extra)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one line, never a traceback
    assert "Traceback" not in err and "(fix: " in err
    for pattern in patterns:
        assert re.search(pattern, err), (pattern, err)
    assert snapshot(seeds) == before  # nothing written
    return err


def test_404_and_5xx(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_fails(capsys, seeds, site.url("/missing.html"), r"missing\.html: page not found \(HTTP 404")
    site.routes["/broken"] = Route(status=503, body=b"down")
    assert_fails(capsys, seeds, site.url("/broken"), r"the server failed \(HTTP 503")
    site.routes["/private"] = Route(status=403, body=b"no")
    assert_fails(capsys, seeds, site.url("/private"), r"refused the request \(HTTP 403", r"save the page")


def test_content_that_is_not_a_page(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/photo.png"] = Route(body=b"\x89PNG\r\n\x1a\n" + bytes(64), headers={"Content-Type": "image/png"})
    assert_fails(capsys, seeds, site.url("/photo.png"), r"is image/png, not a web page or a PDF")
    site.routes["/data.json"] = Route(body=b'{"a": 1}', headers={"Content-Type": "application/json"})
    assert_fails(capsys, seeds, site.url("/data.json"), r"is application/json")


def test_too_many_redirects_and_loops(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(7):
        site.redirect(f"/hop{n}", f"/hop{n + 1}")
    assert_fails(capsys, seeds, site.url("/hop0"), r"more than 5 redirects")
    site.redirect("/ping", "/pong")
    site.redirect("/pong", "/ping")
    assert_fails(capsys, seeds, site.url("/ping"), r"redirect loop")


def test_timeout(site: Site, seeds: Path) -> None:
    site.routes["/slow.html"] = Route(body=b"<p>late</p>", headers={"Content-Type": "text/html"}, delay=2.0)
    before = snapshot(seeds)
    options = add.Options(seeds, limits=fetch.Limits(connect_timeout=1, read_timeout=0.3))
    with pytest.raises(add.ProvenanceError, match=r"no answer within"):
        add.add(site.url("/slow.html"), options)
    assert snapshot(seeds) == before


def test_size_limit_counts_the_decompressed_bytes(site: Site, seeds: Path) -> None:
    # 4 MiB of spaces compress to a few kilobytes: the limit applies to what they expand to.
    site.routes["/bomb.html"] = Route(body=b"<p>" + b" " * (4 * 2**20) + b"</p>", headers={"Content-Type": "text/html"}, gzip=True)
    site.routes["/big.html"] = Route(body=b"<p>" + b"x" * (2 * 2**20) + b"</p>", headers={"Content-Type": "text/html"})
    options = add.Options(seeds, limits=fetch.Limits(max_bytes=2**20))
    for path in ("/bomb.html", "/big.html"):
        with pytest.raises(add.ProvenanceError, match=r"is larger than 1 MiB"):
            add.add(site.url(path), options)
    assert snapshot(seeds) == {}


def test_a_page_without_article_text(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/section/", web.menu_page())
    assert_fails(capsys, seeds, url, r"no article text found", r"save it")


def test_unreachable_host_and_bad_addresses(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert_fails(capsys, seeds, f"http://127.0.0.1:{port}/a.html", r"cannot connect to 127\.0\.0\.1")
    assert_fails(capsys, seeds, "ftp://127.0.0.1/a.html", r"is not an http\(s\) address")


def test_an_existing_id_is_never_overwritten_without_force(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/a.html", web.news_page())
    (seeds / "barrier.txt").write_text("An editor's own text.\n", encoding="utf-8")
    assert_fails(capsys, seeds, url, r"a source with the id 'barrier' exists \(barrier\.txt\)", r"--force", extra=("--id", "barrier"))
    code, _, err = run(capsys, url, "--seeds", str(seeds), "--id", "barrier", "--force")
    assert code == 0, err
    assert (seeds / "barrier.txt").read_text().startswith(web.NEWS_BODY[0])


def test_an_id_taken_by_another_file_is_refused_even_with_force(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (seeds / "001_old.txt").write_text("Some words of an older source about the harbour and its gates.\n", encoding="utf-8")
    (seeds / "001_old.yml").write_text("id: barrier\n", encoding="utf-8")
    url = site.html("/a.html", web.news_page())
    assert_fails(capsys, seeds, url, r"001_old\.txt: already has the id 'barrier'", extra=("--id", "barrier", "--force"))


def test_invalid_id(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/a.html", web.news_page())
    assert_fails(capsys, seeds, url, r"Barrier Report: is not a valid id", extra=("--id", "Barrier Report"))


def test_a_saved_page_from_disk(tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "Harbour barrier.htm"
    saved.write_bytes(web.cp1252_page())
    code, _, err = run(capsys, str(saved), "--seeds", str(seeds))
    assert code == 0, err
    source_id = ingest.slugify(web.CP1252_TITLE)
    assert (seeds / f"{source_id}.txt").read_text().startswith(web.CP1252_BODY[0])
    meta = sidecar_of(seeds, source_id)
    assert meta["original"] == f"originals/{source_id}.html" and (seeds / meta["original"]).read_bytes() == web.cp1252_page()
    assert "url" not in meta  # the page names no address of its own
    assert saved.exists()  # a file outside the seeds folder is copied, not moved


def test_a_file_inside_the_seeds_folder_moves_to_originals(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = seeds / "barrier.html"
    page.write_text(web.news_page(), encoding="utf-8")
    code, out, err = run(capsys, str(page), "--seeds", str(seeds), "--id", "barrier", "--no-original")
    assert code == 0, err
    assert not page.exists() and (seeds / "originals/barrier.html").read_text(encoding="utf-8") == web.news_page()
    assert "moved from" in out


def test_no_original_keeps_only_the_hash(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.html("/a.html", web.news_page())
    code, out, _ = run(capsys, url, "--seeds", str(seeds), "--id", "barrier", "--no-original")
    assert code == 0 and "original not kept" in out
    meta = sidecar_of(seeds, "barrier")
    assert "original" not in meta and meta["original_sha256"] == hashlib.sha256(web.news_page().encode()).hexdigest()
    assert not (seeds / "originals").exists()


def test_text_and_markdown_files(tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "statement.md"
    note.write_text("# Statement of the ferry operators\n\nThe ferry operators said on Friday that the summer timetable "
                    "would start two weeks late because of the repairs to the barrier, and that season tickets would be "
                    "extended by the same time.\n", encoding="utf-8")
    code, _, err = run(capsys, str(note), "--seeds", str(seeds), "--display", "excerpts", "--archive-url", "https://archive.example/x")
    assert code == 0, err
    meta = sidecar_of(seeds, "statement-of-the-ferry-operators")
    assert meta["title"] == "Statement of the ferry operators" and meta["display"] == "excerpts"
    assert meta["archive_url"] == "https://archive.example/x" and "extractor" not in meta
    assert (seeds / "originals/statement-of-the-ferry-operators.md").read_bytes() == note.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "pattern"),
    [
        ("letter.docx", b"PK\x03\x04", r"cannot read \.docx files.*save it as PDF"),
        ("missing.html", None, r"no such file"),
        ("broken.pdf", b"%PDF-1.4\nnot really", r"is not a readable PDF"),
        ("scan.pdf", web.pdf_bytes([[], []], footer=False), r"has no text layer"),
        ("notes.txt", b"caf\xe9 au lait, and a second sentence about the harbour gates in the old town", r"is not valid UTF-8"),
    ],
)
def test_files_that_cannot_be_added(tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, pattern: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert_fails(capsys, seeds, str(path), pattern)


def test_a_pdf_keeps_its_pages(tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(web.pdf_bytes(web.PDF_PAGES, title=web.PDF_TITLE, author="Westbrook Inquiry"))
    code, _, err = run(capsys, str(report), "--seeds", str(seeds), "--id", "westbrook")
    assert code == 0, err
    text = (seeds / "westbrook.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip("\f\n") for p in re.split(r"\n[\f]*\n", text) if p.strip("\f\n")]
    assert paragraphs[0] == web.PDF_TITLE
    # A paragraph that runs over a page is whole; the page numbers at the foot are gone.
    assert "the normal range of the instrument. The county engineers disputed" in text
    assert not re.search(r"(?m)^\d+$", text)
    source, problems = ingest.read_source(seeds / "westbrook.txt", "seeds/westbrook.txt")
    assert problems == []
    pages = {p.number: p.page for p in source.paragraphs}
    assert [pages[n] for n in sorted(pages)] == [1, 1, 1, 2, 2, 3]
    meta = sidecar_of(seeds, "westbrook")
    assert (meta["title"], meta["author"], meta["kind"], meta["language"]) == (web.PDF_TITLE, "Westbrook Inquiry", "document", "en-GB")
    assert meta["extractor"].startswith("pypdf ")


def test_a_pdf_by_address(site: Site, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = web.pdf_bytes(web.PDF_PAGES, title=web.PDF_TITLE)
    site.routes["/report"] = Route(body=data, headers={"Content-Type": "application/pdf"})
    code, _, err = run(capsys, site.url("/report"), "--seeds", str(seeds))
    assert code == 0, err
    source_id = ingest.slugify(web.PDF_TITLE)
    assert (seeds / f"originals/{source_id}.pdf").read_bytes() == data
    assert sidecar_of(seeds, source_id)["url"] == site.url("/report")


def test_seeds_folder_defaults_to_the_plugin_option(tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - provenance:\n      seeds: texts\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    url = site.html("/a.html", web.news_page())
    code, _, err = run(capsys, url, "--id", "barrier")
    assert code == 0, err
    assert (tmp_path / "texts/barrier.txt").is_file()


def test_gzip_fixture_really_is_compressed(site: Site) -> None:
    """The server sends the gzip body as is (the test above is not vacuous)."""
    import urllib.request

    site.html("/z.html", web.news_page(), gzip=True)
    request = urllib.request.Request(site.url("/z.html"), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.read()) == web.news_page().encode("utf-8")
