"""This app's own templates (see registry.py for the format)."""

TEMPLATES = {
    "notifications.test_message": {
        "subject": "Test message from ((service_name))",
        "body": (
            "This is a test message from ((service_name)).\n\n"
            "It was sent to check that messages are delivered. You do not need to do anything."
        ),
        "cy_subject": "Neges brawf gan ((service_name))",
        "cy_body": (
            "Neges brawf yw hon gan ((service_name)).\n\n"
            "Cafodd ei hanfon i wirio bod negeseuon yn cyrraedd. Nid oes angen i chi wneud dim."
        ),
        "personalisation": ["service_name"],
    },
}
