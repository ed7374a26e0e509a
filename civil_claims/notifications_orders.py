"""Message templates of a defended claim's directions (an order drawn, reconsideration by a
judge, ready for transfer), a counterclaim's Help with Fees decision, and the timing jobs
(the default-judgment reminder, the stay 6 months after the deadline), in English and
Welsh (our own Welsh, with HMCTS's terms, for a translator to review). Merged into
``notifications.TEMPLATES``."""

from .notifications_claimant import _CALL, _CALL_CY, _t

_TRANSFER = (
    "On ((transfer_on)) the claim will be ready to move to a county court near the defendant, "
    "which will then deal with it. We will tell you which court."
)
_TRANSFER_CY = (
    "Ar ((transfer_on)) bydd yr hawliad yn barod i’w symud i lys sirol yn agos at y "
    "diffynnydd, a fydd wedyn yn delio ag ef. Byddwn yn rhoi gwybod i chi pa lys."
)
_HWF_NAMES = ["claim_number", "hwf_reference", "phone"]

TEMPLATES = {
    "civil_claims.order_drawn_legal_adviser": _t(
        "The court has made an order on claim ((claim_number))",
        "A legal adviser at the court has made an order on the money claim ((claim_number)). "
        "Read it and do what it says by the dates it gives.\n\n"
        "The order:\n((order_text))\n\n"
        "If you disagree with it, you can ask for a judge to reconsider it. Write to us or "
        "phone us by ((reconsider_by)), quoting the claim number and saying why.\n\n"
        + _TRANSFER
        + "\n\n"
        + _CALL,
        "Mae’r llys wedi gwneud gorchymyn ar hawliad ((claim_number))",
        "Mae cynghorydd cyfreithiol yn y llys wedi gwneud gorchymyn ar yr hawliad am arian "
        "((claim_number)). Darllenwch ef a gwnewch yr hyn y mae’n ei ddweud erbyn y dyddiadau "
        "y mae’n eu rhoi.\n\n"
        "Y gorchymyn:\n((order_text))\n\n"
        "Os ydych yn anghytuno ag ef, gallwch ofyn i farnwr ei ailystyried. Ysgrifennwch atom "
        "neu ffoniwch ni erbyn ((reconsider_by)), gan nodi rhif yr hawliad a dweud pam.\n\n"
        + _TRANSFER_CY
        + "\n\n"
        + _CALL_CY,
        ["claim_number", "order_text", "reconsider_by", "transfer_on", "phone"],
    ),
    "civil_claims.order_drawn_judge": _t(
        "A judge has made an order on claim ((claim_number))",
        "A judge has made an order on the money claim ((claim_number)). Read it and do what "
        "it says by the dates it gives.\n\n"
        "The order:\n((order_text))\n\n" + _TRANSFER + "\n\n" + _CALL,
        "Mae barnwr wedi gwneud gorchymyn ar hawliad ((claim_number))",
        "Mae barnwr wedi gwneud gorchymyn ar yr hawliad am arian ((claim_number)). "
        "Darllenwch ef a gwnewch yr hyn y mae’n ei ddweud erbyn y dyddiadau y mae’n eu "
        "rhoi.\n\n"
        "Y gorchymyn:\n((order_text))\n\n" + _TRANSFER_CY + "\n\n" + _CALL_CY,
        ["claim_number", "order_text", "transfer_on", "phone"],
    ),
    "civil_claims.reconsideration_requested_by_claimant": _t(
        "A judge has been asked to reconsider the order: claim ((claim_number))",
        "The claimant has asked for a judge to reconsider the legal adviser’s order on the "
        "money claim ((claim_number)). Until the judge decides, keep to the order. We will "
        "send you the judge’s decision.\n\n" + _CALL,
        "Gofynnwyd i farnwr ailystyried y gorchymyn: hawliad ((claim_number))",
        "Mae’r hawlydd wedi gofyn i farnwr ailystyried gorchymyn y cynghorydd cyfreithiol ar "
        "yr hawliad am arian ((claim_number)). Hyd nes y bydd y barnwr yn penderfynu, "
        "cadwch at y gorchymyn. Byddwn yn anfon penderfyniad y barnwr atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.reconsideration_requested_by_defendant": _t(
        "A judge has been asked to reconsider the order: claim ((claim_number))",
        "The defendant has asked for a judge to reconsider the legal adviser’s order on the "
        "money claim ((claim_number)). Until the judge decides, keep to the order. We will "
        "send you the judge’s decision.\n\n" + _CALL,
        "Gofynnwyd i farnwr ailystyried y gorchymyn: hawliad ((claim_number))",
        "Mae’r diffynnydd wedi gofyn i farnwr ailystyried gorchymyn y cynghorydd cyfreithiol "
        "ar yr hawliad am arian ((claim_number)). Hyd nes y bydd y barnwr yn penderfynu, "
        "cadwch at y gorchymyn. Byddwn yn anfon penderfyniad y barnwr atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.order_confirmed": _t(
        "A judge has confirmed the order on claim ((claim_number))",
        "A judge has reconsidered the legal adviser’s order on the money claim "
        "((claim_number)) and confirmed it. The order stands: do what it says by the dates "
        "it gives.\n\n" + _TRANSFER + "\n\n" + _CALL,
        "Mae barnwr wedi cadarnhau’r gorchymyn ar hawliad ((claim_number))",
        "Mae barnwr wedi ailystyried gorchymyn y cynghorydd cyfreithiol ar yr hawliad am "
        "arian ((claim_number)) ac wedi ei gadarnhau. Mae’r gorchymyn yn sefyll: gwnewch yr "
        "hyn y mae’n ei ddweud erbyn y dyddiadau y mae’n eu rhoi.\n\n"
        + _TRANSFER_CY
        + "\n\n"
        + _CALL_CY,
        ["claim_number", "transfer_on", "phone"],
    ),
    "civil_claims.ready_for_transfer": _t(
        "Claim ((claim_number)) is moving to a local court",
        "The money claim ((claim_number)) is ready to move to a county court near the "
        "defendant, which will deal with it from now on. We will tell you which court, and "
        "that court will write to you about what happens next.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) yn symud i lys lleol",
        "Mae’r hawliad am arian ((claim_number)) yn barod i symud i lys sirol yn agos at y "
        "diffynnydd, a fydd yn delio ag ef o hyn ymlaen. Byddwn yn rhoi gwybod i chi pa lys, "
        "a bydd y llys hwnnw’n ysgrifennu atoch am beth sy’n digwydd nesaf.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.counterclaim_hwf_full": _t(
        "Help with Fees: you have no counterclaim fee to pay (claim ((claim_number)))",
        "We have checked your Help with Fees reference ((hwf_reference)). It covers all of "
        "the ((fee)) fee for your counterclaim on the money claim ((claim_number)), so you "
        "have nothing to pay. We will deal with your counterclaim.\n\n" + _CALL,
        "Help i Dalu Ffioedd: nid oes gennych ffi gwrth-hawliad i’w thalu (hawliad "
        "((claim_number)))",
        "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Mae’n talu "
        "am y cyfan o’r ffi ((fee)) ar gyfer eich gwrth-hawliad ar yr hawliad am arian "
        "((claim_number)), felly nid oes gennych ddim i’w dalu. Byddwn yn delio â’ch "
        "gwrth-hawliad.\n\n" + _CALL_CY,
        [*_HWF_NAMES, "fee"],
    ),
    "civil_claims.counterclaim_hwf_part": _t(
        "Help with Fees: pay ((amount_to_pay)) for your counterclaim (claim ((claim_number)))",
        "We have checked your Help with Fees reference ((hwf_reference)). It covers "
        "((remitted)) of the ((fee)) fee for your counterclaim on the money claim "
        "((claim_number)). Pay the rest, ((amount_to_pay)), by card from the claim’s page "
        "when you sign in, or phone us. We deal with your counterclaim once it is paid.\n\n"
        + _CALL,
        "Help i Dalu Ffioedd: talwch ((amount_to_pay)) am eich gwrth-hawliad (hawliad "
        "((claim_number)))",
        "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Mae’n talu "
        "((remitted)) o’r ffi ((fee)) ar gyfer eich gwrth-hawliad ar yr hawliad am arian "
        "((claim_number)). Talwch y gweddill, ((amount_to_pay)), gyda cherdyn o dudalen yr "
        "hawliad pan fyddwch yn mewngofnodi, neu ffoniwch ni. Byddwn yn delio â’ch "
        "gwrth-hawliad unwaith y bydd wedi’i dalu.\n\n" + _CALL_CY,
        [*_HWF_NAMES, "remitted", "fee", "amount_to_pay"],
    ),
    "civil_claims.counterclaim_hwf_none": _t(
        "Help with Fees: pay the ((fee)) counterclaim fee (claim ((claim_number)))",
        "We have checked your Help with Fees reference ((hwf_reference)). It does not cover "
        "the ((fee)) fee for your counterclaim on the money claim ((claim_number)). Pay the "
        "fee by card from the claim’s page when you sign in, or phone us. We deal with your "
        "counterclaim once it is paid.\n\n" + _CALL,
        "Help i Dalu Ffioedd: talwch y ffi gwrth-hawliad o ((fee)) (hawliad ((claim_number)))",
        "Rydym wedi gwirio eich cyfeirnod Help i Dalu Ffioedd ((hwf_reference)). Nid yw’n "
        "talu am y ffi ((fee)) ar gyfer eich gwrth-hawliad ar yr hawliad am arian "
        "((claim_number)). Talwch y ffi gyda cherdyn o dudalen yr hawliad pan fyddwch yn "
        "mewngofnodi, neu ffoniwch ni. Byddwn yn delio â’ch gwrth-hawliad unwaith y bydd "
        "wedi’i thalu.\n\n" + _CALL_CY,
        [*_HWF_NAMES, "fee"],
    ),
    "civil_claims.counterclaim_hwf_more_info": _t(
        "Help with Fees: we need more information (claim ((claim_number)))",
        "We need more information to decide your Help with Fees reference ((hwf_reference)) "
        "for your counterclaim on the money claim ((claim_number)):\n\n((note))\n\n"
        "Send it to us by post, quoting the claim number, or phone us.\n\n" + _CALL,
        "Help i Dalu Ffioedd: mae arnom angen rhagor o wybodaeth (hawliad ((claim_number)))",
        "Mae arnom angen rhagor o wybodaeth i benderfynu ar eich cyfeirnod Help i Dalu "
        "Ffioedd ((hwf_reference)) ar gyfer eich gwrth-hawliad ar yr hawliad am arian "
        "((claim_number)):\n\n((note))\n\n"
        "Anfonwch hi atom drwy’r post, gan nodi rhif yr hawliad, neu ffoniwch ni.\n\n" + _CALL_CY,
        [*_HWF_NAMES, "note"],
    ),
    "civil_claims.counterclaim_hwf_invalid": _t(
        "Help with Fees: we could not find your reference (claim ((claim_number)))",
        "We could not find the Help with Fees reference ((hwf_reference)) you gave for your "
        "counterclaim on the money claim ((claim_number)). Phone us with the right reference, "
        "or pay the ((fee)) fee by card from the claim’s page when you sign in.\n\n" + _CALL,
        "Help i Dalu Ffioedd: nid oeddem yn gallu dod o hyd i’ch cyfeirnod (hawliad "
        "((claim_number)))",
        "Nid oeddem yn gallu dod o hyd i’r cyfeirnod Help i Dalu Ffioedd ((hwf_reference)) a "
        "roesoch ar gyfer eich gwrth-hawliad ar yr hawliad am arian ((claim_number)). "
        "Ffoniwch ni gyda’r cyfeirnod cywir, neu talwch y ffi ((fee)) gyda cherdyn o dudalen "
        "yr hawliad pan fyddwch yn mewngofnodi.\n\n" + _CALL_CY,
        [*_HWF_NAMES, "fee"],
    ),
    "civil_claims.default_judgment_reminder": _t(
        "Your request for judgment on claim ((claim_number))",
        "You asked for a county court judgment against ((defendant_name)) on "
        "((requested_on)) on the money claim ((claim_number)). The court has not entered it "
        "yet: we are still dealing with your request and will tell you when it is entered.\n\n"
        "If the defendant pays you in full in the meantime, tell us on your claim’s page: "
        "((claim_url))\n\n" + _CALL,
        "Eich cais am ddyfarniad ar hawliad ((claim_number))",
        "Fe wnaethoch ofyn am ddyfarniad llys sirol yn erbyn ((defendant_name)) ar "
        "((requested_on)) ar yr hawliad am arian ((claim_number)). Nid yw’r llys wedi ei "
        "gofnodi eto: rydym yn dal i ddelio â’ch cais a byddwn yn rhoi gwybod i chi pan fydd "
        "wedi’i gofnodi.\n\n"
        "Os bydd y diffynnydd yn eich talu’n llawn yn y cyfamser, rhowch wybod i ni ar "
        "dudalen eich hawliad: ((claim_url))\n\n" + _CALL_CY,
        ["claim_number", "defendant_name", "requested_on", "claim_url", "phone"],
    ),
    "civil_claims.claim_stayed_no_judgment": _t(
        "Claim ((claim_number)) has been paused (stayed)",
        "The defendant did not respond to the money claim ((claim_number)) by "
        "((deadline)), and the claimant did not ask for a judgment within 6 months of that "
        "day. The claim is stayed: nothing more happens on it unless the claimant asks the "
        "court to lift the stay.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi’i atal",
        "Ni wnaeth y diffynnydd ymateb i’r hawliad am arian ((claim_number)) erbyn "
        "((deadline)), ac ni wnaeth yr hawlydd ofyn am ddyfarniad o fewn 6 mis i’r diwrnod "
        "hwnnw. Mae’r hawliad wedi’i atal: ni fydd dim byd arall yn digwydd iddo oni bai bod "
        "yr hawlydd yn gofyn i’r llys godi’r ataliad.\n\n" + _CALL_CY,
        ["claim_number", "deadline", "phone"],
    ),
}
