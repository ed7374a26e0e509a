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
    # Payment confirmations (lasting_power.receipts): one per way the fee was settled.
    "lasting_power.payment_card": {
        "subject": "We have received your LPA fee: ((reference))",
        "body": (
            "We have received your card payment for the lasting power of attorney for "
            "((donor)).\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n"
            "Amount paid: ((amount))\n"
            "Date paid: ((paid_on))\n"
            "Payment reference: ((payment_reference))\n\n"
            "Keep this as your receipt. You do not need to send a cheque.\n\n"
            "Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Rydym wedi cael ffi eich LPA: ((reference))",
        "cy_body": (
            "Rydym wedi cael eich taliad cerdyn ar gyfer yr atwrneiaeth arhosol ar gyfer "
            "((donor)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n"
            "Swm a dalwyd: ((amount))\n"
            "Dyddiad talu: ((paid_on))\n"
            "Cyfeirnod y taliad: ((payment_reference))\n\n"
            "Cadwch hwn fel eich derbynneb. Nid oes angen i chi anfon siec.\n\n"
            "Eich LPA: ((lpa_url))"
        ),
        "personalisation": [
            "reference",
            "donor",
            "lpa_type",
            "amount",
            "paid_on",
            "payment_reference",
            "lpa_url",
        ],
        "channels": ["email", "sms", "letter"],
    },
    "lasting_power.payment_telephone": {
        "subject": "We have received your LPA fee by telephone: ((reference))",
        "body": (
            "We took your card payment over the telephone for the lasting power of attorney "
            "for ((donor)).\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n"
            "Amount paid: ((amount))\n"
            "Date paid: ((paid_on))\n"
            "Payment reference: ((payment_reference))\n\n"
            "Keep this as your receipt. You do not need to send a cheque. If you did not "
            "agree to this payment, contact the Office of the Public Guardian.\n\n"
            "Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Rydym wedi cael ffi eich LPA dros y ffôn: ((reference))",
        "cy_body": (
            "Rydym wedi cymryd eich taliad cerdyn dros y ffôn ar gyfer yr atwrneiaeth arhosol "
            "ar gyfer ((donor)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n"
            "Swm a dalwyd: ((amount))\n"
            "Dyddiad talu: ((paid_on))\n"
            "Cyfeirnod y taliad: ((payment_reference))\n\n"
            "Cadwch hwn fel eich derbynneb. Nid oes angen i chi anfon siec. Os na wnaethoch "
            "gytuno i’r taliad hwn, cysylltwch â Swyddfa’r Gwarcheidwad Cyhoeddus.\n\n"
            "Eich LPA: ((lpa_url))"
        ),
        "personalisation": [
            "reference",
            "donor",
            "lpa_type",
            "amount",
            "paid_on",
            "payment_reference",
            "lpa_url",
        ],
        "channels": ["email", "sms", "letter"],
    },
    "lasting_power.payment_cheque": {
        "subject": "How to pay your LPA fee by cheque: ((reference))",
        "body": (
            "You chose to pay the fee for the lasting power of attorney for ((donor)) by "
            "cheque.\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n"
            "Amount to pay: ((amount))\n\n"
            "Make the cheque payable to “Office of the Public Guardian” and write the LPA "
            "reference on the back. Send it with the signed LPA. We have not taken any "
            "money.\n\n"
            "Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Sut i dalu ffi eich LPA gyda siec: ((reference))",
        "cy_body": (
            "Rydych wedi dewis talu’r ffi ar gyfer yr atwrneiaeth arhosol ar gyfer ((donor)) "
            "gyda siec.\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n"
            "Swm i’w dalu: ((amount))\n\n"
            "Gwnewch y siec yn daladwy i “Office of the Public Guardian” ac ysgrifennwch "
            "gyfeirnod yr LPA ar y cefn. Anfonwch hi gyda’r LPA wedi’i llofnodi. Nid ydym "
            "wedi cymryd unrhyw arian.\n\n"
            "Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "lpa_type", "amount", "lpa_url"],
        "channels": ["email", "sms", "letter"],
    },
    "lasting_power.payment_none": {
        "subject": "No fee to pay now for your LPA: ((reference))",
        "body": (
            "There is no fee to pay now for the lasting power of attorney for ((donor)).\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n"
            "Fee: ((fee))\n\n"
            "Send the fee reduction form (LPA120) and evidence with the signed LPA. We have "
            "not taken any money.\n\n"
            "Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Dim ffi i’w thalu nawr am eich LPA: ((reference))",
        "cy_body": (
            "Nid oes ffi i’w thalu nawr am yr atwrneiaeth arhosol ar gyfer ((donor)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n"
            "Ffi: ((fee))\n\n"
            "Anfonwch y ffurflen lleihau ffi (LPA120) a’r dystiolaeth gyda’r LPA wedi’i "
            "llofnodi. Nid ydym wedi cymryd unrhyw arian.\n\n"
            "Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "lpa_type", "fee", "lpa_url"],
        "channels": ["email", "sms", "letter"],
    },
}
