// "Kopieer" and "Print" buttons of the buurtoverleg's links. They are hidden until this script
// shows them: without JavaScript the link stands as plain, selectable text beside them.
// A copy button names its text in data-copy and its status element in aria-describedby; where the
// clipboard is not available (a page over plain http), it selects the link so it can be copied.
function showButtons(root) {
  root.querySelectorAll("[data-copy], [data-print]").forEach(function (button) {
    button.hidden = false;
  });
}
showButtons(document);
// Content that htmx swaps in later (htmx:load fires for each new piece).
document.addEventListener("htmx:load", function (event) { showButtons(event.target); });
document.addEventListener("click", function (event) {
  var printer = event.target.closest("[data-print]");
  if (printer) {
    window.print();
    return;
  }
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var text = button.getAttribute("data-copy");
  var status = document.getElementById(button.getAttribute("aria-describedby") || "");
  var target = document.getElementById(button.getAttribute("data-copy-target") || "");
  function say(words) { if (status) status.textContent = words; }
  function select() {
    if (!target) return;
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say(button.getAttribute("data-selected") || "");
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(
      function () { say(button.getAttribute("data-copied") || ""); },
      select
    );
  } else {
    select();
  }
});
