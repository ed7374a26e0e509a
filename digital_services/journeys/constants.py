"""Names other code and deployment depend on: keep them stable."""

TASK_DRAFTS_EXPIRE = "journeys.drafts_expire"
NOTIFICATION_RESUME_LINK = "journeys.resume_link"

# The key in the session that owns the drafts of someone not signed in.
SESSION_OWNER_KEY = "journeys_owner"
# The key in the session holding where a resume link was just sent (for the next page).
SESSION_SENT_TO_KEY = "journeys_resume_sent_to"

RESUME_SIGNER_SALT = "journeys.resume-link"
# At most this many resume links per draft in an hour, so the form cannot be used to spam.
RESUME_LINKS_PER_HOUR = 5

EVENT_STARTED = "started"
EVENT_COMPLETED = "completed"
OUTCOME_SUBMITTED = "submitted"
