// Pause the buurtoverleg overview's polling while the page is hidden (another tab, a locked phone).
// htmx's own way, a trigger filter ("every 10s [document.visibilityState === 'visible']"), is
// evaluated with Function(), which the Content-Security-Policy (no 'unsafe-eval') blocks. This file
// does the same from a static script: htmx asks "htmx:confirm" before every request, and we cancel
// the request of an element marked data-poll while the document is hidden. The element's
// "visibilitychange from:document" trigger fetches at once when the page is shown again.
document.addEventListener("htmx:confirm", function (event) {
  if (document.hidden && event.target.closest("[data-poll]")) {
    event.preventDefault();
  }
});
