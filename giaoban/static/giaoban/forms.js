// Behaviour the pages need without inline scripts (the Content-Security-Policy forbids them):
// a <select data-autosubmit> submits its form when changed (the language switch).
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el && el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.submit();
});
