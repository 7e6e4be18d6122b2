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
