// "Maybe your idea is already here": while the title or problem is typed, ask the server for similar published
// proposals and list them. Text is inserted with textContent, never as HTML.
(function () {
    'use strict';
    var box = document.querySelector('[data-similar-box]');
    var list = document.querySelector('[data-similar-list]');
    var sources = document.querySelectorAll('[data-similar-source]');
    if (!box || !list || sources.length === 0) return;
    var timer = null;
    var last = '';

    function render(items) {
        list.replaceChildren();
        items.forEach(function (item) {
            if (typeof item.url !== 'string' || item.url.charAt(0) !== '/') return;
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = item.url;
            a.target = '_blank';
            a.rel = 'noopener';
            a.textContent = item.title;
            li.appendChild(a);
            list.appendChild(li);
        });
        box.classList.toggle('d-none', list.children.length === 0);
    }

    function lookup() {
        var text = Array.prototype.map.call(sources, function (s) { return s.value; }).join(' ').trim();
        if (text.length < 4 || text === last) return;
        last = text;
        fetch('/proposals/similar?q=' + encodeURIComponent(text.slice(0, 500)), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(render)
            .catch(function () { /* suggestions are optional */ });
    }

    sources.forEach(function (s) {
        s.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(lookup, 350);
        });
    });

    // Keep the axis list to the chosen cycle's axes.
    var cycle = document.querySelector('[data-axes-filter]');
    var axis = document.getElementById('Form_AxisId');
    function filterAxes() {
        if (!cycle || !axis) return;
        Array.prototype.forEach.call(axis.options, function (o) {
            var c = o.getAttribute('data-cycle');
            o.hidden = c !== null && c !== cycle.value;
            if (o.hidden && o.selected) axis.value = '';
        });
    }
    if (cycle) { cycle.addEventListener('change', filterAxes); filterAxes(); }
})();
