"""An HTTP client for GOV.UK Pay's public API (docs.payments.service.gov.uk/api_reference)."""

from __future__ import annotations

import logging

import requests

from .constants import PROVIDER_GOVUK_PAY
from .providers import ProviderError, ProviderPayment, ProviderRefund, TransientProviderError

logger = logging.getLogger(__name__)


class GovukPayProvider:
    """Calls ``/v1/payments`` with the service's Bearer API key.

    429, 5xx, timeouts and connection failures raise ``TransientProviderError``;
    any other 4xx raises ``ProviderError`` carrying Pay's error code. Request
    bodies never hold card data (Pay's hosted pages take the card), and we log
    only ids and codes. A request without a body (cancel, every GET) is sent
    with no body and no Content-Type: an empty body labelled JSON is not JSON.
    """

    name = PROVIDER_GOVUK_PAY

    def __init__(self, *, api_url: str, api_key: str, timeout: float = 10.0):
        if not api_key:
            raise ValueError("GOVUK_PAY_API_KEY is not set")
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"Bearer {api_key}",
                "Accept": "application/json",
            }
        )

    def _request(self, method: str, path: str, *, json=None, params=None) -> requests.Response:
        url = f"{self.api_url}{path}"
        try:
            # ``json=`` adds Content-Type: application/json; without it there is neither.
            response = self.session.request(
                method, url, json=json, params=params, timeout=self.timeout
            )
        except requests.Timeout as exc:
            logger.warning("GOV.UK Pay timed out: %s %s", method, path)
            raise TransientProviderError(f"GOV.UK Pay timed out on {method} {path}") from exc
        except requests.RequestException as exc:
            logger.warning("GOV.UK Pay unreachable: %s %s (%s)", method, path, type(exc).__name__)
            raise TransientProviderError(f"GOV.UK Pay unreachable on {method} {path}") from exc
        if response.status_code == 429 or response.status_code >= 500:
            logger.warning("GOV.UK Pay answered %s: %s %s", response.status_code, method, path)
            raise TransientProviderError(
                f"GOV.UK Pay answered {response.status_code} on {method} {path}"
            )
        if response.status_code >= 400:
            code, description = "", ""
            try:
                body = response.json()
                code = str(body.get("code", ""))
                description = str(body.get("description", ""))
            except ValueError:
                pass
            logger.warning(
                "GOV.UK Pay refused %s %s: %s %s", method, path, response.status_code, code
            )
            raise ProviderError(
                description or f"GOV.UK Pay answered {response.status_code}",
                code=code,
                status_code=response.status_code,
            )
        return response

    @staticmethod
    def _payment(body: dict) -> ProviderPayment:
        state = body.get("state") or {}
        links = body.get("_links") or {}
        card = body.get("card_details") or {}
        refund_summary = body.get("refund_summary") or {}
        return ProviderPayment(
            payment_id=body["payment_id"],
            status=state.get("status", ""),
            finished=bool(state.get("finished", False)),
            failure_code=state.get("code", "") or "",
            next_url=((links.get("next_url") or {}).get("href") or ""),
            card_brand=card.get("card_brand") or "",
            last_digits_card_number=card.get("last_digits_card_number") or "",
            refund_amount_available=refund_summary.get("amount_available"),
            reference=body.get("reference") or "",
        )

    @staticmethod
    def _refund(body: dict) -> ProviderRefund:
        return ProviderRefund(
            refund_id=body["refund_id"], amount=int(body["amount"]), status=body["status"]
        )

    def create(
        self,
        *,
        amount: int,
        reference: str,
        description: str,
        return_url: str,
        idempotency_key: str = "",
        language: str = "en",
        moto: bool = False,
    ) -> ProviderPayment:
        """``idempotency_key`` is not sent: Pay ignores it outside recurring payments
        (see ``Provider.create``); ``reference`` is what makes a retry safe."""
        body = {
            "amount": amount,
            "reference": reference,
            "description": description,
            "return_url": return_url,
            "language": language,
        }
        if moto:
            body["moto"] = True  # a telephone payment: staff enter the card details
        response = self._request("POST", "/v1/payments", json=body)
        return self._payment(response.json())

    def get(self, *, payment_id: str) -> ProviderPayment:
        return self._payment(self._request("GET", f"/v1/payments/{payment_id}").json())

    def search_by_reference(self, *, reference: str) -> list[ProviderPayment]:
        response = self._request(
            "GET", "/v1/payments", params={"reference": reference, "display_size": 500}
        )
        return [self._payment(item) for item in response.json().get("results") or []]

    def cancel(self, *, payment_id: str) -> None:
        self._request("POST", f"/v1/payments/{payment_id}/cancel")

    def refund_create(
        self, *, payment_id: str, amount: int, refund_amount_available: int
    ) -> ProviderRefund:
        response = self._request(
            "POST",
            f"/v1/payments/{payment_id}/refunds",
            json={"amount": amount, "refund_amount_available": refund_amount_available},
        )
        return self._refund(response.json())

    def refund_get(self, *, payment_id: str, refund_id: str) -> ProviderRefund:
        return self._refund(
            self._request("GET", f"/v1/payments/{payment_id}/refunds/{refund_id}").json()
        )

    def refunds_list(self, *, payment_id: str) -> list[ProviderRefund]:
        body = self._request("GET", f"/v1/payments/{payment_id}/refunds").json()
        return [self._refund(item) for item in (body.get("_embedded") or {}).get("refunds") or []]
