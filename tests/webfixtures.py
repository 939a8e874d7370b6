"""Web pages, PDFs and a local web server for the tests of `provenance add`.

Every page here was written for these tests (invented places, people and events); none is a copy
of a real article. The server listens on 127.0.0.1 on a free port and never reaches further.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NEWS_TITLE = "Harbour council approves repairs to the Eastmouth tidal barrier"
NEWS_BODY = [
    "The Eastmouth harbour council voted on Tuesday to spend 4.2 million pounds on repairs to the tidal barrier "
    "that has protected the old town from winter surges since 1987.",
    "Seven of the nine councillors backed the plan after a three-hour debate in the Guildhall, where residents of "
    "the low-lying Quay Street district filled the public gallery.",
    "An engineers' survey presented to the council found corrosion on two of the barrier's four steel gates. "
    "According to the survey, the gates could fail to close fully during a surge as strong as the one of February 2014.",
    "“We cannot ask people on Quay Street to sleep with sandbags at the door for another winter,” said Councillor "
    "Ines Achterberg, who chairs the harbour committee.",
    "Two councillors voted against the plan. Councillor Rowan Pike said the council had not considered replacing "
    "the gates outright, which he argued would cost less over twenty years.",
    "Work on the first gate is expected to begin in May and to last about eleven weeks, during which the harbour "
    "will close to boats longer than twelve metres at high tide.",
    "The council said it would publish the full survey on its website next week, together with a timetable for "
    "the closures.",
]
NEWS_FURNITURE = [
    # Text on the page that is not the article: none of it may reach the source file.
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Share on Facebook",
    "Copy link",
    "Sign up for our morning briefing",
    "Ferry timetable changes for the summer season",
    "Lifeboat crew rescues two kayakers off Gull Point",
    "This is a disgrace, the council wasted years",
    "window.courierTracking",
    "Subscribe today",
    "Weather",
]
NEWS_URL = "https://courier.example/news/tidal-barrier-repairs"


def news_page() -> str:
    """A news article as a publisher's site serves it: navigation, a cookie banner, share buttons,
    comments, related links, scripts, JSON-LD and Open Graph metadata, a byline and a dateline."""
    body = "\n".join(f"<p>{p}</p>" for p in NEWS_BODY[:4])
    rest = "\n".join(f"<p>{p}</p>" for p in NEWS_BODY[4:])
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{NEWS_TITLE} | The Eastmouth Courier</title>
<meta property="og:title" content="{NEWS_TITLE}">
<meta property="og:site_name" content="The Eastmouth Courier">
<meta property="og:type" content="article">
<meta property="og:url" content="{NEWS_URL}">
<meta name="author" content="Mara Lindqvist">
<link rel="canonical" href="{NEWS_URL}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{NEWS_TITLE}",
  "datePublished": "2024-03-12T18:30:00+00:00", "inLanguage": "en-GB",
  "author": {{"@type": "Person", "name": "Mara Lindqvist"}},
  "publisher": {{"@type": "Organization", "name": "The Eastmouth Courier"}}}}
</script>
<script>window.courierTracking = {{"section": "news", "id": 8812}};</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our site.</p>
<button>Accept all cookies</button> <button>Manage preferences</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main>
<article class="story">
<h1>{NEWS_TITLE}</h1>
<p class="byline">By <a href="/authors/mara-lindqvist" rel="author">Mara Lindqvist</a>, Local Government Reporter</p>
<p class="dateline"><time datetime="2024-03-12T18:30:00Z">12 March 2024</time></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Copy link</a></div>
<div class="story-body">
{body}
<p class="read-more"><a href="/news/ferry-timetable">Read more: Ferry timetable changes for the summer season</a></p>
{rest}
<script>document.write("window.courierTracking loaded");</script>
</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/lifeboat">Lifeboat crew rescues two kayakers off Gull Point</a></li>
<li><a href="/news/ferry-timetable">Ferry timetable changes for the summer season</a></li></ul></aside>
<div class="newsletter"><p>Sign up for our morning briefing: the day's news from Eastmouth in your inbox at 7am.</p></div>
<section class="comments" id="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="comment-author">harbourwatcher</p><p>This is a disgrace, the council wasted years arguing about it.</p></div>
<div class="comment"><p class="comment-author">quaystreet_resident</p><p>Finally. We have waited long enough for someone to act.</p></div>
</section>
</main>
<footer><p>© 2024 The Eastmouth Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


CP1252_TITLE = "Café owner’s sourdough wins the regional bread prize"
CP1252_BODY = [
    "Lotte Verhoeven, who runs the Café Dorée on the market square of Brackwater, won this year’s regional bread "
    "prize on Saturday with a rye sourdough she describes as “stubborn but honest”.",
    "The judges – three bakers and a food writer – tasted forty-one loaves over six hours. They praised the crust "
    "and gave the loaf 47 points out of 50, the highest score since the prize began.",
    "Verhoeven said the €500 prize would pay for a second oven. “I have been baking at four in the morning for "
    "twelve years,” she said. “Now perhaps I can start at five.”",
    "Second place went to the Müller brothers of Eastfield for a spelt loaf; third to a school canteen in "
    "Holmby, the first time a canteen has been placed — a result the organisers called “a small revolution”.",
]


def cp1252_page() -> bytes:
    """A page in windows-1252 that declares its charset only in a <meta http-equiv> tag."""
    body = "\n".join(f"<p>{p}</p>" for p in CP1252_BODY)
    html = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{CP1252_TITLE}</title></head>
<body><div id="menu"><a href="/">Brackwater Gazette</a> | <a href="/food">Food</a> | <a href="/town">Town</a></div>
<div id="content"><h1>{CP1252_TITLE}</h1>
{body}
</div><div id="footer">Brackwater Gazette</div></body></html>"""
    return html.encode("cp1252")


GERMAN_TITLE = "Stadtbibliothek öffnet nach dem Umbau wieder"
GERMAN_BODY = [
    "Die Stadtbibliothek von Lindenau öffnet am 3. Mai nach zwei Jahren Umbau wieder ihre Türen. Der Lesesaal "
    "im Obergeschoss bietet nun Platz für achtzig Besucher.",
    "Bei der Eröffnung spricht Prof. Weber über die Geschichte des Hauses. Danach führt die Leiterin der "
    "Bibliothek durch die neuen Räume.",
    "Der Umbau kostete rund 6,8 Millionen Euro, etwa eine Million mehr als geplant. Die Stadt begründete die "
    "Mehrkosten mit gestiegenen Preisen für Baumaterial.",
    "Die Kinderabteilung zieht in das Erdgeschoss um. Dort gibt es künftig auch einen Raum für Lesungen und "
    "Vorträge, der abends gemietet werden kann.",
]


def german_page() -> str:
    body = "\n".join(f"<p>{p}</p>" for p in GERMAN_BODY)
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{GERMAN_TITLE}</title>
<meta property="og:site_name" content="Lindenauer Anzeiger"></head>
<body><nav><a href="/">Startseite</a> <a href="/lokales">Lokales</a></nav>
<article><h1>{GERMAN_TITLE}</h1>{body}</article></body></html>"""


def menu_page() -> str:
    """A page with navigation and a cookie banner but no article."""
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Section index</title></head>
<body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<nav><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li><li><a href="/c">Sport</a></li></ul></nav>
<footer>© 2024 Example</footer></body></html>"""


# --- PDFs ---------------------------------------------------------------------------------------

PDF_TITLE = "Report of the Inquiry into the Westbrook Reservoir Spill"
PDF_PAGES = [
    [
        "Report of the Inquiry into the Westbrook Reservoir Spill",
        "",
        "1. On the night of 9 November the overflow channel of the Westbrook",
        "reservoir discharged water into the valley for about four hours. The",
        "inquiry heard from the operator, the county engineers and eleven residents.",
        "",
        "2. The operator told the inquiry that a sensor had reported the water",
        "level wrongly for two days before the spill, and that no alarm was",
        "raised because the faulty reading stayed inside the normal range of the",
    ],
    [
        "instrument. The county engineers disputed this account at the hearing.",
        "",
        "3. Residents of Mill Lane said they had seen water in the channel on the",
        "evening before the spill and had telephoned the operator twice without",
        "receiving an answer from anyone on duty that night.",
        "",
        "4. The inquiry recommends that a second, independent sensor be fitted and",
        "that calls to the operator be recorded and answered within ten minutes.",
    ],
    [
        "5. The inquiry makes no finding of negligence against any single person.",
        "It finds that the spill could have been prevented by an alarm that",
        "compared the two sensors, which the operator had planned but not fitted.",
    ],
]


def _pdf_string(text: str) -> bytes:
    return b"(" + text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(pages: list[list[str]], title: str | None = None, author: str | None = None, lang: str = "en-GB", footer: bool = True) -> bytes:
    """A small, valid PDF: one Helvetica text line per entry (an empty entry is a blank line), a
    page number at the foot of each page, and an info dictionary."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    page_tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for number, lines in enumerate(pages, start=1):
        ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
        ops.append(b"ET")
        if footer:
            ops.append(b"BT /F1 9 Tf 300 40 Td " + _pdf_string(str(number)) + b" Tj ET")
        stream = b"\n".join(ops)
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (page_tree, font, contents)
        ))
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang %s >>" % (page_tree, _pdf_string(lang))
    info_items = b""
    if title:
        info_items += b"/Title " + _pdf_string(title)
    if author:
        info_items += b" /Author " + _pdf_string(author)
    info = add(b"<< " + info_items + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, info, xref)
    return bytes(out)


# --- A local web server -------------------------------------------------------------------------


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    gzip: bool = False


class Site:
    """Routes served by a local server: path -> Route, or a callable making one."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.base = ""
        self.requests: list[str] = []

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")

    def html(self, path: str, text: str | bytes, charset: str | None = "utf-8", **kwargs: object) -> str:
        body = text.encode("utf-8") if isinstance(text, str) else text
        content_type = "text/html" + (f"; charset={charset}" if charset else "")
        self.routes[path] = Route(body=body, headers={"Content-Type": content_type}, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": to})
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.requests.append(self.path)
            route = site.routes.get(self.path.split("?")[0])
            if callable(route):
                route = route()
            if route is None:
                route = Route(status=404, body=b"<h1>Not found</h1>", headers={"Content-Type": "text/html"})
            if route.delay:
                time.sleep(route.delay)
            body = route.body
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.gzip:
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
            pass

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on 127.0.0.1 on a free port for the length of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
