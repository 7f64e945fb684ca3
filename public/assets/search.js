// The search page: Pagefind's default UI over the site's own /pagefind/ bundle. The header's plain
// GET form sends ?q=, which is searched at once. Without JavaScript this file never runs and the page
// keeps its note that search needs JavaScript.
(function () {
  'use strict';
  var container = document.getElementById('search');
  if (!container || typeof window.PagefindUI !== 'function') return;
  var ui = new window.PagefindUI({
    element: '#search',
    baseUrl: container.getAttribute('data-base-url') || '/',
    bundlePath: container.getAttribute('data-bundle-path') || '/pagefind/',
    showSubResults: false,
    showImages: false,
    sort: { date: 'desc' },
    translations: { placeholder: 'Search the archive' },
  });
  var note = document.getElementById('search-needs-js');
  if (note) note.hidden = true;
  // Pagefind's input has only a placeholder and a title: give it the visible label above it.
  var label = document.getElementById('search-label');
  var input = container.querySelector('input');
  if (label && input) {
    label.classList.add('is-ready');
    input.setAttribute('aria-labelledby', 'search-label');
  }
  var params = new URLSearchParams(window.location.search);
  // Links from person and place pages (?person=Name, ?place=Name) open the search filtered to them.
  var filters = {};
  ['person', 'place'].forEach(function (key) {
    var values = params.getAll(key);
    if (values.length) filters[key] = values;
  });
  if (Object.keys(filters).length) ui.triggerFilters(filters);
  var q = params.get('q');
  if (q) {
    ui.triggerSearch(q);
    var header = document.getElementById('site-search-q');
    if (header) header.value = q;
  }
})();
