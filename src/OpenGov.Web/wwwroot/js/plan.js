// Action plan pages: the report's print button (no inline handlers: the CSP forbids them).
document.getElementById('print-report')?.addEventListener('click', () => window.print());
