"""The example service's confirmation email (see digital_services/notifications/registry.py)."""

TEMPLATES = {
    "fault_example.application_received": {
        "subject": "Application received: ((reference))",
        "body": "Dear ((full_name)),\n\nWe have your application. Your reference is ((reference)).",
        "cy_subject": "Cais wedi dod i law: ((reference))",
        "cy_body": "Annwyl ((full_name)),\n\nMae eich cais gyda ni. Eich cyfeirnod yw ((reference)).",
        "personalisation": ["full_name", "reference"],
        "channels": ["email"],
    },
}
