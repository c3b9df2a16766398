#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check data/dossier.schema.json against the test corpus, and optionally the loader.

Usage: test-schema.py SCHEMA DEFAULT_DOSSIER GOOD_DIR BAD_DIR [VALIDATOR_EXE]

- the schema is a valid JSON Schema;
- DEFAULT_DOSSIER and every GOOD_DIR/*.json pass it;
- every BAD_DIR/*.json has a row in BAD_DIR/README.md; a file marked "schema"
  fails the schema, a file marked "loader-only" passes it (so the list of checks
  that only the loader makes stays honest);
- with VALIDATOR_EXE, `VALIDATOR_EXE --validate FILE` exits 0 for the default
  dossier and the good files and 1 for every bad file.

Prints one line per check and ends with "N passed, M failed"; exits 1 on any failure.
Needs only the standard library and python3-jsonschema.
"""
import glob
import json
import os
import re
import subprocess
import sys

import jsonschema
from jsonschema.validators import validator_for


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}" + (f": {detail}" if detail else ""))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schema_errors(validator, path):
    """The first few schema errors for PATH as text; [] when it is valid."""
    try:
        instance = load(path)
    except (ValueError, OSError, RecursionError) as e:  # not JSON: no instance can pass a schema
        return [f"not JSON: {e}"]
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message[:160]}" for e in errors[:3]]


def read_table(readme):
    """{file name: "schema" | "loader-only"} from the Markdown table in README.md."""
    rows = {}
    with open(readme, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\|\s*`([^`]+\.json)`\s*\|.*\|\s*(schema|loader-only)\s*\|\s*$", line)
            if m:
                rows[m.group(1)] = m.group(2)
    return rows


def run_validator(exe, path):
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    try:
        p = subprocess.run([exe, "--validate", path], capture_output=True, text=True, timeout=120, env=env)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    first = (p.stdout + p.stderr).strip().splitlines()
    return p.returncode, first[0] if first else ""


def main(argv):
    if len(argv) not in (4, 5):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path, default, good_dir, bad_dir = argv[:4]
    exe = argv[4] if len(argv) == 5 else None
    r = Results()

    schema = load(schema_path)
    cls = validator_for(schema)
    try:
        cls.check_schema(schema)
        r.check(True, f"{os.path.basename(schema_path)} is a valid {cls.__name__} schema")
    except jsonschema.SchemaError as e:
        r.check(False, f"{os.path.basename(schema_path)} is a valid schema", e.message)
        print(f"{r.passed} passed, {r.failed} failed")
        return 1
    validator = cls(schema)

    good = [default] + sorted(glob.glob(os.path.join(good_dir, "*.json")))
    bad = sorted(glob.glob(os.path.join(bad_dir, "*.json")))
    table = read_table(os.path.join(bad_dir, "README.md"))
    r.check(len(good) > 1, f"{good_dir} has good files", "none found")
    r.check(len(bad) > 0, f"{bad_dir} has bad files", "none found")

    for path in good:
        errors = schema_errors(validator, path)
        r.check(not errors, f"schema accepts {path}", "; ".join(errors))

    names = {os.path.basename(p) for p in bad}
    for name in sorted(set(table) - names):
        r.check(False, f"README.md row {name} has a file", "no such file")
    for path in bad:
        name = os.path.basename(path)
        detector = table.get(name)
        if detector is None:
            r.check(False, f"{name} is listed in README.md", "add a row saying \"schema\" or \"loader-only\"")
            continue
        errors = schema_errors(validator, path)
        if detector == "schema":
            r.check(bool(errors), f"schema rejects {path}", "schema accepts it; mark it loader-only?")
        else:
            r.check(not errors, f"schema accepts loader-only {path}",
                    "schema rejects it, so it is not loader-only: " + "; ".join(errors))

    if exe:
        for path in good:
            code, first = run_validator(exe, path)
            r.check(code == 0, f"{os.path.basename(exe)} --validate {path} exits 0", f"exit {code}: {first}")
        for path in bad:
            code, first = run_validator(exe, path)
            r.check(code == 1, f"{os.path.basename(exe)} --validate {path} exits 1", f"exit {code}: {first}")

    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
