"""Message templates about the defendant's response (notes section 5): the receipt to the
defendant, what the defendant said to the claimant (an admission, part admission, "already
paid", a defence with or without free mediation, a counterclaim) and the court's mailbox.
Merged into ``notifications.TEMPLATES``."""

_SEE = "See the response and what you can do next: ((claim_url))"
_SEE_CY = "Gweld yr ymateb a beth allwch chi ei wneud nesaf: ((claim_url))"
_CLAIMANT_FIELDS = ["claim_number", "defendant_name", "claim_url"]

TEMPLATES = {
    "civil_claims.response_received_defendant": {
        "subject": "We have received your response to claim ((claim_number))",
        "body": (
            "We received your response to the money claim ((claim_number)) made by "
            "((claimant_name)) on ((received_on)).\n\n"
            "We have told the claimant. We will tell you what they decide to do next.\n\n"
            "See your response and the claim: ((claim_url))"
        ),
        "cy_subject": "Rydym wedi cael eich ymateb i hawliad ((claim_number))",
        "cy_body": (
            "Cawsom eich ymateb i’r hawliad am arian ((claim_number)) a wnaed gan "
            "((claimant_name)) ar ((received_on)).\n\n"
            "Rydym wedi rhoi gwybod i’r hawlydd. Byddwn yn rhoi gwybod i chi beth maen nhw’n "
            "penderfynu ei wneud nesaf.\n\n"
            "Gweld eich ymateb a’r hawliad: ((claim_url))"
        ),
        "personalisation": ["claim_number", "claimant_name", "received_on", "claim_url"],
    },
    "civil_claims.response_full_admission_claimant": {
        "subject": "((defendant_name)) admits your claim ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your money claim ((claim_number)). They admit "
            "they owe all of it, ((admitted_amount)), and have said how they will pay.\n\n"
            "You can accept how they offer to pay, or reject it.\n\n" + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) yn cyfaddef eich hawliad ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad am arian ((claim_number)). Maen "
            "nhw’n cyfaddef bod arnynt y cyfan, ((admitted_amount)), ac wedi dweud sut y byddant "
            "yn talu.\n\n"
            "Gallwch dderbyn sut maen nhw’n cynnig talu, neu ei wrthod.\n\n" + _SEE_CY
        ),
        "personalisation": [*_CLAIMANT_FIELDS, "admitted_amount"],
    },
    "civil_claims.response_part_admission_claimant": {
        "subject": "((defendant_name)) admits part of your claim ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your money claim ((claim_number)). They admit "
            "they owe ((admitted_amount)) but not the rest, and have said how they will pay.\n\n"
            "You can accept the amount they admit, or reject it and go on with the claim.\n\n"
            + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) yn cyfaddef rhan o’ch hawliad ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad am arian ((claim_number)). Maen "
            "nhw’n cyfaddef bod arnynt ((admitted_amount)) ond nid y gweddill, ac wedi dweud sut y "
            "byddant yn talu.\n\n"
            "Gallwch dderbyn y swm maen nhw’n ei gyfaddef, neu ei wrthod a pharhau â’r "
            "hawliad.\n\n" + _SEE_CY
        ),
        "personalisation": [*_CLAIMANT_FIELDS, "admitted_amount"],
    },
    "civil_claims.response_states_paid_claimant": {
        "subject": "((defendant_name)) says they have paid: claim ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your money claim ((claim_number)). They say "
            "they paid you ((paid_amount)) on ((paid_on)).\n\n"
            "Tell us whether you agree they have paid. If you do not, the claim goes on.\n\n" + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) yn dweud eu bod wedi talu: hawliad ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad am arian ((claim_number)). Maen "
            "nhw’n dweud eu bod wedi talu ((paid_amount)) i chi ar ((paid_on)).\n\n"
            "Rhowch wybod i ni a ydych yn cytuno eu bod wedi talu. Os nad ydych, bydd yr hawliad "
            "yn parhau.\n\n" + _SEE_CY
        ),
        "personalisation": [*_CLAIMANT_FIELDS, "paid_amount", "paid_on"],
    },
    "civil_claims.response_defence_mediation_claimant": {
        "subject": "((defendant_name)) rejects your claim ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your money claim ((claim_number)). They reject "
            "all of it. They have agreed to try free mediation.\n\n"
            "Tell us whether you want to go ahead with the claim, and whether you also agree to "
            "free mediation. If you do not tell us within 33 days, the claim will be stayed.\n\n"
            + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) yn gwrthod eich hawliad ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad am arian ((claim_number)). Maen "
            "nhw’n gwrthod y cyfan. Maen nhw wedi cytuno i roi cynnig ar gyfryngu am ddim.\n\n"
            "Rhowch wybod i ni a ydych am barhau â’r hawliad, ac a ydych chithau’n cytuno i "
            "gyfryngu am ddim. Os na fyddwch yn rhoi gwybod i ni o fewn 33 diwrnod, bydd yr "
            "hawliad yn cael ei atal.\n\n" + _SEE_CY
        ),
        "personalisation": _CLAIMANT_FIELDS,
    },
    "civil_claims.response_defence_claimant": {
        "subject": "((defendant_name)) rejects your claim ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your money claim ((claim_number)). They reject "
            "all of it. They have not agreed to free mediation.\n\n"
            "Tell us whether you want to go ahead with the claim. If you do not tell us within "
            "33 days, the claim will be stayed.\n\n" + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) yn gwrthod eich hawliad ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad am arian ((claim_number)). Maen "
            "nhw’n gwrthod y cyfan. Nid ydynt wedi cytuno i gyfryngu am ddim.\n\n"
            "Rhowch wybod i ni a ydych am barhau â’r hawliad. Os na fyddwch yn rhoi gwybod i ni "
            "o fewn 33 diwrnod, bydd yr hawliad yn cael ei atal.\n\n" + _SEE_CY
        ),
        "personalisation": _CLAIMANT_FIELDS,
    },
    "civil_claims.response_counterclaim_claimant": {
        "subject": "((defendant_name)) has made a counterclaim: claim ((claim_number))",
        "body": (
            "With their response to your money claim ((claim_number)), ((defendant_name)) has "
            "made a claim against you (a counterclaim) for ((amount)).\n\n"
            "The court will tell you what you need to do about it.\n\n" + _SEE
        ),
        "cy_subject": "Mae ((defendant_name)) wedi gwneud gwrth-hawliad: hawliad ((claim_number))",
        "cy_body": (
            "Gyda’u hymateb i’ch hawliad am arian ((claim_number)), mae ((defendant_name)) wedi "
            "gwneud hawliad yn eich erbyn (gwrth-hawliad) am ((amount)).\n\n"
            "Bydd y llys yn rhoi gwybod i chi beth sydd angen i chi ei wneud amdano.\n\n" + _SEE_CY
        ),
        "personalisation": [*_CLAIMANT_FIELDS, "amount"],
    },
    "civil_claims.staff_response": {
        "subject": "Response received: ((claim_number))",
        "body": (
            "A response to money claim ((claim_number)) was received (((channel))): "
            "((response)).\n\nSee it on the claim's case page (staff sign-in): ((case_url))"
        ),
        "cy_subject": "Ymateb wedi dod i law: ((claim_number))",
        "cy_body": (
            "Daeth ymateb i hawliad am arian ((claim_number)) i law (((channel))): "
            "((response)).\n\nGweld yr ymateb ar dudalen achos yr hawliad (mewngofnodi staff): "
            "((case_url))"
        ),
        "personalisation": ["claim_number", "response", "channel", "case_url"],
        "channels": ["email"],
    },
}
