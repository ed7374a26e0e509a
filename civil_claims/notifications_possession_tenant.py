"""Messages about a possession claim's defendant (the tenant): their response to the
landlord and to themselves, a general application to every party, and a caseworker's
decisions on a counterclaim (issued, returned) and on an application (granted, refused,
listed for a hearing). English and Welsh,
by each party's route (``services.possession_response``)."""

TEMPLATES = {
    "civil_claims.possession_response_landlord": {
        "subject": "The defendant has responded to your possession claim: ((claim_number))",
        "body": (
            "((defendant_name)) has responded to your possession claim ((claim_number)).\n\n"
            "Do they disagree with the claim: ((disputes))\n"
            "Have they made a counterclaim: ((counterclaim))\n\n"
            "The court will consider the response at the hearing. See your claim: ((claim_url))"
        ),
        "cy_subject": "Mae’r diffynnydd wedi ymateb i’ch hawliad meddiant: ((claim_number))",
        "cy_body": (
            "Mae ((defendant_name)) wedi ymateb i’ch hawliad meddiant ((claim_number)).\n\n"
            "Ydyn nhw’n anghytuno â’r hawliad: ((disputes))\n"
            "Ydyn nhw wedi gwneud gwrth-hawliad: ((counterclaim))\n\n"
            "Bydd y llys yn ystyried yr ymateb yn y gwrandawiad. Gweld eich hawliad: ((claim_url))"
        ),
        "personalisation": [
            "claim_number",
            "defendant_name",
            "disputes",
            "counterclaim",
            "claim_url",
        ],
    },
    "civil_claims.possession_response_tenant": {
        "subject": "We have received your response: ((claim_number))",
        "body": (
            "We have received your response to the possession claim ((claim_number)), and we "
            "have told your landlord.\n\n"
            "Counterclaim made: ((counterclaim)). Counterclaim fee: ((counterclaim_fee)) "
            "((hwf_reference))\n\n"
            "Go to the hearing on the date we send you, even if you have agreed a plan with "
            "your landlord. You can get free legal advice from the Housing Loss Prevention "
            "Advice Service, Shelter or Citizens Advice."
        ),
        "cy_subject": "Rydym wedi cael eich ymateb: ((claim_number))",
        "cy_body": (
            "Rydym wedi cael eich ymateb i’r hawliad meddiant ((claim_number)), ac rydym wedi "
            "rhoi gwybod i’ch landlord.\n\n"
            "Gwrth-hawliad wedi’i wneud: ((counterclaim)). Ffi’r gwrth-hawliad: "
            "((counterclaim_fee)) ((hwf_reference))\n\n"
            "Ewch i’r gwrandawiad ar y dyddiad y byddwn yn ei anfon atoch, hyd yn oed os ydych "
            "wedi cytuno ar gynllun gyda’ch landlord. Gallwch gael cyngor cyfreithiol am ddim "
            "gan y Gwasanaeth Cyngor Atal Colli Cartref, Shelter neu Cyngor ar Bopeth."
        ),
        "personalisation": ["claim_number", "counterclaim", "counterclaim_fee", "hwf_reference"],
    },
    "civil_claims.possession_application_received": {
        "subject": "An application has been made on possession claim ((claim_number))",
        "body": (
            "((applicant_name)) has applied to the court on possession claim "
            "((claim_number)): ((application)).\n\n"
            "We received it on ((received_on)). A caseworker will look at it and we will tell "
            "you what happens next."
        ),
        "cy_subject": "Mae cais wedi’i wneud ar hawliad meddiant ((claim_number))",
        "cy_body": (
            "Mae ((applicant_name)) wedi gwneud cais i’r llys ar hawliad meddiant "
            "((claim_number)): ((application)).\n\n"
            "Cawsom y cais ar ((received_on)). Bydd gweithiwr achos yn edrych arno a byddwn yn "
            "rhoi gwybod i chi beth fydd yn digwydd nesaf."
        ),
        "personalisation": ["claim_number", "applicant_name", "application", "received_on"],
    },
    # A caseworker's decisions on a counterclaim and on a general application (to every
    # party; a counterclaim's Help with Fees uses the possession_hwf_* messages).
    "civil_claims.possession_counterclaim_issued": {
        "subject": "A counterclaim has been issued on possession claim ((claim_number))",
        "body": (
            "We issued the counterclaim that ((defendant_name)) made on possession claim "
            "((claim_number)) on ((issued_on)).\n\n"
            "What is counterclaimed: ((counterclaim))\n\n"
            "The court will deal with the counterclaim together with the claim. We will tell "
            "you what happens next."
        ),
        "cy_subject": "Mae gwrth-hawliad wedi’i gyhoeddi ar hawliad meddiant ((claim_number))",
        "cy_body": (
            "Rydym wedi cyhoeddi’r gwrth-hawliad a wnaeth ((defendant_name)) ar hawliad "
            "meddiant ((claim_number)) ar ((issued_on)).\n\n"
            "Beth sy’n cael ei wrth-hawlio: ((counterclaim))\n\n"
            "Bydd y llys yn delio â’r gwrth-hawliad ynghyd â’r hawliad. Byddwn yn rhoi gwybod "
            "i chi beth fydd yn digwydd nesaf."
        ),
        "personalisation": ["claim_number", "defendant_name", "counterclaim", "issued_on"],
    },
    "civil_claims.possession_counterclaim_returned": {
        "subject": "A counterclaim on possession claim ((claim_number)) has not been issued",
        "body": (
            "We have not issued the counterclaim that ((defendant_name)) made on possession "
            "claim ((claim_number)): ((counterclaim)). We have returned it.\n\n"
            "Why: ((reason))\n\n"
            "((fee_note))\n\n"
            "The claim itself goes on as before. Go to the hearing on the date we send you."
        ),
        "cy_subject": ("Nid yw gwrth-hawliad ar hawliad meddiant ((claim_number)) wedi’i gyhoeddi"),
        "cy_body": (
            "Nid ydym wedi cyhoeddi’r gwrth-hawliad a wnaeth ((defendant_name)) ar hawliad "
            "meddiant ((claim_number)): ((counterclaim)). Rydym wedi ei ddychwelyd.\n\n"
            "Pam: ((reason))\n\n"
            "((fee_note))\n\n"
            "Mae’r hawliad ei hun yn parhau fel o’r blaen. Ewch i’r gwrandawiad ar y dyddiad "
            "y byddwn yn ei anfon atoch."
        ),
        "personalisation": [
            "claim_number",
            "defendant_name",
            "counterclaim",
            "reason",
            "fee_note",
        ],
    },
    "civil_claims.possession_application_granted": {
        "subject": "An application on possession claim ((claim_number)) has been granted",
        "body": (
            "The court has granted the application that ((applicant_name)) made on possession "
            "claim ((claim_number)): ((application)).\n\n"
            "Reasons: ((reason))\n\n"
            "If a hearing has been adjourned, we will send you the notice of the new hearing."
        ),
        "cy_subject": "Mae cais ar hawliad meddiant ((claim_number)) wedi’i ganiatáu",
        "cy_body": (
            "Mae’r llys wedi caniatáu’r cais a wnaeth ((applicant_name)) ar hawliad meddiant "
            "((claim_number)): ((application)).\n\n"
            "Rhesymau: ((reason))\n\n"
            "Os yw gwrandawiad wedi’i ohirio, byddwn yn anfon hysbysiad o’r gwrandawiad newydd "
            "atoch."
        ),
        "personalisation": ["claim_number", "applicant_name", "application", "reason"],
    },
    "civil_claims.possession_application_refused": {
        "subject": "An application on possession claim ((claim_number)) has been refused",
        "body": (
            "The court has refused the application that ((applicant_name)) made on possession "
            "claim ((claim_number)): ((application)).\n\n"
            "Reasons: ((reason))\n\n"
            "Nothing else changes: go to any hearing on the date we sent you."
        ),
        "cy_subject": "Mae cais ar hawliad meddiant ((claim_number)) wedi’i wrthod",
        "cy_body": (
            "Mae’r llys wedi gwrthod y cais a wnaeth ((applicant_name)) ar hawliad meddiant "
            "((claim_number)): ((application)).\n\n"
            "Rhesymau: ((reason))\n\n"
            "Nid oes dim arall yn newid: ewch i unrhyw wrandawiad ar y dyddiad a anfonwyd "
            "atoch."
        ),
        "personalisation": ["claim_number", "applicant_name", "application", "reason"],
    },
    "civil_claims.possession_application_listed": {
        "subject": "An application on possession claim ((claim_number)) will go to a hearing",
        "body": (
            "A judge will decide the application that ((applicant_name)) made on possession "
            "claim ((claim_number)) at a hearing: ((application)).\n\n"
            "Why: ((reason))\n\n"
            "We will send you the notice of the hearing, or it will be heard at the hearing "
            "already listed."
        ),
        "cy_subject": "Bydd cais ar hawliad meddiant ((claim_number)) yn mynd i wrandawiad",
        "cy_body": (
            "Bydd barnwr yn penderfynu ar y cais a wnaeth ((applicant_name)) ar hawliad "
            "meddiant ((claim_number)) mewn gwrandawiad: ((application)).\n\n"
            "Pam: ((reason))\n\n"
            "Byddwn yn anfon hysbysiad o’r gwrandawiad atoch, neu bydd yn cael ei glywed yn y "
            "gwrandawiad sydd eisoes wedi’i restru."
        ),
        "personalisation": ["claim_number", "applicant_name", "application", "reason"],
    },
}
