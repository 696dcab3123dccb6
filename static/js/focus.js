// After htmx swaps the next step into the page, move the focus to its heading (the element marked
// data-swap-focus), so keyboard and screen-reader users start reading there, as after loading a
// page. Not the autofocus attribute, which htmx would also honour: Chromium handles that itself
// too, and logs "Autofocus processing was blocked because a document already has a focused
// element" whenever htmx has focused the heading first (tests/browser/test_console.py).
document.addEventListener("htmx:afterSettle", function (event) {
  var heading = event.target.querySelector("[data-swap-focus]");
  if (heading) {
    heading.focus();
  }
});
