"""HTML to PDF with WeasyPrint, loaded only when a PDF is asked for.

WeasyPrint needs Pango from the operating system (Debian: libpango-1.0-0, libpangoft2-1.0-0); the
rest of the app runs without it, and a missing library gives a clear page instead of a crash.
"""

from typing import Any


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs are not installed."""


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: Pango missing from the system
        raise PdfUnavailable(str(exc)) from exc
    document: Any = weasyprint.HTML(string=html, base_url=base_url)
    pdf: bytes = document.write_pdf()
    return pdf
