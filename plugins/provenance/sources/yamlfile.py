"""Reading the project's own YAML files (sidecars and editorial files) so that no file can crash,
hang or exhaust the build.

ruamel's round-trip reader keeps line numbers for the messages; on top of it this reader

- refuses aliases (``*name``): a few lines of nested aliases ("billion laughs") expand to
  gigabytes once a value is printed or compared, and an editor never needs them;
- refuses nesting deeper than :data:`MAX_DEPTH` (Python's recursion limit is reached near 1,000);
- refuses keys that are lists or mappings (``? [[x]]``), which cannot be looked up;
- keeps a date that does not exist (``2023-02-30``) as the text it is, so that the field that
  holds it reports it with its line instead of the reader failing without one.

Every refusal is a :class:`YamlProblem` with a line and a fix.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode

MAX_DEPTH = 50  # sidecars nest one level and editorial files five or six; deeper is a mistake or an attack


class YamlProblem(Exception):
    """Why a YAML file cannot be used, with the line (1-based, when known) and a fix."""

    def __init__(self, line: int | None, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


class _NoAliases(Composer):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.get_event()
            raise YamlProblem(event.start_mark.line + 1, f"uses the alias *{event.anchor}; aliases are not allowed here",
                              "write the value out in full instead of '&name' and '*name'")
        return super().compose_node(parent, index)


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:  # a date shaped like one that does not exist: the text, for the field to report
            return str(node.value)

    def construct_mapping(self, node: Any, maptyp: Any, deep: bool = False) -> Any:
        for key, _ in node.value:
            if not isinstance(key, ScalarNode):
                raise YamlProblem(key.start_mark.line + 1, "a key is a list or a mapping", "write each key as plain text, e.g. 'title:'")
        return super().construct_mapping(node, maptyp, deep=deep)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def reader() -> YAML:
    """A round-trip reader with the refusals above (for callers that also compose the text)."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _NoAliases
    yaml.Constructor = _Constructor
    yaml.max_depth = MAX_DEPTH
    return yaml


def load(text: str, using: YAML | None = None) -> Any:
    """The data of a YAML document (ruamel's round-trip types, with line numbers); raises :class:`YamlProblem`."""
    try:
        return (using or reader()).load(text)
    except YamlProblem:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if isinstance(exc, MaxDepthExceededError):
            raise YamlProblem(line, f"is nested more than {MAX_DEPTH} levels deep", "flatten the file") from None
        raise YamlProblem(line, f"is not valid YAML: {exc.problem or exc.context}", "check the indentation and quoting on that line") from None
    except (YAMLError, ValueError, TypeError, RecursionError) as exc:  # anything else the reader may raise
        raise YamlProblem(None, f"is not valid YAML: {exc}", "check the file's syntax") from None


def may_have_aliases(text: str) -> bool:
    """Whether a text can hold a working alias: every alias names an anchor (``&name``)."""
    return "&" in text
