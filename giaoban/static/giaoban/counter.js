// Live character counters. The browser's maxlength would cut pasted text silently: it is
// replaced by a counter that turns red past the limit; the server refuses over-long text with
// its message and the text stays in the field (nothing is lost). No inline script (CSP).
// A text area always shows its counter; a one-line box (a title, a place, a name, a document
// number) shows it once the text nears the limit, so a form of short boxes stays quiet.
// The count is the server's: surrounding spaces are not counted (they are stripped there) and
// a line break counts two, as the browser sends it (CR LF).
(function () {
  function length(field) {
    return field.value.trim().replace(/\r?\n/g, "\r\n").length;
  }
  function attach(field) {
    if (field.dataset.counter) return;
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max) return;
    var oneLine = field.tagName === "INPUT";
    field.dataset.counter = "1";
    field.dataset.maxlength = String(max);
    field.removeAttribute("maxlength");
    var out = document.createElement("div");
    out.className = "form-text text-end char-counter";
    out.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", out);
    function update() {
      var n = length(field);
      out.textContent = n + "/" + max;
      var over = n > max;
      out.hidden = oneLine && n < max * 0.8;
      out.classList.toggle("text-danger", over);
      out.classList.toggle("fw-semibold", over);
      // mark the field only for the limit; a server error's mark stays until the user types
      if (over) { field.classList.add("is-invalid"); field.dataset.over = "1"; }
      else if (field.dataset.over) { field.classList.remove("is-invalid"); delete field.dataset.over; }
    }
    field.addEventListener("input", update);
    update();
  }
  var FIELDS = "textarea[maxlength], input[type=text][maxlength]";
  function counted(f) {  // a short code box (a date, a period) is not a text to count
    return parseInt(f.getAttribute("maxlength"), 10) >= 30;
  }
  function scan(root) {
    root.querySelectorAll(FIELDS).forEach(function (f) { if (counted(f)) attach(f); });
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (e) { scan(e.target); });
  // a row added later (a formset's "Add a row") gets its counter when the user enters it
  document.addEventListener("focusin", function (e) {
    var f = e.target;
    if (f && f.matches && f.matches(FIELDS) && counted(f)) attach(f);
  });
})();
