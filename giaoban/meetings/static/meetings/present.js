// Presentation mode: one slide at a time; ←/→ (and PageUp/PageDown, space) move, F toggles full screen.
document.addEventListener("DOMContentLoaded", function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var counter = document.getElementById("slide-no");
  var current = 0;
  function show(n) {
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, i) { s.classList.toggle("active", i === current); });
    if (counter) counter.textContent = (current + 1) + "/" + slides.length;
    document.body.dataset.slide = String(current);
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") { show(current + 1); e.preventDefault(); }
    else if (e.key === "ArrowLeft" || e.key === "PageUp") { show(current - 1); e.preventDefault(); }
    else if (e.key === "f" || e.key === "F") {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen().catch(function () {}); }
    }
  });
  show(0);
  var el = document.getElementById("chart-data");
  var canvas = document.getElementById("present-chart");
  if (el && canvas && typeof Chart !== "undefined") {
    var data = JSON.parse(el.textContent);
    var size = Math.max(16, Math.round(parseFloat(getComputedStyle(document.body).fontSize) * 0.8));
    new Chart(canvas, {
      type: "doughnut",
      data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: data.colours }] },
      options: {
        maintainAspectRatio: false, animation: false, color: "#111",
        plugins: { legend: { position: "bottom", labels: { color: "#111", font: { size: size } } } }
      }
    });
  }
});
