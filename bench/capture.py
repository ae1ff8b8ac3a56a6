#!/usr/bin/env python3
"""Turns the SQL a request made, as PostgreSQL logged it (log_statement=all), into a pgbench script.

    capture.py LOG OFFSET DATABASE [--set 'name expr'] [--replace 'literal=expression']
               [--unique 'literal=expression'] [--unique-uuids]

Statements are taken verbatim from the log (never retyped); their $n parameters are inlined from the DETAIL lines.
--replace swaps a literal for a pgbench expression (the caller's dealer and staff id become random ones, the way
wrk picks random tokens); --unique does the same for values that must differ per transaction (a phone);
--unique-uuids makes every other UUID literal (new ids) unique per transaction.
"""
import argparse
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
STRING_LITERAL = re.compile(r"'(?:[^']|'')*'")
UUID_LITERAL = re.compile(r"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")


def entries(log, offset, database):
    with open(log, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        current = None
        for line in f:
            if ENTRY.match(line):
                if current:
                    yield current
                current = line.rstrip("\n") if f"@{database} " in line else None
            elif current is not None:
                current += "\n" + line.rstrip("\n")
        if current:
            yield current


def statements(log, offset, database):
    found = []
    for entry in entries(log, offset, database):
        if "LOG:  statement: " in entry:
            found.append([entry.split("LOG:  statement: ", 1)[1], {}])
        elif "LOG:  execute " in entry:
            found.append([entry.split("LOG:  execute ", 1)[1].split(": ", 1)[1], {}])
        elif "DETAIL:  parameters: " in entry and found:
            found[-1][1] = dict(PARAM.findall(entry.split("DETAIL:  parameters: ", 1)[1]))
    return found


def protect_colons(match):
    """pgbench reads :name as a variable even inside a string literal ("deleted":false in a stored JSON body)."""
    literal = match.group(0)
    if not re.search(r":[A-Za-z_]", literal):
        return literal
    return "(" + re.sub(r":(?=[A-Za-z_])", ":' || '", literal) + ")"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("offset", type=int)
    parser.add_argument("database")
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--replace", action="append", default=[])
    parser.add_argument("--unique", action="append", default=[])
    parser.add_argument("--unique-uuids", action="store_true")
    args = parser.parse_args()
    replacements = dict(item.split("=", 1) for item in args.replace + args.unique)
    found = statements(args.log, args.offset, args.database)
    if not found:
        sys.exit("no statements of database %s in %s after offset %d" % (args.database, args.log, args.offset))
    for variable in args.set:
        print("\\set " + variable)
    fresh = {}
    for sql, params in found:
        sql = re.sub(r"\$(\d+)", lambda m: params.get(m.group(1), m.group(0)), sql)
        sql = STRING_LITERAL.sub(protect_colons, sql)
        for literal, expression in replacements.items():
            sql = sql.replace("'" + literal + "'", expression)
        if args.unique_uuids:
            def uuid(match):
                value = match.group(1)
                if value not in fresh:
                    fresh[value] = "(md5(:n::text || '-%d')::uuid)" % len(fresh)
                return fresh[value]
            sql = UUID_LITERAL.sub(uuid, sql)
        print(" ".join(line.strip() for line in sql.splitlines()).rstrip(";") + ";")


if __name__ == "__main__":
    main()
