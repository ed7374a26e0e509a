"""Check your answers and send; save and come back later; resume; cancel."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import services
from ..constants import SESSION_SENT_TO_KEY
from ..definitions import Journey, RepeatingStep
from ..engine import (
    VALID,
    hidden_label,
    summary_rows,
)
from ..exceptions import (
    DraftNotFound,
    JourneyIncomplete,
    JourneySubmitError,
    ResumeLinkInvalid,
    TooManyResumeLinks,
)
from ..forms import ResumeRequestForm
from ..selectors import resume_link_for_token
from .common import RETURN_TO_CHECK, JourneyRequest, _language, service_start_url
from .start_and_steps import _resume_links_limited

# Check your answers -----------------------------------------------------------------


def _summary_groups(jr: JourneyRequest) -> list[dict]:
    """Check-your-answers content: one group per section (or one), rows and item cards."""
    evaluation = jr.evaluation
    groups: list[dict] = []
    for state in evaluation.states:
        # Only valid answers: an optional section may be untouched or half done.
        if state.status != VALID:
            continue
        title = state.section.title if state.section else None
        if not groups or groups[-1]["title"] != title:
            groups.append({"title": title, "blocks": []})
        blocks = groups[-1]["blocks"]
        step = state.step
        if isinstance(step, RepeatingStep):
            cards = []
            for number, item in enumerate(state.value or [], start=1):
                cards.append(
                    {
                        "title": f"{step.item_name.capitalize()} {number}: {step.title_for(item, number)}",
                        "rows": summary_rows(step, item, evaluation.answers, state.form),
                        "change_url": jr.url("item-change", step=step.slug, number=number)
                        + f"?return={RETURN_TO_CHECK}",
                        "remove_url": jr.url("item-remove", step=step.slug, number=number)
                        + f"?return={RETURN_TO_CHECK}",
                    }
                )
            blocks.append(
                {
                    "kind": "items",
                    "step": step,
                    "cards": cards,
                    "manage_url": jr.step_url(step.slug) + f"?return={RETURN_TO_CHECK}",
                    "manage_hidden": step.item_name_plural,
                }
            )
            continue
        change_url = jr.step_url(step.slug) + f"?return={RETURN_TO_CHECK}"
        rows = [
            {"key": key, "value": value, "change_url": change_url, "hidden": hidden_label(key)}
            for key, value in summary_rows(step, state.value, evaluation.answers, state.form)
        ]
        if blocks and blocks[-1]["kind"] == "rows":
            blocks[-1]["rows"].extend(rows)
        else:
            blocks.append({"kind": "rows", "rows": rows})
    return groups


@never_cache
def check_view(request, journey: Journey):
    """Check your answers; its POST sends the application."""
    jr = JourneyRequest(request, journey)
    if jr.draft is None:
        return redirect(jr.url("start"))
    if not jr.evaluation.is_complete:
        if journey.has_task_list:
            return redirect(jr.url("start"))
        return redirect(jr.start_or_first_step())

    submit_errors: list[dict] = []
    if request.method == "POST":
        try:
            url = services.draft_submit(
                journey=journey,
                owner=jr.owner,
                # The draft's owner: the signed-in user, or the citizen being helped.
                user=jr.owner.user,
                channel=jr.channel,
                assisted_session=getattr(request, "assisted_session", None),
                language=_language(),
            )
        except DraftNotFound:
            return redirect(jr.url("start"))
        except JourneyIncomplete as exc:
            if exc.step_slug:
                return redirect(jr.step_url(exc.step_slug))
            return redirect(jr.url("start"))
        except JourneySubmitError as exc:
            href = (
                jr.step_url(exc.step) + f"?return={RETURN_TO_CHECK}"
                if exc.step and journey.step_get(exc.step)
                else "#submit"
            )
            submit_errors = [{"text": message, "href": href} for message in exc.messages]
        else:
            return redirect(url)

    last = jr.evaluation.last_applicable()
    if journey.has_task_list:
        back_url = jr.url("start")
    else:
        back_url = jr.step_url(last.step.slug) if last else None
    return render(
        request,
        "journeys/check.html",
        jr.context(
            page_title=journey.check_title,
            outcome=journey.check_summary(jr.evaluation.answers) if journey.check_summary else None,
            groups=_summary_groups(jr),
            submit_errors=submit_errors,
            page_has_errors=bool(submit_errors),
            back_url=back_url,
        ),
    )


# Save and come back later ---------------------------------------------------------


@never_cache
def save_view(request, journey: Journey):
    jr = JourneyRequest(request, journey)
    continue_url = jr.url("start")
    if jr.draft is None:
        return render(
            request,
            "journeys/save_nothing.html",
            jr.context(
                page_title=gettext("You have not answered any questions yet"),
                continue_url=continue_url,
            ),
        )
    if request.user.is_authenticated:
        return render(
            request,
            "journeys/save_signed_in.html",
            jr.context(
                page_title=gettext("Your application has been saved"),
                draft=jr.draft,
                continue_url=continue_url,
            ),
        )
    form = ResumeRequestForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            if _resume_links_limited(request, email=email):
                raise TooManyResumeLinks
            services.resume_link_send(
                journey=journey,
                owner=jr.owner,
                email=email,
                url_for_token=lambda token: settings.SITE_URL + jr.url("resume", token=token),
                language=_language(),
            )
        except DraftNotFound:
            return redirect(jr.url("save"))
        except TooManyResumeLinks:
            form.add_error(
                "email",
                gettext(
                    "You have asked for too many links in the last hour. Wait an hour and try again"
                ),
            )
            status = 429
        else:
            request.session[SESSION_SENT_TO_KEY] = email
            return redirect(jr.url("save-sent"))
    return render(
        request,
        "journeys/save_request_link.html",
        jr.context(
            page_title=gettext("Get a link to continue your application"),
            form=form,
            draft=jr.draft,
            continue_url=continue_url,
        ),
        status=status,
    )


@never_cache
def save_sent_view(request, journey: Journey):
    jr = JourneyRequest(request, journey)
    email = request.session.get(SESSION_SENT_TO_KEY)
    if not email:
        return redirect(jr.url("save"))
    return render(
        request,
        "journeys/save_sent.html",
        jr.context(
            page_title=gettext("Check your email"),
            email=email,
            continue_url=jr.url("start"),
            expires_at=jr.draft.expires_at if jr.draft else None,
        ),
    )


@never_cache
def resume_view(request, journey: Journey, token: str):
    """A resume link lands here; the button POSTs, so a mail scanner's GET uses nothing up."""
    jr = JourneyRequest(request, journey)
    try:
        link = resume_link_for_token(token=token, journey=journey)
        if getattr(request, "assisted_session", None) is not None and (
            link.draft.user_id != jr.owner.user.pk
        ):
            # Staff helping someone may not take over anyone else's draft.
            raise Http404("Not this citizen's draft")
        if request.method == "POST":
            services.resume_link_redeem(token=token, journey=journey, owner=jr.write_owner())
            return redirect(jr.url("start"))
    except ResumeLinkInvalid as exc:
        titles = {
            "expired": gettext("This link has expired"),
            "used": gettext("This link has already been used"),
            "invalid": gettext("This link does not work"),
        }
        return render(
            request,
            "journeys/link_expired.html",
            jr.context(
                page_title=titles[exc.reason],
                reason=exc.reason,
                start_url=jr.url("start"),
            ),
            status=410 if exc.reason in ("expired", "used") else 404,
        )
    return render(
        request,
        "journeys/resume_confirm.html",
        jr.context(page_title=gettext("Continue your application")),
    )


SESSION_CANCELLED_KEY = "journeys.cancelled"


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_view(request, journey: Journey):
    """ "Cancel and delete your answers": a confirmation page that POSTs; the draft is deleted
    and the page then says so (POST/redirect/GET)."""
    jr = JourneyRequest(request, journey)
    if request.method == "POST":
        services.draft_discard(journey=journey, owner=jr.owner)
        request.session[SESSION_CANCELLED_KEY] = journey.key
        return redirect(jr.url("cancel"))
    cancelled = request.session.get(SESSION_CANCELLED_KEY) == journey.key and jr.draft is None
    if jr.draft is None and not cancelled:
        return redirect(jr.url("start"))
    if cancelled:
        del request.session[SESSION_CANCELLED_KEY]
    return render(
        request,
        "journeys/cancel.html",
        jr.context(
            page_title=gettext("Your answers have been deleted")
            if cancelled
            else gettext("Are you sure you want to cancel and delete your answers?"),
            cancelled=cancelled,
            cancel_url=jr.url("cancel"),
            continue_url=jr.url("start"),
            start_url=service_start_url(journey),
        ),
    )
