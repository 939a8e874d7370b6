"""A seed written to break out of every context the plugin emits text into (shared by several tests)."""

HOSTILE_LINES = [
    "<script>alert('title')</script> Headline &amp; More",
    "By <b onmouseover=alert(1)>Eve</b>",
    "This sentence has a footnote reference [^1] and an inline link [x](javascript:alert(1)).",
    'An attribute list follows here. {: onclick="alert(1)" .evil #pwn }',
    "Jinja would expand {{ config.site_name }} and {% raw %} if it ran.",
    "!!! warning \"Admonition\"",
    "    Indented text that Markdown would turn into code.",
    "<img src=x onerror=alert(1)> An image that must not load.",
    "<a href=\"javascript:alert(1)\">click me</a> is a javascript: URL.",
    "*Not emphasis* and __not bold__ and `not code` stay as typed.",
    "[^1]: A footnote definition that must stay text.",
    "A control character \x07 here and an HTML comment <!-- hidden --> there.",
    "</span></p></article><script>alert(2)</script> closing tags stay text.",
]
HOSTILE = HOSTILE_LINES[0] + "\n\n" + HOSTILE_LINES[1] + "\n\n" + "\n\n".join(HOSTILE_LINES[2:]) + "\n"
HOSTILE_SIDECAR = "id: hostile\npublisher: \"<script>alert('pub')</script>\"\nauthor: \"{{ x }} [^2]\"\n"
