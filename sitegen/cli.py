"""Command-line interface: parses options, calls one core function, prints errors once."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    try:
        from sitegen.temporal import cli as timex_cli
        timex_cli.register(sub)
    except ImportError:
        pass
    args = parser.parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
