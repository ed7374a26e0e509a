// Starts GOV.UK Frontend and our small enhancements. Loaded as an ES module,
// so browsers without module support get the no-JavaScript experience.
import { initAll } from "../govuk/govuk-frontend.min.js";
import { initCookieBanner } from "./cookie-banner.mjs";
import { initSessionTimeout } from "./session-timeout.mjs";

initAll();
initCookieBanner(document);
initSessionTimeout(document);
