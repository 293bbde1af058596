"""Keys and labels a person can read for works nobody signed (issue 17)."""

from __future__ import annotations

from bibkaz.model import Name, Record
from bibkaz.network.labels import node_label, short_label
from bibkaz.resolve.keys import assign_keys, base_key
from bibkaz.resolve.names_for_keys import site_of, site_word


def test_site_of_and_channel():
    assert site_of("https://www.understandingwar.org/backgrounder/x") == "understandingwar.org"
    assert site_of("https://t.me/rybar/4512") == "t.me/rybar"
    assert site_word("https://t.me/rybar/4512") == "rybar"
    assert site_word("https://news.bbc.co.uk/2/hi/a.stm") == "bbc"


def test_keys_without_authors_are_never_anon():
    url_only = Record(type="webpage", url="https://www.understandingwar.org/backgrounder/x", date="2023-02-01")
    channel = Record(type="webpage", url="https://t.me/rybar/4512")
    org = Record(type="report", title="Types of Committee Hearings", publisher="Congressional Research Service", date="2026")
    titled = Record(title="Central Asia after the war", date="2020")
    nothing = Record()
    keys = [base_key(r) for r in (url_only, channel, org, titled, nothing)]
    assert keys == ["understandingwar2023", "rybar", "congressional2026types", "central2020asia", "untitled"]
    assert not any(k.startswith("anon") for k in assign_keys([url_only, url_only.with_(url=url_only.url + "y")]))


def test_labels_never_a_bare_year():
    assert node_label(Record(date="2021", title="Notes on gauges")) == "Notes on gauges"
    assert node_label(Record(date="2021", url="https://t.me/rybar/1")) == "t.me/rybar 2021"
    doc = Record(authors=(Name("Heitshusen", "Valerie"),), date="2026", title="Types of Committee Hearings")
    assert short_label(doc) == "Heitshusen 2026, Types of Committee Hearings"
    assert short_label(Record(date="2026", title="Types", publisher="Congressional Research Service")) == \
        "Congressional Research Service 2026, Types"
    assert short_label(Record(date="2019", title="Lakes")) == "Lakes"
