"""A local stand-in for GOV.UK Pay's public API, answering as the documentation says.

Runs a threaded ``http.server`` on 127.0.0.1 on a free port. Tests can change a
payment's state (as if the user paid on Pay's pages), refund as Pay's admin tool
would, queue error answers (500, 429, 401, 409...) and make the next request hang
past the client timeout.

As Pay does: an Idempotency-Key is ignored (Pay honours it for recurring payments
only), so every create makes a new payment; search by reference is exact and not
case sensitive; errors carry Pay's status and code (cancel of a finished payment
409 P0502, a refund Pay cannot make 400 P0603, a stale refund_amount_available 412
P0604, an unknown refund 404 P0700); a request labelled JSON with an empty body is
blocked (400 P0920); amounts outside 30p to the account's limit are refused (P0102).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

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
    def __init__(self, max_amount: int = 10_000_000):
        self.payments: dict[str, StubPayment] = {}
        self.max_amount = max_amount  # the account's payment provider's limit
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

    def fail_next(
        self, status: int, code: str = "", description: str = "", *, method="", path=""
    ) -> None:
        """Answer the next request (or the next ``method`` to ``path``, a regex) with an error."""
        body = {"code": code, "description": description}
        self.queued_errors.append((status, body, method, path))

    def set_state(self, payment_id, status, code="", card_brand="Visa", last4="1111"):
        payment = self.payments[payment_id]
        payment.status, payment.code = status, code
        if status in ("submitted", "success"):
            payment.card_brand, payment.last4 = card_brand, last4

    def refund_outside(self, payment_id: str, amount: int, status: str = "success") -> dict:
        """A refund made in Pay's admin tool (or one whose answer we never got)."""
        refund = {
            "refund_id": secrets.token_hex(13),
            "amount": amount,
            "status": status,
            "created_date": "2026-11-26T11:00:00.000Z",
        }
        self.payments[payment_id].refunds.append(refund)
        return refund

    def requests_to(self, method: str, path_pattern: str) -> list[dict]:
        return [
            r
            for r in self.requests
            if r["method"] == method and re.fullmatch(path_pattern, r["path"])
        ]

    # The API.

    def _payment_json(self, payment: StubPayment, for_search: bool = False) -> dict:
        state = {"status": payment.status, "finished": payment.finished}
        if payment.code:
            state["code"] = payment.code
            state["message"] = "Payment failed"
        refunded = sum(r["amount"] for r in payment.refunds if r["status"] != "error")
        base = f"{self.url}/v1/payments/{payment.payment_id}"
        links = {"self": {"href": base, "method": "GET"}}
        if not payment.finished and not for_search:  # search results have no next_url
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
            queued = None
            for index, (status, error, want_method, want_path) in enumerate(self.queued_errors):
                if (not want_method or want_method == method) and (
                    not want_path or re.fullmatch(want_path, path)
                ):
                    queued = (status, error)
                    del self.queued_errors[index]
                    break
        if sleep:
            time.sleep(sleep)  # the answer (and any change) comes too late for the client
        if queued:
            return queued
        if headers.get("Authorization") != f"Bearer {API_KEY}":
            return 401, {"code": "P0920", "description": "Credentials are required"}
        if "json" in (headers.get("Content-Type") or "") and not body:
            return 400, {"code": "P0920", "description": "Request blocked by security rules."}
        data = json.loads(body) if body else {}
        with self.lock:
            return self._route(method, path, headers, data)

    def _route(self, method, path, headers, data):
        path, _, query = path.partition("?")
        if method == "POST" and path == "/v1/payments":
            return self._create(headers, data)
        if method == "GET" and path == "/v1/payments":
            return self._search(parse_qs(query))
        match = re.fullmatch(r"/v1/payments/(\w+)(/cancel|/refunds(?:/(\w+))?)?", path)
        action = (match.group(2) or "") if match else ""
        if not match or match.group(1) not in self.payments:
            code = {"/cancel": "P0500", "/refunds": "P0600" if method == "POST" else "P0800"}
            code = "P0700" if match and match.group(3) else code.get(action, "P0200")
            return 404, {"code": code, "description": "Not found"}
        payment = self.payments[match.group(1)]
        if method == "GET" and action == "":
            return 200, self._payment_json(payment)
        if method == "POST" and action == "/cancel":
            if payment.finished:
                return 409, {"code": "P0502", "description": "Cancellation of payment failed"}
            payment.status, payment.code = "cancelled", "P0040"
            return 204, None
        if method == "POST" and action == "/refunds":
            return self._refund_create(payment, data)
        if method == "GET" and action == "/refunds":
            return 200, {
                "payment_id": payment.payment_id,
                "_embedded": {"refunds": list(payment.refunds)},
            }
        if method == "GET" and match.group(3):
            for refund in payment.refunds:
                if refund["refund_id"] == match.group(3):
                    return 200, refund
            return 404, {"code": "P0700", "description": "Not found"}
        return 404, {"code": "P0200", "description": "Not found"}

    def _search(self, query):
        reference = (query.get("reference") or [""])[0].lower()
        results = [
            self._payment_json(payment, for_search=True)
            for payment in self.payments.values()
            if not reference or payment.body["reference"].lower() == reference
        ]
        return 200, {"total": len(results), "count": len(results), "page": 1, "results": results}

    def _create(self, headers, data):
        for name in ("amount", "reference", "description", "return_url"):
            if name not in data:
                return 400, {"code": "P0101", "field": name, "description": f"Missing: {name}"}
        amount = data["amount"]
        if not isinstance(amount, int) or not 30 <= amount <= self.max_amount:
            return 422, {"code": "P0102", "field": "amount", "description": "Invalid: amount"}
        if data.get("language", "en") not in ("en", "cy"):
            return 422, {"code": "P0102", "field": "language", "description": "Invalid"}
        # The Idempotency-Key header is ignored, as Pay ignores it for these payments.
        payment = StubPayment(payment_id=secrets.token_hex(13), body=data)
        self.payments[payment.payment_id] = payment
        return 201, self._payment_json(payment)

    def _refund_create(self, payment, data):
        unavailable = {"code": "P0603", "description": "The payment is not available for refund."}
        if payment.status != "success":
            return 400, unavailable
        refunded = sum(r["amount"] for r in payment.refunds if r["status"] != "error")
        available = payment.body["amount"] - refunded
        if data.get("refund_amount_available") != available:
            return 412, {"code": "P0604", "description": "Refund amount available mismatch."}
        if not 1 <= data.get("amount", 0) <= available:
            return 400, unavailable
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
