// Search page: queries the Pagefind index of events (pagefind/ beside the site root) and
// narrows results by facet. Results are built with textContent only, so nothing a source
// says can add markup. Everything is loaded from this site; the query and the chosen
// facets are kept in the address so a search can be bookmarked or shared.
const FACETS = [
  ["era", "Era"], ["type", "Type"], ["place", "Place"],
  ["person", "Person"], ["organisation", "Organisation"], ["source", "Source"],
];
const PAGE = 20;

const form = document.querySelector("form.search");
const input = document.getElementById("search-q");
const facetBox = document.querySelector(".search-facets");
const facetList = document.querySelector(".facet-list");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const root = new URL(form.dataset.root || "./", document.baseURI);

let pagefind = null;
let results = [];
let shown = 0;
let generation = 0;
let timer = null;
let totals = {};

// Show beside each facet value how many events it would leave; values that would leave none
// are disabled, unless chosen (so a reader can always go back).
function showCounts(counts) {
  for (const [name] of FACETS) {
    const select = document.getElementById(`facet-${name}`);
    if (!select) continue;
    const values = counts[name] || {};
    for (const option of select.options) {
      if (!option.value) continue;
      const n = values[option.value] || 0;
      option.textContent = `${option.value} (${n})`;
      option.disabled = n === 0 && option.value !== select.value;
    }
  }
}

function chosenFilters() {
  const filters = {};
  for (const [name] of FACETS) {
    const select = document.getElementById(`facet-${name}`);
    if (select && select.value) filters[name] = select.value;
  }
  return filters;
}

function keepInAddress(term, filters) {
  const params = new URLSearchParams();
  if (term) params.set("q", term);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

async function showMore() {
  const mine = generation;
  const batch = results.slice(shown, shown + PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  for (const item of data) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = new URL(item.url.replace(/^\/+/, ""), root).href;
    link.textContent = item.meta.title || item.url;
    const title = document.createElement("p");
    title.className = "result-title";
    title.append(link);
    li.append(title);
    if (item.meta.date) {
      const when = document.createElement("p");
      when.className = "result-date";
      const date = document.createElement("time");
      if (item.meta.datetime) date.dateTime = item.meta.datetime;
      date.textContent = item.meta.date;
      when.append(date);
      li.append(when);
    }
    if (item.meta.where) {
      const where = document.createElement("p");
      where.className = "result-where";
      where.textContent = item.meta.where;
      li.append(where);
    }
    list.append(li);
  }
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function run() {
  clearTimeout(timer);
  const mine = ++generation;
  list.setAttribute("aria-busy", "true");
  const term = input.value.trim();
  const filters = chosenFilters();
  keepInAddress(term, filters);
  list.replaceChildren();
  more.hidden = true;
  results = [];
  shown = 0;
  if (!term && Object.keys(filters).length === 0) {
    status.textContent = "Type a name, a place or any words, or choose a facet.";
    showCounts(totals);
    list.setAttribute("aria-busy", "false");
    return;
  }
  const search = await pagefind.search(term || null, { filters });
  if (mine !== generation) return;
  results = search.results;
  showCounts(search.filters || totals);
  status.textContent = results.length === 1 ? "1 event found." : `${results.length} events found.`;
  await showMore();
  if (mine === generation) list.setAttribute("aria-busy", "false");
}

function buildFacets(available, params) {
  for (const [name, label] of FACETS) {
    const values = available[name];
    if (!values || Object.keys(values).length === 0) continue;
    const row = document.createElement("p");
    row.className = "facet";
    const lab = document.createElement("label");
    lab.htmlFor = `facet-${name}`;
    lab.textContent = label;
    const select = document.createElement("select");
    select.id = `facet-${name}`;
    select.name = name;
    select.append(new Option("Any", ""));
    const names = Object.keys(values).sort((a, b) => a.localeCompare(b));
    for (const value of names) {
      const option = new Option(`${value} (${values[value]})`, value);
      select.append(option);
    }
    if (params.has(name) && names.includes(params.get(name))) select.value = params.get(name);
    select.addEventListener("change", run);
    row.append(lab, select);
    facetList.append(row);
  }
  facetBox.hidden = facetList.childElementCount === 0;
}

async function start() {
  try {
    const bundle = new URL(`${form.dataset.bundle}pagefind.js`, document.baseURI).href;
    pagefind = await import(bundle);
    await pagefind.init();
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site; browse by the pages below.";
    return;
  }
  const params = new URLSearchParams(location.search);
  totals = await pagefind.filters();
  buildFacets(totals, params);
  input.value = params.get("q") || "";
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  more.querySelector("button").addEventListener("click", showMore);
  document.documentElement.classList.add("search-ready");
  await run();
}

start();
