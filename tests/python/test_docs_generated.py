"""The key and indicator tables in docs/ are exactly what the engine prints: docs cannot drift.
Regenerate with scripts/update-docs.py."""
import pytest


@pytest.mark.parametrize("doc,name,args", [
    ("docs/OUTPUT.md", "indicators", ["indicators", "--markdown"]),
    ("docs/KEYS.md", "keys", ["keys", "--markdown"]),
    ("docs/MODEL.md", "keys", ["keys", "--markdown"]),
])
def test_generated_tables_match_the_engine(run_metrosim, source_dir, doc, name, args):
    text = (source_dir / doc).read_text(encoding="utf-8")
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    assert begin in text and end in text, f"{doc} lacks the {name} markers"
    block = text.split(begin, 1)[1].split(end, 1)[0].strip()
    engine = run_metrosim(*args).stdout.strip()
    assert block == engine, f"{doc} differs from `metrosim {' '.join(args)}`: run scripts/update-docs.py"
