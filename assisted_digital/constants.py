"""Names and wording that other code, stored rows and deployment depend on: keep them stable."""

from django.db import models

#: The Django session key holding the id of the agent's active assisted session.
SESSION_KEY = "assisted_digital_session_id"
#: The Django session key holding the start-a-session answers so far (channel, citizen).
START_KEY = "assisted_digital_start"

TASK_SESSIONS_EXPIRE = "assisted_digital.sessions_expire"

PERMISSION_ACT = "assisted_digital.act_on_behalf"
PERMISSION_VIEW_ALL = "assisted_digital.view_all_sessions"

#: An active session's ``last_seen_at`` is refreshed at most this often (seconds).
LAST_SEEN_REFRESH_SECONDS = 60


class Channel(models.TextChoices):
    """How the citizen is being helped. The values are the performance app's channel details."""

    PHONE = "phone", "Phone"
    FACE_TO_FACE = "face_to_face", "Face to face"
    WEBCHAT = "webchat", "Webchat"
    PAPER = "paper", "Typing in a paper form"


#: "You are helping Jane Smith <phrase>".
CHANNEL_PHRASES = {
    Channel.PHONE: "by phone",
    Channel.FACE_TO_FACE: "face to face",
    Channel.WEBCHAT: "by webchat",
    Channel.PAPER: "from their paper form",
}


class IdentityCheck(models.TextChoices):
    """Facts the citizen told the agent that match the record (asked, not read out to them)."""

    FULL_NAME = "full_name", "Full name"
    DATE_OF_BIRTH = "date_of_birth", "Date of birth"
    POSTCODE = "postcode", "Address or postcode"
    CASE_REFERENCE = "case_reference", "A case reference"
    SECURITY_QUESTION = "security_question", "Security question"


#: How many facts must be confirmed before a session can start.
MIN_IDENTITY_CHECKS = 2
IDENTITY_CHECKS_REQUIRED = "Select at least 2 facts they told you that match the record"

#: START_KEY entries holding the agent's latest search (its form data) and the ids it found:
#: only those ids may be chosen, so nobody can open a citizen's record by guessing its id.
START_SEARCH = "search"
START_RESULT_IDS = "result_ids"


class ConsentMethod(models.TextChoices):
    VERBAL_PHONE = "verbal_phone", "Verbally on the phone"
    IN_PERSON = "in_person", "In person"
    PAPER = "paper", "In writing on the paper form"
    WEBCHAT = "webchat", "In the webchat"


#: The consent method that usually goes with each channel (pre-selected, may be changed).
CONSENT_METHOD_FOR_CHANNEL = {
    Channel.PHONE: ConsentMethod.VERBAL_PHONE,
    Channel.FACE_TO_FACE: ConsentMethod.IN_PERSON,
    Channel.WEBCHAT: ConsentMethod.WEBCHAT,
    Channel.PAPER: ConsentMethod.PAPER,
}


class Route(models.TextChoices):
    """How an application reached us (DEFRA's started_route / completed_route)."""

    DIGITAL = "digital", "Digital"
    ASSISTED = "assisted", "Assisted digital"


#: The consent statement read to the citizen, word for word. Change the text only
#: with a new version: each session stores the version and the text it showed.
CONSENT_STATEMENT_VERSION = "2026-11"
CONSENT_STATEMENT = (
    "I work for the Ministry of Justice. With your permission, I will fill in this "
    "application for you, using the answers you give me. I will only look at and change "
    "your own applications, and only while we are talking. Everything I enter is recorded "
    "as entered by me on your behalf. You can ask me to stop at any time. "
    "Do you agree to me doing this for you?"
)
