"""A site's ``mkdocs.yml`` read without MkDocs, for the command line (``check``, ``export``, ``diff``):
the plugin's options, where the inputs are, and the URLs MkDocs gives the generated pages, so that
what the command line writes matches what the build writes.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from ..errors import Problem

PLUGIN = "provenance"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name, ...)."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "ENV":
        return _env(loader, node)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV NAME`` (the variable's value, else null) and ``!ENV [NAME, OTHER, default]`` (the first
    variable set, else the last item), typed as YAML types plain values, as pyyaml-env-tag does for MkDocs."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
        if len(items) > 1:
            default, items = loader.construct_object(items[-1]), items[:-1]
        names = [loader.construct_scalar(item) for item in items if isinstance(item, yaml.ScalarNode)]
    else:
        return None
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read(config_file: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The settings of ``config_file`` as a mapping ({} when it cannot be read, with the problem)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(config_file.name, mark.line + 1 if mark else None, f"cannot be read: {exc}", "check the file")]
    if not isinstance(data, dict):
        return {}, [Problem(config_file.name, 1, "is not a mapping of settings", "check the file")]
    return data, []


def plugin_options(plugins: Any, name: str = PLUGIN) -> dict[str, Any]:
    """A plugin's options from mkdocs.yml's ``plugins``, which MkDocs accepts as a list (of names, or of
    one-key mappings) or as a mapping of names to options."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None) for item in plugins or []
    )
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {}
    return {}


def markdown_extensions(value: Any, file: str = "mkdocs.yml") -> tuple[list[str], dict[str, dict[str, Any]], list[Problem]]:
    """Names and options of ``markdown_extensions``, which MkDocs accepts as a list (of names, or of
    one-key mappings) or as a mapping of names to options."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    items = list(value.items()) if isinstance(value, dict) else []
    for item in value if isinstance(value, (list, tuple)) else []:
        if isinstance(item, dict) and len(item) == 1:
            items.append(next(iter(item.items())))
        elif isinstance(item, str):
            items.append((item, None))
        else:
            problems.append(Problem(file, None, f"markdown_extensions: {item!r} is not an extension's name or a one-key mapping of a name to its options",
                                    "write '- name' or '- name: {option: value}'"))
    for name, options in items:
        names.append(str(name))
        if isinstance(options, dict):
            configs[str(name)] = options
    return names, configs, problems


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page ``docs/<src_uri>`` (``mkdocs.structure.files.File.url``)."""
    parent, filename = posixpath.split(src_uri)
    name = posixpath.splitext(filename)[0]
    name = "index" if name == "README" else name
    flat = not directory_urls or name == "index"  # foo.md -> foo.html, not foo/index.html
    dest = posixpath.join(parent, name + ".html") if flat else posixpath.join(parent, name, "index.html")
    folder, last = posixpath.split(dest)
    return quote((folder or ".") + "/" if directory_urls and last == "index.html" else dest)


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its inputs (relative to its folder, mkdocs.yml's folder) and where its
    generated pages go: the plugin's options, with the same defaults as the plugin's."""

    seeds: str = "seeds"
    docs: str = "docs"
    editorial: str = ""  # default: the "editorial" folder inside seeds, as for the plugin
    pages: str = "sources"
    analysis_pages: str = "analysis"
    directory_urls: bool = True
    display: str = "full"  # how sources without a 'display' in their sidecar are shown: "full" or "excerpts"
    cache_dir: str = ".cache/provenance"  # "" when the plugin's cache is off
    export: bool = True  # provenance.json and annotations.jsonld are written

    def page_url(self, source_id: str) -> str:
        """The URL of a source's page, relative to the site root."""
        return url_of(posixpath.join(self.pages, f"{source_id}.md"), self.directory_urls)

    @property
    def contested_url(self) -> str:
        return url_of(posixpath.join(self.analysis_pages, "contested.md"), self.directory_urls)


def layout(config_file: Path) -> tuple[Layout, list[Problem]]:
    """The layout ``config_file`` describes; the defaults when there is no such file."""
    if not config_file.is_file():
        return Layout(), []
    data, problems = read(config_file)
    return layout_of(data), problems


def layout_of(data: dict[str, Any]) -> Layout:
    """The layout of a site's settings, as :func:`read` returns them."""
    options = plugin_options(data.get("plugins"))
    defaults = Layout()
    return Layout(
        seeds=str(options.get("seeds", defaults.seeds)),
        docs=str(data.get("docs_dir") or defaults.docs),
        editorial=str(options.get("editorial") or ""),
        pages=str(options.get("pages", defaults.pages)),
        analysis_pages=str(options.get("analysis_pages", defaults.analysis_pages)),
        directory_urls=bool(data.get("use_directory_urls", True)),
        display="excerpts" if options.get("display") == "excerpts" else defaults.display,
        cache_dir=str(options.get("cache_dir", defaults.cache_dir)) if options.get("cache", True) is not False else "",
        export=options.get("export", True) is not False,
    )
