"""Escaping untrusted text for HTML output.

Seed text never passes through Markdown: the plugin emits it as escaped text
inside raw HTML blocks, so Markdown, attr_list, footnote and Jinja syntax in a
seed (``[^1]``, ``{: onclick=...}``, ``{{ }}``, ``!!!``) stays literal text.
Control characters, which HTML forbids, are shown as visible symbols instead
of being dropped.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with characters HTML cannot carry replaced by visible stand-ins."""
    return _CONTROL.sub(_picture, text)


def text(value: object) -> str:
    """Escape for an HTML text node or a double-quoted attribute value."""
    return html.escape(visible(str(value)), quote=True)


def attr(value: object) -> str:
    return text(value)
