"""Message templates of Pay tribunal fees, in English and Welsh, loaded by the notifications app."""

TEMPLATES = {
    "tribunal_fees.fee_receipt": {
        "subject": "Receipt for your tribunal fee: ((reference))",
        "body": (
            "We have received your payment.\n\n"
            "Reference: ((reference))\n"
            "What it is for: ((description))\n"
            "Fee: ((fee))\n"
            "Help with Fees: ((remission))\n"
            "Amount paid: ((amount_paid))\n"
            "Date paid: ((paid_on))\n\n"
            "You can view and print your receipt, or download it as a PDF:\n((receipt_url))\n\n"
            "Keep your reference: you will need it if you contact the tribunal about this fee."
        ),
        "cy_subject": "Derbynneb ar gyfer eich ffi tribiwnlys: ((reference))",
        "cy_body": (
            "Rydym wedi cael eich taliad.\n\n"
            "Cyfeirnod: ((reference))\n"
            "Beth yw’r taliad: ((description))\n"
            "Ffi: ((fee))\n"
            "Help i Dalu Ffioedd: ((remission))\n"
            "Swm a dalwyd: ((amount_paid))\n"
            "Dyddiad talu: ((paid_on))\n\n"
            "Gallwch weld ac argraffu eich derbynneb, neu ei lawrlwytho fel PDF:\n((receipt_url))\n\n"
            "Cadwch eich cyfeirnod: bydd arnoch ei angen os byddwch yn cysylltu â’r tribiwnlys "
            "am y ffi hon."
        ),
        "personalisation": [
            "reference",
            "description",
            "fee",
            "remission",
            "amount_paid",
            "paid_on",
            "receipt_url",
        ],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.payment_uncertain": {
        "subject": "We are checking your tribunal fee payment: ((reference))",
        "body": (
            "We could not confirm your payment for ((description)) (reference ((reference))).\n\n"
            "Do not pay again yet. We are checking with the payment provider. If money was taken, "
            "your fee will show as paid. If it was not, you can pay again.\n\n"
            "We will contact you within 5 working days. You can check the status of your fee here:\n"
            "((case_url))"
        ),
        "cy_subject": "Rydym yn gwirio eich taliad ffi tribiwnlys: ((reference))",
        "cy_body": (
            "Ni allem gadarnhau eich taliad ar gyfer ((description)) (cyfeirnod ((reference))).\n\n"
            "Peidiwch â thalu eto am y tro. Rydym yn gwirio gyda’r darparwr taliadau. Os cymerwyd "
            "arian, bydd eich ffi yn dangos fel un wedi’i thalu. Os na chymerwyd arian, gallwch "
            "dalu eto.\n\n"
            "Byddwn yn cysylltu â chi o fewn 5 diwrnod gwaith. Gallwch wirio statws eich ffi yma:\n"
            "((case_url))"
        ),
        "personalisation": ["reference", "description", "case_url"],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.hwf_submitted": {
        "subject": "Help with Fees application received: ((hwf_reference))",
        "body": (
            "We have received your application for Help with Fees.\n\n"
            "Help with Fees reference: ((hwf_reference))\n"
            "Fee reference: ((fee_reference))\n"
            "Fee: ((description))\n\n"
            "((while_we_decide)) We may ask you for evidence of your income or savings.\n\n"
            "Check the progress of your application:\n((case_url))"
        ),
        "cy_subject": "Cais am Help i Dalu Ffioedd wedi dod i law: ((hwf_reference))",
        "cy_body": (
            "Rydym wedi cael eich cais am Help i Dalu Ffioedd.\n\n"
            "Cyfeirnod Help i Dalu Ffioedd: ((hwf_reference))\n"
            "Cyfeirnod y ffi: ((fee_reference))\n"
            "Ffi: ((description))\n\n"
            "((while_we_decide)) Efallai y byddwn yn gofyn am "
            "dystiolaeth o’ch incwm neu’ch cynilion.\n\n"
            "Gwiriwch sut mae eich cais yn dod yn ei flaen:\n((case_url))"
        ),
        "personalisation": [
            "hwf_reference",
            "fee_reference",
            "description",
            "while_we_decide",
            "case_url",
        ],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.hwf_evidence_requested": {
        "subject": "Send evidence for your Help with Fees application: ((hwf_reference))",
        "body": (
            "We need evidence to decide your Help with Fees application ((hwf_reference)).\n\n"
            "What to send:\n((evidence))\n\n"
            "Send it by ((expires_on)), quoting your reference. If we do not receive it by then, "
            "you will have to pay the full fee.\n\n"
            "((case_url))"
        ),
        "cy_subject": "Anfonwch dystiolaeth ar gyfer eich cais am Help i Dalu Ffioedd: ((hwf_reference))",
        "cy_body": (
            "Mae arnom angen tystiolaeth i benderfynu ar eich cais am Help i Dalu Ffioedd "
            "((hwf_reference)).\n\n"
            "Beth i’w anfon:\n((evidence))\n\n"
            "Anfonwch hi erbyn ((expires_on)), gan ddyfynnu eich cyfeirnod. Os na fyddwn yn ei "
            "chael erbyn hynny, bydd rhaid i chi dalu’r ffi lawn.\n\n"
            "((case_url))"
        ),
        "personalisation": ["hwf_reference", "evidence", "expires_on", "case_url"],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.hwf_decided": {
        "subject": "Help with Fees decision: ((hwf_reference))",
        "body": (
            "We have decided your Help with Fees application ((hwf_reference)).\n\n"
            "Decision: ((outcome))\n"
            "You still need to pay: ((amount_to_pay))\n\n"
            "((next_step))\n((case_url))"
        ),
        "cy_subject": "Penderfyniad Help i Dalu Ffioedd: ((hwf_reference))",
        "cy_body": (
            "Rydym wedi penderfynu ar eich cais am Help i Dalu Ffioedd ((hwf_reference)).\n\n"
            "Penderfyniad: ((outcome))\n"
            "Mae angen i chi dalu o hyd: ((amount_to_pay))\n\n"
            "((next_step))\n((case_url))"
        ),
        "personalisation": ["hwf_reference", "outcome", "amount_to_pay", "next_step", "case_url"],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.refund_submitted": {
        "subject": "Tribunal fee refund application received: ((reference))",
        "body": (
            "Dear ((name)),\n\n"
            "We have received your application for a refund of employment tribunal fees. "
            "Your reference is ((reference)).\n\n"
            "Checks may take up to 15 working days. We will tell you when we have made the refund, "
            "or if we need more information."
        ),
        "cy_subject": "Cais am ad-daliad ffi tribiwnlys wedi dod i law: ((reference))",
        "cy_body": (
            "Annwyl ((name)),\n\n"
            "Rydym wedi cael eich cais am ad-daliad o ffioedd tribiwnlys cyflogaeth. "
            "Eich cyfeirnod yw ((reference)).\n\n"
            "Gall y gwiriadau gymryd hyd at 15 diwrnod gwaith. Byddwn yn rhoi gwybod i chi pan "
            "fyddwn wedi gwneud yr ad-daliad, neu os bydd angen mwy o wybodaeth arnom."
        ),
        "personalisation": ["reference", "name"],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.refund_issued": {
        "subject": "Your tribunal fee refund has been sent: ((reference))",
        "body": (
            "We have sent your refund ((reference)).\n\n"
            "Fees: ((fees))\n"
            "Interest: ((interest))\n"
            "Total: ((total))\n\n"
            "It may take up to 5 working days to reach your account."
        ),
        "cy_subject": "Mae eich ad-daliad ffi tribiwnlys wedi’i anfon: ((reference))",
        "cy_body": (
            "Rydym wedi anfon eich ad-daliad ((reference)).\n\n"
            "Ffioedd: ((fees))\n"
            "Llog: ((interest))\n"
            "Cyfanswm: ((total))\n\n"
            "Gall gymryd hyd at 5 diwrnod gwaith i gyrraedd eich cyfrif."
        ),
        "personalisation": ["reference", "fees", "interest", "total"],
        "channels": ["email", "sms", "letter"],
    },
    "tribunal_fees.refund_rejected": {
        "subject": "Your tribunal fee refund application: ((reference))",
        "body": (
            "We cannot make a refund on your application ((reference)).\n\n"
            "Why: ((reason))\n\n"
            "If you think this is wrong, contact us with your reference and any evidence."
        ),
        "cy_subject": "Eich cais am ad-daliad ffi tribiwnlys: ((reference))",
        "cy_body": (
            "Ni allwn wneud ad-daliad ar eich cais ((reference)).\n\n"
            "Pam: ((reason))\n\n"
            "Os ydych yn credu bod hyn yn anghywir, cysylltwch â ni gyda’ch cyfeirnod ac "
            "unrhyw dystiolaeth."
        ),
        "personalisation": ["reference", "reason"],
        "channels": ["email", "sms", "letter"],
    },
}
