"""Message templates of Book a prison visit (loaded by the notifications outbox).

Emails go to the lead visitor in the visit's language; the same templates make
a letter when the request was made for someone with no email address. Each has
a short text-message copy (``*_sms``), sent when a UK mobile number was given.
Optional parts (a message from the prison, visitors who cannot come) arrive as
whole paragraphs, empty when there is nothing to say.
"""

EMAIL_AND_LETTER = ["email", "letter"]
SMS = ["sms"]

TEMPLATES = {
    "prison_visits.request_received": {
        "subject": "Visit request received: not booked yet (((reference)))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "We have your request to visit ((prisoner_name)) (prison number ((prisoner_number))) "
            "at ((prison_name)). Your visit is not booked yet.\n\n"
            "The times you asked for, in order of preference:\n((slot_choices))\n\n"
            "Your visit reference is ((reference)).\n\n"
            "The prison will tell you by ((respond_by)) whether your visit is booked.\n\n"
            "Check the progress of your request:\n((status_url))\n\n"
            "If you cannot find our emails, check your spam or junk folder and add this "
            "address to your safe senders."
        ),
        "cy_subject": "Wedi cael y cais am ymweliad: heb ei archebu eto (((reference)))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Mae gennym eich cais i ymweld â ((prisoner_name)) (rhif carchar ((prisoner_number))) "
            "yn ((prison_name)). Nid yw eich ymweliad wedi’i archebu eto.\n\n"
            "Yr amseroedd y gofynnoch amdanynt, yn nhrefn blaenoriaeth:\n((slot_choices))\n\n"
            "Cyfeirnod eich ymweliad yw ((reference)).\n\n"
            "Bydd y carchar yn dweud wrthych erbyn ((respond_by)) a yw eich ymweliad wedi’i archebu.\n\n"
            "Gwiriwch gynnydd eich cais:\n((status_url))\n\n"
            "Os na allwch ddod o hyd i’n negeseuon e-bost, edrychwch yn eich ffolder sbam neu "
            "sothach ac ychwanegwch y cyfeiriad hwn at eich anfonwyr diogel."
        ),
        # On paper: no spam folder, and we write again with the answer.
        "letter_body": (
            "Dear ((lead_name)),\n\n"
            "We have your request to visit ((prisoner_name)) (prison number ((prisoner_number))) "
            "at ((prison_name)). Your visit is not booked yet.\n\n"
            "The times you asked for, in order of preference:\n((slot_choices))\n\n"
            "Your visit reference is ((reference)).\n\n"
            "The prison will decide by ((respond_by)) and we will write to you with the answer.\n\n"
            "You can also check the progress of your request on line, using your reference, at:\n"
            "((status_url))"
        ),
        "cy_letter_body": (
            "Annwyl ((lead_name)),\n\n"
            "Mae gennym eich cais i ymweld â ((prisoner_name)) (rhif carchar ((prisoner_number))) "
            "yn ((prison_name)). Nid yw eich ymweliad wedi’i archebu eto.\n\n"
            "Yr amseroedd y gofynnoch amdanynt, yn nhrefn blaenoriaeth:\n((slot_choices))\n\n"
            "Cyfeirnod eich ymweliad yw ((reference)).\n\n"
            "Bydd y carchar yn penderfynu erbyn ((respond_by)) a byddwn yn ysgrifennu atoch gyda’r "
            "ateb.\n\n"
            "Gallwch hefyd wirio cynnydd eich cais ar-lein, gan ddefnyddio eich cyfeirnod, yn:\n"
            "((status_url))"
        ),
        "personalisation": [
            "lead_name",
            "prisoner_name",
            "prisoner_number",
            "prison_name",
            "slot_choices",
            "reference",
            "respond_by",
            "status_url",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.request_received_sms": {
        "body": (
            "Your request to visit ((prison_name)) is not booked yet. The prison will reply by "
            "((respond_by)). Reference ((reference))."
        ),
        "cy_body": (
            "Nid yw eich cais i ymweld â ((prison_name)) wedi’i archebu eto. Bydd y carchar yn "
            "ateb erbyn ((respond_by)). Cyfeirnod ((reference))."
        ),
        "personalisation": ["prison_name", "respond_by", "reference"],
        "channels": SMS,
    },
    "prison_visits.booked": {
        "subject": "Visit confirmed: ((visit_date_time)) at ((prison_name))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "Your visit to ((prison_name)) is booked for ((visit_date_time)).\n\n"
            "Your visit reference is ((reference)). The prison’s booking reference is "
            "((booking_reference)).\n\n"
            "Who can come:\n((visitors_allowed))\n\n"
            "((visitors_not_allowed))\n\n"
            "((closed_visit))\n\n"
            "((prison_message))\n\n"
            "Every visitor aged 16 or over must bring photo ID. Arrive at least 45 minutes "
            "before the visit starts.\n\n"
            "((prison_name)), ((prison_address)). Phone: ((prison_phone)).\n\n"
            "If you cannot come, cancel the visit:\n((status_url))"
        ),
        "cy_subject": "Ymweliad wedi’i gadarnhau: ((visit_date_time)) yn ((prison_name))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Mae eich ymweliad â ((prison_name)) wedi’i archebu ar gyfer ((visit_date_time)).\n\n"
            "Cyfeirnod eich ymweliad yw ((reference)). Cyfeirnod archebu’r carchar yw "
            "((booking_reference)).\n\n"
            "Pwy all ddod:\n((visitors_allowed))\n\n"
            "((visitors_not_allowed))\n\n"
            "((closed_visit))\n\n"
            "((prison_message))\n\n"
            "Rhaid i bob ymwelydd 16 oed neu’n hŷn ddod â dull adnabod â llun. Cyrhaeddwch o "
            "leiaf 45 munud cyn i’r ymweliad ddechrau.\n\n"
            "((prison_name)), ((prison_address)). Ffôn: ((prison_phone)).\n\n"
            "Os na allwch ddod, canslwch yr ymweliad:\n((status_url))"
        ),
        "personalisation": [
            "lead_name",
            "prison_name",
            "visit_date_time",
            "reference",
            "booking_reference",
            "visitors_allowed",
            "visitors_not_allowed",
            "closed_visit",
            "prison_message",
            "prison_address",
            "prison_phone",
            "status_url",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.booked_sms": {
        "body": (
            "Your visit to ((prison_name)) is booked for ((visit_date_time)). "
            "Reference ((reference)). Check your email for who can come."
        ),
        "cy_body": (
            "Mae eich ymweliad â ((prison_name)) wedi’i archebu ar gyfer ((visit_date_time)). "
            "Cyfeirnod ((reference)). Gwiriwch eich e-bost i weld pwy all ddod."
        ),
        "personalisation": ["prison_name", "visit_date_time", "reference"],
        "channels": SMS,
    },
    "prison_visits.rejected": {
        "subject": "Visit NOT booked: ((prison_name)) (((reference)))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "Your visit to ((prison_name)) (reference ((reference))) could not be booked because:\n"
            "((reasons))\n\n"
            "((allowance))\n\n"
            "((prison_message))\n\n"
            "Visitors must be on the prisoner’s contact list. If this is your first visit, "
            "ask the prisoner to add you.\n\n"
            "You can ask for another visit:\n((book_url))\n\n"
            "Questions about this decision: phone ((prison_phone)) or email ((prison_email))."
        ),
        "cy_subject": "Ymweliad HEB ei archebu: ((prison_name)) (((reference)))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Nid oedd modd archebu eich ymweliad â ((prison_name)) (cyfeirnod ((reference))) "
            "oherwydd:\n((reasons))\n\n"
            "((allowance))\n\n"
            "((prison_message))\n\n"
            "Rhaid i ymwelwyr fod ar restr gysylltiadau’r carcharor. Os mai hwn yw eich "
            "ymweliad cyntaf, gofynnwch i’r carcharor eich ychwanegu.\n\n"
            "Gallwch ofyn am ymweliad arall:\n((book_url))\n\n"
            "Cwestiynau am y penderfyniad hwn: ffoniwch ((prison_phone)) neu e-bostiwch "
            "((prison_email))."
        ),
        # On paper: questions by phone (the letter gives our postal address as well).
        "letter_body": (
            "Dear ((lead_name)),\n\n"
            "Your visit to ((prison_name)) (reference ((reference))) could not be booked because:\n"
            "((reasons))\n\n"
            "((allowance))\n\n"
            "((prison_message))\n\n"
            "Visitors must be on the prisoner’s contact list. If this is your first visit, "
            "ask the prisoner to add you.\n\n"
            "You can ask for another visit on line at:\n((book_url))\n\n"
            "Questions about this decision: phone the prison on ((prison_phone))."
        ),
        "cy_letter_body": (
            "Annwyl ((lead_name)),\n\n"
            "Nid oedd modd archebu eich ymweliad â ((prison_name)) (cyfeirnod ((reference))) "
            "oherwydd:\n((reasons))\n\n"
            "((allowance))\n\n"
            "((prison_message))\n\n"
            "Rhaid i ymwelwyr fod ar restr gysylltiadau’r carcharor. Os mai hwn yw eich "
            "ymweliad cyntaf, gofynnwch i’r carcharor eich ychwanegu.\n\n"
            "Gallwch ofyn am ymweliad arall ar-lein yn:\n((book_url))\n\n"
            "Cwestiynau am y penderfyniad hwn: ffoniwch y carchar ar ((prison_phone))."
        ),
        "personalisation": [
            "lead_name",
            "prison_name",
            "reference",
            "reasons",
            "allowance",
            "prison_message",
            "book_url",
            "prison_phone",
            "prison_email",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.rejected_sms": {
        "body": (
            "Your visit to ((prison_name)) could not be booked. Check your email for the "
            "reasons. Reference ((reference))."
        ),
        "cy_body": (
            "Nid oedd modd archebu eich ymweliad â ((prison_name)). Gwiriwch eich e-bost am y "
            "rhesymau. Cyfeirnod ((reference))."
        ),
        "personalisation": ["prison_name", "reference"],
        "channels": SMS,
    },
    "prison_visits.cancelled": {
        "subject": "Visit cancelled: ((visit_date_time)) at ((prison_name))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "The prison has cancelled your visit to ((prison_name)) on ((visit_date_time)) "
            "(reference ((reference))) because:\n((reasons))\n\n"
            "((prison_message))\n\n"
            "You can ask for another visit:\n((book_url))\n\n"
            "Questions: phone ((prison_phone))."
        ),
        "cy_subject": "Ymweliad wedi’i ganslo: ((visit_date_time)) yn ((prison_name))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Mae’r carchar wedi canslo eich ymweliad â ((prison_name)) ar ((visit_date_time)) "
            "(cyfeirnod ((reference))) oherwydd:\n((reasons))\n\n"
            "((prison_message))\n\n"
            "Gallwch ofyn am ymweliad arall:\n((book_url))\n\n"
            "Cwestiynau: ffoniwch ((prison_phone))."
        ),
        "personalisation": [
            "lead_name",
            "prison_name",
            "visit_date_time",
            "reference",
            "reasons",
            "prison_message",
            "book_url",
            "prison_phone",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.cancelled_sms": {
        "body": (
            "The prison has cancelled your visit to ((prison_name)) on ((visit_date_time)). "
            "Check your email for the reasons. Reference ((reference))."
        ),
        "cy_body": (
            "Mae’r carchar wedi canslo eich ymweliad â ((prison_name)) ar ((visit_date_time)). "
            "Gwiriwch eich e-bost am y rhesymau. Cyfeirnod ((reference))."
        ),
        "personalisation": ["prison_name", "visit_date_time", "reference"],
        "channels": SMS,
    },
    "prison_visits.visitor_cancelled": {
        "subject": "You have cancelled your visit to ((prison_name))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "You have cancelled your visit to ((prison_name)) on ((visit_date_time)) "
            "(reference ((reference))). The prison has been told.\n\n"
            "You can ask for another visit:\n((book_url))"
        ),
        "cy_subject": "Rydych wedi canslo eich ymweliad â ((prison_name))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Rydych wedi canslo eich ymweliad â ((prison_name)) ar ((visit_date_time)) "
            "(cyfeirnod ((reference))). Mae’r carchar wedi cael gwybod.\n\n"
            "Gallwch ofyn am ymweliad arall:\n((book_url))"
        ),
        "personalisation": ["lead_name", "prison_name", "visit_date_time", "reference", "book_url"],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.withdrawn": {
        "subject": "You have withdrawn your visit request to ((prison_name))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "You have withdrawn your request to visit ((prison_name)) (reference ((reference))). "
            "The prison will not book it.\n\n"
            "You can ask for another visit:\n((book_url))"
        ),
        "cy_subject": "Rydych wedi tynnu eich cais am ymweliad â ((prison_name)) yn ôl",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Rydych wedi tynnu eich cais i ymweld â ((prison_name)) (cyfeirnod ((reference))) "
            "yn ôl. Ni fydd y carchar yn ei archebu.\n\n"
            "Gallwch ofyn am ymweliad arall:\n((book_url))"
        ),
        "personalisation": ["lead_name", "prison_name", "reference", "book_url"],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.message": {
        "subject": "A message about your visit to ((prison_name))",
        "body": (
            "Dear ((lead_name)),\n\n"
            "((prison_name)) has sent you a message about your visit on ((visit_date_time)) "
            "(reference ((reference))):\n\n"
            "((message))\n\n"
            "Your visit is still booked.\n\n"
            "See your visit:\n((status_url))"
        ),
        "cy_subject": "Neges am eich ymweliad â ((prison_name))",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Mae ((prison_name)) wedi anfon neges atoch am eich ymweliad ar ((visit_date_time)) "
            "(cyfeirnod ((reference))):\n\n"
            "((message))\n\n"
            "Mae eich ymweliad wedi’i archebu o hyd.\n\n"
            "Gweld eich ymweliad:\n((status_url))"
        ),
        "personalisation": [
            "lead_name",
            "prison_name",
            "visit_date_time",
            "reference",
            "message",
            "status_url",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.message_sms": {
        "body": "Message from ((prison_name)) about visit ((reference)): ((message))",
        "cy_body": "Neges gan ((prison_name)) am ymweliad ((reference)): ((message))",
        "personalisation": ["prison_name", "reference", "message"],
        "channels": SMS,
    },
    "prison_visits.reminder": {
        "subject": "Reminder: your visit to ((prison_name)) is tomorrow",
        "body": (
            "Dear ((lead_name)),\n\n"
            "This is a reminder that your visit to ((prison_name)) is on ((visit_date_time)) "
            "(reference ((reference))).\n\n"
            "Who can come:\n((visitors_allowed))\n\n"
            "Every visitor aged 16 or over must bring photo ID. Arrive at least 45 minutes "
            "before the visit starts.\n\n"
            "((prison_name)), ((prison_address)).\n\n"
            "If you cannot come, cancel the visit:\n((status_url))"
        ),
        "cy_subject": "Nodyn atgoffa: mae eich ymweliad â ((prison_name)) yfory",
        "cy_body": (
            "Annwyl ((lead_name)),\n\n"
            "Dyma nodyn i’ch atgoffa bod eich ymweliad â ((prison_name)) ar ((visit_date_time)) "
            "(cyfeirnod ((reference))).\n\n"
            "Pwy all ddod:\n((visitors_allowed))\n\n"
            "Rhaid i bob ymwelydd 16 oed neu’n hŷn ddod â dull adnabod â llun. Cyrhaeddwch o "
            "leiaf 45 munud cyn i’r ymweliad ddechrau.\n\n"
            "((prison_name)), ((prison_address)).\n\n"
            "Os na allwch ddod, canslwch yr ymweliad:\n((status_url))"
        ),
        "personalisation": [
            "lead_name",
            "prison_name",
            "visit_date_time",
            "reference",
            "visitors_allowed",
            "prison_address",
            "status_url",
        ],
        "channels": EMAIL_AND_LETTER,
    },
    "prison_visits.reminder_sms": {
        "body": (
            "Reminder: your visit to ((prison_name)) is on ((visit_date_time)). "
            "Bring photo ID. Reference ((reference))."
        ),
        "cy_body": (
            "Nodyn atgoffa: mae eich ymweliad â ((prison_name)) ar ((visit_date_time)). "
            "Dewch â dull adnabod â llun. Cyfeirnod ((reference))."
        ),
        "personalisation": ["prison_name", "visit_date_time", "reference"],
        "channels": SMS,
    },
}
