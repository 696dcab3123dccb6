"""Views that break the page cache's rules on purpose, for tests/pagecache/test_pages.py."""

from django.http import HttpResponse
from django.urls import path

from pagecache.pages import public_page
from wijkverbinder.urls import urlpatterns as site_urlpatterns


@public_page
def reads_a_target(request):
    return HttpResponse(f"target: {request.htmx.target}")


@public_page
def reads_the_referer(request):
    return HttpResponse(f"from: {request.headers.get('Referer', '')}")


@public_page
def sets_a_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("seen", "yes")
    return response


@public_page
def plain(request):
    return HttpResponse("plain " + ("fragment" if request.htmx else "page"))


@public_page
def reads_htmx_by_hand(request):
    return HttpResponse("fragment" if request.headers.get("HX-Request") else "page")


@public_page
def goes_through_every_header(request):
    return HttpResponse(str(len([name for name in request.META if name.startswith("HTTP_")])))


urlpatterns = [
    path("by-hand/", reads_htmx_by_hand),
    path("every/", goes_through_every_header),
    path("target/", reads_a_target),
    path("referer/", reads_the_referer),
    path("cookie/", sets_a_cookie),
    path("plain/", plain),
    *site_urlpatterns,
]
