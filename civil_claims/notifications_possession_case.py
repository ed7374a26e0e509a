"""Message templates of a possession claim from issue to eviction: the landlord's issue
message, the claim pack letter to each defendant, Help with Fees decisions (on the claim
fee or the warrant fee), the hearing's notice, adjournment, cancellation and outcome, the
warrant issued and the tenant's notice of eviction. Merged into ``notifications.TEMPLATES``.
"""

_FEE_CHECKED = "We have checked your Help with Fees reference ((hwf_reference)) for ((fee_name))."
_FEE_CHECKED_CY = (
    "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)) ar gyfer ((fee_name))."
)

TEMPLATES = {
    "civil_claims.possession_issued_claimant": {
        "subject": "Your possession claim has been issued: ((claim_number))",
        "body": (
            "Your claim for possession of ((property)) was issued on ((issue_date)).\n\n"
            "Claim number: ((claim_number))\n\n"
            "We have posted the claim form and particulars to each defendant with a code to "
            "respond online. We will tell you the date of the hearing.\n\n"
            "See your claim: ((claim_url))"
        ),
        "cy_subject": "Mae eich hawliad meddiant wedi’i gyhoeddi: ((claim_number))",
        "cy_body": (
            "Cafodd eich hawliad am feddiant o ((property)) ei gyhoeddi ar ((issue_date)).\n\n"
            "Rhif yr hawliad: ((claim_number))\n\n"
            "Rydym wedi postio’r ffurflen hawlio a’r manylion at bob diffynnydd gyda chod i "
            "ymateb ar-lein. Byddwn yn rhoi gwybod i chi am ddyddiad y gwrandawiad.\n\n"
            "Gweld eich hawliad: ((claim_url))"
        ),
        "personalisation": ["property", "issue_date", "claim_number", "claim_url"],
    },
    "civil_claims.possession_claim_pack": {
        "subject": "A claim for possession of ((property)): ((claim_number))",
        "body": (
            "((claimant_name)) has made a claim to the county court for possession of "
            "((property)). The claim was issued on ((issue_date)).\n\n"
            "Claim number: ((claim_number))\nYour access code: ((access_code))\n\n"
            "The claim form and the particulars of claim are enclosed. The court will send you "
            "a notice of the hearing.\n\n"
            "You have 14 days to respond. There is no fee to respond. Respond online at "
            "((respond_url)) with the claim number and your access code.\n"
            "Or phone us on ((phone)), or write to us at ((postal_address)), quoting the claim "
            "number.\n\n"
            "You can get free legal advice about possession claims. Do not ignore this claim: "
            "you could lose your home."
        ),
        "cy_subject": "Hawliad am feddiant o ((property)): ((claim_number))",
        "cy_body": (
            "Mae ((claimant_name)) wedi gwneud hawliad i’r llys sirol am feddiant o "
            "((property)). Cafodd yr hawliad ei gyhoeddi ar ((issue_date)).\n\n"
            "Rhif yr hawliad: ((claim_number))\nEich cod mynediad: ((access_code))\n\n"
            "Mae’r ffurflen hawlio a manylion yr hawliad wedi’u hamgáu. Bydd y llys yn anfon "
            "hysbysiad o’r gwrandawiad atoch.\n\n"
            "Mae gennych 14 diwrnod i ymateb. Nid oes ffi i ymateb. Ymatebwch ar-lein yn "
            "((respond_url)) gyda rhif yr hawliad a’ch cod mynediad.\n"
            "Neu ffoniwch ni ar ((phone)), neu ysgrifennwch atom yn ((postal_address)), gan nodi "
            "rhif yr hawliad.\n\n"
            "Gallwch gael cyngor cyfreithiol am ddim am hawliadau meddiant. Peidiwch ag "
            "anwybyddu’r hawliad hwn: gallech golli eich cartref."
        ),
        "personalisation": [
            "claimant_name",
            "property",
            "issue_date",
            "claim_number",
            "access_code",
            "respond_url",
            "phone",
            "postal_address",
        ],
        "channels": ["letter"],
    },
    "civil_claims.possession_hwf_full": {
        "subject": "Help with Fees: you do not have to pay ((fee_name))",
        "body": (
            f"{_FEE_CHECKED} You do not have to pay it.\n\n((next_step))\n\n"
            "See your claim: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: nid oes rhaid i chi dalu ((fee_name))",
        "cy_body": (
            f"{_FEE_CHECKED_CY} Nid oes rhaid i chi ei thalu.\n\n((next_step))\n\n"
            "Gweld eich hawliad: ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "fee_name", "next_step", "claim_url"],
    },
    "civil_claims.possession_hwf_part": {
        "subject": "Help with Fees: you have ((amount_to_pay)) to pay",
        "body": (
            f"{_FEE_CHECKED} Help with Fees covers ((remitted)) of the fee of ((fee)).\n\n"
            "You need to pay ((amount_to_pay)) for claim ((reference)).\n\n"
            "Pay the rest of the fee: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae gennych ((amount_to_pay)) i’w dalu",
        "cy_body": (
            f"{_FEE_CHECKED_CY} Mae Help i Dalu Ffioedd yn talu ((remitted)) o’r ffi o "
            "((fee)).\n\nMae angen i chi dalu ((amount_to_pay)) ar gyfer hawliad "
            "((reference)).\n\nTalu gweddill y ffi: ((claim_url))"
        ),
        "personalisation": [
            "hwf_reference",
            "fee_name",
            "remitted",
            "fee",
            "amount_to_pay",
            "reference",
            "claim_url",
        ],
    },
    "civil_claims.possession_hwf_none": {
        "subject": "Help with Fees: you need to pay ((fee_name))",
        "body": (
            f"{_FEE_CHECKED} You cannot get help with it this time.\n\n"
            "You need to pay the fee of ((fee)) for claim ((reference)).\n\n"
            "Pay the fee: ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae angen i chi dalu ((fee_name))",
        "cy_body": (
            f"{_FEE_CHECKED_CY} Ni allwch gael help gyda hi y tro hwn.\n\n"
            "Mae angen i chi dalu’r ffi o ((fee)) ar gyfer hawliad ((reference)).\n\n"
            "Talu’r ffi: ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "fee_name", "fee", "reference", "claim_url"],
    },
    "civil_claims.possession_hwf_more_info": {
        "subject": "Help with Fees: we need more information",
        "body": (
            f"{_FEE_CHECKED} We need more information for claim ((reference)).\n\n((note))\n\n"
            "Give us the information, or pay the fee of ((fee)): ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: mae arnom angen mwy o wybodaeth",
        "cy_body": (
            f"{_FEE_CHECKED_CY} Mae arnom angen mwy o wybodaeth ar gyfer hawliad "
            "((reference)).\n\n((note))\n\n"
            "Rhowch yr wybodaeth i ni, neu talwch y ffi o ((fee)): ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "fee_name", "reference", "note", "fee", "claim_url"],
    },
    "civil_claims.possession_hwf_invalid": {
        "subject": "Help with Fees: we could not find your reference",
        "body": (
            "We could not find the Help with Fees reference ((hwf_reference)) you gave for "
            "((fee_name)) on claim ((reference)).\n\n"
            "Give the right reference, or pay the fee of ((fee)): ((claim_url))"
        ),
        "cy_subject": "Help i Dalu Ffioedd: nid oeddem yn gallu dod o hyd i’ch cyfeirnod",
        "cy_body": (
            "Nid oeddem yn gallu dod o hyd i’r cyfeirnod Help i Dalu Ffioedd ((hwf_reference)) "
            "a roesoch ar gyfer ((fee_name)) ar hawliad ((reference)).\n\n"
            "Rhowch y cyfeirnod cywir, neu talwch y ffi o ((fee)): ((claim_url))"
        ),
        "personalisation": ["hwf_reference", "fee_name", "reference", "fee", "claim_url"],
    },
    "civil_claims.possession_hearing_notice": {
        "subject": "Notice of hearing: possession claim ((claim_number))",
        "body": (
            "The court has listed a hearing of the claim for possession of ((property)).\n\n"
            "Claim number: ((claim_number))\nHearing: ((hearing_kind))\n"
            "Date: ((hearing_date))\nTime: ((hearing_time))\n"
            "Expected length: ((duration))\nCourt: ((court))\n\n((notice_wording))\n\n"
            "If you cannot come, contact the court at once on ((phone))."
        ),
        "cy_subject": "Hysbysiad o wrandawiad: hawliad meddiant ((claim_number))",
        "cy_body": (
            "Mae’r llys wedi rhestru gwrandawiad o’r hawliad am feddiant o ((property)).\n\n"
            "Rhif yr hawliad: ((claim_number))\nGwrandawiad: ((hearing_kind))\n"
            "Dyddiad: ((hearing_date))\nAmser: ((hearing_time))\n"
            "Hyd disgwyliedig: ((duration))\nLlys: ((court))\n\n((notice_wording))\n\n"
            "Os na allwch ddod, cysylltwch â’r llys ar unwaith ar ((phone))."
        ),
        "personalisation": [
            "property",
            "claim_number",
            "hearing_kind",
            "hearing_date",
            "hearing_time",
            "duration",
            "court",
            "notice_wording",
            "phone",
        ],
    },
    "civil_claims.possession_hearing_adjourned": {
        "subject": "Hearing adjourned: possession claim ((claim_number))",
        "body": (
            "The hearing on ((hearing_date)) of the claim for possession of ((property)) has "
            "been adjourned.\n\nReason: ((reason))\n\n"
            "We will send you a notice of the new hearing."
        ),
        "cy_subject": "Gwrandawiad wedi’i ohirio: hawliad meddiant ((claim_number))",
        "cy_body": (
            "Mae’r gwrandawiad ar ((hearing_date)) o’r hawliad am feddiant o ((property)) wedi’i "
            "ohirio.\n\nRheswm: ((reason))\n\n"
            "Byddwn yn anfon hysbysiad o’r gwrandawiad newydd atoch."
        ),
        "personalisation": ["hearing_date", "property", "reason", "claim_number"],
    },
    "civil_claims.possession_hearing_cancelled": {
        "subject": "Hearing cancelled: possession claim ((claim_number))",
        "body": (
            "The hearing on ((hearing_date)) of the claim for possession of ((property)) has "
            "been cancelled. Do not go to court on that day.\n\nReason: ((reason))\n\n"
            "If another hearing is listed, we will send you its notice."
        ),
        "cy_subject": "Gwrandawiad wedi’i ganslo: hawliad meddiant ((claim_number))",
        "cy_body": (
            "Mae’r gwrandawiad ar ((hearing_date)) o’r hawliad am feddiant o ((property)) wedi’i "
            "ganslo. Peidiwch â mynd i’r llys ar y diwrnod hwnnw.\n\nRheswm: ((reason))\n\n"
            "Os bydd gwrandawiad arall yn cael ei restru, byddwn yn anfon ei hysbysiad atoch."
        ),
        "personalisation": ["hearing_date", "property", "reason", "claim_number"],
    },
    "civil_claims.possession_outcome": {
        "subject": "The court’s decision: possession claim ((claim_number))",
        "body": (
            "At the hearing on ((hearing_date)) of the claim for possession of ((property)), "
            "the court decided:\n\n((outcome))\n\nWe will post you the order."
        ),
        "cy_subject": "Penderfyniad y llys: hawliad meddiant ((claim_number))",
        "cy_body": (
            "Yn y gwrandawiad ar ((hearing_date)) o’r hawliad am feddiant o ((property)), "
            "penderfynodd y llys:\n\n((outcome))\n\nByddwn yn postio’r gorchymyn atoch."
        ),
        "personalisation": ["hearing_date", "property", "outcome", "claim_number"],
    },
    "civil_claims.possession_warrant_issued": {
        "subject": "Warrant of possession issued: ((claim_number))",
        "body": (
            "We have issued your warrant of possession of ((property)).\n\n"
            "The county court enforcement officers will evict the defendants on "
            "((eviction_date)) at ((eviction_time)). We have sent the defendants a notice of "
            "eviction.\n\nSee your claim: ((claim_url))"
        ),
        "cy_subject": "Gwarant meddiant wedi’i chyhoeddi: ((claim_number))",
        "cy_body": (
            "Rydym wedi cyhoeddi eich gwarant meddiant o ((property)).\n\n"
            "Bydd swyddogion gorfodi’r llys sirol yn troi’r diffynyddion allan ar "
            "((eviction_date)) am ((eviction_time)). Rydym wedi anfon hysbysiad troi allan at y "
            "diffynyddion.\n\nGweld eich hawliad: ((claim_url))"
        ),
        "personalisation": [
            "property",
            "eviction_date",
            "eviction_time",
            "claim_url",
            "claim_number",
        ],
    },
    "civil_claims.possession_eviction_notice": {
        "subject": "Notice of eviction from ((property))",
        "body": (
            "The court has issued a warrant of possession of ((property)) (claim "
            "((claim_number))).\n\n"
            "County court enforcement officers will come to evict you on ((eviction_date)) at "
            "((eviction_time)).\n\n"
            "You can ask the court to suspend the warrant: do it as soon as you can, before "
            "the eviction. Get free legal advice now. Phone the court on ((phone))."
        ),
        "cy_subject": "Hysbysiad troi allan o ((property))",
        "cy_body": (
            "Mae’r llys wedi cyhoeddi gwarant meddiant o ((property)) (hawliad "
            "((claim_number))).\n\n"
            "Bydd swyddogion gorfodi’r llys sirol yn dod i’ch troi allan ar ((eviction_date)) "
            "am ((eviction_time)).\n\n"
            "Gallwch ofyn i’r llys atal y warant: gwnewch hynny cyn gynted ag y gallwch, cyn y "
            "troi allan. Mynnwch gyngor cyfreithiol am ddim nawr. Ffoniwch y llys ar ((phone))."
        ),
        "personalisation": ["property", "claim_number", "eviction_date", "eviction_time", "phone"],
    },
}
