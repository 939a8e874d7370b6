/* Provenance: notes beside the text, in place, or in the text flow. No dependencies.
 *
 * Each note mark (a.footnote-ref) links to its note in the list of notes at the end of the page;
 * without JavaScript that is all, and the notes link back. With it, by the width of the window:
 *
 * - wide (MARGIN): on a source page, every claim's note stands in the right margin beside its
 *   sentence (where it is, its marks, and the rest folded in a <details>); a note that would overlap
 *   the one above moves down, and hovering or focusing a note, its mark or its sentence highlights
 *   the pair. The list of notes is hidden then, so that screen readers meet each note once, after
 *   its paragraph. Print shows the list of notes, not the margin.
 * - phones (PHONE): a tap (or Enter) on a mark opens its note in the text, below its sentence; a
 *   second tap, the note's Close button or Esc closes it.
 * - in between: the note opens in a tooltip (Material's tooltip classes) on hover, keyboard focus
 *   and tap, and is made only then, so that nothing is set up per mark when the page loads.
 *
 * The plugin turns Material's content.footnote.tooltips feature into this one
 * (provenance.footnote.tooltips): Material's feature subscribes to every mark at load time, which
 * on a source page with many notes roughly doubled the main thread's blocking time.
 */
(function () {
  "use strict";
  var features = [];
  try {
    features = JSON.parse(document.getElementById("__config").textContent).features || [];
  } catch (error) {
    return;
  }
  if (features.indexOf("provenance.footnote.tooltips") < 0) return;

  var MARGIN = window.matchMedia("(min-width: 87.5em)"); // as the margin layout in provenance.css
  var PHONE = window.matchMedia("(max-width: 44.9375em)"); // Material's breakpoint for phones
  var touch = window.matchMedia("(hover: none)");
  var GAP = 10; // px between two notes in the margin
  var text = document.querySelector("article.pv-source .pv-text");
  var article = text && text.closest("article.pv-source");
  var sidenotes = []; // the notes in the margin, in reading order
  var tip = null; // the open tooltip
  var host = null; // the mark it belongs to
  var tapped = null; // on touch screens, the mark whose note a first tap opened
  var showTimer = 0;
  var hideTimer = 0;
  var lit = null; // the sentence id whose note and sentence are highlighted
  var opened = 0; // notes opened in the text so far (for their ids)

  function markOf(node) {
    return node instanceof Element ? node.closest("a.footnote-ref") : null;
  }

  function label(mark) {
    return mark.getAttribute("aria-label") || "Note " + mark.textContent.trim();
  }

  function noteOf(mark) {
    var id = decodeURIComponent((mark.getAttribute("href") || "").replace(/^#/, ""));
    return id ? document.getElementById(id) : null;
  }

  function copy(node) {
    var out = node.cloneNode(true);
    if (out.removeAttribute) out.removeAttribute("id");
    if (out.querySelectorAll) {
      out.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      out.querySelectorAll(".footnote-backref").forEach(function (el) { el.remove(); });
    }
    return out;
  }

  function span(className) {
    var el = document.createElement("span");
    el.className = className;
    return el;
  }

  /* A note to show beside or below its sentence: for a claim of a source page, where it is, its links
   * and its marks, then the rest (who says it, hedges, links to other claims) in a <details>, without
   * the quotation of the sentence beside it; any other note in full. */
  function build(mark, tag, className) {
    var note = noteOf(mark);
    if (!note) return null;
    var box = document.createElement(tag);
    box.className = className;
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", label(mark));
    var para = note.querySelector("p");
    var where = para && para.querySelector(".pv-fn-where");
    if (!where) {
      for (var i = 0; i < note.children.length; i++) {
        var part = span("pv-note-part");
        part.appendChild(copy(note.children[i]));
        box.appendChild(part);
      }
      return box;
    }
    var head = span("pv-note-head");
    var number = span("pv-note-number");
    number.textContent = mark.textContent.trim();
    var marks = para.querySelector(".pv-fn-marks");
    head.append(number, " ");
    if (marks) head.append(copy(marks));
    var place = span("pv-note-place"); // the source is the page's own: its paragraph and characters suffice
    var source = where.querySelector(".pv-fn-source");
    place.textContent = where.textContent.slice(source ? source.textContent.length : 0).replace(/^,\s*/, "");
    var links = para.querySelector(".pv-fn-links");
    if (links) place.append(" · ", copy(links));
    box.append(head, place);
    var facts = para.querySelectorAll(".pv-fact:not(.pv-fn-marks)");
    if (facts.length) {
      var more = document.createElement("details");
      var summary = document.createElement("summary");
      var names = [];
      var body = span("pv-note-more");
      facts.forEach(function (fact) {
        var name = fact.querySelector("strong");
        if (name) names.push(name.textContent.replace(/:$/, "").replace(/ \(.*$/, ""));
        body.appendChild(copy(fact));
      });
      summary.textContent = "More: " + names.slice(0, 3).join(", ").toLowerCase() + (names.length > 3 ? ", …" : "");
      more.append(summary, body);
      box.appendChild(more);
    }
    return box;
  }

  // Wide screens: notes in the margin.

  function sentenceOf(mark) {
    var sup = mark.closest("sup");
    return sup && sup.id ? document.getElementById(sup.id.replace(/^fnref:/, "")) : null;
  }

  function buildMargin() {
    var after = new Map(); // paragraph -> the last note put after it
    text.querySelectorAll("a.footnote-ref").forEach(function (mark) {
      var sentence = sentenceOf(mark);
      var box = sentence && build(mark, "div", "pv-sidenote");
      if (!box) return;
      box.id = "pv-side-" + sentence.id;
      box.tabIndex = -1;
      box.dataset.pvFor = sentence.id;
      var paragraph = mark.closest("p") || sentence;
      (after.get(paragraph) || paragraph).after(box);
      after.set(paragraph, box);
      sidenotes.push(box);
    });
    article.classList.add("pv-margins");
    place();
  }

  function dropMargin() {
    sidenotes.forEach(function (box) { box.remove(); });
    sidenotes = [];
    article.classList.remove("pv-margins");
    text.style.removeProperty("--pv-notes-end");
    light(null);
  }

  /* Each note at the height of its sentence, or just below the note above when they would overlap:
   * every position is read first, then written, so the page is laid out once. */
  function place() {
    if (!sidenotes.length) return;
    var origin = text.getBoundingClientRect().top;
    var meta = article.querySelector(".pv-meta");
    var y = meta ? meta.getBoundingClientRect().bottom - origin + GAP : 0; // the metadata stand in the margin above the text
    var tops = sidenotes.map(function (box) {
      var line = document.getElementById(box.dataset.pvFor).getClientRects()[0];
      return line ? line.top - origin : 0;
    });
    var heights = sidenotes.map(function (box) { return box.offsetHeight; });
    sidenotes.forEach(function (box, n) {
      var top = Math.max(tops[n], y);
      box.style.top = top + "px";
      y = top + heights[n] + GAP;
    });
    text.style.setProperty("--pv-notes-end", y + "px");
  }

  var pending = 0;
  function placeSoon() {
    if (!pending) pending = window.requestAnimationFrame(function () { pending = 0; place(); });
  }

  /* Which sentence a node belongs to: a note in the margin, a note mark, or the sentence itself. */
  function pairOf(node) {
    if (!(node instanceof Element) || !sidenotes.length) return null;
    var box = node.closest(".pv-sidenote");
    if (box) return box.dataset.pvFor;
    var mark = markOf(node);
    var sentence = mark ? sentenceOf(mark) : node.closest(".pv-claim");
    return sentence && text.contains(sentence) ? sentence.id : null;
  }

  function light(id) {
    if (id === lit) return;
    [lit, id].forEach(function (sid, n) {
      if (!sid) return;
      var sentence = document.getElementById(sid);
      var box = document.getElementById("pv-side-" + sid);
      if (sentence) sentence.classList.toggle("pv-lit", n === 1);
      if (box) box.classList.toggle("pv-lit", n === 1);
    });
    lit = id;
  }

  function margins() {
    return sidenotes.length > 0;
  }

  function layout() {
    if (!text) return;
    if (MARGIN.matches && !margins()) buildMargin();
    else if (!MARGIN.matches && margins()) dropMargin();
  }

  // Phones: notes opened in the text, below their sentence.

  function inlineOf(mark) {
    var id = mark.getAttribute("aria-controls");
    return id ? document.getElementById(id) : null;
  }

  function openInline(mark) {
    var box = build(mark, "span", "pv-inline-note");
    if (!box) return;
    box.id = "pv-open-" + ++opened;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "pv-close";
    close.textContent = "Close " + label(mark).toLowerCase();
    box.appendChild(close);
    (mark.closest(".pv-after") || mark.closest("sup") || mark).after(box);
    mark.setAttribute("aria-expanded", "true");
    mark.setAttribute("aria-controls", box.id);
  }

  function closeInline(mark, focus) {
    var box = inlineOf(mark);
    if (box) box.remove();
    mark.setAttribute("aria-expanded", "false");
    mark.removeAttribute("aria-controls");
    if (focus) mark.focus();
  }

  // In between: the note in a tooltip.

  function placeTip() {
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
    if (mark === host || PHONE.matches || (margins() && text.contains(mark))) return;
    close();
    var note = noteOf(mark);
    if (!note) return;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    for (var i = 0; i < note.children.length; i++) inner.appendChild(copy(note.children[i]));
    tip = document.createElement("div");
    tip.className = "md-tooltip2 pv-tooltip";
    tip.id = "pv-note";
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-label", label(mark));
    tip.appendChild(inner);
    document.body.appendChild(tip);
    host = mark;
    host.setAttribute("aria-describedby", tip.id);
    placeTip();
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
    if (margins()) light(pairOf(event.target));
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
    if (margins()) light(pairOf(event.target));
    var mark = markOf(event.target);
    if (mark) open(mark);
    else if (tip && !inside(event.target)) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var at = document.activeElement;
    var box = at && at.closest && at.closest(".pv-inline-note");
    var mark = markOf(at);
    if (box || (mark && mark.getAttribute("aria-expanded") === "true")) {
      closeInline(mark || document.querySelector('[aria-controls="' + box.id + '"]'), true);
    } else if (at && at.closest && at.closest(".pv-sidenote details[open]")) {
      var more = at.closest("details");
      more.open = false;
      more.querySelector("summary").focus();
    }
    close();
  });
  document.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    var button = event.target instanceof Element ? event.target.closest(".pv-inline-note .pv-close") : null;
    if (button) {
      closeInline(document.querySelector('[aria-controls="' + button.parentNode.id + '"]'), true);
    } else if (mark && PHONE.matches) {
      event.preventDefault(); // a tap opens the note below its sentence, a second closes it
      if (mark.getAttribute("aria-expanded") === "true") closeInline(mark, false);
      else openInline(mark);
    } else if (mark && margins() && text.contains(mark)) {
      event.preventDefault(); // the note is beside its sentence: go to it
      var side = document.getElementById("pv-side-" + sentenceOf(mark).id);
      side.focus({ preventScroll: true });
      side.scrollIntoView({ block: "nearest" });
    } else if (mark && touch.matches && mark !== tapped) {
      // Touch screens have no hover: a first tap opens the note, a second follows the link.
      event.preventDefault();
      open(mark);
      tapped = mark;
    } else if (!inside(event.target)) {
      close();
    }
  });
  document.addEventListener("toggle", function (event) { // a note in the margin unfolded or folded
    if (margins() && event.target.closest && event.target.closest(".pv-sidenote")) placeSoon();
  }, true);
  window.addEventListener("resize", function () {
    close();
    layout();
    if (margins()) placeSoon();
  });
  window.addEventListener("hashchange", close); // followed a mark or a link to the notes
  document.addEventListener("scroll", function (event) {
    if (tip && event.target !== document && !tip.contains(event.target)) close(); // a scrolled table moves the mark
  }, true);
  layout();
  if (document.fonts) document.fonts.ready.then(function () { if (margins()) placeSoon(); }); // a web font reflows the text
})();
