#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad dossiers of this directory that are derived from
tests/data/good/every-optional-key.json by one change each (the files
written by hand are not touched), and those of multi/, which have several
problems at once.

    tests/data/bad/make-cases.py [--list]

Every file it writes is kept in the repository, with its .expected file and,
for the single-problem ones, a row in README.md; run it again after changing
a case and check the difference.  With --list it prints the README rows of
the single-problem cases instead (the Path column must then be checked
against the .expected file).
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_PATH = os.path.join(HERE, "..", "good", "every-optional-key.json")

with open(BASE_PATH, encoding="utf-8") as f:
    BASE = json.load(f)


def text(doc, **kw):
    return json.dumps(doc, indent=2, ensure_ascii=False, **kw) + "\n"


def base_text():
    return text(BASE)


def changed(path, value, doc=None):
    """BASE (or DOC) with the value at PATH (a list of keys and indexes)
    replaced, or deleted when VALUE is DELETE."""
    doc = copy.deepcopy(BASE if doc is None else doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


DELETE = object()

# (name, what is wrong, detector, bytes)
CASES = []


def case(name, what, detector, data):
    if isinstance(data, dict) or isinstance(data, list):
        data = text(data)
    if isinstance(data, str):
        data = data.encode("utf-8")
    CASES.append((name, what, detector, data))


def replace_once(old, new, source=None):
    source = base_text() if source is None else source
    assert source.count(old) == 1, old
    return source.replace(old, new)


# The text of the file
case("empty.json", "The file is empty (0 bytes)", "schema", b"")
case("whitespace-only.json", "The file holds only spaces, tabs and line breaks", "schema", b"  \n\t\n")
case("truncated.json", "The file stops in the middle of the events (a download cut short)", "schema",
     base_text()[:base_text().index('"shares-fall"')])
case("truncated-in-string.json", "The file stops inside a string", "schema",
     base_text()[:base_text().index("Chip shares fall") + 4])
case("bom.json", "The file starts with a UTF-8 byte order mark", "schema", b"\xef\xbb\xbf" + base_text().encode())
case("utf-16.json", "The file is in UTF-16 with a byte order mark", "schema", base_text().encode("utf-16"))
case("utf-16be-without-bom.json", "The file is in UTF-16 (big-endian) without a byte order mark", "schema",
     base_text().encode("utf-16-be"))
case("utf-32.json", "The file is in UTF-32 with a byte order mark", "schema", base_text().encode("utf-32"))
case("latin-1.json", "The description is in Latin-1 (\"caf\\xe9\"), not UTF-8", "schema",
     replace_once('"Uses every optional key at least once."', '"Uses every optional key at least once, caf\xe9."')
     .encode("latin-1"))
case("overlong-utf-8.json", "A string holds an overlong UTF-8 sequence (C0 AF for \"/\")", "schema",
     replace_once('"A. Writer"', '"A. Writer\ufffd"').encode().replace("\ufffd".encode(), b"\xc0\xaf"))
case("utf-8-surrogate.json", "A string holds a surrogate encoded in UTF-8 (ED A0 80), which UTF-8 forbids", "schema",
     replace_once('"A. Writer"', '"A. Writer\ufffd"').encode().replace("\ufffd".encode(), b"\xed\xa0\x80"))
case("nul-byte.json", "A string holds a raw NUL byte", "schema",
     replace_once('"A. Writer"', '"A. Writer\ufffd"').encode().replace("\ufffd".encode(), b"\x00"))
case("control-character.json", "A string holds a raw tab character (JSON needs \\t)", "schema",
     replace_once('"A. Writer"', '"A.\tWriter"'))
case("line-break-in-string.json", "A string holds a raw line break (JSON needs \\n)", "schema",
     replace_once('"The byline line was moved to author."', '"The byline line\nwas moved to author."'))
case("comment-line.json", "A // comment (JSON has no comments)", "schema",
     replace_once('  "language": "en",\n', '  // the language of the content\n  "language": "en",\n'))
case("comment-block.json", "A /* */ comment", "schema",
     replace_once('  "language": "en",\n', '  "language": "en", /* BCP 47 */\n'))
case("trailing-comma-array.json", "A trailing comma in an array", "schema",
     replace_once('"the start-up"\n', '"the start-up",\n'))
case("single-quotes.json", "A string in single quotes", "schema",
     replace_once('"language": "en"', "\"language\": 'en'"))
case("unquoted-key.json", "A member name without quotes", "schema",
     replace_once('"language": "en"', 'language: "en"'))
case("text-after-value.json", "A second JSON value after the dossier", "schema", base_text() + "{}\n")
case("nan.json", "An unknown key holds NaN, which JSON does not have (Python's json accepts it)", "loader-only",
     replace_once('  "language": "en",\n', '  "x-score": NaN,\n  "language": "en",\n'))
case("infinity.json", "An unknown key holds -Infinity (Python's json accepts it)", "loader-only",
     replace_once('  "language": "en",\n', '  "x-score": -Infinity,\n  "language": "en",\n'))
case("hex-number.json", "An unknown key holds the hexadecimal number 0x10", "schema",
     replace_once('  "language": "en",\n', '  "x-score": 0x10,\n  "language": "en",\n'))
case("leading-zero.json", "An unknown key holds 012 (a number cannot start with 0)", "schema",
     replace_once('  "language": "en",\n', '  "x-score": 012,\n  "language": "en",\n'))
case("plus-sign.json", "An unknown key holds +1 (JSON has no plus sign)", "schema",
     replace_once('  "language": "en",\n', '  "x-score": +1,\n  "language": "en",\n'))
case("bad-escape.json", "A string holds \\x41, which is not a JSON escape", "schema",
     replace_once('"A. Writer"', '"A. \\x41Writer"'))
case("short-unicode-escape.json", "A string holds \\u12 followed by a quote", "schema",
     replace_once('"A. Writer"', '"A. Writer\\u12"'))
case("lone-low-surrogate.json", "A string holds a lone low surrogate escape (\\udc00); Python's json accepts it",
     "loader-only", replace_once('"A. Writer"', '"A. Writer\\udc00"'))
case("nested-objects-too-deep.json", "An unknown key holds objects nested 65 levels deep (the loader allows 64)",
     "loader-only",
     replace_once('  "language": "en",\n', '  "x-deep": ' + '{"a": ' * 65 + "1" + "}" * 65 + ',\n  "language": "en",\n'))
case("top-level-string.json", "The file is a JSON string", "schema", '"dossier/1"\n')
case("top-level-null.json", "The file is null", "schema", "null\n")
case("top-level-number.json", "The file is a number", "schema", "1\n")
case("duplicate-key.json", "\"title\" appears twice; the last one, which counts, is empty", "schema",
     replace_once('  "description": "Uses', '  "title": "",\n  "description": "Uses'))

# Wrong types, at every level.  Items that nothing refers to are broken,
# so that each file has exactly one problem.
for name, what, path, value in [
    ("format-not-string.json", "\"format\" is the number 1", ["format"], 1),
    ("id-is-array.json", "The dossier id is an array", ["id"], ["every-optional-key"]),
    ("title-is-object.json", "The dossier title is an object", ["title"], {"en": "Title"}),
    ("title-is-huge-number.json", "The dossier title is the number 1e999", ["title"], "HUGE"),
    ("description-is-number.json", "The description is a number", ["description"], 42),
    ("language-is-boolean.json", "The language is true", ["language"], True),
    ("entities-is-string.json", "\"entities\" is a string", ["entities"], "startup"),
    ("events-is-number.json", "\"events\" is a number", ["events"], 3),
    ("relations-is-null.json", "\"relations\" is null", ["relations"], None),
    ("discrepancies-is-boolean.json", "\"discrepancies\" is true", ["discrepancies"], True),
    ("entity-is-number.json", "An entity is a number", ["entities", 4], 4),
    ("event-is-array.json", "An event is an array", ["events", 2], ["founding"]),
    ("relation-is-null.json", "A relation is null", ["relations", 2], None),
    ("discrepancy-is-string.json", "A discrepancy is a string", ["discrepancies", 0], "size-of-fall"),
    ("article-title-is-array.json", "An article title is an array", ["articles", 0, "title"], ["Start-up"]),
    ("outlet-is-number.json", "An outlet is a number", ["articles", 0, "outlet"], 7),
    ("author-is-object.json", "An author is an object", ["articles", 0, "author"], {"name": "A. Writer"}),
    ("published-is-number.json", "A publication date is the number 20250127", ["articles", 0, "published"], 20250127),
    ("url-is-number.json", "An article URL is a number", ["articles", 0, "url"], 80),
    ("origin-is-boolean.json", "An article origin is true", ["articles", 0, "origin"], True),
    ("body-is-string.json", "A body is a string, not an array of paragraphs", ["articles", 1, "body"],
     "Chip shares fell about 17% by the close."),
    ("notes-is-array.json", "Notes are an array", ["articles", 0, "notes"], ["moved"]),
    ("entity-id-is-number.json", "An entity id is the number 5", ["entities", 4, "id"], 5),
    ("entity-name-is-number.json", "An entity name is a number", ["entities", 0, "name"], 1),
    ("kind-is-number.json", "An entity kind is a number", ["entities", 0, "kind"], 0),
    ("aliases-is-string.json", "\"aliases\" is a string", ["entities", 0, "aliases"], "the start-up"),
    ("alias-is-number.json", "An alias is a number", ["entities", 0, "aliases", 0], 2),
    ("entity-description-is-array.json", "An entity description is an array", ["entities", 0, "description"], []),
    ("event-id-is-float.json", "An event id is the number 2.5", ["events", 2, "id"], 2.5),
    ("date-is-float.json", "An event date is the number 2025.01", ["events", 0, "date"], 2025.01),
    ("date-is-negative-number.json", "An event date is the number -2025", ["events", 0, "date"], -2025),
    ("event-title-is-number.json", "An event title is a number", ["events", 0, "title"], 3),
    ("summary-is-object.json", "An event summary is an object", ["events", 0, "summary"], {}),
    ("category-is-array.json", "An event category is an array", ["events", 0, "category"], ["release"]),
    ("event-entities-is-object.json", "An event's entities are an object", ["events", 0, "entities"],
     {"startup": True}),
    ("sources-is-object.json", "An event's sources are an object", ["events", 2, "sources"],
     {"reference": "Company register, 2023"}),
    ("source-is-string.json", "A source is a string", ["events", 2, "sources", 0], "Company register, 2023"),
    ("from-is-number.json", "A relation's from is a number", ["relations", 2, "from"], 3),
    ("to-is-array.json", "A relation's to is an array", ["relations", 2, "to"], ["startup"]),
    ("type-is-null.json", "A relation type is null", ["relations", 2, "type"], None),
    ("relation-summary-is-number.json", "A relation summary is a number", ["relations", 0, "summary"], 1),
    ("since-is-number.json", "A relation's since is the number 2023", ["relations", 0, "since"], 2023),
    ("until-is-boolean.json", "A relation's until is true", ["relations", 0, "until"], True),
    ("relation-sources-is-string.json", "A relation's sources are a string", ["relations", 2, "sources"],
     "Ministry statement"),
    ("source-article-is-number.json", "A source's article is a number", ["events", 1, "sources", 0, "article"], 0),
    ("quote-is-number.json", "A quote is the number 12", ["events", 1, "sources", 0, "quote"], 12),
    ("reference-is-number.json", "A reference is the number 2023", ["events", 2, "sources", 0, "reference"], 2023),
    ("reference-url-is-number.json", "A reference URL is a number", ["events", 0, "sources", 1, "url"], 443),
    ("approximate-is-number.json", "\"approximate\" is the number 1", ["events", 1, "approximate"], 1),
    ("approximate-is-huge-integer.json", "\"approximate\" is a 30-digit integer",
     ["events", 1, "approximate"], "HUGEINT"),
    ("topic-is-number.json", "A discrepancy topic is a number", ["discrepancies", 0, "topic"], 12),
    ("claims-is-object.json", "A discrepancy's claims are an object", ["discrepancies", 0, "claims"], {}),
    ("claim-is-string.json", "A claim is a string", ["discrepancies", 0, "claims", 1], "About 17%"),
    ("claim-value-is-number.json", "A claim value is the number 12", ["discrepancies", 0, "claims", 0, "value"], 12),
    ("claim-sources-is-string.json", "A claim's sources are a string",
     ["discrepancies", 0, "claims", 1, "sources"], "second-story"),
    ("resolution-is-array.json", "A resolution is an array", ["discrepancies", 0, "resolution"], []),
    ("resolution-summary-is-number.json", "A resolution summary is a number",
     ["discrepancies", 0, "resolution", "summary"], 12),
    ("discrepancy-entities-is-string.json", "A discrepancy's entities are a string",
     ["discrepancies", 0, "entities"], "startup"),
    ("discrepancy-events-is-number.json", "A discrepancy's events are a number", ["discrepancies", 0, "events"], 1),
    ("discrepancy-relations-is-object.json", "A discrepancy's relations are an object",
     ["discrepancies", 0, "relations"], {}),
]:
    data = text(changed(path, value))
    data = data.replace('"HUGEINT"', "123456789012345678901234567890").replace('"HUGE"', "1e999")
    case(name, what, "schema", data)

# Missing required fields
for name, what, path in [
    ("entity-missing-id.json", "An entity has no id", ["entities", 4, "id"]),
    ("entity-missing-name.json", "An entity has no name", ["entities", 0, "name"]),
    ("event-missing-id.json", "An event has no id", ["events", 2, "id"]),
    ("event-missing-title.json", "An event has no title", ["events", 0, "title"]),
    ("event-missing-category.json", "An event has no category", ["events", 0, "category"]),
    ("event-missing-sources.json", "An event has no sources", ["events", 2, "sources"]),
    ("relation-missing-id.json", "A relation has no id", ["relations", 2, "id"]),
    ("relation-missing-from.json", "A relation has no from", ["relations", 2, "from"]),
    ("relation-missing-type.json", "A relation has no type", ["relations", 2, "type"]),
    ("relation-missing-sources.json", "A relation has no sources", ["relations", 2, "sources"]),
    ("source-missing-article.json", "A source has a quote but no article", ["events", 1, "sources", 0, "article"]),
    ("discrepancy-missing-id.json", "A discrepancy has no id", ["discrepancies", 0, "id"]),
    ("discrepancy-missing-topic.json", "A discrepancy has no topic", ["discrepancies", 0, "topic"]),
    ("discrepancy-missing-claims.json", "A discrepancy has no claims", ["discrepancies", 0, "claims"]),
    ("claim-missing-value.json", "A claim has no value", ["discrepancies", 0, "claims", 0, "value"]),
    ("claim-missing-sources.json", "A claim has no sources", ["discrepancies", 0, "claims", 0, "sources"]),
    ("resolution-missing-summary.json", "A resolution has no summary", ["discrepancies", 0, "resolution", "summary"]),
]:
    case(name, what, "schema", changed(path, DELETE))

# Duplicate ids and dangling references
case("duplicate-event-id.json", "Two events have the id \"release\"", "loader-only",
     changed(["events", 2, "id"], "release"))
case("duplicate-relation-id.json", "Two relations have the same id", "loader-only",
     changed(["relations", 2, "id"], "founder-founded-startup"))
dup = copy.deepcopy(BASE)
dup["discrepancies"].append(copy.deepcopy(dup["discrepancies"][0]))
case("duplicate-discrepancy-id.json", "Two discrepancies have the id \"size-of-fall\"", "loader-only", dup)
case("dangling-relation-from.json", "A relation comes from an entity \"regulator\" that does not exist",
     "loader-only", changed(["relations", 2, "from"], "regulator"))
case("dangling-discrepancy-entity.json", "A discrepancy names an entity \"chip-maker\" that does not exist",
     "loader-only", changed(["discrepancies", 0, "entities", 0], "chip-maker"))
case("dangling-claim-article.json", "A claim quotes an article \"third-story\" that does not exist",
     "loader-only", changed(["discrepancies", 0, "claims", 1, "sources", 0, "article"], "third-story"))

# Dates
for name, what, path, value, detector in [
    ("day-zero.json", "An event date is \"2025-01-00\"", ["events", 0, "date"], "2025-01-00", "schema"),
    ("april-31.json", "An event date is \"2025-04-31\"", ["events", 0, "date"], "2025-04-31", "schema"),
    ("month-zero.json", "An event date is \"2025-00\"", ["events", 1, "date"], "2025-00", "schema"),
    ("five-digit-year.json", "An event date is \"02025\"", ["events", 2, "date"], "02025", "schema"),
    ("negative-year.json", "An event date is \"-2025\"", ["events", 2, "date"], "-2025", "schema"),
    ("fullwidth-digits.json", "An event date is written with full-width digits", ["events", 2, "date"],
     "\uff12\uff10\uff12\uff13", "schema"),
    ("date-with-space.json", "An event date is \"2025-01-20 \" (a trailing space)", ["events", 0, "date"],
     "2025-01-20 ", "schema"),
    ("since-impossible.json", "A relation starts \"2023-02-29\"", ["relations", 0, "since"], "2023-02-29", "schema"),
    ("until-impossible.json", "A relation ends \"2025-06-31\"", ["relations", 0, "until"], "2025-06-31", "schema"),
    ("published-impossible.json", "An article is published \"2025-02-29\"", ["articles", 0, "published"],
     "2025-02-29", "schema"),
    ("until-year-before-since-month.json", "A relation runs from \"2025-01\" until \"2024\"",
     ["relations", 1, "since"], "2025-01", None),
]:
    doc = changed(path, value)
    if detector is None:
        doc = changed(["relations", 1, "until"], "2024", doc)
        detector = "loader-only"
    case(name, what, detector, doc)

# Quotes
case("quote-with-double-space.json", "A quote has two spaces where the article has one", "loader-only",
     changed(["events", 1, "sources", 0, "quote"], "Chip shares  fell 12% before the market opened."))
case("quote-from-title.json", "A quote comes from the article's title, not its body", "loader-only",
     changed(["events", 1, "sources", 0, "quote"], "releases a reasoning model"))
case("quote-with-curly-apostrophe.json", "A quote has a typographic apostrophe where the article has none",
     "loader-only", changed(["events", 1, "sources", 0, "quote"], "Chip shares fell 12% before the market\u2019s open"))

# Format versions, ids, addresses
case("format-uppercase.json", "\"format\" is \"Dossier/1\"", "schema", changed(["format"], "Dossier/1"))
case("format-with-space.json", "\"format\" is \"dossier/1 \" (a trailing space)", "schema",
     changed(["format"], "dossier/1 "))
case("format-newer.json", "\"format\" is \"dossier/1.1\"", "schema", changed(["format"], "dossier/1.1"))
case("id-with-space.json", "An article id is \"launch story\" (with a space), used as is by its sources",
     "schema", json.loads(base_text().replace('"launch-story"', '"launch story"')))
case("id-with-slash.json", "An entity id is \"inst/itute\"", "schema", changed(["entities", 4, "id"], "inst/itute"))
case("id-non-ascii.json", "An entity id is \"institut\u00e9\"", "schema",
     changed(["entities", 4, "id"], "institut\u00e9"))
case("id-empty.json", "An entity id is \"\"", "schema", changed(["entities", 4, "id"], ""))
case("id-with-line-break.json", "An entity id holds an escaped line break, shown escaped in the message", "schema",
     changed(["entities", 4, "id"], "insti\ntute"))
case("kind-with-terminal-escape.json",
     "An entity kind holds a terminal escape sequence, shown escaped rather than sent to the terminal",
     "schema", changed(["entities", 0, "kind"], "\u001b[31mcompany\u001b[0m"))
case("kind-with-bidi-override.json",
     "An entity kind holds a right-to-left override (U+202E), shown escaped", "schema",
     changed(["entities", 0, "kind"], "\u202eynapmoc"))
case("kind-very-long.json", "An entity kind is 5,000 characters long; the message shows the first 200", "schema",
     changed(["entities", 0, "kind"], "company" * 714 + "co"))
case("javascript-url.json", "An article URL is \"javascript:alert(1)\"", "schema",
     changed(["articles", 0, "url"], "javascript:alert(1)"))
case("file-url.json", "A reference URL is \"file:///etc/passwd\"", "schema",
     changed(["events", 0, "sources", 1, "url"], "file:///etc/passwd"))
case("url-uppercase-scheme.json", "An article URL starts with \"HTTPS://\"", "schema",
     changed(["articles", 0, "url"], "HTTPS://example.org/launch-story"))

# Several problems at once: in multi/, with every problem in the .expected
MULTI = []


def multi(name, what, data):
    if isinstance(data, (dict, list)):
        data = text(data)
    if isinstance(data, str):
        data = data.encode("utf-8")
    MULTI.append((name, what, data))


multi("only-format.json", "Only \"format\": no id, no title", {"format": "dossier/1"})
multi("article-not-object.json", "An article is a string: every source quoting it is then dangling",
      changed(["articles", 0], "launch-story"))
multi("article-missing-id.json", "An article has no id: every source quoting it is then dangling",
      changed(["articles", 0, "id"], DELETE))
multi("dangling-both-ends.json", "A relation whose two ends do not exist",
      changed(["relations", 2, "to"], "nobody", changed(["relations", 2, "from"], "no-one")))
wrong = {
    "format": "dossier/1", "id": 1, "title": [], "description": {}, "language": 7,
    "articles": [1, {"id": [], "title": 2, "outlet": "", "author": "", "published": "yesterday",
                     "approximate": "no", "url": "ftp://x", "origin": [], "body": [1, None, True], "notes": {}}],
    "entities": [None, {"id": "a b", "name": "", "kind": "country", "aliases": [1, ""], "description": 2}],
    "events": ["e", {"id": "e", "date": "2025-02-30", "title": "", "summary": 1, "category": "war",
                     "entities": [1, "x"], "sources": []}],
    "relations": [[], {"id": "r", "from": 1, "to": "y", "type": "owns", "since": "2025", "until": "2024",
                       "approximate": 0, "sources": [{}, {"article": 1, "quote": 2}, {"reference": ""}]}],
    "discrepancies": [True, {"id": "d", "topic": "", "claims": [{"value": 1, "sources": "s"}],
                             "resolution": {"summary": "", "sources": []}, "entities": [1], "events": ["e2"],
                             "relations": ["r2"]}],
}
multi("every-level-wrong.json", "Something wrong at every level and in every collection", wrong)
many = {"format": "dossier/1", "id": "many", "title": "Ten thousand problems",
        "entities": [{"id": "e%d" % i, "name": "", "kind": "company"} for i in range(10000)]}
multi("ten-thousand-problems.json", "10,000 entities with an empty name: 100 problems, then \"too many problems\"",
      json.dumps(many, separators=(",", ":")) + "\n")
multi("wrong-format-stops.json", "A wrong format stops the check, whatever else is wrong",
      {"format": "dossier/2", "id": 1, "title": 2, "entities": 3})


def main(argv):
    names = set()
    for name, what, detector, data in CASES:
        assert name not in names, name
        names.add(name)
        if "--list" in argv:
            print(f"| `{name}` | {what} | PATH | {detector} |")
            continue
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    if "--list" in argv:
        return 0
    os.makedirs(os.path.join(HERE, "multi"), exist_ok=True)
    for name, what, data in MULTI:
        with open(os.path.join(HERE, "multi", name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
