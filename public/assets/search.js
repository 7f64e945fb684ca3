// The search page, over Pagefind's own search API (the site's /pagefind/ bundle and the shards merged
// into it). Without JavaScript this file never runs: the form stays hidden and the page keeps its note.
//
// Why not Pagefind's ready-made UI: it downloads every filter's index (every value's list of pages) on
// the first search, to count results per value, and that grows with the archive (about 330 KB at 10,000
// articles). Here the filter lists are written into the page at build time with archive-wide counts,
// and Pagefind loads a filter's index only when a search uses that filter.
//
// The address holds the search: ?q= (what the header's form sends), one ?name=value per filter
// (/search/?year=2019, ?person=Sergei+Ryabkov) and ?sort=oldest|relevance. A parameter that names no
// filter of the page is left out, so a stray one never empties the results.
// As many results at a time as Pagefind's own UI shows: each loads its article's fragment (about 3 KB).
const PAGE_SIZE = 5;
const DEBOUNCE_MS = 250;
// The filter naming the bundle of a sharded search index each page is in (not one of the page's filters).
const BUNDLE_FILTER = 'bundle';
// The year filter's value for an article without a date (src/site/searchIndexRecords.ts).
const YEAR_FILTER = 'year';
const UNDATED = 'Undated';

const form = document.getElementById('search');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');

if (form && input && status && list && more) {
  const baseUrl = form.dataset.baseUrl || '/';
  const bundlePath = form.dataset.bundlePath || '/pagefind/';
  const mergeBundles = (form.dataset.mergeBundles || '').split(' ').filter(Boolean);
  const selects = [...form.querySelectorAll('select[name]')];
  const filterSelects = selects.filter((select) => select.name !== 'sort');
  const sortSelect = form.querySelector('select[name="sort"]');
  const yearSelect = form.querySelector(`select[name="${YEAR_FILTER}"]`);
  const archiveHasUndated = yearSelect !== null && [...yearSelect.options].some((option) => option.value === UNDATED);

  // Shown only now: without this script the form could not search.
  form.classList.add('is-ready');
  more.hidden = true;
  document.getElementById('search-more-wrap')?.classList.add('is-ready');
  document.getElementById('search-needs-js')?.setAttribute('hidden', '');

  // The address's search, into the form. A filter value the list leaves out (past its most-named
  // values) is added to it, so a link from any person's page still works.
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  for (const select of selects) {
    const value = params.get(select.name);
    if (value === null || value === '') continue;
    if (![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
    select.value = value;
  }

  let pagefind = null;
  // The date order of a sharded index (public/assets/searchOrder.js), loaded with Pagefind when there are shards.
  let shardOrder = null;
  const loadPagefind = async () => {
    if (pagefind) return pagefind;
    const module = await import(`${bundlePath}pagefind.js`);
    // Searched on this thread: Pagefind's worker script would be one more download (41 KB) for a search
    // that takes milliseconds here (one chunk a word and shard).
    // Each bundle of a sharded index gets a filter value and an index weight of its own, so that results
    // sorted by date can be told apart by bundle (public/assets/searchOrder.js).
    await module.options({ baseUrl, bundlePath, noWorker: true, ...(mergeBundles.length > 0 ? { mergeFilter: { [BUNDLE_FILTER]: '0' } } : {}) });
    if (mergeBundles.length > 0) shardOrder = await import('./searchOrder.js');
    for (const [i, path] of mergeBundles.entries()) {
      await module.mergeIndex(path, { baseUrl, indexWeight: shardOrder.bundleWeight(i + 1), mergeFilter: { [BUNDLE_FILTER]: String(i + 1) } });
    }
    pagefind = module;
    return module;
  };

  /** Results in the order Pagefind gives them: `take(n)` loads the next n results' data. */
  const inOrder = (results) => {
    let rest = results;
    return {
      take: (n) => {
        const next = rest.slice(0, n);
        rest = rest.slice(n);
        return Promise.all(next.map((result) => result.data()));
      },
      done: () => rest.length === 0,
    };
  };

  /** `first`'s results, then `second`'s. */
  const followedBy = (first, second) => ({
    take: async (n) => {
      const taken = await first.take(n);
      return taken.length < n ? [...taken, ...(await second.take(n - taken.length))] : taken;
    },
    done: () => first.done() && second.done(),
  });

  /**
   * The results of `search` with how many there are; no query lists every article the filters allow.
   * By date in a sharded index, Pagefind's merged list is split back into the bundles' lists, which are
   * merged by date (public/assets/searchOrder.js): Pagefind orders them by score, which under a sort is a
   * page's place in its own bundle. Should the scores not tell the bundles apart, each bundle is searched
   * on its own. Oldest first, undated articles come last: their sort key (0000-00-00) is the least, so
   * Pagefind puts them first; one more search, of the undated alone, tells which they are.
   */
  const resultsOf = async (api, { q, filters, sort }) => {
    const query = q === '' ? null : q;
    const askUndated = sort.date === 'asc' && archiveHasUndated && filters[YEAR_FILTER] === undefined;
    // Both searches at once: each waits on its own index chunks.
    const [found, undated] = await Promise.all([
      api.search(query, { filters, sort }),
      askUndated ? api.search(query, { filters: { ...filters, [YEAR_FILTER]: UNDATED } }) : { results: [] },
    ]);
    const undatedIds = new Set(undated.results.map((result) => result.id));
    const dated = (results) => (undatedIds.size === 0 ? results : results.filter((result) => !undatedIds.has(result.id)));
    const undatedLast = (feed) => (undatedIds.size === 0 ? feed : followedBy(feed, inOrder(found.results.filter((result) => undatedIds.has(result.id)))));
    const count = found.results.length;
    if (shardOrder === null || !sort.date) return { count, feed: undatedLast(inOrder(dated(found.results))) };
    const { dateMerged, splitByBundle } = shardOrder;
    const bundles = Array.from({ length: mergeBundles.length + 1 }, (_, i) => String(i));
    const counts = bundles.map((bundle) => found.filters?.[BUNDLE_FILTER]?.[bundle] ?? 0);
    const lists =
      splitByBundle(found.results, counts) ??
      (await Promise.all(bundles.map((bundle) => api.search(query, { filters: { ...filters, [BUNDLE_FILTER]: bundle }, sort })))).map((one) => one.results);
    return { count, feed: undatedLast(dateMerged(lists.map(dated), sort.date === 'desc')) };
  };

  /** The form's search: the query (null for none), the chosen filters, the order. */
  const wanted = () => {
    const filters = {};
    for (const select of filterSelects) if (select.value !== '') filters[select.name] = select.value;
    const order = sortSelect?.value ?? '';
    const sort = order === 'relevance' ? {} : { date: order === 'oldest' ? 'asc' : 'desc' };
    const q = input.value.trim();
    return { q, filters, sort };
  };

  /** The address of a search, so it can be bookmarked, shared and reloaded. */
  const remember = ({ q, filters }) => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    for (const [name, value] of Object.entries(filters)) next.set(name, value);
    if (sortSelect && sortSelect.value) next.set('sort', sortSelect.value);
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  };

  const labelOf = (name) => form.querySelector(`label[for="search-${name}"]`)?.textContent ?? name;

  /** 'N articles for q (Year: 2019; Person: X)'. */
  const said = (count, { q, filters }) => {
    const chosen = Object.entries(filters).map(([name, value]) => `${labelOf(name)}: ${value}`);
    const what = count === 0 ? 'No articles' : `${count.toLocaleString('en-GB')} ${count === 1 ? 'article' : 'articles'}`;
    return `${what}${q ? ` for ${q}` : ''}${chosen.length ? ` (${chosen.join('; ')})` : ''}`;
  };

  /**
   * Pagefind's excerpt as elements: its text, with the words it marks in <mark>. The excerpt is
   * parsed in an inert <template> and only its text is kept, so no markup from an article reaches
   * the page.
   */
  const excerptNodes = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    const nodes = [];
    for (const node of template.content.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent ?? ''));
      }
    }
    return nodes;
  };

  const resultItem = (data) => {
    const item = document.createElement('li');
    item.className = 'search-result';
    const title = document.createElement('h2');
    title.className = 'search-result-title';
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta?.title || data.url;
    title.append(link);
    const facts = document.createElement('p');
    facts.className = 'search-result-meta';
    facts.textContent = [data.meta?.date, data.meta?.publisher].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(data.excerpt ?? ''));
    item.append(title, facts, excerpt);
    return item;
  };

  let searchId = 0;
  let feed = inOrder([]);

  const showMore = async (id) => {
    const data = await feed.take(PAGE_SIZE);
    if (id !== searchId) return;
    list.append(...data.map(resultItem));
    more.hidden = feed.done();
  };

  const run = async () => {
    const id = ++searchId;
    const search = wanted();
    remember(search);
    if (search.q === '' && Object.keys(search.filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = 'Searching…';
    try {
      const api = await loadPagefind();
      const found = await resultsOf(api, search);
      if (id !== searchId) return;
      list.replaceChildren();
      feed = found.feed;
      status.textContent = said(found.count, search);
      await showMore(id);
    } catch (error) {
      if (id !== searchId) return;
      status.textContent = 'Search failed to load. Reload the page to try again.';
      console.error(error);
    }
  };

  let timer = 0;
  const runSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener('input', runSoon);
  for (const select of selects) select.addEventListener('change', run);
  more.addEventListener('click', () => showMore(searchId));

  const header = document.getElementById('site-search-q');
  if (header && input.value) header.value = input.value;
  if (input.value.trim() !== '' || filterSelects.some((select) => select.value !== '')) run();
}
