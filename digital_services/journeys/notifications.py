"""Message templates of the journeys app, loaded by the notifications app."""

TEMPLATES = {
    "journeys.resume_link": {
        "subject": "Continue your application: ((service_name))",
        "body": (
            "You asked for a link to continue your application to ((service_name)).\n\n"
            "Use this link to continue where you left off:\n((resume_url))\n\n"
            "The link works once and stops working at ((expires_on)), when your saved "
            "answers are deleted. If it has stopped working, you can start again.\n\n"
            "If you did not ask for this link, you can ignore this email."
        ),
        "cy_subject": "Parhau â’ch cais: ((service_name))",
        "cy_body": (
            "Gwnaethoch ofyn am ddolen i barhau â’ch cais i ((service_name)).\n\n"
            "Defnyddiwch y ddolen hon i barhau o’r man lle gwnaethoch adael:\n((resume_url))\n\n"
            "Mae’r ddolen yn gweithio unwaith ac mae’n dod i ben am ((expires_on)). "
            "Os yw wedi dod i ben, gallwch ddechrau eto.\n\n"
            "Os na wnaethoch ofyn am y ddolen hon, gallwch anwybyddu’r e-bost hwn."
        ),
        "personalisation": ["service_name", "resume_url", "expires_on"],
        "channels": ["email"],
    },
}
