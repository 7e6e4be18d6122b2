// Searchable unit filter: type a few letters (accents optional), pick a unit from the list the
// API returns (the user's own scope), the filter form is submitted. Replaces a <select> of
// thousands of units for a national administrator. No inline script (CSP).
(function () {
  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var input = box.querySelector(".unit-picker-input");
    var value = box.querySelector(".unit-picker-value");
    var list = box.querySelector(".unit-picker-list");
    var form = box.closest("form");
    var timer = null;
    function choose(id, name) {
      value.value = id;
      input.value = name;
      list.innerHTML = "";
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2) { list.innerHTML = ""; return; }
      fetch(box.dataset.url + "?limit=20&q=" + encodeURIComponent(q), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (r) { return r.ok ? r.json() : { items: [] }; }).then(function (data) {
        list.innerHTML = "";
        (data.items || []).forEach(function (u) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "list-group-item list-group-item-action py-1 small";
          b.setAttribute("role", "option");
          b.dataset.unit = u.id;
          b.textContent = u.name;
          b.addEventListener("click", function () { choose(u.id, u.name); });
          list.appendChild(b);
        });
      });
    }
    input.addEventListener("input", function () {
      if (!input.value.trim()) { value.value = ""; }
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && list.firstChild) { e.preventDefault(); list.firstChild.click(); }
    });
  }
  function scan(root) { root.querySelectorAll(".unit-picker").forEach(setup); }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (e) { scan(e.target); });
})();
