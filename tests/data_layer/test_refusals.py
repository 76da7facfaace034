"""Every refusal of the data layer names the exact file, line, column and field.

Each case writes a few files into a temporary ``data/`` folder and compares the full list of
problems. Files built with ``framework(...)`` are valid up to line 12; ``extra`` starts at line 13.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.model import FrameworkFeatures
from macros.data.yaml_source import MAX_FILE_BYTES

from .conftest import HEADER, Write, framework, problems

F = "data/frameworks"

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "yaml syntax error": (
        {"frameworks/bad.yaml": HEADER + "id: bad\nname: Bad: Framework\n"},
        [f"{F}/bad.yaml:3:10: YAML syntax error: mapping values are not allowed here"],
    ),
    "unclosed flow list": (
        {"frameworks/bad.yaml": framework("bad", extra="strengths: [fast\n")},
        [
            f"{F}/bad.yaml:14:1: YAML syntax error: expected ',' or ']', but got '<stream end>', "
            "while parsing a flow sequence (line 13)"
        ],
    ),
    "two documents": (
        {"frameworks/two.yaml": framework("two", extra="---\nid: three\n")},
        [
            f"{F}/two.yaml:13:1: YAML syntax error: expected a single document in the stream "
            "(line 2), but found another document"
        ],
    ),
    "duplicate key": (
        {"frameworks/dup.yaml": framework("dup", extra="name: Again\n")},
        [f"{F}/dup.yaml:13:1: name: duplicate key (first at line 3)"],
    ),
    "duplicate nested key": (
        {"frameworks/dup.yaml": framework("dup", extra="features:\n  sse: yes\n  sse: no\n")},
        [f"{F}/dup.yaml:15:3: features.sse: duplicate key (first at line 14)"],
    ),
    "unknown field with suggestion": (
        {"frameworks/typo.yaml": framework("typo", extra="summery: Fast.\n")},
        [f"{F}/typo.yaml:13:1: summery: unknown field: did you mean 'summary'?"],
    ),
    "unknown nested field with suggestion": (
        {"frameworks/typo.yaml": framework("typo", extra="features:\n  websocket: yes\n")},
        [f"{F}/typo.yaml:14:3: features.websocket: unknown field: did you mean 'websockets'?"],
    ),
    "unknown field without a close match": (
        {"frameworks/typo.yaml": framework("typo", extra="features:\n  zzz: yes\n")},
        [
            f"{F}/typo.yaml:14:3: features.zzz: unknown field; allowed: "
            + ", ".join(sorted(FrameworkFeatures.model_fields))
        ],
    ),
    "unquoted number where text is expected": (
        {"frameworks/num.yaml": framework("num", name="3.10")},
        [f'{F}/num.yaml:3:1: name: expected text, got a number (3.10): put it in quotes ("3.10")'],
    ),
    "unquoted boolean where text is expected": (
        {"frameworks/bool.yaml": framework("bool", extra="package: true\n")},
        [
            f"{F}/bool.yaml:13:1: package: expected text, got a boolean (true): "
            'put it in quotes ("true")'
        ],
    ),
    "text where a list is expected": (
        {"frameworks/kind.yaml": framework("kind", extra="strengths: fast\n")},
        [f'{F}/kind.yaml:13:1: strengths: input should be a valid list, got "fast"'],
    ),
    "wrong type inside a list": (
        {"frameworks/kind.yaml": framework("kind", extra="authors:\n  - Ann\n  - 42\n")},
        [
            f"{F}/kind.yaml:15:5: authors[1]: expected text, got a number (42): "
            'put it in quotes ("42")'
        ],
    ),
    "value outside a fixed set": (
        {"frameworks/camp.yaml": framework("camp").replace("micro-asgi", "tiny")},
        [
            f"{F}/camp.yaml:6:1: camp: expected one of layered-asgi/micro-asgi/async-own-server/"
            'full-stack/rust-core/classic-wsgi/html-first/legacy, got "tiny"'
        ],
    ),
    "missing required fields": (
        {
            "frameworks/bare.yaml": HEADER
            + "id: bare\nname: Bare\nsummary: s\ndescription: d\ncamp: legacy\n"
            "interfaces: [wsgi]\nhandlers: [sync]\n"
        },
        [
            f"{F}/bare.yaml:2:1: as_of: required field is missing",
            f"{F}/bare.yaml:2:1: sources: required field is missing",
        ],
    ),
    "missing required field in a list item": (
        {"frameworks/src.yaml": framework("src").replace("    title: Example page\n", "")},
        [f"{F}/src.yaml:10:5: sources[0].title: required field is missing"],
    ),
    "empty sources": (
        {
            "frameworks/src.yaml": framework("src").replace(
                "sources:\n  - url: https://example.org/src\n    title: Example page\n",
                "sources: []\n",
            )
        },
        [
            f"{F}/src.yaml:9:1: sources: list should have at least 1 item after validation, "
            "not 0, got a list"
        ],
    ),
    "id differs from the file name": (
        {"frameworks/other.yaml": framework("fastapi")},
        [
            f"{F}/other.yaml:2:1: id: id 'fastapi' differs from the file name: rename the file "
            "to fastapi.yaml or set id: other"
        ],
    ),
    "duplicate ids": (
        {"frameworks/same.yaml": framework("same"), "frameworks/a-copy.yaml": framework("same")},
        [
            f"{F}/a-copy.yaml:2:1: id: id 'same' differs from the file name: rename the file "
            "to same.yaml or set id: a-copy",
            f"{F}/same.yaml:2:1: id: duplicate id 'same': also used by {F}/a-copy.yaml",
        ],
    ),
    "alias is another entity's name": (
        {
            "frameworks/alpha.yaml": framework("alpha", name="Alpha"),
            "frameworks/beta.yaml": framework("beta", extra="aliases: [Gamma, alpha]\n"),
        },
        [f"{F}/beta.yaml:13:18: aliases[1]: alias 'alpha' is already the id or name of 'alpha'"],
    ),
    "alias repeats the entity's own name": (
        {"frameworks/beta.yaml": framework("beta", name="Beta", extra="aliases: [BETA]\n")},
        [f"{F}/beta.yaml:13:11: aliases[0]: alias 'BETA' repeats this entity's name"],
    ),
    "references to ids that do not exist": (
        {
            "frameworks/starlette.yaml": framework("starlette"),
            "frameworks/refs.yaml": framework(
                "refs",
                extra="alternatives: [nope]\nbuilt_on: [starlet]\nfeatures:\n"
                "  openapi: {value: via-plugin, via: [ghost]}\n",
            ),
        },
        [
            f"{F}/refs.yaml:13:16: alternatives[0]: unknown id 'nope': add data/<kind>/nope.yaml",
            f"{F}/refs.yaml:14:12: built_on[0]: unknown id 'starlet': did you mean 'starlette'?",
            f"{F}/refs.yaml:16:38: features.openapi.via[0]: unknown id 'ghost': "
            "add data/<kind>/ghost.yaml",
        ],
    ),
    "javascript: URL": (
        {"frameworks/js.yaml": framework("js", extra="homepage: javascript:alert(1)\n")},
        [f"{F}/js.yaml:13:1: homepage: expected an http(s):// URL, got 'javascript:alert(1)'"],
    ),
    "javascript: URL in a source": (
        {"frameworks/js.yaml": framework("js").replace("https://example.org/js", "javascript:x")},
        [f"{F}/js.yaml:10:5: sources[0].url: expected an http(s):// URL, got 'javascript:x'"],
    ),
    "dates in the future": (
        {
            "frameworks/late.yaml": framework(
                "late", extra="released: 2099-12-31\nfirst_release: '2099-06'\n"
            ).replace("as_of: 2026-01-02", "as_of: 2099-01-01"),
        },
        [
            f"{F}/late.yaml:12:1: as_of: 2099-01-01 is in the future (today is {{today}})",
            f"{F}/late.yaml:13:1: released: 2099-12-31 is in the future (today is {{today}})",
            f"{F}/late.yaml:14:1: first_release: 2099-06 is in the future (today is {{today}})",
        ],
    ),
    "a date that does not exist": (
        {"frameworks/feb.yaml": framework("feb", extra="released: 2026-02-30\n")},
        [
            f"{F}/feb.yaml:13:11: released: '2026-02-30' is not a valid value "
            "(day is out of range for month): fix it or put it in quotes"
        ],
    ),
    "empty file": (
        {"frameworks/empty.yaml": ""},
        [f"{F}/empty.yaml:1:1: file is empty: it must hold one mapping of fields"],
    ),
    "only a comment": (
        {"frameworks/empty.yaml": HEADER},
        [f"{F}/empty.yaml:1:1: file is empty: it must hold one mapping of fields"],
    ),
    "a list instead of a mapping": (
        {"frameworks/list.yaml": HEADER + "- id: list\n"},
        [f"{F}/list.yaml:1:1: the document must be a mapping of fields, got list"],
    ),
    "plain text instead of a mapping": (
        {"frameworks/text.yaml": "just some words\n"},
        [f"{F}/text.yaml:1:1: the document must be a mapping of fields, got str"],
    ),
    "anchor and alias": (
        {"frameworks/anc.yaml": framework("anc", extra="strengths: &s [fast]\nweaknesses: *s\n")},
        [
            f"{F}/anc.yaml:13:12: YAML anchors and aliases (&s / *s) are not allowed: "
            "write the value out in full"
        ],
    ),
    "merge key": (
        {"frameworks/mrg.yaml": framework("mrg", extra="features:\n  <<: {sse: yes}\n")},
        [f"{F}/mrg.yaml:14:3: features: merge keys (<<) are not allowed: write it out"],
    ),
    "explicit tag": (
        {"frameworks/tag.yaml": framework("tag", extra="package: !!python/name:os.system\n")},
        [
            f"{F}/tag.yaml:13:10: explicit YAML tags (tag:yaml.org,2002:python/name:os.system) "
            "are not allowed: write a plain value"
        ],
    ),
    "key that is not text": (
        {"frameworks/key.yaml": framework("key", extra="features:\n  2: yes\n")},
        [f"{F}/key.yaml:14:3: features: keys must be text, got 2"],
    ),
    "file over the size limit": (
        {"frameworks/big.yaml": framework("big", extra="#" * MAX_FILE_BYTES)},
        [f"{F}/big.yaml:1:1: file is {{size}} bytes; the limit is {MAX_FILE_BYTES}: split it"],
    ),
    "invalid UTF-8": (
        {"frameworks/enc.yaml": framework("enc").encode().replace(b"Enc", b"En\xe9")},
        [f"{F}/enc.yaml:3:9: not valid UTF-8 (byte 84): save the file as UTF-8"],
    ),
    "stray files in an entity folder": (
        {"frameworks/notes.txt": "todo", "frameworks/flask.yml": framework("flask")},
        [
            f"{F}/flask.yml:1:1: not an entity file: name it <id>.yaml",
            f"{F}/notes.txt:1:1: not an entity file: name it <id>.yaml",
        ],
    ),
    "bad feature values": (
        {
            "frameworks/feat.yaml": framework(
                "feat", extra="features:\n  openapi: maybe\n  sse: {value: maybe}\n  orm: true\n"
            )
        },
        [
            f"{F}/feat.yaml:14:3: features.openapi: expected one of yes/no/partial/via-plugin, "
            'got "maybe"',
            f"{F}/feat.yaml:15:9: features.sse.value: expected one of yes/no/partial/via-plugin, "
            'got "maybe"',
            f"{F}/feat.yaml:16:3: features.orm: expected one of yes/no/partial/via-plugin or a "
            "mapping with `value:`, got true",
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refusal_names_file_line_column_and_field(case: str, write: Write, data_root: Path) -> None:
    files, expected = CASES[case]
    for relative, content in files.items():
        write(relative, content)
    size = max(len(c if isinstance(c, bytes) else c.encode()) for c in files.values())
    import datetime as dt

    wanted = [line.format(today=dt.date.today(), size=size) for line in expected]
    assert problems(data_root) == wanted


def test_every_problem_is_reported_at_once_and_sorted(write: Write, data_root: Path) -> None:
    write("frameworks/zeta.yaml", framework("zeta", extra="summery: x\n"))
    write("frameworks/alpha.yaml", framework("alpha", extra="name: Again\n"))
    write("frameworks/mid.yaml", framework("mid", extra="alternatives: [zzz]\nhomepage: ftp://x\n"))
    write("frameworks/fine.yaml", framework("fine"))
    assert problems(data_root) == [
        f"{F}/alpha.yaml:13:1: name: duplicate key (first at line 3)",
        f"{F}/mid.yaml:14:1: homepage: expected an http(s):// URL, got 'ftp://x'",
        f"{F}/zeta.yaml:13:1: summery: unknown field: did you mean 'summary'?",
    ]


def test_rule_problems_come_after_every_file_is_read(write: Write, data_root: Path) -> None:
    """A file with a model error and another with a dangling reference: both are reported, the
    file's own error (a root cause) first."""
    write("frameworks/aa.yaml", framework("aa", extra="alternatives: [missing]\n"))
    write("frameworks/bb.yaml", framework("bb", extra="handlers: [sometimes]\n"))
    found = problems(data_root)
    assert [p.split(": ")[0] for p in found] == [f"{F}/bb.yaml:13:1", f"{F}/aa.yaml:13:16"]
