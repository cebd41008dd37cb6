// Site-wide behaviour. No inline scripts anywhere: the CSP forbids them.
document.addEventListener('DOMContentLoaded', () => {
  // Forms that ask for confirmation: <form data-confirm="...">
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (e) => { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });

  // A table wider than its box scrolls inside it: keyboard users reach the hidden columns by focusing the box (WCAG 2.1.1).
  const scrollables = () => document.querySelectorAll('.table-responsive').forEach((box) => {
    if (box.scrollWidth > box.clientWidth) box.setAttribute('tabindex', '0'); else box.removeAttribute('tabindex');
  });
  scrollables();
  window.addEventListener('resize', scrollables);

  // After a refused submission, move focus to the error summary (or the first invalid field) so keyboard and screen
  // reader users land on what went wrong instead of the top of the page (WCAG 3.3.1).
  const summary = document.querySelector('.validation-summary-errors, [data-error-summary]');
  const target = summary || document.querySelector('[aria-invalid="true"]');
  if (target) {
    if (target === summary && !summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
    target.focus();
  }
});
