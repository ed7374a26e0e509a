"""Message templates of Make a lasting power of attorney, in English and Welsh, loaded by
the notifications app."""

TEMPLATES = {
    "lasting_power.completed": {
        "subject": "Your lasting power of attorney is ready to print: ((reference))",
        "body": (
            "The lasting power of attorney for ((donor)) is complete.\n\n"
            "Reference: ((reference))\n"
            "Type: ((lpa_type))\n"
            "Fee: ((fee))\n\n"
            "((documents))\n\n"
            "Everyone must sign it in the right order. You can check the dates they signed "
            "before you send it to the Office of the Public Guardian.\n\n"
            "Your LPAs: ((dashboard_url))"
        ),
        "cy_subject": "Mae eich atwrneiaeth arhosol yn barod i’w hargraffu: ((reference))",
        "cy_body": (
            "Mae’r atwrneiaeth arhosol ar gyfer ((donor)) wedi’i chwblhau.\n\n"
            "Cyfeirnod: ((reference))\n"
            "Math: ((lpa_type))\n"
            "Ffi: ((fee))\n\n"
            "((documents))\n\n"
            "Rhaid i bawb ei llofnodi yn y drefn gywir. Gallwch wirio’r dyddiadau y "
            "gwnaethant ei llofnodi cyn i chi ei hanfon at Swyddfa’r Gwarcheidwad Cyhoeddus.\n\n"
            "Eich atwrneiaethau: ((dashboard_url))"
        ),
        "personalisation": ["reference", "donor", "lpa_type", "fee", "documents", "dashboard_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.inactive_warning": {
        "subject": "Sign in to keep your lasting powers of attorney",
        "body": (
            "You have not signed in to Make a lasting power of attorney for a long time.\n\n"
            "If you do not sign in by ((delete_on)), we will delete your LPAs.\n\n"
            "Sign in: ((dashboard_url))"
        ),
        "cy_subject": "Mewngofnodwch i gadw eich atwrneiaethau arhosol",
        "cy_body": (
            "Nid ydych wedi mewngofnodi i Gwneud atwrneiaeth arhosol ers amser hir.\n\n"
            "Os na fyddwch yn mewngofnodi erbyn ((delete_on)), byddwn yn dileu eich "
            "atwrneiaethau.\n\n"
            "Mewngofnodi: ((dashboard_url))"
        ),
        "personalisation": ["delete_on", "dashboard_url"],
        "channels": ["email"],
    },
}
