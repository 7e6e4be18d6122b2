// Live character counters. The browser's maxlength would cut pasted text silently: it is
// replaced by a counter that turns red past the limit; the server refuses over-long text with
// its message and the text stays in the field (nothing is lost). No inline script (CSP).
(function () {
  function attach(field) {
    if (field.dataset.counter) return;
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max) return;
    field.dataset.counter = "1";
    field.dataset.maxlength = String(max);
    field.removeAttribute("maxlength");
    var out = document.createElement("div");
    out.className = "form-text text-end char-counter";
    out.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", out);
    function update() {
      var n = field.value.length;
      out.textContent = n + "/" + max;
      var over = n > max;
      out.classList.toggle("text-danger", over);
      out.classList.toggle("fw-semibold", over);
      // mark the field only for the limit; a server error's mark stays until the user types
      if (over) { field.classList.add("is-invalid"); field.dataset.over = "1"; }
      else if (field.dataset.over) { field.classList.remove("is-invalid"); delete field.dataset.over; }
    }
    field.addEventListener("input", update);
    update();
  }
  function scan(root) {
    root.querySelectorAll("textarea[maxlength]").forEach(attach);
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (e) { scan(e.target); });
})();
