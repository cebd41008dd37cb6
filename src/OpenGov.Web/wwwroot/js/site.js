// Site-wide behaviour. No inline scripts anywhere: the CSP forbids them.
document.addEventListener('DOMContentLoaded', () => {
  // Forms that ask for confirmation: <form data-confirm="...">
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (e) => { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });
});
