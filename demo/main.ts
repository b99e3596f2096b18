/**
 * The demo host page: a SaaS product's "Account › Billing" page that embeds every billing
 * element, against the kit's mock backend running in a service worker. The controls at
 * the top steer the mock (tenant, role, a world of one's own) and the page (language,
 * theme); the mock keeps its state across reloads. "Reset demo data" starts the tenant
 * shown over.
 */
import { startBrowserMock } from '../mocks/browser.js';
import { scenarios } from '../mocks/scenarios/index.js';
import type { Role } from '../mocks/engine/types.js';
import { loadWorld, startOver } from './mock-control.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const SETTINGS_KEY = 'billing-elements-demo';
/** The JSON of the world last loaded by hand, so that "Reset demo data" can load it again. */
const WORLD_KEY = 'billing-elements-demo-world';

interface Settings {
  lang: string;
  theme: '' | 'light' | 'dark';
}
const saved: Partial<Settings> = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
const settings: Settings = { lang: saved.lang ?? 'en', theme: saved.theme ?? '' };

// The mock must answer before the elements ask for data: the kit's modules load while it
// starts (the main entry defines no tag), and the tags are defined once it answers.
const kit = import('../src/index.js');
const mock = await startBrowserMock({ quiet: true });
await kit;
await import('../src/define.js');
const { store } = mock;
const provider = document.querySelector('billing-provider')!;
const BASE_URL = provider.baseUrl;
/** Kept for the tab's life (in sessionStorage when it fits there: a large world does not). */
let handWorld = sessionStorage.getItem(WORLD_KEY) ?? undefined;

const scenarioSelect = $<HTMLSelectElement>('scenario');
for (const s of scenarios.filter((s) => s.name !== 'generated-100k')) {
  scenarioSelect.add(new Option(s.title, s.name));
}
scenarioSelect.add(new Option('Generated, 100,000 people (slow to load)', 'generated-100k'));

function showState(): void {
  scenarioSelect.value = store.scenario ?? '';
  $<HTMLSelectElement>('role').value = store.role ?? 'member';
  $<HTMLSelectElement>('lang').value = settings.lang;
  $<HTMLSelectElement>('theme').value = settings.theme;
  const scenario = scenarios.find((s) => s.name === store.scenario);
  $('scenario-hint').textContent = scenario ? scenario.description : 'A world loaded by hand.';
  $('who').textContent = `Signed in as ${store.role ?? 'nobody'} · today is ${store.today}`;
  provider.lang = settings.lang;
  document.documentElement.lang = settings.lang;
  if (settings.theme) provider.theme = settings.theme;
  else provider.removeAttribute('theme');
  document.documentElement.style.colorScheme = settings.theme || 'light dark';
}

function toast(message: string): void {
  const t = $('toast');
  t.textContent = message;
  t.classList.add('show');
  setTimeout(() => t.classList.remove('show'), 3500);
}

function saveSettings(): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

scenarioSelect.addEventListener('change', () => {
  document.body.setAttribute('aria-busy', 'true');
  // Let the select close and the busy state paint before a large world is built.
  setTimeout(() => {
    store.loadScenario(scenarioSelect.value);
    document.body.removeAttribute('aria-busy');
    reloaded(`Loaded ${scenarioSelect.selectedOptions[0]?.text ?? scenarioSelect.value}.`);
  }, 30);
});

$<HTMLSelectElement>('role').addEventListener('change', (e) => {
  store.setSession({ role: (e.target as HTMLSelectElement).value as Role });
  provider.reload();
  showState();
});

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  settings.lang = (e.target as HTMLSelectElement).value;
  saveSettings();
  showState();
});

$<HTMLSelectElement>('theme').addEventListener('change', (e) => {
  settings.theme = (e.target as HTMLSelectElement).value as Settings['theme'];
  saveSettings();
  showState();
});

/** Shows the mock's refusal in words under the world form; nothing when it was done. */
function showProblems(problems: string[]): void {
  const box = $('world-problems');
  box.replaceChildren();
  if (!problems.length) return;
  const [first, ...rest] = problems;
  const p = document.createElement('p');
  p.textContent = `Not loaded: ${first}`;
  const list = document.createElement('ul');
  for (const line of rest) list.append(Object.assign(document.createElement('li'), { textContent: line }));
  box.append(p, ...(rest.length ? [list] : []));
}

/** After the mock's world or role changed: the elements load again, the controls say so. */
function reloaded(message: string): void {
  provider.reload();
  showState();
  toast(message);
}

async function loadWorldText(json: string): Promise<void> {
  document.body.setAttribute('aria-busy', 'true');
  try {
    const problems = await loadWorld(BASE_URL, json);
    showProblems(problems);
    if (problems.length) return;
    handWorld = json;
    try {
      sessionStorage.setItem(WORLD_KEY, json);
    } catch {
      sessionStorage.removeItem(WORLD_KEY); // too large to keep across a reload of the page
    }
    reloaded('Loaded your world.');
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

$<HTMLFormElement>('world-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void loadWorldText($<HTMLTextAreaElement>('world-text').value);
});

$<HTMLInputElement>('world-file').addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  await loadWorldText(await file.text());
  input.value = '';
});

$('reset').addEventListener('click', async () => {
  // The tenant shown starts over (the mock's own reset would switch to its default tenant).
  const problems = await startOver(BASE_URL, store.scenario, handWorld);
  if (problems.length) {
    toast(`Not reset: ${problems.join(' ')}`);
    return;
  }
  showProblems([]);
  reloaded('Demo data reset.');
});

// What a host does with the elements' events.
document.addEventListener('billing-change', (e) => toast(`Saved: ${e.topic}.`));
document.addEventListener('billing-update-payment-method' as keyof DocumentEventMap, async () => {
  // A real host opens its payment provider's form here. The demo swaps in a test card.
  const ok = confirm('In your product this opens your payment provider. Put a valid test card on file?');
  if (!ok) return;
  store.swapTestCard();
  provider.refresh();
  toast('A valid test card is on file. Try "Settle balance" again.');
});

// Highlight the section in view in the side navigation.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.side a')];
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      for (const a of links) {
        if (a.dataset['section'] === entry.target.id) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
    }
  },
  { rootMargin: '-30% 0px -60% 0px' },
);
for (const section of document.querySelectorAll('main section')) observer.observe(section);

showState();
