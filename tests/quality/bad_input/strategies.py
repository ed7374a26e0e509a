"""Bad input, as hypothesis strategies: what people paste, and what attackers send."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Each form gets this many generated posts; derandomized, so every run posts the same.
FORM_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

XSS_MARKERS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
)
HTML = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "'><svg/onload=alert(1)>",
    "{{ 7|add:7 }}{% debug %}",
]
SQL = ["' OR '1'='1", "'; DROP TABLE accounts_user; --", "1; SELECT pg_sleep(5)--", "%", "\\"]
CONTROL = ["\x00", "Ann\x00Example", "\x01\x02\x1f\x7f", "\r\n\r\n", "\u202eevil", "\u200b\ufeff"]
UNICODE = [
    "مرحبا بالعالم",
    "שלום עולם",
    "😀👩🏽‍⚖️🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "e\u0301\u0302\u0303\u0304",
    "Z̴̡̛a̵l̷g̸o̶",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "İstanbul ß ﬁ",
]
AMOUNTS = [
    "-1",
    "-0.01",
    "1e30",
    "NaN",
    "Infinity",
    "-Infinity",
    "99999999999999999999999999999",
    "0.001",
    "1,000,000,000,000,000.00",
    "£-5",
    "1.2.3",
    "٣",
]
LONG = st.integers(min_value=300, max_value=10_000).flatmap(
    lambda n: st.sampled_from(["A" * n, "€" * n, ("<script>alert(1)</script>" * (n // 25 + 1))[:n]])
)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
BAD_TEXT = st.one_of(st.sampled_from(HTML + SQL + CONTROL + UNICODE + AMOUNTS), LONG, ANY_TEXT)

BAD_DATES = st.one_of(
    st.sampled_from(
        [
            ("31", "2", "2024"),
            ("29", "2", "2023"),
            ("0", "0", "0"),
            ("1", "1", "0"),
            ("1", "1", "99999"),
            ("-1", "-1", "-1"),
            ("32", "13", "2020"),
            ("x", "y", "z"),
            ("1", "1", "99999999999999999999"),
            ("1e3", "1", "2000"),
            ("", "", ""),
        ]
    ),
    st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT),
)
