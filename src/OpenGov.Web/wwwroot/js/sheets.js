// Commitment sheets: when a section's comment form opens, put the cursor in it (handy on phones).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('details.sheet-comment-form, details.sheet-reply-form').forEach((d) => {
    d.addEventListener('toggle', () => {
      if (d.open) d.querySelector('textarea')?.focus();
    });
  });
});
