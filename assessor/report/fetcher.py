"""The only way a report can read a file: a URL fetcher confined to known folders.

WeasyPrint's default fetcher follows any ``http(s)://`` or ``file://`` URL it meets in HTML
or CSS. Report content comes from evaluators (names, comments, evidence paths), so even though
templates autoescape everything, the fetcher is the second wall: it serves ``file:`` URLs under
the template folder(s), the workspace and the font cache, plus ``data:`` URLs, and refuses
everything else (network, other files, ``..`` escapes, symlinks pointing outside).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class FetchRefused(Exception):
    """A URL outside the allowed folders (WeasyPrint logs it and leaves the resource out)."""


class FetchPolicy:
    """Which URLs a report may read: ``file:`` under `roots` and ``data:``; records refusals."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = tuple(Path(r).resolve() for r in roots)
        self.refused: list[str] = []

    def allowed_path(self, url: str) -> Path | None:
        """The file a ``file:`` URL names, when it is inside an allowed root."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()  # resolves `..` and symlinks
        for root in self.roots:
            if path == root or root in path.parents:
                return path if path.is_file() else None
        return None

    def read(self, url: str) -> tuple[bytes, str, str]:
        """(content, mime type, final URL) of an allowed URL; `FetchRefused` otherwise."""
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise FetchRefused(
                "report resources may only come from the template folder or the workspace: "
                + url[:200]
            )
        mime, _ = mimetypes.guess_type(path.name)
        if path.suffix.lower() in (".otf", ".ttf", ".ttc", ".woff", ".woff2"):
            mime = "font/" + path.suffix.lower().lstrip(".")
        return path.read_bytes(), mime or "application/octet-stream", path.as_uri()


def make_fetcher(policy: FetchPolicy) -> Any:
    """A WeasyPrint URL fetcher that obeys `policy` (imports WeasyPrint: call when rendering)."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher") and hasattr(urls, "URLFetcherResponse"):
        # WeasyPrint ≥ 68: a URLFetcher subclass whose `fetch` returns a response.
        class _Fetcher(urls.URLFetcher):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                if url.startswith("data:"):
                    return super().fetch(url, headers)
                body, mime, final = policy.read(url)
                return urls.URLFetcherResponse(final, body, {"Content-Type": mime})

        return _Fetcher(allowed_protocols=("file", "data"), allow_redirects=False)

    def fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
        if url.startswith("data:"):
            result: dict[str, Any] = urls.default_url_fetcher(url)
            return result
        body, mime, final = policy.read(url)
        return {"string": body, "mime_type": mime, "redirected_url": final}

    return fetch
