"""Checks of Atom (RFC 4287) and RSS 2.0 documents: the elements the specifications require.

There is no maintained feed validator for Python; these checks encode the "MUST" rules a feed reader
relies on, so a test fails when one is missing (as `<author>` once was in every Atom feed).
"""

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_errors(content):
    """A list of what the Atom document lacks; empty when it has every required element."""
    errors = []
    feed = ET.fromstring(content)
    if feed.tag != f"{ATOM}feed":
        return [f"root element is {feed.tag}, not atom:feed"]
    for name in ("id", "title", "updated"):
        if feed.find(f"{ATOM}{name}") is None:
            errors.append(f"feed has no <{name}>")
    feed_author = feed.find(f"{ATOM}author/{ATOM}name")
    entries = feed.findall(f"{ATOM}entry")
    for position, entry in enumerate(entries, start=1):
        for name in ("id", "title", "updated"):
            if entry.find(f"{ATOM}{name}") is None:
                errors.append(f"entry {position} has no <{name}>")
        if feed_author is None and entry.find(f"{ATOM}author/{ATOM}name") is None:
            errors.append(f"entry {position} has no <author> and neither has the feed")
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if not alternate and entry.find(f"{ATOM}content") is None:
            errors.append(f"entry {position} has neither a link nor content")
    if feed_author is None and not entries:
        errors.append("feed has no <author>")
    return errors


def rss_errors(content):
    """A list of what the RSS 2.0 document lacks; empty when it has every required element."""
    errors = []
    rss = ET.fromstring(content)
    channel = rss.find("channel")
    if rss.tag != "rss" or channel is None:
        return ["not an RSS 2.0 document"]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            errors.append(f"channel has no <{name}>")
    for position, item in enumerate(channel.findall("item"), start=1):
        if not (item.findtext("title") or item.findtext("description")):
            errors.append(f"item {position} has neither title nor description")
    return errors
