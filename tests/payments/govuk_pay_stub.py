"""A local stand-in for GOV.UK Pay's public API, answering as the documentation says.

Runs a threaded ``http.server`` on 127.0.0.1 on a free port. Tests can change a
payment's state (as if the user paid on Pay's pages), queue error answers
(500, 429, 401, 409...) and make the next request hang past the client timeout.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API_KEY = "api_test_stub-key"


@dataclass
class StubPayment:
    payment_id: str
    body: dict
    status: str = "created"
    code: str = ""
    card_brand: str = ""
    last4: str = ""
    refunds: list = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.status in ("success", "failed", "cancelled", "error")


class GovukPayStub:
    def __init__(self):
        self.payments: dict[str, StubPayment] = {}
        self.idempotency: dict[str, tuple[dict, str]] = {}
        self.requests: list[dict] = []
        self.queued_errors: list[tuple[int, dict]] = []
        self.sleep_next = 0.0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # What tests use to drive the stub.

    def fail_next(self, status: int, code: str = "", description: str = "") -> None:
        self.queued_errors.append((status, {"code": code, "description": description}))

    def set_state(self, payment_id, status, code="", card_brand="Visa", last4="1111"):
        payment = self.payments[payment_id]
        payment.status, payment.code = status, code
        if status in ("submitted", "success"):
            payment.card_brand, payment.last4 = card_brand, last4

    def requests_to(self, method: str, path_pattern: str) -> list[dict]:
        return [
            r
            for r in self.requests
            if r["method"] == method and re.fullmatch(path_pattern, r["path"])
        ]

    # The API.

    def _payment_json(self, payment: StubPayment) -> dict:
        state = {"status": payment.status, "finished": payment.finished}
        if payment.code:
            state["code"] = payment.code
            state["message"] = "Payment failed"
        refunded = sum(r["amount"] for r in payment.refunds if r["status"] != "error")
        base = f"{self.url}/v1/payments/{payment.payment_id}"
        links = {"self": {"href": base, "method": "GET"}}
        if not payment.finished:
            links["next_url"] = {
                "href": f"{self.url}/secure/{secrets.token_hex(8)}",
                "method": "GET",
            }
            links["cancel"] = {"href": f"{base}/cancel", "method": "POST"}
        result = {
            "payment_id": payment.payment_id,
            "amount": payment.body["amount"],
            "reference": payment.body["reference"],
            "description": payment.body["description"],
            "return_url": payment.body["return_url"],
            "language": payment.body.get("language", "en"),
            "state": state,
            "payment_provider": "sandbox",
            "created_date": "2026-11-26T10:00:00.000Z",
            "refund_summary": {
                "status": "available" if payment.status == "success" else "pending",
                "amount_available": payment.body["amount"] - refunded
                if payment.status == "success"
                else 0,
                "amount_submitted": refunded,
            },
            "_links": links,
        }
        if payment.last4:
            result["card_details"] = {
                "last_digits_card_number": payment.last4,
                "first_digits_card_number": "444433",
                "cardholder_name": "Sam Smith",
                "expiry_date": "12/30",
                "card_brand": payment.card_brand,
                "card_type": "debit",
            }
        return result

    def handle(self, method: str, path: str, headers, body: bytes) -> tuple[int, dict | None]:
        with self.lock:
            self.requests.append(
                {"method": method, "path": path, "headers": dict(headers), "body": body}
            )
            sleep, self.sleep_next = self.sleep_next, 0.0
            queued = self.queued_errors.pop(0) if self.queued_errors else None
        if sleep:
            time.sleep(sleep)  # the answer (and any change) comes too late for the client
        if queued:
            return queued
        if headers.get("Authorization") != f"Bearer {API_KEY}":
            return 401, {"code": "P0920", "description": "Credentials are required"}
        data = json.loads(body) if body else {}
        with self.lock:
            return self._route(method, path, headers, data)

    def _route(self, method, path, headers, data):
        if method == "POST" and path == "/v1/payments":
            return self._create(headers, data)
        match = re.fullmatch(r"/v1/payments/(\w+)(/cancel|/refunds(?:/(\w+))?)?", path)
        if not match or match.group(1) not in self.payments:
            return 404, {"code": "P0200", "description": "Not found"}
        payment = self.payments[match.group(1)]
        action = match.group(2) or ""
        if method == "GET" and action == "":
            return 200, self._payment_json(payment)
        if method == "POST" and action == "/cancel":
            if payment.finished:
                return 400, {"code": "P0502", "description": "Cancellation of payment failed"}
            payment.status, payment.code = "cancelled", "P0040"
            return 204, None
        if method == "POST" and action == "/refunds":
            return self._refund_create(payment, data)
        if method == "GET" and match.group(3):
            for refund in payment.refunds:
                if refund["refund_id"] == match.group(3):
                    return 200, refund
            return 404, {"code": "P0800", "description": "Not found"}
        return 404, {"code": "P0200", "description": "Not found"}

    def _create(self, headers, data):
        for name in ("amount", "reference", "description", "return_url"):
            if name not in data:
                return 400, {"code": "P0101", "field": name, "description": f"Missing: {name}"}
        if not isinstance(data["amount"], int) or not 1 <= data["amount"] <= 10_000_000:
            return 422, {"code": "P0102", "field": "amount", "description": "Invalid: amount"}
        key = headers.get("Idempotency-Key")
        if key and key in self.idempotency:
            original_body, payment_id = self.idempotency[key]
            if original_body != data:
                return 409, {"code": "P0191", "description": "Idempotency key reused"}
            return 200, self._payment_json(self.payments[payment_id])
        payment = StubPayment(payment_id=secrets.token_hex(13), body=data)
        self.payments[payment.payment_id] = payment
        if key:
            self.idempotency[key] = (data, payment.payment_id)
        return 201, self._payment_json(payment)

    def _refund_create(self, payment, data):
        if payment.status != "success":
            return 412, {"code": "P0603", "description": "Refund not available"}
        refunded = sum(r["amount"] for r in payment.refunds if r["status"] != "error")
        available = payment.body["amount"] - refunded
        if data.get("refund_amount_available") != available:
            return 412, {"code": "P0604", "description": "Refund amount available mismatch"}
        if not 1 <= data.get("amount", 0) <= available:
            return 412, {"code": "P0603", "description": "Refund not available"}
        refund = {
            "refund_id": secrets.token_hex(13),
            "amount": data["amount"],
            "status": "submitted",
            "created_date": "2026-11-26T10:00:00.000Z",
        }
        payment.refunds.append(refund)
        return 202, refund

    def _handler_class(stub):  # noqa: N805 - the handler closes over the stub
        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = stub.handle(self.command, self.path, self.headers, body)
                data = b"" if payload is None else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            do_GET = do_POST = _serve

            def log_message(self, format, *args):
                pass

        return Handler
