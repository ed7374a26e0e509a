"""Message templates of the accounts app, loaded by the notifications app.

Both answers to "create an account" go through the outbox, so signing up with a
new email address and with one that already has an account do the same work
and take the same time (no timing tells anyone who has an account).
"""

FOOTER = "\n\nMinistry of Justice digital services\nThis is an automated email. Do not reply to it."
CY_FOOTER = (
    "\n\nGwasanaethau digidol y Weinyddiaeth Gyfiawnder\nE-bost awtomatig yw hwn. Peidiwch ag ateb."
)

TEMPLATES = {
    "accounts.email_confirmation_signup": {
        "subject": "Confirm your email address",
        "body": (
            "Your code to confirm your email address is:\n\n((code))\n\n"
            "Enter it on the page where you created your account. "
            "The code expires after a few minutes.\n\n"
            "If you did not create an account, you can ignore this email." + FOOTER
        ),
        "cy_subject": "Cadarnhewch eich cyfeiriad e-bost",
        "cy_body": (
            "Eich cod i gadarnhau eich cyfeiriad e-bost yw:\n\n((code))\n\n"
            "Rhowch ef ar y dudalen lle gwnaethoch greu eich cyfrif. "
            "Mae’r cod yn dod i ben ar ôl ychydig funudau.\n\n"
            "Os na wnaethoch greu cyfrif, gallwch anwybyddu’r e-bost hwn." + CY_FOOTER
        ),
        "personalisation": ["code"],
        "channels": ["email"],
    },
    "accounts.account_already_exists": {
        "subject": "You already have an account",
        "body": (
            "Someone tried to create an account with this email address, "
            "but you already have one.\n\n"
            "If it was you and you have forgotten your password, you can reset it:\n\n"
            "((password_reset_url))\n\n"
            "If it was not you, you can ignore this email." + FOOTER
        ),
        "cy_subject": "Mae gennych gyfrif yn barod",
        "cy_body": (
            "Ceisiodd rhywun greu cyfrif gyda’r cyfeiriad e-bost hwn, "
            "ond mae gennych un yn barod.\n\n"
            "Os mai chi oedd hyn a’ch bod wedi anghofio eich cyfrinair, gallwch ei ailosod:\n\n"
            "((password_reset_url))\n\n"
            "Os nad chi oedd hyn, gallwch anwybyddu’r e-bost hwn." + CY_FOOTER
        ),
        "personalisation": ["password_reset_url"],
        "channels": ["email"],
    },
}
