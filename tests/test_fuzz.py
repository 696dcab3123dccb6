"""Property-based: whatever a client sends to a public route, the answer is never a 5xx."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    GuidanceFactory,
    PhaseFactory,
    PublicationFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
)

pytestmark = pytest.mark.django_db

ROUTES = [
    "/",
    "/verbinden/{}/",
    "/verbinden/{}/{}/",
    "/wijkscan/",
    "/wijkscan/resultaat/",
    "/bindingsladder/",
    "/bibliotheek/",
    "/bibliotheek/{}/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/.well-known/security.txt",
]
KNOWN = ["in-rust", "elkaar-helpen", "waarom-contact-werkt", "contact", "weinig", "stap"]

printable = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF), max_size=40)
segment = st.one_of(
    st.sampled_from(KNOWN),
    st.sampled_from(KNOWN),
    printable.map(lambda text: quote(text, safe="")),
    st.sampled_from(["..", ".", "%", "%ZZ", "%E2%82", "%00", "a" * 3000]),
)
query_part = st.one_of(
    st.sampled_from([*KNOWN, "1", "0", "-1", "99999999999999999999", "", "%", "%ZZ", "%C3"]),
    printable.map(lambda text: quote(text, safe="")),
)
pairs = st.lists(st.tuples(query_part, query_part), max_size=12)
query = st.one_of(
    pairs.map(lambda items: "&".join(f"{key}={value}" for key, value in items)),
    pairs.map(lambda items: "&".join(f"{key}={value}" for key, value in items)),
    pairs.map(lambda items: "&".join(f"{key}={value}" for key, value in items * 3)),
    st.integers(1000, 3000).map(lambda n: "&".join(f"k{i}=v" for i in range(n))),
    st.integers(1, 20000).map(lambda n: "stap=" + "9" * n),
    st.sampled_from(["%", "=&=&", "a=%FF%FE", "&&&&", "a==b", "stap=1&stap=2"]),
)
header_value = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=80)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HX-Request": st.sampled_from(["true", "false", "", "1"]) | header_value,
        "HX-Boosted": st.sampled_from(["true"]) | header_value,
        "HX-History-Restore-Request": st.sampled_from(["true"]) | header_value,
        "HX-Current-URL": header_value,
        "HX-Target": header_value,
        "HX-Trigger": header_value,
        "Accept-Language": st.sampled_from(["en", "nl", "de", "*", "en;q=x", ""]) | header_value,
        "Accept-Encoding": st.sampled_from(["gzip", "gzip;q=0", "br", "*"]) | header_value,
        "If-None-Match": st.sampled_from(["*", '"x"', 'W/"x"']) | header_value,
    },
)


@pytest.fixture
def content():
    phase = PhaseFactory(slug="in-rust")
    GuidanceFactory(phase=phase, activity_type__slug="elkaar-helpen")
    PublicationFactory(slug="waarom-contact-werkt")
    question = ScanQuestionFactory(slug="contact")
    ScanAnswerFactory(question=question, slug="weinig", weights={phase: 3})


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(ROUTES),
    segments=st.lists(segment, min_size=2, max_size=2),
    english=st.booleans(),
    query=st.none() | query,
    headers=headers,
)
def test_no_request_to_a_public_route_gets_a_server_error(
    client, content, route, segments, english, query, headers
):
    path = (
        "/en" if english and not route.startswith(("/sitemap", "/robots", "/healthz", "/.")) else ""
    ) + route.format(*segments)
    if query is not None:
        path += "?" + query

    response = client.get(path, headers=headers)

    assert response.status_code < 500, (path, headers)
