// Session timeout warning (WCAG 2.2.1 Timing Adjustable). base.html puts the
// session length and warning time (in seconds) and two URLs on <body> when the
// user is signed in. `warning` seconds before the session ends we open a modal
// <dialog>; "Stay signed in" posts the dialog's form (it carries the CSRF
// token) and the server answers 204; at the end we go to the signed-out page.
//
// Every open tab shares the time of the last activity through localStorage,
// so a tab opened earlier does not sign out a session that a later tab kept
// alive. Without JavaScript none of this runs: the session simply expires.

const STORAGE_KEY = "app-session-last-activity";
const TICK_MS = 1000;

export function initSessionTimeout(root) {
  const body = root.body;
  const timeoutSeconds = Number(body.dataset.sessionTimeout);
  const warningSeconds = Number(body.dataset.sessionWarning);
  const signedOutUrl = body.dataset.sessionSignedOutUrl;
  const dialog = root.querySelector("[data-app-session-timeout-dialog]");
  if (!timeoutSeconds || !signedOutUrl || !dialog || typeof dialog.showModal !== "function") {
    return null;
  }
  const form = dialog.querySelector("[data-app-session-extend-form]");
  const heading = dialog.querySelector("h2");
  const countdown = dialog.querySelector("[data-app-session-countdown]");
  const countdownAccessible = dialog.querySelector("[data-app-session-countdown-accessible]");
  const error = dialog.querySelector("[data-app-session-error]");

  let lastActivity = Date.now();
  let lastAnnounced = "";
  let returnFocusTo = null;
  let extending = false;
  recordActivity(lastActivity);

  function remainingMs() {
    const shared = readActivity();
    if (shared > lastActivity) lastActivity = shared;
    return lastActivity + timeoutSeconds * 1000 - Date.now();
  }

  function open() {
    returnFocusTo = root.activeElement;
    error.hidden = true;
    updateCountdown(remainingMs());
    dialog.showModal();
    heading.focus();
  }

  function close() {
    if (dialog.open) dialog.close();
    lastAnnounced = "";
    if (returnFocusTo && typeof returnFocusTo.focus === "function") returnFocusTo.focus();
    returnFocusTo = null;
  }

  function updateCountdown(ms) {
    const text = describe(ms);
    countdown.textContent = text;
    // Screen readers hear the time once a minute (and at 30 seconds), not every second.
    const announced = describeForAnnouncement(ms);
    if (announced !== lastAnnounced) {
      lastAnnounced = announced;
      countdownAccessible.textContent = `For your security, we will sign you out in ${announced}.`;
    }
  }

  function tick() {
    const ms = remainingMs();
    if (ms <= 0) {
      window.clearInterval(timer);
      window.location.assign(signedOutUrl);
      return;
    }
    if (ms <= warningSeconds * 1000) {
      if (!dialog.open) open();
      else updateCountdown(ms);
    } else if (dialog.open) {
      close(); // another tab kept the session alive
    }
  }

  async function extend() {
    if (extending) return;
    extending = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        redirect: "manual",
      });
      if (response.type === "opaqueredirect") {
        // Not signed in any more: the sign-in redirect means the session has already ended.
        window.location.assign(signedOutUrl);
        return;
      }
      if (response.status !== 204) throw new Error(`session not extended: ${response.status}`);
      lastActivity = Date.now();
      recordActivity(lastActivity);
      close();
    } catch {
      error.hidden = false;
    } finally {
      extending = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    extend();
  });
  // Escape means "Stay signed in", as in the HMRC and MOJ timeout dialogs.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    extend();
  });
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) tick();
  });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) tick();
  });

  const timer = window.setInterval(tick, TICK_MS);
  tick();
  return { dialog, tick, extend };
}

function describe(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

function describeForAnnouncement(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds > 60) return describe(ms);
  if (seconds > 30) return "1 minute";
  return "30 seconds";
}

function readActivity() {
  try {
    return Number(window.localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    return 0; // storage blocked: each tab keeps its own clock
  }
}

function recordActivity(time) {
  try {
    const previous = readActivity();
    if (time > previous) window.localStorage.setItem(STORAGE_KEY, String(time));
  } catch {
    // storage blocked: nothing to share
  }
}
