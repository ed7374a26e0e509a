// The GOV.UK cookie banner, enhanced. Without JavaScript the Accept/Reject
// buttons post the banner's form and the server redirects back with a
// confirmation. Here we post the same form in the background (asking for JSON,
// so the server answers 204 and sets the cookie), then swap the question for
// the matching confirmation without reloading. If the background post fails
// for any reason, we submit the form the ordinary way.

export function initCookieBanner(root) {
  const banner = root.querySelector("[data-app-cookie-banner]");
  if (!banner) return null;

  for (const hide of banner.querySelectorAll("[data-app-cookie-banner-hide]")) {
    hide.addEventListener("click", (event) => {
      event.preventDefault();
      banner.hidden = true;
    });
  }

  const form = banner.querySelector("form[data-app-cookie-banner-question]");
  if (!form || typeof window.fetch !== "function") return banner;

  form.addEventListener("submit", async (event) => {
    const button = event.submitter;
    if (!button || button.name !== "cookies") return;
    event.preventDefault();
    const choice = button.value;
    const data = new FormData(form);
    data.set("cookies", choice);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.status !== 204) throw new Error(`cookie choice not saved: ${response.status}`);
    } catch {
      submitWithoutScript(form, choice);
      return;
    }
    showConfirmation(banner, form, choice);
  });
  return banner;
}

function showConfirmation(banner, form, choice) {
  const confirmation = banner.querySelector(`[data-app-cookie-banner-confirmation="${choice}"]`);
  form.hidden = true;
  if (!confirmation) {
    banner.hidden = true;
    return;
  }
  confirmation.hidden = false;
  // The button the user pressed has gone: move focus to the message that replaced it.
  confirmation.focus();
}

function submitWithoutScript(form, choice) {
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = "cookies";
  input.value = choice;
  form.append(input);
  // HTMLFormElement.submit() does not fire "submit", so this handler does not run again.
  HTMLFormElement.prototype.submit.call(form);
}
