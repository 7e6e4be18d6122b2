// The menu's groups open with Bootstrap's dropdowns once scripts run; until then (or without
// scripts) app.css opens them on hover and keyboard focus. Mark that scripts run.
document.documentElement.classList.add("js");
