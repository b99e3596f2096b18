/**
 * The demo host page: a SaaS product's "Account › Billing" page that embeds every billing
 * element, against the kit's mock backend running in a service worker. The controls at
 * the top steer the mock (tenant, role) and the page (language, theme); the mock keeps
 * its state across reloads until "Reset demo data".
 */
import { startBrowserMock } from '../mocks/browser.js';
import { scenarios } from '../mocks/scenarios/index.js';
import type { Role } from '../mocks/engine/types.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const SETTINGS_KEY = 'billing-elements-demo';

interface Settings {
  lang: string;
  theme: '' | 'light' | 'dark';
}
const saved: Partial<Settings> = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
const settings: Settings = { lang: saved.lang ?? 'en', theme: saved.theme ?? '' };

// The mock must answer before the elements ask for data: start it, then define the tags.
const mock = await startBrowserMock({ quiet: true });
await import('../src/define.js');
const { store } = mock;
const provider = document.querySelector('billing-provider')!;

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
    provider.reload();
    showState();
    document.body.removeAttribute('aria-busy');
    toast(`Loaded ${scenarioSelect.selectedOptions[0]?.text ?? scenarioSelect.value}.`);
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

$('reset').addEventListener('click', async () => {
  await store.reset();
  provider.reload();
  showState();
  toast('Demo data reset.');
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
