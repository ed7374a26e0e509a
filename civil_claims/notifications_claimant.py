"""Message templates about what happens after the defendant responds (the claimant's reply,
settlement, judgments, redetermination, mediation, paid in full, the stay for no reply),
to each party by their route, in English and Welsh. Merged into ``notifications.TEMPLATES``."""

_CALL = "If you have questions, phone us on ((phone))."
_CALL_CY = "Os oes gennych gwestiynau, ffoniwch ni ar ((phone))."


def _t(subject, body, cy_subject, cy_body, names):
    return {
        "subject": subject,
        "body": body,
        "cy_subject": cy_subject,
        "cy_body": cy_body,
        "personalisation": names,
    }


TEMPLATES = {
    "civil_claims.ccj_requested_claimant": _t(
        "You have asked for judgment on claim ((claim_number))",
        "You have asked the court for a county court judgment against ((defendant_name)) on "
        "the money claim ((claim_number)).\n\nJudgment total: ((total))\n"
        "To be paid: ((how_to_pay))\n\n"
        "We will tell you when the judgment has been entered. See your claim: ((claim_url))",
        "Rydych wedi gofyn am ddyfarniad ar hawliad ((claim_number))",
        "Rydych wedi gofyn i’r llys am ddyfarniad llys sirol yn erbyn ((defendant_name)) ar yr "
        "hawliad am arian ((claim_number)).\n\nCyfanswm y dyfarniad: ((total))\n"
        "I’w dalu: ((how_to_pay))\n\n"
        "Byddwn yn rhoi gwybod i chi pan fydd y dyfarniad wedi’i gofnodi. Gweld eich "
        "hawliad: ((claim_url))",
        ["claim_number", "defendant_name", "total", "how_to_pay", "claim_url"],
    ),
    "civil_claims.ccj_requested_defendant": _t(
        "A judgment has been asked for against you: claim ((claim_number))",
        "((claimant_name)) has asked the court for a county court judgment against you on the "
        "money claim ((claim_number)).\n\nJudgment total: ((total))\n"
        "To be paid: ((how_to_pay))\n\n"
        "Once the judgment is entered, you must pay the claimant as it says. A judgment not "
        "paid within a month stays on the register of judgments.\n\n" + _CALL,
        "Mae dyfarniad wedi’i geisio yn eich erbyn: hawliad ((claim_number))",
        "Mae ((claimant_name)) wedi gofyn i’r llys am ddyfarniad llys sirol yn eich erbyn ar "
        "yr hawliad am arian ((claim_number)).\n\nCyfanswm y dyfarniad: ((total))\n"
        "I’w dalu: ((how_to_pay))\n\n"
        "Unwaith y bydd y dyfarniad wedi’i gofnodi, rhaid i chi dalu’r hawlydd fel y mae’n "
        "ei ddweud. Mae dyfarniad nad yw’n cael ei dalu o fewn mis yn aros ar y gofrestr "
        "dyfarniadau.\n\n" + _CALL_CY,
        ["claim_number", "claimant_name", "total", "how_to_pay", "phone"],
    ),
    "civil_claims.plan_decided": _t(
        "The court has decided how claim ((claim_number)) is paid",
        "The court has looked at both payment plans and the defendant’s finances for the "
        "money claim ((claim_number)), and has decided how the money is paid.\n\n"
        "Amount: ((total))\nTo be paid: ((how_to_pay))\n\n"
        "A judgment by determination follows. If you disagree with the decision, you can "
        "ask a judge to look at it again (a redetermination) until ((redetermine_by)).\n\n" + _CALL,
        "Mae’r llys wedi penderfynu sut mae hawliad ((claim_number)) yn cael ei dalu",
        "Mae’r llys wedi edrych ar y ddau gynllun talu ac ar sefyllfa ariannol y diffynnydd "
        "ar gyfer yr hawliad am arian ((claim_number)), ac wedi penderfynu sut mae’r arian "
        "yn cael ei dalu.\n\n"
        "Swm: ((total))\nI’w dalu: ((how_to_pay))\n\n"
        "Bydd dyfarniad drwy benderfyniad yn dilyn. Os ydych yn anghytuno â’r penderfyniad, "
        "gallwch ofyn i farnwr edrych arno eto (ailbenderfyniad) tan ((redetermine_by)).\n\n"
        + _CALL_CY,
        ["claim_number", "total", "how_to_pay", "redetermine_by", "phone"],
    ),
    "civil_claims.redetermination_by_claimant": _t(
        "A judge has been asked to look again: claim ((claim_number))",
        "The claimant has asked a judge to look again at the court’s decision on how the "
        "money claim ((claim_number)) is paid (a redetermination). We will send you the "
        "judge’s decision.\n\n" + _CALL,
        "Gofynnwyd i farnwr edrych eto: hawliad ((claim_number))",
        "Mae’r hawlydd wedi gofyn i farnwr edrych eto ar benderfyniad y llys ar sut mae’r "
        "hawliad am arian ((claim_number)) yn cael ei dalu (ailbenderfyniad). Byddwn yn "
        "anfon penderfyniad y barnwr atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.redetermination_by_defendant": _t(
        "A judge has been asked to look again: claim ((claim_number))",
        "The defendant has asked a judge to look again at the court’s decision on how the "
        "money claim ((claim_number)) is paid (a redetermination). We will send you the "
        "judge’s decision.\n\n" + _CALL,
        "Gofynnwyd i farnwr edrych eto: hawliad ((claim_number))",
        "Mae’r diffynnydd wedi gofyn i farnwr edrych eto ar benderfyniad y llys ar sut mae’r "
        "hawliad am arian ((claim_number)) yn cael ei dalu (ailbenderfyniad). Byddwn yn "
        "anfon penderfyniad y barnwr atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.judgment_entered": _t(
        "Judgment entered on claim ((claim_number))",
        "The court has entered a county court judgment on the money claim ((claim_number)).\n\n"
        "Amount: ((total))\nTo be paid: ((how_to_pay))\n\n"
        "The defendant must pay the claimant directly, as the judgment says. If it is paid in "
        "full within a month, the judgment is taken off the register.\n\n" + _CALL,
        "Dyfarniad wedi’i gofnodi ar hawliad ((claim_number))",
        "Mae’r llys wedi cofnodi dyfarniad llys sirol ar yr hawliad am arian "
        "((claim_number)).\n\n"
        "Swm: ((total))\nI’w dalu: ((how_to_pay))\n\n"
        "Rhaid i’r diffynnydd dalu’r hawlydd yn uniongyrchol, fel y mae’r dyfarniad yn ei "
        "ddweud. Os caiff ei dalu’n llawn o fewn mis, caiff y dyfarniad ei dynnu oddi ar y "
        "gofrestr.\n\n" + _CALL_CY,
        ["claim_number", "total", "how_to_pay", "phone"],
    ),
    "civil_claims.settlement_made_defendant": _t(
        "Sign the settlement agreement for claim ((claim_number)) by ((sign_by))",
        "((claimant_name)) has accepted your offer on the money claim ((claim_number)) and "
        "made it a settlement agreement.\n\nAmount: ((amount))\nTo be paid: ((how_to_pay))\n\n"
        "Sign the agreement by ((sign_by)). Once you have both signed, it is binding and no "
        "judgment is made against you if you pay as it says. If you do not sign, the "
        "claimant can ask for a judgment.\n\nSign at ((respond_url))",
        "Llofnodwch y cytundeb setlo ar gyfer hawliad ((claim_number)) erbyn ((sign_by))",
        "Mae ((claimant_name)) wedi derbyn eich cynnig ar yr hawliad am arian ((claim_number)) "
        "ac wedi ei wneud yn gytundeb setlo.\n\nSwm: ((amount))\nI’w dalu: ((how_to_pay))\n\n"
        "Llofnodwch y cytundeb erbyn ((sign_by)). Unwaith y byddwch chi’ch dau wedi ei "
        "lofnodi, mae’n rhwymol ac ni fydd dyfarniad yn cael ei wneud yn eich erbyn os "
        "byddwch yn talu fel y mae’n ei ddweud. Os na fyddwch yn llofnodi, gall yr hawlydd "
        "ofyn am ddyfarniad.\n\nLlofnodwch yn ((respond_url))",
        ["claim_number", "claimant_name", "amount", "how_to_pay", "sign_by", "respond_url"],
    ),
    "civil_claims.settlement_made_claimant": _t(
        "Settlement agreement sent to ((defendant_name)): claim ((claim_number))",
        "You have accepted the offer from ((defendant_name)) on the money claim "
        "((claim_number)) and signed a settlement agreement.\n\n"
        "Amount: ((amount))\nTo be paid: ((how_to_pay))\n\n"
        "They have until ((sign_by)) to sign it. If they do not, you can ask for a judgment. "
        "See your claim: ((claim_url))",
        "Cytundeb setlo wedi’i anfon at ((defendant_name)): hawliad ((claim_number))",
        "Rydych wedi derbyn y cynnig gan ((defendant_name)) ar yr hawliad am arian "
        "((claim_number)) ac wedi llofnodi cytundeb setlo.\n\n"
        "Swm: ((amount))\nI’w dalu: ((how_to_pay))\n\n"
        "Mae ganddynt tan ((sign_by)) i’w lofnodi. Os na fyddant, gallwch ofyn am "
        "ddyfarniad. Gweld eich hawliad: ((claim_url))",
        ["claim_number", "defendant_name", "amount", "how_to_pay", "sign_by", "claim_url"],
    ),
    "civil_claims.settlement_signed": _t(
        "Settlement agreement signed: claim ((claim_number))",
        "Both sides have signed the settlement agreement for the money claim ((claim_number)). "
        "It is now binding.\n\nTo be paid: ((how_to_pay))\n\n"
        "If the money is not paid as agreed, the claimant can ask for a judgment.\n\n" + _CALL,
        "Cytundeb setlo wedi’i lofnodi: hawliad ((claim_number))",
        "Mae’r ddwy ochr wedi llofnodi’r cytundeb setlo ar gyfer yr hawliad am arian "
        "((claim_number)). Mae bellach yn rhwymol.\n\nI’w dalu: ((how_to_pay))\n\n"
        "Os na fydd yr arian yn cael ei dalu fel y cytunwyd, gall yr hawlydd ofyn am "
        "ddyfarniad.\n\n" + _CALL_CY,
        ["claim_number", "how_to_pay", "phone"],
    ),
    "civil_claims.settlement_declined_claimant": _t(
        "((defendant_name)) will not sign the settlement agreement: claim ((claim_number))",
        "((defendant_name)) has said they will not sign the settlement agreement for the "
        "money claim ((claim_number)). You can now ask for a judgment.\n\n"
        "See your claim: ((claim_url))",
        "Ni fydd ((defendant_name)) yn llofnodi’r cytundeb setlo: hawliad ((claim_number))",
        "Mae ((defendant_name)) wedi dweud na fyddant yn llofnodi’r cytundeb setlo ar gyfer "
        "yr hawliad am arian ((claim_number)). Gallwch nawr ofyn am ddyfarniad.\n\n"
        "Gweld eich hawliad: ((claim_url))",
        ["claim_number", "defendant_name", "claim_url"],
    ),
    "civil_claims.referred_to_judge": _t(
        "A judge will decide what happens next: claim ((claim_number))",
        "The money claim ((claim_number)) has been passed to a judge, who will decide what "
        "happens next. We will send you their directions.\n\n" + _CALL,
        "Bydd barnwr yn penderfynu beth sy’n digwydd nesaf: hawliad ((claim_number))",
        "Mae’r hawliad am arian ((claim_number)) wedi’i anfon at farnwr, a fydd yn penderfynu "
        "beth sy’n digwydd nesaf. Byddwn yn anfon eu cyfarwyddiadau atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.plan_rejected_defendant": _t(
        "The claimant has rejected your payment plan: claim ((claim_number))",
        "((claimant_name)) accepts the amount you admitted on the money claim "
        "((claim_number)) but not how you offered to pay. They have asked for: "
        "((claimant_plan)).\n\n"
        "The court will decide how you pay, using the information you gave about your "
        "finances. We will send you the decision.\n\n" + _CALL,
        "Mae’r hawlydd wedi gwrthod eich cynllun talu: hawliad ((claim_number))",
        "Mae ((claimant_name)) yn derbyn y swm a gyfaddefwyd gennych ar yr hawliad am arian "
        "((claim_number)) ond nid sut y gwnaethoch gynnig talu. Maen nhw wedi gofyn am: "
        "((claimant_plan)).\n\n"
        "Bydd y llys yn penderfynu sut rydych yn talu, gan ddefnyddio’r wybodaeth a roesoch "
        "am eich sefyllfa ariannol. Byddwn yn anfon y penderfyniad atoch.\n\n" + _CALL_CY,
        ["claim_number", "claimant_name", "claimant_plan", "phone"],
    ),
    "civil_claims.plan_rejected_claimant": _t(
        "The court will decide how claim ((claim_number)) is paid",
        "You have rejected the defendant’s payment plan on the money claim ((claim_number)) "
        "and proposed your own. The court will decide how the defendant pays, from what they "
        "told us about their finances. We will send you the decision.\n\n"
        "See your claim: ((claim_url))",
        "Bydd y llys yn penderfynu sut mae hawliad ((claim_number)) yn cael ei dalu",
        "Rydych wedi gwrthod cynllun talu’r diffynnydd ar yr hawliad am arian "
        "((claim_number)) ac wedi cynnig eich cynllun eich hun. Bydd y llys yn penderfynu sut "
        "mae’r diffynnydd yn talu, o’r hyn a ddywedasant wrthym am eu sefyllfa ariannol. "
        "Byddwn yn anfon y penderfyniad atoch.\n\nGweld eich hawliad: ((claim_url))",
        ["claim_number", "claim_url"],
    ),
    "civil_claims.plan_rejected_offline": _t(
        "Claim ((claim_number)) continues by post",
        "The claimant has rejected the payment plan offered on the money claim "
        "((claim_number)). Because the defendant is a company or organisation, the court "
        "decides how it is paid on paper. The claim now continues by post: the court will "
        "write to you both about what happens next.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) yn parhau drwy’r post",
        "Mae’r hawlydd wedi gwrthod y cynllun talu a gynigiwyd ar yr hawliad am arian "
        "((claim_number)). Gan fod y diffynnydd yn gwmni neu’n sefydliad, mae’r llys yn "
        "penderfynu sut y caiff ei dalu ar bapur. Mae’r hawliad bellach yn parhau drwy’r "
        "post: bydd y llys yn ysgrifennu atoch eich dau am beth sy’n digwydd nesaf.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.mediation_referred": _t(
        "Claim ((claim_number)) has been referred to free mediation",
        "You both agreed to try free mediation on the money claim ((claim_number)). The Small "
        "Claims Mediation Service will contact you to arrange a call with a mediator.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi’i gyfeirio at gyfryngu am ddim",
        "Fe wnaethoch eich dau gytuno i roi cynnig ar gyfryngu am ddim ar yr hawliad am arian "
        "((claim_number)). Bydd y Gwasanaeth Cyfryngu Hawliadau Bychain yn cysylltu â chi i "
        "drefnu galwad gyda chyfryngwr.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.claimant_proceeds_defendant": _t(
        "The claimant is going ahead with claim ((claim_number))",
        "((claimant_name)) has decided to go ahead with the money claim ((claim_number)). A "
        "judge will decide what happens next. We will send you their directions.\n\n" + _CALL,
        "Mae’r hawlydd yn bwrw ymlaen â hawliad ((claim_number))",
        "Mae ((claimant_name)) wedi penderfynu bwrw ymlaen â’r hawliad am arian "
        "((claim_number)). Bydd barnwr yn penderfynu beth sy’n digwydd nesaf. Byddwn yn anfon "
        "eu cyfarwyddiadau atoch.\n\n" + _CALL_CY,
        ["claim_number", "claimant_name", "phone"],
    ),
    "civil_claims.claim_settled": _t(
        "Claim ((claim_number)) is settled",
        "The claimant agrees that the money claim ((claim_number)) has been paid. The claim is "
        "settled and nothing more happens on it.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi’i setlo",
        "Mae’r hawlydd yn cytuno bod yr hawliad am arian ((claim_number)) wedi’i dalu. Mae’r "
        "hawliad wedi’i setlo ac ni fydd dim byd arall yn digwydd iddo.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.claim_not_proceeding": _t(
        "Claim ((claim_number)) has ended",
        "The claimant has decided not to go ahead with the money claim ((claim_number)). The "
        "claim is closed and nothing more happens on it.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi dod i ben",
        "Mae’r hawlydd wedi penderfynu peidio â bwrw ymlaen â’r hawliad am arian "
        "((claim_number)). Mae’r hawliad wedi’i gau ac ni fydd dim byd arall yn digwydd "
        "iddo.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.paid_in_full_defendant": _t(
        "Claim ((claim_number)) has been paid in full",
        "((claimant_name)) has told us they were paid in full on ((received_on)) for the money "
        "claim ((claim_number)). The claim is settled. If there was a judgment, the register "
        "is updated to show it was paid.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi’i dalu’n llawn",
        "Mae ((claimant_name)) wedi dweud wrthym eu bod wedi cael eu talu’n llawn ar "
        "((received_on)) ar gyfer yr hawliad am arian ((claim_number)). Mae’r hawliad wedi’i "
        "setlo. Os oedd dyfarniad, caiff y gofrestr ei diweddaru i ddangos ei fod wedi’i "
        "dalu.\n\n" + _CALL_CY,
        ["claim_number", "claimant_name", "received_on", "phone"],
    ),
    "civil_claims.mediation_succeeded": _t(
        "Mediation settled claim ((claim_number))",
        "The mediation on the money claim ((claim_number)) reached an agreement. The claim is "
        "settled: do what you agreed.\n\n" + _CALL,
        "Mae cyfryngu wedi setlo hawliad ((claim_number))",
        "Daeth y cyfryngu ar yr hawliad am arian ((claim_number)) i gytundeb. Mae’r hawliad "
        "wedi’i setlo: gwnewch yr hyn a gytunwyd.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.mediation_failed": _t(
        "Mediation did not settle claim ((claim_number))",
        "The mediation on the money claim ((claim_number)) did not reach an agreement. A judge "
        "will now decide what happens next. We will send you their directions.\n\n" + _CALL,
        "Ni wnaeth cyfryngu setlo hawliad ((claim_number))",
        "Ni ddaeth y cyfryngu ar yr hawliad am arian ((claim_number)) i gytundeb. Bydd barnwr "
        "nawr yn penderfynu beth sy’n digwydd nesaf. Byddwn yn anfon eu cyfarwyddiadau "
        "atoch.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
    "civil_claims.staff_claim_event": {
        **_t(
            "Money claim ((claim_number)): ((event))",
            "((event)) on the money claim ((claim_number)).\n\n"
            "See the claim, its response, reply and judgment on its case page (staff "
            "sign-in): ((case_url))",
            "Hawliad am arian ((claim_number)): ((event))",
            "((event)) ar yr hawliad am arian ((claim_number)).\n\n"
            "Gweld yr hawliad, ei ymateb, ei ateb a’i ddyfarniad ar ei dudalen achos "
            "(mewngofnodi staff): ((case_url))",
            ["claim_number", "event", "case_url"],
        ),
        "channels": ["email"],
    },
    "civil_claims.claim_stayed_no_reply": _t(
        "Claim ((claim_number)) has been paused (stayed)",
        "The claimant did not tell the court whether they want to go ahead with the money "
        "claim ((claim_number)) within 33 days of the defendant’s response. The claim is "
        "stayed: nothing more happens on it unless the claimant asks the court to lift the "
        "stay.\n\n" + _CALL,
        "Mae hawliad ((claim_number)) wedi’i atal",
        "Ni ddywedodd yr hawlydd wrth y llys a ydynt am fwrw ymlaen â’r hawliad am arian "
        "((claim_number)) o fewn 33 diwrnod i ymateb y diffynnydd. Mae’r hawliad wedi’i atal: "
        "ni fydd dim byd arall yn digwydd iddo oni bai bod yr hawlydd yn gofyn i’r llys godi’r "
        "ataliad.\n\n" + _CALL_CY,
        ["claim_number", "phone"],
    ),
}
