// One popup for every quote, filled from the quote's data attributes when
// the pointer or the keyboard focus reaches it; Escape hides it. The
// quote's mention and cue are outlined while it is shown.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;

  function line(text, cls) {
    var div = document.createElement("div");
    var inner = cls === "b" ? div.appendChild(document.createElement("b")) : div;
    if (cls === "dim") div.className = cls;
    inner.textContent = text;
    return div;
  }

  function describe(q) {
    var d = q.dataset, kind = d.kind, lines = [];
    if (!d.who) {
      lines.push(line(kind === "title" ? "A title: not speech" : "A scare quote: not speech", "b"));
      return lines;
    }
    lines.push(line(d.who, "b"));
    lines.push(line(kind + " quote " + d.i, "dim"));
    if (d.how) {
      lines.push(line("mention: \u201c" + d.mention + "\u201d, found by " + d.how));
    } else {
      lines.push(line("the text does not make the speaker clear"));
    }
    lines.push(line("cue: " + (d.cue ? "\u201c" + d.cue + "\u201d" : "none")));
    if (d.conf) lines.push(line("confidence: " + d.conf));
    return lines;
  }

  function mark(q, on) {
    [q.dataset.m, q.dataset.c].forEach(function (id) {
      var el = id && document.getElementById(id);
      if (el) el.classList.toggle("on", on);
    });
    q.classList.toggle("on", on);
  }

  function show(q) {
    if (shown === q) return;
    hide();
    shown = q;
    tip.replaceChildren.apply(tip, describe(q));
    var r = q.getClientRects()[0] || q.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.min(r.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left) + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
    mark(q, true);
  }

  function hide() {
    if (!shown) return;
    mark(shown, false);
    shown = null;
    tip.hidden = true;
  }

  function quoteOf(target) {
    return target.closest ? target.closest(".text .q") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var q = quoteOf(e.target);
    if (q) show(q);
    else if (shown && document.activeElement !== shown) hide();
  });
  document.addEventListener("focusin", function (e) {
    var q = quoteOf(e.target);
    if (q) show(q); else hide();
  });
  document.addEventListener("focusout", function () {
    if (shown && !shown.matches(":hover")) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
})();
