#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Development aid: check dossier/1 files the way the C loader will.

Usage: check-dossier-quotes.py [--warnings] FILE...

Prints one "PATH: message" line per problem and exits 1 if any file has one.
It covers what docs/dossier-format.md asks of a file, in particular what the
JSON Schema cannot: quotes found verbatim in one paragraph of their article,
unique ids, references that resolve, dates that exist, until not before since.
With --warnings it also lists aliases that occur in no article and entities
that no event, relation or discrepancy mentions (advice, not errors).
The loader (`dossier --validate FILE`) remains the authority.
"""
import datetime
import json
import re
import sys

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")
DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
KINDS = {"company", "person", "product", "government", "organization"}
CATEGORIES = {"release", "market", "reaction", "investment", "policy", "company"}
TYPES = {"subsidiary-of", "founded", "leads", "works-for", "invests-in", "partners-with",
         "competes-with", "supplies", "develops", "uses", "restricts", "praises",
         "criticizes", "accuses", "replicates", "studies"}
MAX_DEPTH, MAX_ARRAY, MAX_VALUES = 64, 1_000_000, 4_000_000
SURROGATE_OR_NUL = re.compile("[\x00\ud800-\udfff]")


def sub(path, key):
    """The path of member KEY of the value at PATH ("" is the top level)."""
    return f"{path}.{key}" if path else key


class Checker:
    def __init__(self):
        self.problems = []

    def bad(self, path, msg):
        self.problems.append(f"{path}: {msg}" if path else msg)

    def string(self, obj, key, path, required=False, nonempty=False):
        if key not in obj:
            if required:
                self.bad(path, f'missing required key "{key}"')
            return None
        v = obj[key]
        if not isinstance(v, str):
            self.bad(sub(path, key), "expected a string")
            return None
        if nonempty and v == "":
            self.bad(sub(path, key), "must not be empty")
        return v

    def ident(self, obj, key, path):
        v = self.string(obj, key, path, required=True)
        if v is not None and not ID_RE.match(v):
            self.bad(sub(path, key), f'"{v}" is not a valid id')
        return v

    def date(self, obj, key, path, required=False):
        v = self.string(obj, key, path, required)
        if v is None:
            return None
        m = DATE_RE.match(v)
        parts = [int(p) for p in m.groups() if p is not None] if m else None
        try:
            if not parts or parts[0] < 1:
                raise ValueError
            datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            self.bad(sub(path, key), f'"{v}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)')
            return None
        return tuple(parts)

    def flag(self, obj, path):
        if "approximate" in obj and not isinstance(obj["approximate"], bool):
            self.bad(sub(path, "approximate"), "expected true or false")

    def url(self, obj, path):
        v = self.string(obj, "url", path)
        if v is not None and not v.startswith(("http://", "https://")):
            self.bad(sub(path, "url"), "must start with http:// or https://")

    def array(self, obj, key, path, required=False, minimum=0):
        if key not in obj:
            if required:
                self.bad(path, f'missing required key "{key}"')
            return []
        v = obj[key]
        if not isinstance(v, list):
            self.bad(sub(path, key), "expected an array")
            return []
        if len(v) < minimum:
            self.bad(sub(path, key), f"needs at least {minimum} item(s)")
        return v

    def refs(self, obj, key, path, known, what):
        for i, r in enumerate(self.array(obj, key, path)):
            if not isinstance(r, str):
                self.bad(f"{path}.{key}[{i}]", "expected an id string")
            elif r not in known:
                self.bad(f"{path}.{key}[{i}]", f'no {what} with id "{r}"')

    def sources(self, obj, key, path, bodies):
        for i, s in enumerate(self.array(obj, key, path, required=True, minimum=1)):
            p = f"{path}.{key}[{i}]"
            if not isinstance(s, dict):
                self.bad(p, "expected an object")
                continue
            quote_shape = "article" in s or "quote" in s
            if quote_shape and "reference" in s:
                self.bad(p, 'has both "article"/"quote" and "reference"')
            elif quote_shape:
                art = self.ident(s, "article", p)
                quote = self.string(s, "quote", p, required=True, nonempty=True)
                if art is None or not quote:
                    continue
                if art not in bodies:
                    self.bad(f"{p}.article", f'no article with id "{art}"')
                elif not any(quote in para for para in bodies[art]):
                    self.bad(f"{p}.quote", f'not found verbatim in one paragraph of article "{art}"')
            elif "reference" in s:
                self.string(s, "reference", p, required=True, nonempty=True)
                self.url(s, p)
            else:
                self.bad(p, 'needs "article" and "quote", or "reference"')

    def items(self, doc, key):
        """Yield (path, object) for a collection, checking ids are unique."""
        seen = set()
        for i, o in enumerate(self.array(doc, key, "")):
            p = f"{key}[{i}]"
            if not isinstance(o, dict):
                self.bad(p, "expected an object")
                continue
            oid = self.ident(o, "id", p)
            if oid in seen:
                self.bad(f"{p}.id", f'duplicate id "{oid}"')
            seen.add(oid)
            yield p, o

    def walk(self, value, path="", depth=1):
        """The rules the loader applies to every value, unknown keys included."""
        self.values = getattr(self, "values", 0) + 1
        if depth > MAX_DEPTH:
            self.bad(path, f"values are nested more than {MAX_DEPTH} levels deep")
            return False
        strings = [value] if isinstance(value, str) else []
        if isinstance(value, dict):
            strings += value.keys()
            children = [(sub(path, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            if len(value) > MAX_ARRAY:
                self.bad(path, f"an array has more than {MAX_ARRAY} elements")
            children = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            children = []
        for text in strings:
            if SURROGATE_OR_NUL.search(text):
                self.bad(path, "a string contains NUL (\\u0000) or an unpaired surrogate escape")
            if len(text.encode("utf-8", "surrogatepass")) > 1024 * 1024:
                self.bad(path, "the text is longer than 1 MiB")
        return all(self.walk(v, p, depth + 1) for p, v in children)

    def check(self, doc):
        if not self.walk(doc) or self.problems:
            return
        if self.values > MAX_VALUES:
            self.bad("", f"the file has more than {MAX_VALUES} values")
            return
        if not isinstance(doc, dict):
            self.bad("", "the top level must be an object")
            return
        if doc.get("format") != "dossier/1":
            self.bad("format" if "format" in doc else "",
                     'must be "dossier/1"' if "format" in doc else 'missing required key "format"')
        self.ident(doc, "id", "")
        self.string(doc, "title", "", required=True, nonempty=True)
        self.string(doc, "description", "")
        self.string(doc, "language", "")

        bodies = {}
        for p, a in self.items(doc, "articles"):
            for k in ("title", "outlet", "author"):
                self.string(a, k, p, nonempty=True)
            self.date(a, "published", p)
            self.flag(a, p)
            self.url(a, p)
            self.string(a, "origin", p)
            self.string(a, "notes", p)
            body = self.array(a, "body", p, required=True, minimum=1)
            for i, para in enumerate(body):
                if not isinstance(para, str):
                    self.bad(f"{p}.body[{i}]", "expected a string")
            bodies[a.get("id")] = [x for x in body if isinstance(x, str)]

        entities = set()
        for p, e in self.items(doc, "entities"):
            entities.add(e.get("id"))
            self.string(e, "name", p, required=True, nonempty=True)
            if self.string(e, "kind", p, required=True) not in KINDS | {None}:
                self.bad(f"{p}.kind", f'unknown kind "{e["kind"]}"')
            for i, al in enumerate(self.array(e, "aliases", p)):
                if not isinstance(al, str) or al == "":
                    self.bad(f"{p}.aliases[{i}]", "expected a non-empty string")
            self.string(e, "description", p)

        events = set()
        for p, ev in self.items(doc, "events"):
            events.add(ev.get("id"))
            self.date(ev, "date", p, required=True)
            self.flag(ev, p)
            self.string(ev, "title", p, required=True, nonempty=True)
            self.string(ev, "summary", p)
            if self.string(ev, "category", p, required=True) not in CATEGORIES | {None}:
                self.bad(f"{p}.category", f'unknown category "{ev["category"]}"')
            self.refs(ev, "entities", p, entities, "entity")
            self.sources(ev, "sources", p, bodies)

        relations = set()
        for p, r in self.items(doc, "relations"):
            relations.add(r.get("id"))
            ends = []
            for k in ("from", "to"):
                v = self.ident(r, k, p)
                ends.append(v)
                if v is not None and v not in entities:
                    self.bad(f"{p}.{k}", f'no entity with id "{v}"')
            if ends[0] is not None and ends[0] == ends[1]:
                self.bad(f"{p}.to", "a relation cannot link an entity to itself")
            if self.string(r, "type", p, required=True) not in TYPES | {None}:
                self.bad(f"{p}.type", f'unknown relation type "{r["type"]}"')
            self.string(r, "summary", p)
            since, until = self.date(r, "since", p), self.date(r, "until", p)
            # Compared at the coarser precision: 2025-01 is not before 2025-01-20.
            n = min(len(since or ()), len(until or ()))
            if since and until and until[:n] < since[:n]:
                self.bad(f"{p}.until", "is before since")
            self.flag(r, p)
            self.sources(r, "sources", p, bodies)

        for p, d in self.items(doc, "discrepancies"):
            self.string(d, "topic", p, required=True, nonempty=True)
            for i, c in enumerate(self.array(d, "claims", p, required=True, minimum=2)):
                cp = f"{p}.claims[{i}]"
                if not isinstance(c, dict):
                    self.bad(cp, "expected an object")
                    continue
                self.string(c, "value", cp, required=True, nonempty=True)
                self.sources(c, "sources", cp, bodies)
            if "resolution" in d:
                res = d["resolution"]
                if not isinstance(res, dict):
                    self.bad(f"{p}.resolution", "expected an object")
                else:
                    self.string(res, "summary", f"{p}.resolution", required=True, nonempty=True)
                    self.sources(res, "sources", f"{p}.resolution", bodies)
            self.refs(d, "entities", p, entities, "entity")
            self.refs(d, "events", p, events, "event")
            self.refs(d, "relations", p, relations, "relation")


def warnings(doc):
    """Advice for authors: aliases not written in any article, unused entities."""
    out = []
    text = "\n".join(p for a in doc.get("articles", []) for p in a.get("body", []))
    used = set()
    for ev in doc.get("events", []):
        used.update(ev.get("entities", []))
    for r in doc.get("relations", []):
        used.update((r.get("from"), r.get("to")))
    for d in doc.get("discrepancies", []):
        used.update(d.get("entities", []))
    for i, e in enumerate(doc.get("entities", [])):
        for al in e.get("aliases", []):
            if al not in text:
                out.append(f'entities[{i}].aliases: "{al}" occurs in no article')
        if e.get("id") not in used:
            out.append(f'entities[{i}]: "{e.get("id")}" is in no event, relation or discrepancy')
    return out


def reject_constant(name):
    raise json.JSONDecodeError(f"{name} is not JSON", "", 0)


def main(argv):
    want_warnings = "--warnings" in argv
    files = [a for a in argv if a != "--warnings"]
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = 0
    for name in files:
        c = Checker()
        doc = None
        try:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f, parse_constant=reject_constant)
        except json.JSONDecodeError as e:
            c.bad(f"line {e.lineno}, column {e.colno}", e.msg)
        except (OSError, UnicodeDecodeError, RecursionError) as e:
            c.bad("", str(e))
        else:
            c.check(doc)
        for line in c.problems:
            print(f"{name}: {line}")
        if want_warnings and isinstance(doc, dict) and not c.problems:
            for line in warnings(doc):
                print(f"{name}: warning: {line}")
        print(f"{name}: {len(c.problems)} problem(s)")
        failed += bool(c.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
