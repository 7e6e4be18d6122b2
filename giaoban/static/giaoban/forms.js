// Behaviour the pages need without inline scripts (the Content-Security-Policy forbids them):
// a <select data-autosubmit> submits its form when changed (the language switch).
// A form with data-confirm asks before it is sent (an act that cannot be undone from the page).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var message = form && form.getAttribute && form.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
});
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el && el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.submit();
});

// An HTMX request the server refuses with an error page (413 too large, 403, 404, 429, 500…) is
// not swapped into the page (see htmx-config in base.html): show the server's own message above
// the form that sent it, so the user is never left with a button that seems to do nothing.
function giaobanErrorMessage(xhr) {
  var text = "";
  try {
    var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var el = doc.querySelector("#request-refused p, [role=alert] p, [role=alert], main h1, h1");
    text = el ? el.textContent.trim() : "";
    if (!text && (xhr.getResponseHeader("Content-Type") || "").indexOf("json") >= 0) {
      text = JSON.parse(xhr.responseText).detail || "";
    }
  } catch (e) { text = ""; }
  var vi = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  var head = vi ? "Yêu cầu không được thực hiện (mã " + xhr.status + ")." :
    "The request was refused (code " + xhr.status + ").";
  var tail = vi ? " Chưa có gì được lưu." : " Nothing was saved.";
  return head + (text ? " " + text : "") + tail;
}
function giaobanShowError(elt, message) {
  var form = (elt && elt.closest && elt.closest("form")) || elt;
  if (!form || !form.parentNode) { window.alert(message); return; }
  var box = form.querySelector(":scope > .htmx-error");
  if (!box) {
    box = document.createElement("div");
    box.className = "alert alert-danger htmx-error";
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "request-error");
    form.insertBefore(box, form.firstChild);
  }
  box.textContent = message;
  box.scrollIntoView({ block: "nearest" });
}
document.addEventListener("htmx:responseError", function (event) {
  giaobanShowError(event.detail.elt, giaobanErrorMessage(event.detail.xhr));
});
document.addEventListener("htmx:sendError", function (event) {
  var vi = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  giaobanShowError(event.detail.elt, vi ?
    "Không kết nối được máy chủ. Chưa có gì được lưu; hãy thử lại." :
    "The server could not be reached. Nothing was saved; try again.");
});
