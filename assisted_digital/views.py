"""Pages for staff helping a citizen: start a session, choose a service, end it, list sessions.

Every page needs a signed-in member of staff with the ``act_on_behalf``
permission (and, through ``StaffSecondFactorMiddleware``, a second factor);
the all-sessions list needs ``view_all_sessions``. Starting a session is a short
series of pages whose answers are kept in the Django session (``START_KEY``);
nothing is written to the database until the consent page is sent.

Outside a session, service pages opened by staff are their own, as for any
user: to act for someone, start a session first.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from digital_services.accounts.citizens import citizen_profile_get
from digital_services.core.registry import services_list

from . import selectors, services
from .constants import (
    CONSENT_METHOD_FOR_CHANNEL,
    CONSENT_STATEMENT,
    PERMISSION_ACT,
    PERMISSION_VIEW_ALL,
    SESSION_KEY,
    START_KEY,
    START_RESULT_IDS,
    START_SEARCH,
    Channel,
)
from .forms import (
    ChannelForm,
    CitizenSearchForm,
    ConsentForm,
    NewCitizenForm,
    SelectCitizenForm,
    SessionFilterForm,
    SessionLanguageForm,
)
from .models import AssistedSession
from .services import CitizenDetails, SessionAlreadyActive

LIST_LIMIT = 100


def agent_required(view):
    """Signed in, staff, and allowed to act on a citizen's behalf; else 403."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_staff and request.user.has_perm(PERMISSION_ACT)):
            raise PermissionDenied("Only assisted-digital staff can help someone")
        return view(request, *args, **kwargs)

    return wrapped


def _start_state(request) -> dict:
    return dict(request.session.get(START_KEY) or {})


def _start_state_save(request, state: dict) -> None:
    request.session[START_KEY] = state


def _busy_redirect(request):
    """Staff already helping someone go to that session instead of starting another."""
    if request.assisted_session is not None:
        messages.info(
            request,
            f"You are already helping {request.assisted_session.citizen_name}. "
            "End that session before you start another.",
        )
        return redirect("assisted_digital:start")
    return None


@agent_required
def start(request):
    """Where assisted-digital staff begin: the session in progress, or a button to start one."""
    return render(
        request,
        "assisted_digital/start.html",
        {
            "page_title": "Help someone use a service",
            "can_view_all": request.user.has_perm(PERMISSION_VIEW_ALL),
        },
    )


@agent_required
def start_channel(request):
    if busy := _busy_redirect(request):
        return busy
    state = _start_state(request)
    form = ChannelForm(
        request.POST if request.method == "POST" else None,
        initial={"channel": state.get("channel")},
    )
    if request.method == "POST" and form.is_valid():
        # A new start: forget any citizen chosen in an earlier, unfinished start.
        _start_state_save(request, {"channel": form.cleaned_data["channel"]})
        return redirect("assisted_digital:start-citizen")
    return render(
        request,
        "assisted_digital/channel.html",
        {"form": form, "page_title": "How are you helping them?"},
    )


@agent_required
def start_citizen(request):
    """Search by two or more facts, then choose one of the people found.

    The search is a POST, so the facts never go in a URL (or an access log); it
    is kept in the server-side session with the ids it found, and the page
    redirects to itself, so refreshing or going back shows the same results
    without sending the search again. Only an id from this agent's latest
    results can be chosen.
    """
    if busy := _busy_redirect(request):
        return busy
    state = _start_state(request)
    if not state.get("channel"):
        return redirect("assisted_digital:start-channel")
    if request.method == "POST" and "citizen" not in request.POST:
        form = CitizenSearchForm(request.POST)
        if form.is_valid():
            found = selectors.citizen_find(**form.facts())
            state.pop("new_citizen", None)
            state.pop("citizen_id", None)
            _start_state_save(
                request,
                {
                    **state,
                    START_SEARCH: form.data_to_keep(),
                    START_RESULT_IDS: [citizen.pk for citizen in found],
                },
            )
            return redirect("assisted_digital:start-citizen")
        return _find_citizen_page(request, form, results=None)
    if request.method == "POST":
        select = SelectCitizenForm(request.POST)
        chosen = select.cleaned_data["citizen"] if select.is_valid() else None
        citizen = (
            selectors.citizen_get(pk=chosen) if chosen in state.get(START_RESULT_IDS, []) else None
        )
        if citizen is None:
            messages.error(request, "Search for the person you are helping, then choose them")
            return redirect("assisted_digital:start-citizen")
        state.pop("new_citizen", None)
        _start_state_save(request, {**state, "citizen_id": citizen.pk})
        return redirect("assisted_digital:start-consent")

    search = state.get(START_SEARCH)
    if search is None:
        return _find_citizen_page(request, CitizenSearchForm(), results=None)
    form = CitizenSearchForm(search)
    form.is_valid()
    results = [
        {"citizen": citizen, "profile": citizen_profile_get(citizen)}
        for citizen in selectors.citizens_by_ids(ids=state.get(START_RESULT_IDS, []))
    ]
    return _find_citizen_page(request, form, results=results)


def _find_citizen_page(request, form, *, results):
    return render(
        request,
        "assisted_digital/find_citizen.html",
        {
            "form": form,
            "results": results,
            "search_limit": selectors.SEARCH_LIMIT,
            "page_title": "Find the person you are helping",
        },
    )


@agent_required
def start_new_citizen(request):
    if busy := _busy_redirect(request):
        return busy
    state = _start_state(request)
    if not state.get("channel"):
        return redirect("assisted_digital:start-channel")
    initial = {"preferred_contact": "letter"}
    if state.get("new_citizen"):
        details = CitizenDetails.from_session(state["new_citizen"])
        initial = {**details.to_session(), "date_of_birth": details.date_of_birth}
    form = NewCitizenForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        state.pop("citizen_id", None)
        _start_state_save(request, {**state, "new_citizen": form.details().to_session()})
        return redirect("assisted_digital:start-consent")
    return render(
        request,
        "assisted_digital/new_citizen.html",
        {"form": form, "page_title": "Create a record for the person you are helping"},
    )


@agent_required
def start_consent(request):
    """Identity questions and the consent statement; sending it starts the session."""
    if busy := _busy_redirect(request):
        return busy
    state = _start_state(request)
    channel = state.get("channel")
    citizen = selectors.citizen_get(pk=state["citizen_id"]) if state.get("citizen_id") else None
    new_citizen = (
        CitizenDetails.from_session(state["new_citizen"]) if state.get("new_citizen") else None
    )
    if not channel:
        return redirect("assisted_digital:start-channel")
    if citizen is None and new_citizen is None:
        return redirect("assisted_digital:start-citizen")

    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"consent_method": CONSENT_METHOD_FOR_CHANNEL.get(channel)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.assisted_session_start(
                agent=request.user,
                channel=channel,
                citizen=citizen,
                new_citizen=new_citizen,
                identity_checks=form.cleaned_data["identity_checks"],
                consent_accepted=form.cleaned_data["consent_accepted"],
                consent_method=form.cleaned_data["consent_method"],
                request=request,
            )
        except SessionAlreadyActive:
            return _busy_redirect(request) or redirect("assisted_digital:start")
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            request.session.pop(START_KEY, None)
            request.session[SESSION_KEY] = session.pk
            return redirect("assisted_digital:session-services")

    services.consent_page_view_record(agent=request.user, citizen=citizen, request=request)
    if citizen is not None:
        name, profile = citizen.full_name, citizen_profile_get(citizen)
        date_of_birth = profile.date_of_birth if profile else None
        postcode = profile.postcode if profile else ""
    else:
        name, date_of_birth, postcode = (
            new_citizen.full_name,
            new_citizen.date_of_birth,
            new_citizen.postcode.upper(),
        )
    return render(
        request,
        "assisted_digital/consent.html",
        {
            "form": form,
            "page_title": "Check who you are helping and ask for their consent",
            "name": name,
            "date_of_birth": date_of_birth,
            "postcode": postcode,
            "is_new": new_citizen is not None,
            "channel_label": Channel(channel).label,
            "is_paper": channel == Channel.PAPER,
            "consent_statement": CONSENT_STATEMENT,
        },
    )


@agent_required
def session_services(request):
    """ "Which service do you need help with?": the services, as the citizen would see them."""
    if request.assisted_session is None:
        return redirect("assisted_digital:start")
    return render(
        request,
        "assisted_digital/services.html",
        {"services": services_list(), "page_title": "Which service do you need help with?"},
    )


@agent_required
def session_language(request):
    """ "Which language do they want to use?": English or Welsh for the service's pages
    while the agent helps the citizen (``AssistedSessionMiddleware`` switches to it)."""
    session = request.assisted_session
    if session is None:
        return redirect("assisted_digital:start")
    form = SessionLanguageForm(
        request.POST if request.method == "POST" else None, initial={"language": session.language}
    )
    if request.method == "POST" and form.is_valid():
        services.assisted_session_language_set(
            session=session,
            language=form.cleaned_data["language"],
            actor=request.user,
            request=request,
        )
        return redirect(_safe_next(request) or reverse("assisted_digital:session-services"))
    return render(
        request,
        "assisted_digital/language.html",
        {
            "form": form,
            "page_title": "Which language do they want to use?",
            "next": _safe_next(request),
        },
    )


def _safe_next(request) -> str | None:
    from digital_services.core.redirects import next_url_safe

    return next_url_safe(request, request.POST.get("next") or request.GET.get("next"))


@agent_required
def session_end(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session = request.assisted_session
    request.session.pop(SESSION_KEY, None)
    if session is not None:
        services.assisted_session_end(
            session=session,
            reason=AssistedSession.EndReason.ENDED_BY_AGENT,
            actor=request.user,
            request=request,
        )
        request.assisted_session = None
        messages.success(request, f"You have stopped helping {session.citizen_name}.")
    return redirect("assisted_digital:start")


@agent_required
def sessions(request):
    """The agent's own sessions, newest first."""
    rows = selectors.sessions_for_agent(agent=request.user)[:LIST_LIMIT]
    return render(
        request,
        "assisted_digital/sessions.html",
        {"sessions": rows, "limit": LIST_LIMIT, "page_title": "Your sessions"},
    )


@agent_required
def sessions_all(request):
    """Every session, with filters, for managers (``view_all_sessions``)."""
    if not request.user.has_perm(PERMISSION_VIEW_ALL):
        raise PermissionDenied("Only managers can see everyone's sessions")
    agents = selectors.agents_with_sessions()
    filtering = bool(request.GET)
    form = SessionFilterForm(request.GET if filtering else None, agents=agents)
    rows = None
    if not filtering:
        rows = selectors.sessions_filter()
    elif form.is_valid():
        data = form.cleaned_data
        rows = selectors.sessions_filter(
            agent=data["agent"],
            channel=data["channel"],
            service=data["service"],
            started_from=data["started_from"],
            started_to=data["started_to"],
        )
    return render(
        request,
        "assisted_digital/sessions_all.html",
        {
            "form": form,
            "sessions": rows[:LIST_LIMIT] if rows is not None else None,
            "total": rows.count() if rows is not None else 0,
            "limit": LIST_LIMIT,
            "filtering": filtering,
            "page_title": "All assisted-digital sessions",
            "clear_url": reverse("assisted_digital:sessions-all"),
        },
    )
