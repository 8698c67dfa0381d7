#!/usr/bin/python3
"""Regenerates the tables in docs/ from the engine (`metrosim keys|indicators --markdown`).

usage: scripts/update-docs.py [METROSIM_BINARY]   (default: build/release/sim/metrosim)
The blocks between `<!-- NAME:begin -->` and `<!-- NAME:end -->` are replaced;
tests/python/test_docs_generated.py fails when docs/ and the engine disagree.
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
BLOCKS = [("docs/OUTPUT.md", "indicators", ["indicators", "--markdown"]),
          ("docs/KEYS.md", "keys", ["keys", "--markdown"]),
          ("docs/MODEL.md", "keys", ["keys", "--markdown"])]


def generated(binary, args):
    return subprocess.run([str(binary), *args], check=True, capture_output=True, text=True).stdout


def replace_block(text, name, body):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body.rstrip()}\n{end}{tail}"


def main():
    binary = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/release/sim/metrosim")
    for path, name, args in BLOCKS:
        p = ROOT / path
        p.write_text(replace_block(p.read_text(encoding="utf-8"), name, generated(binary, args)),
                     encoding="utf-8")
        print(f"updated {path} ({name})")


if __name__ == "__main__":
    main()
