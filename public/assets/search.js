// The search page: Pagefind's default UI over the site's own /pagefind/ bundle. The header's plain
// GET form sends ?q=, which is searched at once. Without JavaScript this file never runs and the page
// keeps its note that search needs JavaScript.
(function () {
  'use strict';
  var container = document.getElementById('search');
  if (!container || typeof window.PagefindUI !== 'function') return;
  // A large archive is indexed in several bundles (src/site/searchIndex.ts): merge them at search time.
  var baseUrl = container.getAttribute('data-base-url') || '/';
  var merged = (container.getAttribute('data-merge-bundles') || '').split(' ').filter(Boolean).map(function (path) {
    return { bundlePath: path, baseUrl: baseUrl };
  });
  var ui = new window.PagefindUI({
    mergeIndex: merged,
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
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) {
    ui.triggerSearch(q);
    var header = document.getElementById('site-search-q');
    if (header) header.value = q;
  }
})();
