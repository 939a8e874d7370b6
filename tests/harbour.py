"""The two harbour articles: one story told by two papers, one of which denies what the other reports.

Written for the tests (no words from real articles): a report and a denial, attribution ("according
to"), a hedge ("reportedly"), a same-name ambiguity ("Lopez"), dates with and without a year, and a
figure each paper gives in its own words. Every test that needs a small two-source corpus uses them,
through the ``harbour_seeds`` fixture or :func:`write`.
"""

from __future__ import annotations

from pathlib import Path

HERALD = """Harbour Board Sold Fishing Rights, Memo Shows

By Ana Ruiz
Monday, March 4, 2024 - 08:00 AM

A leaked memo shows that the harbour board secretly sold the fishing rights to Northwind Ltd on February 12, 2024.
Board chair Maria Lopez reportedly approved the sale without a vote.
Fishermen in Porto Alto were not consulted, according to the memo.
The harbour has 240 registered boats.
"""

GAZETTE = """Board Rejects Memo Claims

By Tom Berg
Tuesday, March 5, 2024 - 09:30 AM

The harbour board denied that it sold the fishing rights, calling the memo a forgery.
Maria Lopez approved the sale of the fishing rights to Northwind Ltd without a vote, according to two board members.
Carlos Lopez, a fisherman, said Lopez never spoke to the fishermen.
Fishing boats in the harbour number about 240, the port office says.
The board meets again on April 2.
"""

SIDECARS = {"herald": "id: herald\npublisher: Coast Herald\n", "gazette": "id: gazette\npublisher: Bay Gazette\n"}
TEXTS = {"herald": HERALD, "gazette": GAZETTE}


def write(seeds: Path) -> Path:
    """The two articles and their sidecars in ``seeds`` (created if needed), with an empty editorial folder."""
    (seeds / "editorial").mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{name}.yml").write_text(SIDECARS[name], encoding="utf-8")
    return seeds
