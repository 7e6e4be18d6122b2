// Formsets: "Add a row" clones the empty form (Django's __prefix__) and bumps TOTAL_FORMS.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".add-row");
  if (!button) return;
  const prefix = button.dataset.prefix;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-empty`);
  const body = document.querySelector(`table.formset[data-prefix="${prefix}"] tbody`);
  if (!total || !template || !body) return;
  const index = Number(total.value);
  const html = template.innerHTML.replaceAll("__prefix__", String(index));
  body.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
});
