"""Bad input: a fixed list every field gets (``PAYLOADS``), then hypothesis strategies
for variety (what people paste, and what attackers send).

The fixed list runs first and in full on every run, so a crash on any of its entries
is found every time. Hypothesis then draws new examples on every run from a seed that
changes per run (``hypothesis_seed``) and is printed when a form fails, so the failure
can be replayed with ``BAD_INPUT_SEED=<seed>``. ``make fuzz`` raises the number of
hypothesis examples per form (``BAD_INPUT_EXAMPLES``) to thousands, outside ``make test``.
"""

import os
import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Hypothesis examples per form: a few in ``make test``, thousands in ``make fuzz``.
EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", "15"))

FORM_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=False,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def hypothesis_seed() -> int:
    """``BAD_INPUT_SEED`` if set (to replay a failure), else a new seed for this run."""
    chosen = os.environ.get("BAD_INPUT_SEED")
    return int(chosen) if chosen else random.SystemRandom().randrange(2**32)


#: Every field of every public form is sent each of these once, before hypothesis.
PAYLOADS: tuple[str, ...] = (
    # HTML and templates
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "'><svg/onload=alert(1)>",
    "{{ 7|add:7 }}{% debug %}",
    # SQL and wildcards
    "' OR '1'='1",
    "'; DROP TABLE accounts_user; --",
    "%_%",
    "\\",
    # control characters
    "\x00",
    "Ann\x00Example",
    "\x01\x02\x1f\x7f",
    "\r\n\r\n",
    "\t\v\f",
    "\x85\u2028\u2029",
    # bidi and zero-width
    "\u202eevil",
    "Ann\u202e\u2066Example\u2069",
    "\u200b\u200c\u200d\ufeff",
    "\u2060Ann\u200bExample",
    # combining marks and odd letters
    "e\u0301\u0302\u0303\u0304",
    "Z̴̡̛a̵l̷g̸o̶",
    "\u0301",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "İstanbul ß ﬁ",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u4e2d\u6587\u540d\u5b57",
    # emoji
    "😀",
    "👩🏽‍⚖️🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    # lone surrogates, as the escaped text a browser or a JSON client may send
    "\\ud800",
    "\\udfff\\ud800",
    "&#xD800;",
    # very long, and nothing at all
    "A" * 10_000,
    "€" * 3_000,
    "   ",
    "\u00a0\u2003\u3000",
    # numbers at the edges
    "0",
    "-1",
    "2147483648",
    "-9223372036854775809",
    "1e308",
    "NaN",
    "0.0000000001",
    "٣٤",
    "²³",
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
BAD_TEXT = st.one_of(
    st.sampled_from(HTML + SQL + CONTROL + UNICODE + AMOUNTS + list(PAYLOADS)), LONG, ANY_TEXT
)

#: Impossible dates (day, month, year), each sent to every date field before hypothesis.
FIXED_DATES: tuple[tuple[str, str, str], ...] = (
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
)
BAD_DATES = st.one_of(st.sampled_from(FIXED_DATES), st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT))
