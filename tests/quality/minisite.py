"""Write small fixture sites (a few HTML pages and assets) for the site-check tests."""

from __future__ import annotations

from pathlib import Path

DOCTYPE = "<!doctype html>\n"


def page(body: str, head: str = "", title: str = "Page") -> str:
    """A well-formed HTML document around ``body``, with the page metadata a site needs
    (``head`` and ``body`` start lines 4 and 5: expected positions stay readable)."""
    h1 = "" if "<h1" in body else f"<h1>{title}</h1>"
    return (
        f'{DOCTYPE}<html lang="en"><head><meta charset="utf-8"><title>{title}</title>\n'
        f'<meta name="description" content="A test page.">\n{head}</head>\n'
        f"<body>{body}{h1}</body></html>\n"
    )


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (site path -> text or bytes) under ``root``; return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def clean_site(root: Path) -> Path:
    """A small site with no problem: two pages linking each other, an anchor, an asset."""
    head = '<link rel="stylesheet" href="assets/site.css"><script src="assets/site.js"></script>'
    return write_site(
        root,
        {
            "index.html": page(
                '<h1 id="top">Home</h1><a href="guide/#setup">Setup</a> '
                '<a href="https://example.org/docs?x=1#y">Docs</a> <a href="#top">Top</a>',
                head,
            ),
            "guide/index.html": page(
                '<h2 id="setup">Setup</h2><a href="../">Home</a>'
                '<img src="../assets/logo.png" alt="">',
                '<link rel="stylesheet" href="../assets/site.css">',
            ),
            "assets/site.css": "body { background: url('logo.png') }\n",
            "assets/site.js": "console.log('ok');\n",
            "assets/logo.png": b"\x89PNG\r\n",
        },
    )
