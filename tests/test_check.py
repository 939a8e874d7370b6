"""`provenance check`: problems as file:line: message, and the exit code, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MKDOCS_YML, ROOT, Project


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance.cli", "check"], capture_output=True, text=True, cwd=root)


def test_the_repository_site_checks_clean() -> None:
    out = check(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""
    assert "0 errors, 0 warnings" in out.stderr


def test_problems_in_every_kind_of_file(project: Project) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\npublishd: X\n")
    (project.seeds / "editorial").mkdir()
    (project.seeds / "editorial" / "e.yml").write_text('claims:\n  - passage: {source: ferry, quote: "The ferry floated"}\n', encoding="utf-8")
    (project.docs / "page.md").write_text(
        '---\ntitle: Page\n---\n\n# Page\n\nSank [@ferry "The ferry sunk"].\n\n`[@nowhere]` is code.\n\nGone [@feri].\n', encoding="utf-8"
    )
    out = check(project.root)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert any(line.startswith("seeds/a.yml:2: unknown key 'publishd'") for line in lines), lines
    assert any(line.startswith("seeds/editorial/e.yml:2: orphaned: passage not found in 'ferry'") for line in lines), lines
    assert any(line.startswith("docs/page.md:7: quoted passage not found verbatim in source 'ferry'") and "did you mean" in line for line in lines), lines
    assert any(line.startswith("docs/page.md:11: unknown source id 'feri'") for line in lines), lines
    assert not any("nowhere" in line for line in lines)
    assert len(lines) == 4, lines
    assert out.stderr.rstrip().endswith(": 3 errors, 1 warnings"), out.stderr  # the orphan is a warning


def test_exit_code_zero_when_clean(project: Project) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    (project.docs / "page.md").write_text('# Page\n\nSank [@ferry "The ferry sank"].\n', encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 0, out.stdout


def test_the_mapping_form_of_plugins_is_read(project: Project) -> None:
    """MkDocs accepts `plugins:` as a mapping of names to options as well as a list."""
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n  - search\n  - provenance:\n      seeds: seeds\n", "plugins:\n  search: {}\n  provenance:\n    seeds: articles\n")
    assert "  provenance:\n    seeds: articles\n" in config
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project.root / "articles").mkdir()
    (project.root / "articles" / "a.txt").write_text("Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", encoding="utf-8")
    (project.root / "articles" / "a.yml").write_text("id: ferry\n", encoding="utf-8")
    (project.docs / "page.md").write_text('# Page\n\nSank [@ferry "The ferry sank"].\n', encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "checked 1 sources, 0 editorial files" in out.stderr


def test_a_note_is_printed_when_the_sites_extensions_cannot_load(project: Project) -> None:
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("markdown_extensions: [footnotes,", "markdown_extensions: [no_such_extension_here, footnotes,")
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    project.add_source("a.txt", "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    (project.docs / "page.md").write_text('# Page\n\nSank [@ferry "The ferry sank"].\n', encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 0, out.stdout + out.stderr
    (line,) = out.stdout.splitlines()
    assert line.startswith("mkdocs.yml: note: Markdown extensions could not be loaded") and "no_such_extension_here" in line, line
    assert out.stderr.rstrip().endswith("0 errors, 0 warnings, 1 notes"), out.stderr


def test_a_mkdocs_yml_it_cannot_use_is_a_problem_not_a_traceback(project: Project) -> None:
    project.add_source("a.txt", "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    (project.root / "mkdocs.yml").write_text("- site_name\n- plugins\n", encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert out.stdout.splitlines() == ["mkdocs.yml:1: is not a mapping of settings (fix: check the file)"]
    (project.root / "mkdocs.yml").write_text(MKDOCS_YML.replace("markdown_extensions: [footnotes,", "markdown_extensions: [{toc: {}, tables: {}}, footnotes,"), encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert out.stdout.startswith("mkdocs.yml: markdown_extensions: {'toc': {}, 'tables': {}} is not an extension's name"), out.stdout


def test_the_mapping_form_of_markdown_extensions_keeps_their_options(project: Project) -> None:
    """An option of an extension, given in the mapping form, reaches the extension (here one it refuses)."""
    project.add_source("a.txt", "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    config = MKDOCS_YML.replace("markdown_extensions: [footnotes, attr_list, md_in_html, admonition, toc]", "markdown_extensions:\n  footnotes: {}\n  toc: {no_such_option: 1}")
    assert "no_such_option" in config
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("mkdocs.yml: note: Markdown extensions could not be loaded") and "no_such_option" in out.stdout, out.stdout


@pytest.mark.parametrize(
    "config",
    [
        "site_name: Test site\nplugins:\n  - provenance: seeds\n",  # options given as a string
        "site_name: Test site\nplugins:\n  provenance: seeds\n",
        "site_name: Test site\nmarkdown_extensions:\n  - toc: {permalink: true}\n    footnotes: {}\n",  # an entry with two names
    ],
)
def test_a_strange_mkdocs_yml_is_no_traceback(project: Project, config: str) -> None:
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    project.add_source("a.txt", "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    out = check(project.root)
    assert "Traceback" not in out.stderr and "checked 1 sources" in out.stderr, out.stderr


def test_a_page_that_is_not_utf8_is_a_problem_not_a_crash(project: Project) -> None:
    project.add_source("a.txt", "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    (project.docs / "latin1.md").write_bytes("# Caf\u00e9\n\nSank [@ferry].\n".encode("latin-1"))
    (project.docs / "page.md").write_text("# Page\n\nGone [@feri].\n", encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert [line.split(" (fix: ")[0] for line in out.stdout.splitlines()] == [
        "docs/latin1.md: is not valid UTF-8 (invalid continuation byte at byte 5)",
        "docs/page.md:3: unknown source id 'feri'",  # the other pages are still checked
    ]


FERRY = "Ferry Report\n\nThe ferry sank near the harbour on Sunday night.\n\nAll twelve passengers were rescued by a fishing boat.\n"


def build_messages(project: Project, caplog: pytest.LogCaptureFixture) -> list[str]:
    """What a (non-strict) build logs about the project, as `file:line: message (fix: ...)`."""
    import logging

    caplog.set_level(logging.INFO, logger="mkdocs.plugins.provenance")
    caplog.clear()
    project.build(strict=False)
    return [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.provenance"]


def test_check_prints_what_the_build_tells(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    """Re-anchored passages and claim ids: the same lines, notes included, from check and from the build."""
    import json

    project.add_source("a.txt", FERRY, "id: ferry\n")
    project.build()
    rescued = next(c["id"] for c in json.loads((project.site / "provenance.json").read_text())["claims"] if "rescued" in c["text"])
    (project.seeds / "editorial").mkdir()
    (project.seeds / "editorial" / "e.yml").write_text(
        f'claims:\n  - passage: {{source: ferry, quote: "The ferry sank near the harbour"}}\n    note: a\n  - claim: {rescued}\n    note: b\n',
        encoding="utf-8",
    )
    (project.docs / "page.md").write_text(f"# Page\n\nRescued [@claim:{rescued}].\n", encoding="utf-8")
    project.build()  # the build remembers the claims' words with its cache
    (project.seeds / "a.txt").write_text(FERRY.replace("The ferry sank", "The ferry sunk").replace("were rescued", "were saved"), encoding="utf-8")

    built = build_messages(project, caplog)
    out = check(project.root)
    checked = [line.replace(": note: ", ": ") for line in out.stdout.splitlines()]
    assert sorted(checked) == sorted(built), (checked, built)
    assert len(checked) == 3 and out.returncode == 0, out.stdout
    assert any(line.startswith("seeds/editorial/e.yml:2: note: passage re-anchored approximately") for line in out.stdout.splitlines())
    assert any(line.startswith("seeds/editorial/e.yml:4: note: claim id") and "update the id to 'ferry.s-" in line for line in out.stdout.splitlines())
    assert any(line.startswith("docs/page.md:3: note: claim id") for line in out.stdout.splitlines())
    assert out.stderr.rstrip().endswith("0 errors, 0 warnings, 3 notes"), out.stderr


def test_check_reports_links_to_sentence_anchors_that_are_gone(project: Project) -> None:
    """As MkDocs' anchor validation does in a build (validation: anchors: warn here), with the sentence it became."""
    import json

    project.add_source("a.txt", FERRY, "id: ferry\n")
    project.build()
    sentence = next(c["sentence"] for c in json.loads((project.site / "provenance.json").read_text())["claims"] if "rescued" in c["text"])
    (project.docs / "sub").mkdir()
    (project.docs / "sub" / "page.md").write_text(
        f"# Page\n\nSee [the rescue](../sources/ferry.md#{sentence}).\n\n```\n[not a link](../sources/ferry.md#s-00000000)\n```\n", encoding="utf-8"
    )
    project.build()
    assert check(project.root).returncode == 0
    (project.seeds / "a.txt").write_text(FERRY.replace("were rescued", "were saved"), encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 1
    (line,) = out.stdout.splitlines()
    assert line.startswith(f"docs/sub/page.md:3: links to '../sources/ferry.md#{sentence}', but 'sources/ferry.md' has no anchor '#{sentence}'"), line
    assert "(fix: the sentence was edited: link to '#s-" in line
