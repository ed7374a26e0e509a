"""Message templates about the defendant's side before they respond: more time given (to
both parties) and the reminders to respond. Merged into ``notifications.TEMPLATES``."""

TEMPLATES = {
    "civil_claims.more_time_defendant": {
        "subject": "You have 14 more days to respond to claim ((claim_number))",
        "body": (
            "You asked for more time to respond to the money claim ((claim_number)) made by "
            "((claimant_name)).\n\n"
            "You now have until 4pm on ((response_deadline)) to respond. You cannot ask for "
            "more time again.\n\n"
            "If you do not respond by then, the claimant can ask the court for a judgment "
            "against you.\n\n"
            "Respond at ((respond_url))"
        ),
        "cy_subject": "Mae gennych 14 diwrnod arall i ymateb i hawliad ((claim_number))",
        "cy_body": (
            "Gwnaethoch ofyn am ragor o amser i ymateb i’r hawliad am arian ((claim_number)) a "
            "wnaed gan ((claimant_name)).\n\n"
            "Mae gennych bellach tan 4pm ar ((response_deadline)) i ymateb. Ni allwch ofyn am "
            "ragor o amser eto.\n\n"
            "Os na fyddwch yn ymateb erbyn hynny, gall yr hawlydd ofyn i’r llys am ddyfarniad "
            "yn eich erbyn.\n\n"
            "Ymatebwch yn ((respond_url))"
        ),
        "personalisation": ["claim_number", "claimant_name", "response_deadline", "respond_url"],
    },
    "civil_claims.more_time_claimant": {
        "subject": "The defendant has 14 more days to respond: ((claim_number))",
        "body": (
            "((defendant_name)) asked for more time to respond to your money claim "
            "((claim_number)), and has been given 14 more days, as the rules allow once.\n\n"
            "They now have until 4pm on ((response_deadline)) to respond. We will tell you "
            "what they do. If they do not respond by then, you can ask for a judgment.\n\n"
            "See your claim: ((claim_url))"
        ),
        "cy_subject": "Mae gan y diffynnydd 14 diwrnod arall i ymateb: ((claim_number))",
        "cy_body": (
            "Gofynnodd ((defendant_name)) am ragor o amser i ymateb i’ch hawliad am arian "
            "((claim_number)), ac mae wedi cael 14 diwrnod arall, fel y mae’r rheolau’n ei "
            "ganiatáu unwaith.\n\n"
            "Mae ganddynt bellach tan 4pm ar ((response_deadline)) i ymateb. Byddwn yn rhoi "
            "gwybod i chi beth maen nhw’n ei wneud. Os na fyddant yn ymateb erbyn hynny, gallwch "
            "ofyn am ddyfarniad.\n\n"
            "Gweld eich hawliad: ((claim_url))"
        ),
        "personalisation": ["claim_number", "defendant_name", "response_deadline", "claim_url"],
    },
    "civil_claims.response_reminder": {
        "subject": "Respond to claim ((claim_number)) by 4pm on ((response_deadline))",
        "body": (
            "You have not yet responded to the money claim ((claim_number)) made against you "
            "by ((claimant_name)).\n\n"
            "You must respond by 4pm on ((response_deadline)). If you do not, the claimant can "
            "ask the court for a judgment against you.\n\n"
            "Respond at ((respond_url))"
        ),
        "cy_subject": "Ymatebwch i hawliad ((claim_number)) erbyn 4pm ar ((response_deadline))",
        "cy_body": (
            "Nid ydych wedi ymateb eto i’r hawliad am arian ((claim_number)) a wnaed yn eich "
            "erbyn gan ((claimant_name)).\n\n"
            "Rhaid i chi ymateb erbyn 4pm ar ((response_deadline)). Os na wnewch, gall yr "
            "hawlydd ofyn i’r llys am ddyfarniad yn eich erbyn.\n\n"
            "Ymatebwch yn ((respond_url))"
        ),
        "personalisation": ["claim_number", "claimant_name", "response_deadline", "respond_url"],
    },
}
