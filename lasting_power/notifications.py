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
    # Registration at the Office of the Public Guardian (lasting_power.correspondence): to
    # the correspondent by their route, and the notices to the people the notes name.
    "lasting_power.received": {
        "subject": "We have received your LPA: ((reference))",
        "body": (
            "We received the signed lasting power of attorney for ((donor)) on "
            "((received_on)).\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n\n"
            "We will check it and tell you if anything needs to be corrected. You can follow "
            "its progress in your account: ((lpa_url))"
        ),
        "cy_subject": "Rydym wedi cael eich LPA: ((reference))",
        "cy_body": (
            "Cawsom yr atwrneiaeth arhosol wedi’i llofnodi ar gyfer ((donor)) ar "
            "((received_on)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n\n"
            "Byddwn yn ei gwirio ac yn dweud wrthych os oes angen cywiro unrhyw beth. Gallwch "
            "ddilyn ei chynnydd yn eich cyfrif: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "lpa_type", "received_on", "lpa_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.imperfect": {
        "subject": "Your LPA needs to be corrected: ((reference))",
        "body": (
            "We checked the lasting power of attorney for ((donor)) and cannot register it "
            "yet. This is what must be corrected:\n\n"
            "((problems))\n\n"
            "LPA reference: ((reference))\n\n"
            "Send the corrected pages to the Office of the Public Guardian with the LPA "
            "reference. Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Mae angen cywiro eich LPA: ((reference))",
        "cy_body": (
            "Rydym wedi gwirio’r atwrneiaeth arhosol ar gyfer ((donor)) ac ni allwn ei "
            "chofrestru eto. Dyma beth sy’n rhaid ei gywiro:\n\n"
            "((problems))\n\n"
            "Cyfeirnod yr LPA: ((reference))\n\n"
            "Anfonwch y tudalennau wedi’u cywiro at Swyddfa’r Gwarcheidwad Cyhoeddus gyda "
            "chyfeirnod yr LPA. Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "problems", "lpa_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.objection_received": {
        "subject": "Someone has objected to your LPA: ((reference))",
        "body": (
            "We received an objection to registering the lasting power of attorney for "
            "((donor)) on ((received_on)). Type of objection: ((objection_type)).\n\n"
            "LPA reference: ((reference))\n\n"
            "We cannot register the LPA until we have looked into the objection. We will "
            "write to you about what happens next. Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Mae rhywun wedi gwrthwynebu eich LPA: ((reference))",
        "cy_body": (
            "Cawsom wrthwynebiad i gofrestru’r atwrneiaeth arhosol ar gyfer ((donor)) ar "
            "((received_on)). Math o wrthwynebiad: ((objection_type)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n\n"
            "Ni allwn gofrestru’r LPA nes ein bod wedi ymchwilio i’r gwrthwynebiad. Byddwn yn "
            "ysgrifennu atoch am beth sy’n digwydd nesaf. Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "received_on", "objection_type", "lpa_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.cannot_register": {
        "subject": "We cannot register your LPA: ((reference))",
        "body": (
            "We cannot register the lasting power of attorney for ((donor)).\n\n"
            "Why: ((reason))\n\n"
            "LPA reference: ((reference))\n\n"
            "If you make a new LPA within 3 months, you can apply to register it for half "
            "the fee (a repeat application). Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Ni allwn gofrestru eich LPA: ((reference))",
        "cy_body": (
            "Ni allwn gofrestru’r atwrneiaeth arhosol ar gyfer ((donor)).\n\n"
            "Pam: ((reason))\n\n"
            "Cyfeirnod yr LPA: ((reference))\n\n"
            "Os byddwch yn gwneud LPA newydd o fewn 3 mis, gallwch wneud cais i’w chofrestru "
            "am hanner y ffi (cais ailadroddus). Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "reason", "lpa_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.registered": {
        "subject": "Your LPA is registered: ((reference))",
        "body": (
            "The lasting power of attorney for ((donor)) was registered on "
            "((registered_on)). The attorneys can now use it.\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n\n"
            "Download the registered LPA from your account: ((lpa_url))"
        ),
        "letter_body": (
            "The lasting power of attorney for ((donor)) was registered on "
            "((registered_on)). The attorneys can now use it.\n\n"
            "LPA reference: ((reference))\n"
            "Type: ((lpa_type))\n\n"
            "The registered LPA, stamped by the Office of the Public Guardian, comes with "
            "this letter. Keep it safe."
        ),
        "cy_subject": "Mae eich LPA wedi’i chofrestru: ((reference))",
        "cy_body": (
            "Cafodd yr atwrneiaeth arhosol ar gyfer ((donor)) ei chofrestru ar "
            "((registered_on)). Gall yr atwrneiod ei defnyddio nawr.\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n\n"
            "Lawrlwythwch yr LPA gofrestredig o’ch cyfrif: ((lpa_url))"
        ),
        "cy_letter_body": (
            "Cafodd yr atwrneiaeth arhosol ar gyfer ((donor)) ei chofrestru ar "
            "((registered_on)). Gall yr atwrneiod ei defnyddio nawr.\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Math: ((lpa_type))\n\n"
            "Mae’r LPA gofrestredig, wedi’i stampio gan Swyddfa’r Gwarcheidwad Cyhoeddus, "
            "yn dod gyda’r llythyr hwn. Cadwch hi’n ddiogel."
        ),
        "personalisation": ["reference", "donor", "lpa_type", "registered_on", "lpa_url"],
        "channels": ["email", "letter"],
    },
    "lasting_power.notice": {
        "subject": "Notice of an application to register a lasting power of attorney",
        "body": (
            "((applicant)) has applied to the Office of the Public Guardian to register a "
            "lasting power of attorney for ((lpa_type)) made by ((donor)). You are named "
            "in it as ((role)).\n\n"
            "LPA reference: ((reference))\n\n"
            "If you want to object, you must write to the Office of the Public Guardian by "
            "((object_by)), saying why and quoting the LPA reference. We will not register "
            "it before then."
        ),
        "cy_subject": "Hysbysiad o gais i gofrestru atwrneiaeth arhosol",
        "cy_body": (
            "Mae ((applicant)) wedi gwneud cais i Swyddfa’r Gwarcheidwad Cyhoeddus i "
            "gofrestru atwrneiaeth arhosol ar gyfer ((lpa_type)) a wnaed gan ((donor)). "
            "Rydych wedi’ch enwi ynddi fel ((role)).\n\n"
            "Cyfeirnod yr LPA: ((reference))\n\n"
            "Os ydych am wrthwynebu, rhaid i chi ysgrifennu at Swyddfa’r Gwarcheidwad "
            "Cyhoeddus erbyn ((object_by)), gan ddweud pam a dyfynnu cyfeirnod yr LPA. Ni "
            "fyddwn yn ei chofrestru cyn hynny."
        ),
        "personalisation": ["applicant", "lpa_type", "donor", "role", "reference", "object_by"],
        "channels": ["letter"],
    },
    "lasting_power.fee_decision": {
        "subject": "Our decision on your LPA fee: ((reference))",
        "body": (
            "The lasting power of attorney for ((donor)): ((decision))\n\n"
            "((details))\n\n"
            "LPA reference: ((reference))\n\n"
            "Your LPA: ((lpa_url))"
        ),
        "cy_subject": "Ein penderfyniad ar ffi eich LPA: ((reference))",
        "cy_body": (
            "Yr atwrneiaeth arhosol ar gyfer ((donor)): ((decision))\n\n"
            "((details))\n\n"
            "Cyfeirnod yr LPA: ((reference))\n\n"
            "Eich LPA: ((lpa_url))"
        ),
        "personalisation": ["reference", "donor", "decision", "details", "lpa_url"],
        "channels": ["email", "letter"],
    },
    # To each attorney named on a registered LPA (lasting_power.attorneys): their code.
    "lasting_power.attorney_access": {
        "subject": "You can now see the lasting power of attorney online",
        "body": (
            "The lasting power of attorney for ((lpa_type)) made by ((donor)) was "
            "registered on ((registered_on)). You are named in it as ((role)).\n\n"
            "You can see it online and download the registered copy. Create an account "
            "or sign in, then add the LPA with:\n\n"
            "LPA reference: ((reference))\n"
            "Access code: ((access_code))\n\n"
            "Go to: ((link_url))\n\n"
            "The code works once. Keep this letter safe."
        ),
        "cy_subject": "Gallwch nawr weld yr atwrneiaeth arhosol ar-lein",
        "cy_body": (
            "Cafodd yr atwrneiaeth arhosol ar gyfer ((lpa_type)) a wnaed gan ((donor)) ei "
            "chofrestru ar ((registered_on)). Rydych wedi’ch enwi ynddi fel ((role)).\n\n"
            "Gallwch ei gweld ar-lein a lawrlwytho’r copi cofrestredig. Crëwch gyfrif neu "
            "mewngofnodwch, yna ychwanegwch yr LPA gyda:\n\n"
            "Cyfeirnod yr LPA: ((reference))\n"
            "Cod mynediad: ((access_code))\n\n"
            "Ewch i: ((link_url))\n\n"
            "Mae’r cod yn gweithio unwaith. Cadwch y llythyr hwn yn ddiogel."
        ),
        "personalisation": [
            "lpa_type",
            "donor",
            "registered_on",
            "role",
            "reference",
            "access_code",
            "link_url",
        ],
        "channels": ["letter"],
    },
}
