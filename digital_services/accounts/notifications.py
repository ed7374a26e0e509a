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
    "accounts.staff_enrolment": {
        "subject": "Set up your authenticator app for staff pages",
        "body": (
            "You have a staff account for Ministry of Justice digital services. "
            "Staff pages need a code from an authenticator app on your phone as well as "
            "your password.\n\n"
            "Sign in, then use this link to set up your authenticator app:\n((enrolment_url))\n\n"
            "The link works once and stops working at ((expires_on)). If it has stopped "
            "working, ask an administrator to send you a new one.\n\n"
            "If you were not expecting this email, tell your administrator." + FOOTER
        ),
        "cy_subject": "Gosodwch eich ap dilysu ar gyfer tudalennau staff",
        "cy_body": (
            "Mae gennych gyfrif staff ar gyfer gwasanaethau digidol y Weinyddiaeth Gyfiawnder. "
            "Mae tudalennau staff angen cod o ap dilysu ar eich ffôn yn ogystal â’ch "
            "cyfrinair.\n\n"
            "Mewngofnodwch, yna defnyddiwch y ddolen hon i osod eich ap dilysu:\n"
            "((enrolment_url))\n\n"
            "Mae’r ddolen yn gweithio unwaith ac mae’n dod i ben am ((expires_on)). Os yw wedi "
            "dod i ben, gofynnwch i weinyddwr anfon un newydd atoch.\n\n"
            "Os nad oeddech yn disgwyl yr e-bost hwn, dywedwch wrth eich gweinyddwr." + CY_FOOTER
        ),
        "personalisation": ["enrolment_url", "expires_on"],
        "channels": ["email"],
    },
}
