/* Provenance: note marks on touch screens, and names for the notes Material shows in place. No dependencies. */
(function () {
  "use strict";
  var features = [];
  try {
    features = JSON.parse(document.getElementById("__config").textContent).features || [];
  } catch (error) {
    return;
  }
  if (features.indexOf("content.footnote.tooltips") < 0) return;

  // Touch screens have no hover: the first tap on a note mark opens its note in place;
  // a second tap on the same mark follows the link to the list of notes.
  var opened = null;
  document.addEventListener("click", function (event) {
    var ref = event.target instanceof Element ? event.target.closest("a.footnote-ref") : null;
    if (!ref || ref === opened || !window.matchMedia("(hover: none)").matches) {
      opened = null;
      return;
    }
    event.preventDefault();
    opened = ref;
    ref.focus();
  });

  // Material shows a note in a dialog without a name: name it after its mark ("Note 3").
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1 || !node.classList.contains("md-tooltip2")) return;
        if (node.getAttribute("role") !== "dialog" || node.hasAttribute("aria-label")) return;
        var host = node.id ? document.querySelector('[aria-controls="' + node.id + '"]') : null;
        node.setAttribute("aria-label", (host && host.getAttribute("aria-label")) || "Note");
      });
    });
  }).observe(document.body, { childList: true });
})();
