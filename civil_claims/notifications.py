"""Message templates of Make a money claim, in English and Welsh, loaded by the notifications app.

Each goes by the recipient's route (email, text message or letter). The defendant's
claim notice always goes as a letter, with the single-use access code, and also by
email when the claimant gave the defendant's email address.
"""

_RESPOND = (
    "Respond online at ((respond_url)) with your claim number and access code.\n"
    "Or phone us on ((phone)), or write to us at ((postal_address)), quoting the claim number."
)
_RESPOND_CY = (
    "Ymatebwch ar-lein yn ((respond_url)) gyda rhif yr hawliad a’ch cod mynediad.\n"
    "Neu ffoniwch ni ar ((phone)), neu ysgrifennwch atom yn ((postal_address)), gan nodi rhif "
    "yr hawliad."
)

TEMPLATES = {
    "civil_claims.hwf_pending": {
        "subject": "We have received your claim: ((reference))",
        "body": (
            "We have received your money claim against ((defendant_name)) and your Help with "
            "Fees reference ((hwf_reference)).\n\n"
            "Do not pay the court fee while we decide. We will tell you if you have anything to "
            "pay. We issue your claim once the fee is dealt with.\n\n"
            "Your reference: ((reference))\nSee your claim: ((claim_url))"
        ),
        "cy_subject": "Rydym wedi cael eich hawliad: ((reference))",
        "cy_body": (
            "Rydym wedi cael eich hawliad am arian yn erbyn ((defendant_name)) a’ch cyfeirnod Help "
            "i Dalu Ffioedd ((hwf_reference)).\n\n"
            "Peidiwch â thalu ffi’r llys tra byddwn yn penderfynu. Byddwn yn rhoi gwybod i chi os "
            "oes gennych unrhyw beth i’w dalu. Byddwn yn cyhoeddi eich hawliad unwaith y bydd y "
            "ffi wedi’i setlo.\n\n"
            "Eich cyfeirnod: ((reference))\nGweld eich hawliad: ((claim_url))"
        ),
        "personalisation": ["reference", "defendant_name", "hwf_reference", "claim_url"],
    },
    "civil_claims.claim_issued_claimant": {
        "subject": "Your claim has been issued: ((claim_number))",
        "body": (
            "Your money claim against ((defendant_name)) was issued on ((issue_date)).\n\n"
            "Claim number: ((claim_number))\nTotal claimed: ((total))\n\n"
            "We have sent the claim to the defendant. They have until 4pm on "
            "((response_deadline)) to respond. We will tell you what they do.\n\n"
            "See your claim and download the claim form: ((claim_url))"
        ),
        "cy_subject": "Mae eich hawliad wedi’i gyhoeddi: ((claim_number))",
        "cy_body": (
            "Cafodd eich hawliad am arian yn erbyn ((defendant_name)) ei gyhoeddi ar "
            "((issue_date)).\n\n"
            "Rhif yr hawliad: ((claim_number))\nCyfanswm a hawlir: ((total))\n\n"
            "Rydym wedi anfon yr hawliad at y diffynnydd. Mae ganddynt tan 4pm ar "
            "((response_deadline)) i ymateb. Byddwn yn rhoi gwybod i chi beth maen nhw’n ei "
            "wneud.\n\n"
            "Gweld eich hawliad a lawrlwytho’r ffurflen hawlio: ((claim_url))"
        ),
        "personalisation": [
            "defendant_name",
            "issue_date",
            "claim_number",
            "total",
            "response_deadline",
            "claim_url",
        ],
    },
    "civil_claims.claim_issued_defendant": {
        "subject": "A money claim has been made against you: ((claim_number))",
        "body": (
            "((claimant_name)) has made a claim against you in the County Court for ((total)).\n\n"
            "Claim number: ((claim_number))\nAccess code: ((access_code))\n"
            "Date issued: ((issue_date))\n\n"
            "You must respond by 4pm on ((response_deadline)). If you do not, the claimant can "
            "ask the court for a judgment against you.\n\n"
            "You can admit all or part of the claim, or say you do not owe it. You can also ask "
            "for 14 more days to respond, once, before the deadline.\n\n"
            + _RESPOND
            + "\n\nThe access code works once. Keep it safe and do not share it."
        ),
        "cy_subject": "Mae hawliad am arian wedi’i wneud yn eich erbyn: ((claim_number))",
        "cy_body": (
            "Mae ((claimant_name)) wedi gwneud hawliad yn eich erbyn yn y Llys Sirol am "
            "((total)).\n\n"
            "Rhif yr hawliad: ((claim_number))\nCod mynediad: ((access_code))\n"
            "Dyddiad cyhoeddi: ((issue_date))\n\n"
            "Rhaid i chi ymateb erbyn 4pm ar ((response_deadline)). Os na wnewch, gall yr "
            "hawlydd ofyn i’r llys am ddyfarniad yn eich erbyn.\n\n"
            "Gallwch gyfaddef yr hawliad i gyd neu ran ohono, neu ddweud nad oes arnoch yr arian. "
            "Gallwch hefyd ofyn am 14 diwrnod arall i ymateb, unwaith, cyn y dyddiad cau.\n\n"
            + _RESPOND_CY
            + "\n\nMae’r cod mynediad yn gweithio unwaith. Cadwch ef yn ddiogel a pheidiwch â’i "
            "rannu."
        ),
        # The letter is printed with the sealed claim form behind it (claim_letter_enclosures).
        "letter_body": (
            "((claimant_name)) has made a claim against you in the County Court for ((total)).\n\n"
            "The sealed claim form is enclosed with this letter. It sets out what the claimant "
            "says you owe and why. Read it before you respond.\n\n"
            "Claim number: ((claim_number))\nAccess code: ((access_code))\n"
            "Date issued: ((issue_date))\n\n"
            "You must respond by 4pm on ((response_deadline)). If you do not, the claimant can "
            "ask the court for a judgment against you.\n\n"
            "You can admit all or part of the claim, or say you do not owe it. You can also ask "
            "for 14 more days to respond, once, before the deadline.\n\n"
            + _RESPOND
            + "\n\nThe access code works once. Keep it safe and do not share it."
        ),
        "cy_letter_body": (
            "Mae ((claimant_name)) wedi gwneud hawliad yn eich erbyn yn y Llys Sirol am "
            "((total)).\n\n"
            "Mae’r ffurflen hawlio wedi’i selio wedi’i hamgáu gyda’r llythyr hwn. Mae’n nodi "
            "beth mae’r hawlydd yn dweud sydd arnoch a pham. Darllenwch hi cyn i chi ymateb.\n\n"
            "Rhif yr hawliad: ((claim_number))\nCod mynediad: ((access_code))\n"
            "Dyddiad cyhoeddi: ((issue_date))\n\n"
            "Rhaid i chi ymateb erbyn 4pm ar ((response_deadline)). Os na wnewch, gall yr "
            "hawlydd ofyn i’r llys am ddyfarniad yn eich erbyn.\n\n"
            "Gallwch gyfaddef yr hawliad i gyd neu ran ohono, neu ddweud nad oes arnoch yr arian. "
            "Gallwch hefyd ofyn am 14 diwrnod arall i ymateb, unwaith, cyn y dyddiad cau.\n\n"
            + _RESPOND_CY
            + "\n\nMae’r cod mynediad yn gweithio unwaith. Cadwch ef yn ddiogel a pheidiwch â’i "
            "rannu."
        ),
        "personalisation": [
            "claimant_name",
            "total",
            "claim_number",
            "access_code",
            "issue_date",
            "response_deadline",
            "respond_url",
            "phone",
            "postal_address",
        ],
        "channels": ["email", "letter"],
    },
    "civil_claims.access_code_new": {
        "subject": "Your new access code for claim ((claim_number))",
        "body": (
            "Here is a new access code for the money claim ((claimant_name)) made against you.\n\n"
            "Claim number: ((claim_number))\nAccess code: ((access_code))\n\n"
            "Any code we sent you before no longer works. You must respond by 4pm on "
            "((response_deadline)).\n\n" + _RESPOND
        ),
        "cy_subject": "Eich cod mynediad newydd ar gyfer hawliad ((claim_number))",
        "cy_body": (
            "Dyma god mynediad newydd ar gyfer yr hawliad am arian gan ((claimant_name)) a wnaed yn eich "
            "erbyn.\n\n"
            "Rhif yr hawliad: ((claim_number))\nCod mynediad: ((access_code))\n\n"
            "Nid yw unrhyw god a anfonwyd atoch o’r blaen yn gweithio mwyach. Rhaid i chi ymateb "
            "erbyn 4pm ar ((response_deadline)).\n\n" + _RESPOND_CY
        ),
        "personalisation": [
            "claimant_name",
            "claim_number",
            "access_code",
            "response_deadline",
            "respond_url",
            "phone",
            "postal_address",
        ],
        "channels": ["email", "letter"],
    },
    "civil_claims.hwf_full": {
        "subject": "Help with Fees: you do not have to pay the court fee",
        "body": (
            "We have checked your Help with Fees reference ((hwf_reference)). You do not have to "
            "pay the court fee of ((fee)).\n\n"
            "We have issued your claim. Claim number: ((claim_number)). The defendant has until "
            "4pm on ((response_deadline)) to respond.\n\nSee your claim: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: nid oes rhaid i chi dalu ffi’r llys",
        "cy_body": (
            "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Nid oes "
            "rhaid i chi dalu ffi’r llys o ((fee)).\n\n"
            "Rydym wedi cyhoeddi eich hawliad. Rhif yr hawliad: ((claim_number)). Mae gan y "
            "diffynnydd tan 4pm ar ((response_deadline)) i ymateb.\n\n"
            "Gweld eich hawliad: ((claim_url))"
        ),
        "personalisation": [
            "hwf_reference",
            "fee",
            "claim_number",
            "response_deadline",
            "claim_url",
        ],
    },
    "civil_claims.hwf_part": {
        "subject": "Help with Fees: you have ((amount_to_pay)) to pay",
        "body": (
            "We have checked your Help with Fees reference ((hwf_reference)). Help with Fees "
            "covers ((remitted)) of the court fee of ((fee)).\n\n"
            "You need to pay ((amount_to_pay)) before we can issue your claim ((reference)).\n\n"
            "Pay the fee: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae gennych ((amount_to_pay)) i’w dalu",
        "cy_body": (
            "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Mae Help i "
            "Dalu Ffioedd yn talu ((remitted)) o ffi’r llys o ((fee)).\n\n"
            "Mae angen i chi dalu ((amount_to_pay)) cyn y gallwn gyhoeddi eich hawliad "
            "((reference)).\n\nTalu’r ffi: ((claim_url))"
        ),
        "personalisation": [
            "hwf_reference",
            "remitted",
            "fee",
            "amount_to_pay",
            "reference",
            "claim_url",
        ],
    },
    "civil_claims.hwf_none": {
        "subject": "Help with Fees: you need to pay the court fee",
        "body": (
            "We have checked your Help with Fees reference ((hwf_reference)). You cannot get help "
            "with the court fee this time.\n\n"
            "You need to pay the fee of ((fee)) before we can issue your claim ((reference)).\n\n"
            "Pay the fee: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae angen i chi dalu ffi’r llys",
        "cy_body": (
            "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Ni allwch "
            "gael help gyda ffi’r llys y tro hwn.\n\n"
            "Mae angen i chi dalu’r ffi o ((fee)) cyn y gallwn gyhoeddi eich hawliad "
            "((reference)).\n\nTalu’r ffi: ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "fee", "reference", "claim_url"],
    },
    "civil_claims.hwf_more_info": {
        "subject": "Help with Fees: we need more information",
        "body": (
            "We need more information about your Help with Fees application ((hwf_reference)) "
            "for claim ((reference)).\n\n((note))\n\n"
            "Your claim is not issued until the fee is dealt with. Reply or pay the fee: "
            "((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae arnom angen mwy o wybodaeth",
        "cy_body": (
            "Mae arnom angen mwy o wybodaeth am eich cais Help i Dalu Ffioedd ((hwf_reference)) "
            "ar gyfer hawliad ((reference)).\n\n((note))\n\n"
            "Ni fydd eich hawliad yn cael ei gyhoeddi nes bydd y ffi wedi’i setlo. Ymatebwch neu "
            "talwch y ffi: ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "reference", "note", "claim_url"],
    },
    "civil_claims.hwf_invalid": {
        "subject": "Help with Fees: we could not find your reference",
        "body": (
            "We could not find the Help with Fees reference ((hwf_reference)) you gave with claim "
            "((reference)).\n\n"
            "Check the reference and give it again, or pay the court fee of ((fee)): ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: nid oeddem yn gallu dod o hyd i’ch cyfeirnod",
        "cy_body": (
            "Nid oeddem yn gallu dod o hyd i’r cyfeirnod Help i Dalu Ffioedd ((hwf_reference)) a "
            "roesoch gyda hawliad ((reference)).\n\n"
            "Gwiriwch y cyfeirnod a’i roi eto, neu talwch ffi’r llys o ((fee)): ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "reference", "fee", "claim_url"],
    },
    "civil_claims.contact_details_changed": {
        "subject": "We have changed your contact details on claim ((claim_number))",
        "body": (
            "We have changed your contact details on the money claim ((claim_number)), as you "
            "asked. From now on we will contact you by ((route)).\n\n"
            "If you did not ask for this, phone us on ((phone))."
        ),
        "cy_subject": "Rydym wedi newid eich manylion cyswllt ar hawliad ((claim_number))",
        "cy_body": (
            "Rydym wedi newid eich manylion cyswllt ar yr hawliad am arian ((claim_number)), fel "
            "y gofynnoch. O hyn ymlaen byddwn yn cysylltu â chi drwy ((route)).\n\n"
            "Os na wnaethoch ofyn am hyn, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "route", "phone"],
    },
    "civil_claims.claim_stayed": {
        "subject": "Claim ((claim_number)) has been paused (stayed)",
        "body": (
            "The court has stayed the money claim ((claim_number)). This means nothing more "
            "happens on it until the stay is lifted.\n\nReason: ((reason))\n\n"
            "If you have questions, phone us on ((phone))."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) wedi’i atal",
        "cy_body": (
            "Mae’r llys wedi atal yr hawliad am arian ((claim_number)). Mae hyn yn golygu na fydd "
            "dim byd arall yn digwydd iddo nes bydd yr ataliad yn cael ei godi.\n\n"
            "Rheswm: ((reason))\n\nOs oes gennych gwestiynau, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "reason", "phone"],
    },
    "civil_claims.claim_stay_lifted": {
        "subject": "Claim ((claim_number)) is going ahead again",
        "body": (
            "The stay on the money claim ((claim_number)) has been lifted. The claim goes ahead "
            "from where it stopped.\n\nIf you have questions, phone us on ((phone))."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) yn mynd yn ei flaen eto",
        "cy_body": (
            "Mae’r ataliad ar yr hawliad am arian ((claim_number)) wedi’i godi. Mae’r hawliad yn "
            "mynd yn ei flaen o’r man lle daeth i ben.\n\n"
            "Os oes gennych gwestiynau, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "phone"],
    },
    "civil_claims.breathing_space_entered": {
        "subject": "Claim ((claim_number)) is paused: breathing space",
        "body": (
            "The money claim ((claim_number)) is paused because the defendant is in a breathing "
            "space under the Debt Respite Scheme, from ((started_on)).\n\n"
            "While the breathing space lasts, the claimant must not take any step to recover "
            "the money, such as asking for judgment, and the defendant’s deadline to respond "
            "to the claim is paused.\n\n"
            "We will write to you both when the breathing space ends, with the new deadline.\n\n"
            "If you have questions, phone us on ((phone))."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) wedi’i oedi: cyfnod seibiant",
        "cy_body": (
            "Mae’r hawliad am arian ((claim_number)) wedi’i oedi oherwydd bod y diffynnydd mewn "
            "cyfnod seibiant o dan y Cynllun Seibiant rhag Dyledion, o ((started_on)).\n\n"
            "Tra bydd y cyfnod seibiant yn para, rhaid i’r hawlydd beidio â chymryd unrhyw gam i "
            "adennill yr arian, fel gofyn am ddyfarniad, ac mae dyddiad cau’r diffynnydd i ymateb "
            "i’r hawliad wedi’i oedi.\n\n"
            "Byddwn yn ysgrifennu atoch chi’ch dau pan ddaw’r cyfnod seibiant i ben, gyda’r "
            "dyddiad cau newydd.\n\n"
            "Os oes gennych gwestiynau, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "started_on", "phone"],
    },
    "civil_claims.breathing_space_lifted": {
        "subject": "Claim ((claim_number)) is going ahead again",
        "body": (
            "The breathing space on the money claim ((claim_number)) ended on ((lifted_on)). "
            "The claim goes ahead again from where it stopped.\n\n"
            "If you have questions, phone us on ((phone))."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) yn mynd yn ei flaen eto",
        "cy_body": (
            "Daeth y cyfnod seibiant ar yr hawliad am arian ((claim_number)) i ben ar "
            "((lifted_on)). Mae’r hawliad yn mynd yn ei flaen eto o’r man lle daeth i ben.\n\n"
            "Os oes gennych gwestiynau, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "lifted_on", "phone"],
    },
    "civil_claims.breathing_space_lifted_deadline": {
        "subject": "Claim ((claim_number)) is going ahead again: new deadline",
        "body": (
            "The breathing space on the money claim ((claim_number)) ended on ((lifted_on)). "
            "The claim goes ahead again.\n\n"
            "The defendant now has until 4pm on ((response_deadline)) to respond to the claim: "
            "the time they had left when the breathing space began.\n\n"
            "If you have questions, phone us on ((phone))."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) yn mynd yn ei flaen eto: dyddiad cau newydd",
        "cy_body": (
            "Daeth y cyfnod seibiant ar yr hawliad am arian ((claim_number)) i ben ar "
            "((lifted_on)). Mae’r hawliad yn mynd yn ei flaen eto.\n\n"
            "Mae gan y diffynnydd yn awr tan 4pm ar ((response_deadline)) i ymateb i’r hawliad: "
            "yr amser a oedd ganddynt ar ôl pan ddechreuodd y cyfnod seibiant.\n\n"
            "Os oes gennych gwestiynau, ffoniwch ni ar ((phone))."
        ),
        "personalisation": ["claim_number", "lifted_on", "response_deadline", "phone"],
    },
    "civil_claims.staff_claim_issued": {
        "subject": "Money claim issued: ((claim_number))",
        "body": (
            "Money claim ((claim_number)) was issued on ((issue_date)) (((how_paid))).\n\n"
            "Total claimed: ((total))\nDefendant to respond by 4pm on ((response_deadline))\n\n"
            "The sealed claim form is printed behind the defendant's claim letter in the "
            "letter batch. See the claim, its sealed form and the letters sent on its case "
            "page (staff sign-in): ((case_url))"
        ),
        "cy_subject": "Hawliad am arian wedi’i gyhoeddi: ((claim_number))",
        "cy_body": (
            "Cafodd hawliad am arian ((claim_number)) ei gyhoeddi ar ((issue_date)) "
            "(((how_paid))).\n\n"
            "Cyfanswm a hawlir: ((total))\nRhaid i’r diffynnydd ymateb erbyn 4pm ar "
            "((response_deadline))\n\n"
            "Mae’r ffurflen hawlio wedi’i selio wedi’i hargraffu y tu ôl i lythyr hawlio’r "
            "diffynnydd yn y swp llythyrau. Gweld yr hawliad, ei ffurflen wedi’i selio a’r "
            "llythyrau a anfonwyd ar ei dudalen achos (mewngofnodi staff): ((case_url))"
        ),
        "personalisation": [
            "claim_number",
            "issue_date",
            "how_paid",
            "total",
            "response_deadline",
            "case_url",
        ],
        "channels": ["email"],
    },
    "civil_claims.claim_transferred": {
        "subject": "Claim ((claim_number)) has moved to ((court))",
        "body": (
            "The money claim ((claim_number)) has been transferred to ((court)). That court will "
            "contact you about what happens next. Send anything about the claim to them, quoting "
            "the claim number."
        ),
        "cy_subject": "Mae hawliad ((claim_number)) wedi symud i ((court))",
        "cy_body": (
            "Mae’r hawliad am arian ((claim_number)) wedi’i drosglwyddo i ((court)). Bydd y llys "
            "hwnnw’n cysylltu â chi am beth sy’n digwydd nesaf. Anfonwch unrhyw beth am yr "
            "hawliad atynt, gan nodi rhif yr hawliad."
        ),
        "personalisation": ["claim_number", "court"],
    },
}

# The defendant's side before they respond (more time, reminders): kept in their own module.
from .notifications_defendant import TEMPLATES as _DEFENDANT_TEMPLATES  # noqa: E402

TEMPLATES.update(_DEFENDANT_TEMPLATES)

# After the response: the claimant's reply, settlement, judgments, mediation, paid in full.
from .notifications_claimant import TEMPLATES as _CLAIMANT_TEMPLATES  # noqa: E402

TEMPLATES.update(_CLAIMANT_TEMPLATES)
from .notifications_possession_case import TEMPLATES as _POSSESSION_CASE_TEMPLATES  # noqa: E402

TEMPLATES.update(_POSSESSION_CASE_TEMPLATES)

# A possession claim's defendant: their response and general applications (#16).
from .notifications_possession_tenant import TEMPLATES as _POSSESSION_TENANT_TEMPLATES  # noqa: E402

TEMPLATES.update(_POSSESSION_TENANT_TEMPLATES)

# The defendant's response (received, and what it says to the claimant): its own module.
from .notifications_response import TEMPLATES as _RESPONSE_TEMPLATES  # noqa: E402

TEMPLATES.update(_RESPONSE_TEMPLATES)

# Directions orders, a counterclaim's Help with Fees, and the timing jobs (#15).
from .notifications_orders import TEMPLATES as _ORDER_TEMPLATES  # noqa: E402

TEMPLATES.update(_ORDER_TEMPLATES)
