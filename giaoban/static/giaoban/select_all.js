// "Select all" of a list with row checkboxes (no inline script: the pages run under a strict CSP).
document.addEventListener("DOMContentLoaded", function () {
  var all = document.getElementById("select-all");
  if (!all) return;
  var rows = function () { return document.querySelectorAll("input.row-select"); };
  all.addEventListener("change", function () {
    rows().forEach(function (box) { box.checked = all.checked; });
  });
});
