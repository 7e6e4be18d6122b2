// The report page: a signed report file over the size limit is refused as soon as it is chosen
// (its own message under the field, the choice cleared). Sent, the whole request would be
// refused before the typed text could be saved; the autosave never carries the file.
(function () {
  function tooLarge(input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var big = Array.prototype.some.call(input.files || [], function (f) {
      return f.size > max;
    });
    var box = document.getElementById(input.id + "-too-large");
    if (box) {
      box.textContent = big ? input.getAttribute("data-too-large") : "";
      box.hidden = !big;
    }
    if (big) input.value = "";
    return big;
  }
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("input[type=file][data-max-bytes]")) tooLarge(el);
  });
  document.addEventListener(
    "submit",
    function (event) {
      var inputs = event.target.querySelectorAll("input[type=file][data-max-bytes]");
      for (var i = 0; i < inputs.length; i++) {
        if (tooLarge(inputs[i])) {
          event.preventDefault();
          inputs[i].focus();
          return;
        }
      }
    },
    true
  );
})();

// After each autosave the status says which fields were not taken (data-field-errors, JSON
// {name: message}): every valid field was saved; only the wrong ones are marked, with their
// message under them, and the marks of fields put right are cleared.
(function () {
  var LISTS = { next_tasks: "next_task", recommendations: "rec_text" };
  function fields(form, name) {
    return form.querySelectorAll('[name="' + (LISTS[name] || name) + '"]');
  }
  function mark(form, errors) {
    var marked = form.querySelectorAll(".is-invalid");
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove("is-invalid");
      marked[i].removeAttribute("aria-invalid");
    }
    var boxes = form.querySelectorAll("[data-error-for]");
    for (var j = 0; j < boxes.length; j++) boxes[j].textContent = "";
    Object.keys(errors).forEach(function (name) {
      var els = fields(form, name);
      for (var k = 0; k < els.length; k++) {
        els[k].classList.add("is-invalid");
        els[k].setAttribute("aria-invalid", "true");
      }
      var box = form.querySelector('[data-error-for="' + name + '"]');
      if (box) box.textContent = errors[name];
    });
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "save-status") return;
    var form = document.getElementById("report-form");
    var status = target.querySelector("[data-field-errors]");
    if (!form || !status) return;
    var errors = {};
    try {
      errors = JSON.parse(status.getAttribute("data-field-errors") || "{}");
    } catch (e) {
      errors = {};
    }
    mark(form, errors);
  });
})();

// Sending (or saving the draft by its button) posts the whole form: an autosave still waiting
// for its delay (the click on "send" takes the focus from the last field, whose change starts
// one) must not go out after it: the report would already be sent, the save refused. From the
// submit on, the form's autosaves are dropped; a page brought back by "back" autosaves again.
(function () {
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!event.defaultPrevented && form && form.id === "report-form") form.dataset.sending = "1";
  });
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.id === "report-form" && elt.dataset.sending) event.preventDefault();
  });
  window.addEventListener("pageshow", function (event) {
    var form = document.getElementById("report-form");
    if (event.persisted && form) delete form.dataset.sending;
  });
})();
