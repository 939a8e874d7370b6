"""The ``provenance`` command line."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from .. import __version__, pipeline
from ..errors import Problem
from ..export import export
from ..integrations import site_config


def _layout(config_file: Path, **given: str | None) -> tuple[site_config.Layout, Path, list[Problem]]:
    """The site's layout from its mkdocs.yml (the defaults without one), with the options given on
    the command line instead of its own; and the project's folder."""
    layout, problems = site_config.layout(config_file)
    layout = replace(layout, **{key: value for key, value in given.items() if value is not None})
    root = config_file.resolve().parent if config_file.is_file() else Path.cwd()
    return layout, root, problems


def _export(args: argparse.Namespace) -> int:
    from ..sources import excerpts

    layout, root, problems = _layout(Path(args.config_file), seeds=args.seeds, docs=args.docs, display=args.display)
    seeds = root / layout.seeds
    result = pipeline.run(seeds, root, root / layout.editorial if layout.editorial else None)
    for problem in problems + result.problems:
        print(problem, file=sys.stderr)
    shown = excerpts.for_pages(result, layout.display, lambda: _hand_written(root / layout.docs))
    document = export.provenance(result, layout.page_url, layout.contested_url, shown)
    text = export.dumps(document)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 1 if any(p.severity == "error" for p in problems + result.problems) else 0


def _hand_written(docs: Path) -> list[str]:
    """The Markdown of the hand-written pages under ``docs`` (not those ``provenance pages`` wrote)."""
    from ..integrations.pages import hand_written

    return [p.read_text(encoding="utf-8", errors="replace") for p in hand_written(docs)]


def _pages(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file)
    if not args.watch:
        return _write_pages(config_file)
    from ..integrations.pages import fingerprint

    seen = None
    try:
        while True:
            now = fingerprint(config_file)
            if now != seen:
                _write_pages(config_file)
                seen = fingerprint(config_file)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0


def _write_pages(config_file: Path) -> int:
    from ..integrations import pages
    from . import check

    project = pages.load(config_file)
    # The citations of the hand-written pages, checked here: an engine without the plugin may not stop on them.
    settings, _ = check.settings(config_file)
    cited = check.check_pages(settings, project.result, project.memory)
    done = pages.write(project)
    problems = project.problems + cited + done.problems
    for problem in problems:
        print(problem if problem.severity != "info" else Problem(problem.file, problem.line, f"note: {problem.message}", problem.fix), file=sys.stderr)
    docs = project.layout.docs
    print(f"provenance pages: {len(done.changed)} files written, {len(done.unchanged)} unchanged, {len(done.removed)} removed, in {docs}/"
          f" (listed in {docs}/{pages.MANIFEST})", file=sys.stderr)
    return 1 if any(p.severity == "error" for p in problems) else 0


def _sentences(args: argparse.Namespace) -> int:
    layout, root, problems = _layout(Path(args.config_file), seeds=args.seeds)
    result = pipeline.run(root / layout.seeds, root, root / layout.editorial if layout.editorial else None)
    for problem in problems + result.problems:
        print(problem, file=sys.stderr)
    known = {s.id for s in result.sources}
    for wanted in args.source or []:
        if wanted not in known:
            close = difflib.get_close_matches(wanted, sorted(known), n=1) or [k for k in sorted(known) if k.startswith(wanted)][:1]
            fix = f"did you mean '{close[0]}'?" if close else f"the source ids are: {', '.join(sorted(known)) or 'none'}"
            print(f"provenance sentences: unknown source id '{wanted}' (fix: {fix})", file=sys.stderr)
            return 2
    claims = {(c.source, c.sentence): c.id for c in result.claims}
    for source in result.sources:
        if args.source and source.id not in args.source:
            continue
        print(f"# {source.id} ({source.file})")
        for s in source.sentences:  # the role as provenance.json gives it, and the claim's id (for an editorial 'claim:') or -
            print(f"{s.id}\t¶{s.paragraph}\t{s.start}-{s.end}\t{s.role}\t{claims.get((source.id, s.id), '-')}\t{s.text}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from ..export import diff

    try:
        layout, _, problems = _layout(Path(args.project) / "mkdocs.yml", seeds=args.seeds, docs=args.docs, editorial=args.editorial)
        for problem in problems:
            print(problem, file=sys.stderr)
        names = (args.base_name, args.head_name)
        result, text = diff.run(args.base, args.head, Path(args.project), layout, site=args.site, limit=args.limit, names=names)
    except diff.DiffError as exc:
        print(f"provenance diff: {exc}", file=sys.stderr)
        return 2
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 1 if args.exit_code and not result.empty else 0


def _review(args: argparse.Namespace) -> int:
    from ..editorial import review_queue

    layout, root, problems = _layout(Path(args.config_file))
    editorial = root / layout.editorial if layout.editorial else root / layout.seeds / "editorial"
    result = pipeline.run(root / layout.seeds, root, editorial)
    errors = [p for p in problems + result.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    queue = review_queue.build(result)
    sys.stdout.write(review_queue.report(queue, {s.id: s for s in result.sources}, args.limit))
    if args.write:
        items = queue.items[: args.limit] if args.limit else queue.items
        target = Path(args.write)
        try:
            review_queue.append(target, items)
        except review_queue.WriteError as exc:
            print(f"provenance review: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"provenance review: {target}: cannot be written ({exc.strerror or exc}) (fix: choose another file)", file=sys.stderr)
            return 1
        print(f"wrote {len(items)} entries to {target}, each with verdict: todo: set each to confirm or reject", file=sys.stderr)
        if not target.resolve().is_relative_to(editorial.resolve()):
            print(f"note: the build reads editorial files in {editorial}: move {target} there, or the entries are not read", file=sys.stderr)
    return 1 if errors else 0


def _check(args: argparse.Namespace) -> int:
    from .check import run

    return run(Path(args.config_file))


def _add(args: argparse.Namespace) -> int:
    from ..errors import ProvenanceError
    from ..sources import add

    seeds = Path(args.seeds) if args.seeds else _configured_seeds(Path(args.config_file))
    options = add.Options(
        seeds, args.id, force=args.force, keep_original=not args.no_original, display=args.display, archive_url=args.archive_url
    )
    try:
        added = add.add(args.target, options)
    except ProvenanceError as exc:
        print(f"provenance add: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # an extractor's own failure on a hostile file: one line, never a traceback
        print(f"provenance add: {args.target}: could not be read ({type(exc).__name__}: {exc}) (fix: save it in another format, or report the file)", file=sys.stderr)
        return 1
    article = added.article
    facts = ", ".join(str(v) for v in (article.publisher, article.author, article.published) if v)
    print(f"added source '{added.id}': {added.text} ({len(article.paragraphs)} paragraphs, {article.words} words)")
    print(f"  title: {added.title}" + (f" ({facts})" if facts else ""))
    print(f"  sidecar: {added.sidecar}")
    if added.original is not None:
        moved = f", moved from {added.moved_from}" if added.moved_from else ""
        print(f"  original: {added.original} (sha256 {added.sha256}{moved})")
    else:
        print(f"  original not kept (sha256 {added.sha256})")
    return 0


def _configured_seeds(config_file: Path) -> Path:
    """The plugin's ``seeds`` option in mkdocs.yml, or ``seeds`` when there is no mkdocs.yml."""
    if not config_file.is_file():
        return Path("seeds")
    layout, root, _ = _layout(config_file)
    return root / layout.seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="provenance", description="Tie every claim of a set of sources to its exact passage.")
    parser.add_argument("--version", action="version", version=f"provenance {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export", help="write provenance.json for a folder of sources, without building a site")
    p.add_argument("-f", "--config-file", default="mkdocs.yml",
                   help="the site's mkdocs.yml, for the plugin's options: folders, page URLs and display (default: ./mkdocs.yml, if there is one)")
    p.add_argument("--seeds", default=None, help="folder of sources (default: the plugin's 'seeds' option, else seeds)")
    p.add_argument("--docs", default=None,
                   help="hand-written pages: sentences they cite are shown even in excerpts (default: mkdocs.yml's docs_dir, else docs)")
    p.add_argument("--display", choices=("full", "excerpts"), default=None,
                   help="how sources without a 'display' in their sidecar are shown (default: the plugin's 'display' option, else full)")
    p.add_argument("-o", "--output", default="-")
    p.set_defaults(func=_export)
    p = sub.add_parser(
        "sentences",
        help="list every sentence with its id, paragraph, offsets, role and claim id",
        description="One line per sentence, tab-separated: sentence id, paragraph, start-end offsets, role (as in provenance.json), "
        "the claim's id (or - for a sentence that is no claim), text.",
    )
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml, for the seeds folder (default: ./mkdocs.yml, if there is one)")
    p.add_argument("--seeds", default=None, help="folder of sources (default: the plugin's 'seeds' option, else seeds)")
    p.add_argument("--source", action="append", metavar="ID", help="list only this source (may be given more than once)")
    p.set_defaults(func=_sentences)
    p = sub.add_parser(
        "diff",
        help="report, in Markdown, what a change does to the sources, claims, statuses, contested points and links",
        description="BASE and HEAD are git revisions (provenance.json is computed from that revision's seeds, without MkDocs), "
        "provenance.json files, or built sites' folders. HEAD defaults to the working tree.",
    )
    p.add_argument("base", metavar="BASE")
    p.add_argument("head", metavar="HEAD", nargs="?", default=None)
    p.add_argument("--seeds", default=None, help="folder of sources, relative to the project (default: as in mkdocs.yml, else seeds)")
    p.add_argument("--docs", default=None, help="hand-written pages, searched for links to sentence anchors (default: as in mkdocs.yml, else docs)")
    p.add_argument("--editorial", default=None, help="folder of editorial files, relative to the project (default: as in mkdocs.yml, else SEEDS/editorial)")
    p.add_argument("--project", default=".", help="the project's folder, inside its git repository, with its mkdocs.yml if any (default: .)")
    p.add_argument("--site", default="", help="URL of HEAD's built site, ending in /, to link claims to it")
    p.add_argument("--limit", type=int, default=50, help="items shown in each list (default: 50)")
    p.add_argument("--base-name", default="", help="what to call BASE in the report (default: the revision or path)")
    p.add_argument("--head-name", default="", help="what to call HEAD in the report")
    p.add_argument("--exit-code", action="store_true", help="exit with 1 when there are changes, like git diff --exit-code")
    p.add_argument("-o", "--output", default="-")
    p.set_defaults(func=_diff)
    p = sub.add_parser(
        "add",
        help="turn a web page, a saved page, a PDF or a text file into a source (the only command that uses the network)",
        description="Extracts the article's text into SEEDS/ID.txt, writes its sidecar SEEDS/ID.yml (title, author, publisher, "
        "dates, address, language, extractor) and keeps the original in SEEDS/originals/ with its SHA-256.",
    )
    p.add_argument("target", metavar="URL_OR_FILE", help="an http(s) address, or a .html, .htm, .pdf, .md or .txt file")
    p.add_argument("--id", help="the source's id (a slug); default: made from the title")
    p.add_argument("--seeds", default="", help="folder of sources (default: the plugin's 'seeds' option in mkdocs.yml, else seeds)")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml, for the seeds folder (default: ./mkdocs.yml)")
    p.add_argument("--force", action="store_true", help="replace a source that has the same id")
    p.add_argument("--no-original", action="store_true", help="do not keep a copy of the original (for large files); its SHA-256 is still recorded")
    p.add_argument("--display", choices=("full", "excerpts"), help="how the site shows the source (default: the site's 'display' option)")
    p.add_argument("--archive-url", help="the address of an archived copy of the original")
    p.set_defaults(func=_add)
    p = sub.add_parser(
        "pages",
        help="write the generated pages, provenance.json, annotations.jsonld and the stylesheet into the docs folder, for engines without plugins (Zensical)",
        description="Writes what the MkDocs plugin generates into the docs folder (mkdocs.yml's docs_dir) as ordinary files, so that an "
        "engine that reads mkdocs.yml but runs no plugins builds the whole site: 'provenance pages && zensical build'. Only files it "
        "wrote before are replaced or removed (they are listed in DOCS/.provenance-pages.json); the MkDocs plugin leaves them out "
        "of its own build. See docs/engines.md.",
    )
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    p.add_argument("--watch", action="store_true", help="keep running, and write again when a source, an editorial file, a page or mkdocs.yml changes")
    p.add_argument("--interval", type=float, default=1.0, help="with --watch: seconds between looks at the files (default: 1)")
    p.set_defaults(func=_pages)
    p = sub.add_parser(
        "review",
        help="list the automatic marks that most need an editor, most consequential first, with the entries that confirm them",
        description="Contested points (with their positions and denials), corroborations (those that decide a claim's status "
        "first), denials and echoes that no editor has reviewed, each with its passages and the editorial entry that "
        "confirms it (verdict: reject rejects it).",
    )
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml, if there is one)")
    p.add_argument("--limit", type=int, default=50, help="marks listed (and written), most consequential first; 0 for all (default: 50)")
    p.add_argument("--write", metavar="FILE", help="append the entries, with verdict: todo, to this editorial file (made if need be)")
    p.set_defaults(func=_review)
    p = sub.add_parser("check", help="validate sources, sidecars, editorial files and page citations without building")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    p.set_defaults(func=_check)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python flushes stdout at exit)
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
