// Draws the status chart from the JSON the page embeds (no inline script needed).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("chart-data");
  var canvas = document.getElementById("status-chart");
  if (!el || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(el.textContent);
  new Chart(canvas, {
    type: "doughnut",
    data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: data.colours }] },
    options: { plugins: { legend: { position: "bottom" } }, animation: false }
  });
});
