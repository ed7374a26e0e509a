"""A known set of events for the KPI dashboard tests, with the figures worked out by hand.

UK clocks went back at 02:00 BST on Sunday 25 October 2026, so:
- Thursday 1 October 00:00 BST is 2026-09-30 23:00 UTC;
- Monday 5 October 00:00 BST is 2026-10-04 23:00 UTC;
- Monday 26 October 00:00 GMT is 2026-10-26 00:00 UTC;
- Sunday 1 November 00:00 GMT is 2026-11-01 00:00 UTC (still the week of 26 October).

Costs (pence): digital 120, phone 1450, face to face 2600, webchat 900, paper 1800,
assisted without a recorded channel 1450.

By week, 28 September to 1 November 2026:

| week   | Book a prison visit                    | Make a money claim                       | All services |
|--------|----------------------------------------|------------------------------------------|--------------|
| 28 Sep | 2 started, 0 completed                 | –                                        | 2 started, 0 completed |
| 5 Oct  | 4 started; 3 completed: 2 digital (one | 2 started; 1 completed face to face;     | 6 started, 4 completed, 2 digital: |
|        | "not_eligible"), 1 phone; cost 1690p;  | cost 2600p; feedback 1 (neither)         | 66.7%, 50.0%, cost 4290p ÷ 4 = £10.73 |
|        | feedback 3 (very sat., sat., dissat.)  |                                          | feedback 5 (+1 from no service, very sat.): 60.0% |
| 12 Oct | –                                      | –                                        | nothing: every rate "–" |
| 19 Oct | 0 started, 1 completed digital (Sunday | –                                        | completion "–", take-up 100%, £1.20 |
|        | 25 Oct 23:59 GMT): completion "–"      |                                          | |
| 26 Oct | 2 started (Mon 00:00 GMT, Sun 1 Nov    | 3 started; 3 completed: webchat, paper,  | 5 started, 3 completed: 60.0%, 0.0%, |
|        | 00:00 GMT), 0 completed: 0.0%          | assisted unrecorded; cost 4150p: £13.83  | £13.83 |

Totals: prison visits 8 started, 4 completed (3 digital), cost 1810p: 50.0%, 75.0%, £4.53,
satisfaction 2 of 3 = 66.7%; money claims 5 started, 4 completed (0 digital), cost 6750p:
80.0%, 0.0%, £16.88, satisfaction 0 of 1 = 0.0%; all services 13 started, 8 completed,
3 digital, 8560p: 61.5%, 37.5%, £10.70, satisfaction 3 of 5 = 60.0%.

By month: September has prison visits' start at 23:59 BST on the 30th only; October has
prison visits 6 started, 4 completed (66.7%, 75.0%, £4.53) and all services 11 started,
8 completed (72.7%, 37.5%, £10.70); November has the start at 00:00 GMT on the 1st.
"""

from datetime import UTC, datetime

from digital_services.performance.models import PerformanceEvent, SatisfactionResponse

from .factories import (
    AssistedJourneyCompletedFactory,
    JourneyCompletedFactory,
    JourneyStartedFactory,
    SatisfactionResponseFactory,
)

COSTS = {
    "digital": 120,
    "phone": 1450,
    "face_to_face": 2600,
    "webchat": 900,
    "paper": 1800,
    "assisted": 1450,
}

VISITS = "prison-visits"
CLAIMS = "money-claims"

LAST_MINUTE_OF_SEPTEMBER = datetime(2026, 9, 30, 22, 59, tzinfo=UTC)  # 23:59 BST
FIRST_MINUTE_OF_OCTOBER = datetime(2026, 9, 30, 23, 0, tzinfo=UTC)  # 00:00 BST
FIRST_HALF_HOUR_OF_5_OCTOBER = datetime(2026, 10, 4, 23, 30, tzinfo=UTC)  # Mon 00:30 BST
WEEK_OF_5_OCTOBER = datetime(2026, 10, 7, 12, 0, tzinfo=UTC)
LAST_MINUTE_OF_25_OCTOBER = datetime(2026, 10, 25, 23, 59, tzinfo=UTC)  # Sun 23:59 GMT
FIRST_MINUTE_OF_26_OCTOBER = datetime(2026, 10, 26, 0, 0, tzinfo=UTC)  # Mon 00:00 GMT
WEEK_OF_26_OCTOBER = datetime(2026, 10, 28, 12, 0, tzinfo=UTC)
FIRST_MINUTE_OF_NOVEMBER = datetime(2026, 11, 1, 0, 0, tzinfo=UTC)  # Sun 00:00 GMT

Detail = PerformanceEvent.ChannelDetail
Rating = SatisfactionResponse.Rating


def known_events_create() -> None:
    # Week of 28 September: one start either side of midnight on 30 September (BST).
    JourneyStartedFactory(service=VISITS, occurred_at=LAST_MINUTE_OF_SEPTEMBER)
    JourneyStartedFactory(service=VISITS, occurred_at=FIRST_MINUTE_OF_OCTOBER)

    # Week of 5 October.
    JourneyStartedFactory(service=VISITS, occurred_at=FIRST_HALF_HOUR_OF_5_OCTOBER)
    JourneyStartedFactory.create_batch(3, service=VISITS, occurred_at=WEEK_OF_5_OCTOBER)
    JourneyCompletedFactory(service=VISITS, occurred_at=WEEK_OF_5_OCTOBER)
    JourneyCompletedFactory(service=VISITS, occurred_at=WEEK_OF_5_OCTOBER, outcome="not_eligible")
    AssistedJourneyCompletedFactory(
        service=VISITS, channel_detail=Detail.PHONE, occurred_at=WEEK_OF_5_OCTOBER
    )
    JourneyStartedFactory.create_batch(2, service=CLAIMS, occurred_at=WEEK_OF_5_OCTOBER)
    AssistedJourneyCompletedFactory(
        service=CLAIMS, channel_detail=Detail.FACE_TO_FACE, occurred_at=WEEK_OF_5_OCTOBER
    )
    for rating in (Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.DISSATISFIED):
        SatisfactionResponseFactory(service=VISITS, rating=rating, created_at=WEEK_OF_5_OCTOBER)
    SatisfactionResponseFactory(service=CLAIMS, rating=Rating.NEITHER, created_at=WEEK_OF_5_OCTOBER)
    SatisfactionResponseFactory(
        service="", journey="", rating=Rating.VERY_SATISFIED, created_at=WEEK_OF_5_OCTOBER
    )

    # Week of 19 October: a completion with no start, in the last minute of Sunday (GMT).
    JourneyCompletedFactory(service=VISITS, occurred_at=LAST_MINUTE_OF_25_OCTOBER)

    # Week of 26 October.
    JourneyStartedFactory(service=VISITS, occurred_at=FIRST_MINUTE_OF_26_OCTOBER)
    JourneyStartedFactory(service=VISITS, occurred_at=FIRST_MINUTE_OF_NOVEMBER)
    JourneyStartedFactory.create_batch(3, service=CLAIMS, occurred_at=WEEK_OF_26_OCTOBER)
    for detail in (Detail.WEBCHAT, Detail.PAPER, ""):
        AssistedJourneyCompletedFactory(
            service=CLAIMS, channel_detail=detail, occurred_at=WEEK_OF_26_OCTOBER
        )
