"""Discovery for the quality tests: every citizen-facing page and every registered journey.

Nothing here names a service. A service added later is covered because:

- its pages are found by walking the URL patterns (``page_paths``): every pattern that
  needs no arguments, minus the staff area (``STAFF_PATH_PREFIXES``), machine endpoints
  (health checks, callbacks, webhooks) and the journey engine's own URLs;
- its journeys are found in ``journeys_list()`` (a service's ``urls.py`` registers them
  through ``journey_urlpatterns``) and walked by ``JourneyWalker``, which first makes the
  rows the journey's examples need (``examples.journey_seed``), then answers each step
  with its example in tests/quality/examples.py or, when a step has none, with data made
  up from the form's fields (``step_example``). A journey that made-up data cannot
  complete fails its test with ``ExampleDataError``, naming the step that needs an example.

The walker drives either a real browser (tests/quality/a11y) or Django's test client
(tests/quality/bad_input) through the same small ``Driver`` interface, and follows
wherever the server sends it, so it checks the journey's real flow (conditions, lists
of items, task lists, check your answers, confirmation) rather than a copy of it.
"""

from .drivers import (
    Driver,
    FormField,
    PageParser,
    ParsedForm,
    main_form,
    page_parse,
)
from .pages import (
    EXCLUDED_PATH_PREFIXES,
    MACHINE_PATH_WORDS,
    _patterns,
    journey_is_test_only,
    journey_url,
    journeys_list,
    page_paths,
)
from .step_examples import (
    DATE_CANDIDATES_DAYS,
    OMIT,
    ExampleDataError,
    data_dict,
    field_candidates,
    step_example,
)
from .walker import (
    ClientDriver,
    JourneyWalker,
    Visit,
    WalkError,
    error_text,
)

__all__ = [
    "ClientDriver",
    "DATE_CANDIDATES_DAYS",
    "Driver",
    "EXCLUDED_PATH_PREFIXES",
    "ExampleDataError",
    "FormField",
    "JourneyWalker",
    "MACHINE_PATH_WORDS",
    "OMIT",
    "PageParser",
    "ParsedForm",
    "Visit",
    "WalkError",
    "_patterns",
    "data_dict",
    "error_text",
    "field_candidates",
    "journey_is_test_only",
    "journey_url",
    "journeys_list",
    "main_form",
    "page_parse",
    "page_paths",
    "step_example",
]
