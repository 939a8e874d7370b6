/* Provenance: notes shown in place, on hover, keyboard focus and tap. No dependencies.
 *
 * A note mark (a.footnote-ref) shows its note, copied from the list of notes, in a
 * tooltip styled by Material's own tooltip classes. The plugin turns Material's
 * content.footnote.tooltips feature into this one (provenance.footnote.tooltips): the
 * tooltip is made only when a mark is hovered, focused or tapped, so nothing is set up
 * per mark when the page loads (Material's feature subscribes to every mark at load time,
 * which on a source page with many notes roughly doubled the main thread's blocking time).
 * Without JavaScript the marks are plain links to the notes, which link back.
 */
(function () {
  "use strict";
  var features = [];
  try {
    features = JSON.parse(document.getElementById("__config").textContent).features || [];
  } catch (error) {
    return;
  }
  var touch = window.matchMedia("(hover: none)");
  var tip = null; // the open tooltip
  var host = null; // the mark it belongs to
  var tapped = null; // on touch screens, the mark whose note a first tap opened
  var showTimer = 0;
  var hideTimer = 0;

  function markOf(node) {
    return node instanceof Element ? node.closest("a.footnote-ref") : null;
  }

  function label(mark) {
    return mark.getAttribute("aria-label") || "Note " + mark.textContent.trim();
  }

  if (features.indexOf("provenance.footnote.tooltips") < 0) return;

  function place() {
    var box = host.getBoundingClientRect();
    var above = box.top >= window.innerHeight / 2;
    var style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", (above ? -16 - tip.offsetHeight : 16 + box.height) + "px");
    tip.classList.toggle("md-tooltip2--top", above);
    tip.classList.toggle("md-tooltip2--bottom", !above);
  }

  function open(mark) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (mark === host) return;
    close();
    var id = decodeURIComponent((mark.getAttribute("href") || "").replace(/^#/, ""));
    var note = id && document.getElementById(id);
    if (!note) return;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    for (var i = 0; i < note.children.length; i++) {
      var copy = note.children[i].cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      copy.querySelectorAll(".footnote-backref").forEach(function (el) { el.remove(); });
      inner.appendChild(copy);
    }
    tip = document.createElement("div");
    tip.className = "md-tooltip2 pv-tooltip";
    tip.id = "pv-note";
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-label", label(mark));
    tip.appendChild(inner);
    document.body.appendChild(tip);
    host = mark;
    host.setAttribute("aria-describedby", tip.id);
    place();
    var shown = tip;
    window.requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function close() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!tip) return;
    var old = tip;
    host.removeAttribute("aria-describedby");
    tip = host = tapped = null;
    old.id = "";
    old.classList.remove("md-tooltip2--active");
    window.setTimeout(function () { old.remove(); }, 250); // after Material's fade-out
  }

  function inside(node) {
    return !!node && ((host && host.contains(node)) || (tip && tip.contains(node)));
  }

  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark && mark !== host) {
      clearTimeout(showTimer);
      showTimer = window.setTimeout(function () { open(mark); }, 80);
    } else if (inside(event.target)) {
      clearTimeout(hideTimer);
    }
  });
  document.addEventListener("mouseout", function (event) {
    var mark = markOf(event.target);
    if (mark && mark !== host && !mark.contains(event.relatedTarget)) clearTimeout(showTimer);
    if (!tip || !inside(event.target) || inside(event.relatedTarget)) return;
    clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { // time to move the pointer into the note
      if (document.activeElement !== host) close();
    }, 300);
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) open(mark);
    else if (tip && !inside(event.target)) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
  document.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    if (mark && touch.matches && mark !== tapped) {
      // Touch screens have no hover: a first tap opens the note, a second follows the link.
      event.preventDefault();
      open(mark);
      tapped = mark;
    } else if (!inside(event.target)) {
      close();
    }
  });
  window.addEventListener("resize", close);
  window.addEventListener("hashchange", close); // followed a mark or a link to the notes
  document.addEventListener("scroll", function (event) {
    if (tip && event.target !== document && !tip.contains(event.target)) close(); // a scrolled table moves the mark
  }, true);
})();
