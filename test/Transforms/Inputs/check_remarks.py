#!/usr/bin/env python3
"""Prints the remarks of an MLIR optimization-remark YAML file, one line
each, so that a test can check them field by field:

  <Kind> <Pass> <Name> <Function> line=<Line> <Arg>=<value> ...
"""

import sys

import yaml


def remark(loader, suffix, node):
    fields = loader.construct_mapping(node, deep=True)
    fields["Kind"] = suffix
    return fields


def main():
    loader = yaml.SafeLoader
    loader.add_multi_constructor("!", remark)
    with open(sys.argv[1]) as f:
        remarks = [r for r in yaml.load_all(f, Loader=loader) if r]
    print("%d remarks" % len(remarks))
    for r in remarks:
        args = " ".join("%s=%s" % next(iter(a.items())) for a in r.get("Args", []))
        print("%s %s %s %s line=%s %s" % (r["Kind"], r["Pass"], r["Name"],
                                          r["Function"], r["DebugLoc"]["Line"],
                                          args))


if __name__ == "__main__":
    main()
