"""The ``provenance`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, export, pipeline


def _export(args: argparse.Namespace) -> int:
    result = pipeline.run(Path(args.seeds))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    document = export.provenance(result, lambda sid: f"sources/{sid}/")
    text = export.dumps(document)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 1 if any(p.severity == "error" for p in result.problems) else 0


def _sentences(args: argparse.Namespace) -> int:
    result = pipeline.run(Path(args.seeds))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    claim_ids = {c.sentence for c in result.claims}
    for source in result.sources:
        print(f"# {source.id} ({source.file})")
        for s in source.sentences:
            mark = "claim" if s.id in claim_ids else s.role
            print(f"{s.id}\t¶{s.paragraph}\t{s.start}-{s.end}\t{mark}\t{s.text}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="provenance", description="Tie every claim of a set of sources to its exact passage.")
    parser.add_argument("--version", action="version", version=f"provenance {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export", help="write provenance.json for a folder of sources, without building a site")
    p.add_argument("--seeds", default="seeds")
    p.add_argument("-o", "--output", default="-")
    p.set_defaults(func=_export)
    p = sub.add_parser("sentences", help="list every sentence with its id, paragraph, offsets and role")
    p.add_argument("--seeds", default="seeds")
    p.set_defaults(func=_sentences)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
