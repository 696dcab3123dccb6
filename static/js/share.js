// "Deel" (share) on phase and activity pages. Without JavaScript the button is a mailto: link with
// the page's address. Here it uses the Web Share API where the browser has it (phones), and
// otherwise copies the address to the clipboard and says so in the status next to the button.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-share-url]");
  if (!link) return;
  var url = link.getAttribute("data-share-url");
  var title = link.getAttribute("data-share-title") || document.title;
  var status = document.getElementById(link.getAttribute("aria-describedby") || "");
  function say(text) { if (status) status.textContent = text; }
  if (navigator.share) {
    event.preventDefault();
    navigator.share({ title: title, url: url }).catch(function () {});
  } else if (navigator.clipboard && window.isSecureContext) {
    event.preventDefault();
    navigator.clipboard.writeText(url).then(
      function () { say(link.getAttribute("data-copied") || url); },
      function () { say(url); }
    );
  }
});
