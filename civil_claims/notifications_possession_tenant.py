"""Messages about a possession claim's defendant (the tenant): their response to the
landlord and to themselves, and a general application to every party. English and Welsh,
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
}
