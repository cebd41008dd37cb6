// Pickers by title, as progressive enhancement: the form works without this script (a plain <select>, or a text input
// where the exact title or an id can be typed); with it, a long <select data-filterable> gets a search box that hides
// non-matching options, and an <input data-suggest-url> lists matching titles from the server in its <datalist>.
// Text is set with textContent / value, never as HTML.
(function () {
    'use strict';

    document.querySelectorAll('select[data-filterable]').forEach(function (select) {
        var box = document.createElement('input');
        box.type = 'search';
        box.className = 'form-control form-control-sm mb-1';
        box.setAttribute('aria-label', select.getAttribute('data-filter-label') || '');
        box.placeholder = select.getAttribute('data-filter-label') || '';
        box.setAttribute('aria-controls', select.id);
        select.parentNode.insertBefore(box, select);
        box.addEventListener('input', function () {
            var q = box.value.trim().toLocaleLowerCase();
            Array.prototype.forEach.call(select.options, function (o) {
                o.hidden = q !== '' && o.value !== '' && !o.selected && o.text.toLocaleLowerCase().indexOf(q) < 0;
            });
        });
    });

    document.querySelectorAll('input[data-suggest-url]').forEach(function (input) {
        var list = document.getElementById(input.getAttribute('list'));
        if (!list) return;
        var timer = null;
        var last = '';
        function lookup() {
            var q = input.value.trim();
            if (q.length < 2 || q === last || /\s[0-9a-f-]{36}$/i.test(q)) return;
            last = q;
            fetch(input.getAttribute('data-suggest-url') + '&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (items) {
                    list.replaceChildren();
                    items.forEach(function (item) {
                        var option = document.createElement('option');
                        option.value = item.title + ' — ' + item.id;
                        list.appendChild(option);
                    });
                })
                .catch(function () { /* suggestions are optional: the typed title still works */ });
        }
        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(lookup, 250);
        });
    });
})();
