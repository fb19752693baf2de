from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from sciatica_coach.education.pages import all_pages, page_get


def page_list(request: HttpRequest) -> HttpResponse:
    # Public on purpose: someone deciding whether to sign up, or their family, may read them.
    return render(request, "education/list.html", {"pages": all_pages()})


def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = page_get(slug)
    if page is None:
        raise Http404
    pages = all_pages()
    index = pages.index(page)
    return render(
        request,
        "education/page.html",
        {
            "page": page,
            "previous": pages[index - 1] if index else None,
            "next": pages[index + 1] if index + 1 < len(pages) else None,
        },
    )
