"""The daily digest's links, read from what the loopback SMTP server received: every link is
absolute, on the configured site, clean (no stray punctuation in the address or the link's
words) and opens the page for the person it was sent to."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import resolve

from giaoban.notifications.tests.support import remind

URL_RE = re.compile(r"https?://\S+")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._words = dict(attrs).get("href"), []

    def handle_data(self, data):
        if self._href is not None:
            self._words.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._words).strip()))
            self._href = None


def _html(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    return ""


def _check_url(url: str, client, settings) -> None:
    base = urlsplit(settings.GIAOBAN_BASE_URL)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), url
    assert ":" not in parts.path and not url.endswith((":", ".", ",", ";")), url
    resolve(parts.path)  # a page of the site
    assert client.get(parts.path).status_code == 200, url


def test_digest_links_are_absolute_clean_and_open(walk, smtp, client, settings):
    settings.GIAOBAN_BASE_URL = "https://giaoban.tinhuy.example/"
    cast, head, task = walk
    remind(date(2026, 3, 17))
    [mail] = smtp.to("unit_a@alpha.test")
    client.force_login(cast.unit_a)

    parser = Links()
    parser.feed(_html(mail.message))
    assert len(parser.links) >= 3  # the assignments, the centre, the preferences
    for href, words in parser.links:
        _check_url(href, client, settings)
        assert words and not words.endswith(":"), f"stray colon in the link {words!r}"
    assert {w for _, w in parser.links} >= {
        "Tất cả thông báo của đồng chí",
        "Thay đổi cách nhận thư",
    }

    text_urls = URL_RE.findall(mail.text)
    assert len(text_urls) == len(parser.links)
    assert {h for h, _ in parser.links} == set(text_urls)
    for url in text_urls:
        _check_url(url, client, settings)
    assert f"https://giaoban.tinhuy.example/tasks/assignments/{task.assignments.get().pk}/" in (
        text_urls
    )
