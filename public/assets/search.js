// The search page: Pagefind's default UI over the site's own /pagefind/ bundle. The header's plain
// GET form sends ?q=, which is searched at once. Without JavaScript this file never runs and the page
// keeps its note that search needs JavaScript.
//
// Pre-filtered links: every other query parameter names a Pagefind filter and its value, and preselects
// it: /search/?year=2019, /search/?month=2019-03, /search/?publisher=teleSUR, /search/?person=Sergei+Ryabkov.
// Repeat a parameter for several values (?author=A&author=B); combine with ?q= for a query. A parameter
// that names no filter of the index is left out, so a stray one never empties the results.
(function () {
  'use strict';
  var container = document.getElementById('search');
  if (!container || typeof window.PagefindUI !== 'function') return;
  var bundlePath = container.getAttribute('data-bundle-path') || '/pagefind/';
  var params = new URLSearchParams(window.location.search);
  var q = params.get('q');
  var wanted = {};
  var any = false;
  params.forEach(function (value, name) {
    if (name === 'q' || value === '') return;
    (wanted[name] = wanted[name] || []).push(value);
    any = true;
  });
  // A large archive is indexed in several bundles (src/site/searchIndex.ts): merge them at search time.
  var baseUrl = container.getAttribute('data-base-url') || '/';
  var merged = (container.getAttribute('data-merge-bundles') || '').split(' ').filter(Boolean).map(function (path) {
    return { bundlePath: path, baseUrl: baseUrl };
  });
  var ui = new window.PagefindUI({
    mergeIndex: merged,
    element: '#search',
    baseUrl: container.getAttribute('data-base-url') || '/',
    bundlePath: bundlePath,
    showSubResults: false,
    showImages: false,
    sort: { date: 'desc' },
    // The filter groups a link preselects are shown open.
    openFilters: Object.keys(wanted),
    translations: { placeholder: 'Search the archive' },
    // A blank query searches for nothing in particular: Pagefind then lists every page the filters allow.
    processTerm: function (term) {
      return term.trim() === '' ? null : term;
    },
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
  if (q) {
    ui.triggerSearch(q);
    var header = document.getElementById('site-search-q');
    if (header) header.value = q;
  }
  if (!any) return;
  // Keep only the filters the index has (Pagefind's own API, the same module and options the UI uses).
  import(bundlePath + 'pagefind.js')
    .then(function (pagefind) {
      return Promise.resolve(pagefind.options({ baseUrl: container.getAttribute('data-base-url') || '/', bundlePath: bundlePath })).then(function () {
        return pagefind.filters();
      });
    })
    .then(function (available) {
      var filters = {};
      Object.keys(wanted).forEach(function (name) {
        if (available && available[name]) filters[name] = wanted[name];
      });
      applyFilters(filters);
    })
    .catch(function () {
      applyFilters(wanted);
    });

  function applyFilters(filters) {
    var names = Object.keys(filters);
    if (names.length === 0) return;
    ui.triggerFilters(filters);
    if (q) return;
    // No query: a blank one lists every article the filters allow (see processTerm), and the count line
    // names the filters instead of an empty query.
    ui.triggerSearch(' ');
    var said = names
      .map(function (name) {
        return name.charAt(0).toUpperCase() + name.slice(1) + ': ' + filters[name].join(', ');
      })
      .join('; ');
    new MutationObserver(function () {
      var message = container.querySelector('.pagefind-ui__message');
      var field = container.querySelector('.pagefind-ui__search-input');
      if (!message || !field || field.value.trim() !== '') return;
      var count = parseInt(message.textContent, 10);
      if (isNaN(count)) return;
      var text = count + (count === 1 ? ' article' : ' articles') + ' (' + said + ')';
      if (message.textContent !== text) message.textContent = text;
    }).observe(container, { childList: true, subtree: true, characterData: true });
  }
})();
