import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { generateWorld } from '../../mocks/engine/generate.js';
import type { World } from '../../mocks/engine/types.js';
import { BillingClient, type BillingApiError } from '../../src/client/index.js';
import { onFirstUse, type BillingUsersTable } from '../../src/components/users-table/users-table.js';
import { INITIAL_ROWS } from '../../src/components/users-table/virtual-rows.js';
import { privateElement } from '../../src/internal/private-element.js';
import { all, BASE_URL, find, render, shadow, text, useMockBackend, waitForText } from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

async function table(attrs = ''): Promise<BillingUsersTable> {
  const el = await render<BillingUsersTable>(
    attrs === 'standalone'
      ? html`<billing-users-table base-url=${BASE_URL} lang="en"></billing-users-table>`
      : html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
    'billing-users-table',
  );
  await find(el, 'tbody tr.row');
  return el;
}

function rows(el: HTMLElement): HTMLTableRowElement[] {
  return all<HTMLTableRowElement>(el, 'tbody tr.row');
}

function tab(el: HTMLElement, which: 'billed' | 'not-billed'): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>(`#tab-${which}`)!;
}

async function showTab(el: BillingUsersTable, which: 'billed' | 'not-billed'): Promise<void> {
  tab(el, which).click();
  await el.updateComplete; // the old tab's rows are gone
  await waitUntil(
    () => el.tab === which && rows(el).length > 0 && !text(shadow(el).querySelector('.footer')).includes('Loading'),
  );
}

/** A world with a person whose name and e-mail are hostile to spreadsheets and HTML. */
function hostileWorld(): World {
  const w = generateWorld({ seed: 3, people: 60, model: 'peak-daily' });
  const people = w.people.map(({ deactivatedOn: _d, deletedOn: _x, ...p }, i) =>
    i === 5
      ? { ...p, name: '=HYPERLINK("http://evil.example","click")' }
      : i === 6
        ? { ...p, name: '<img src=x onerror="window.__xss=1">' }
        : p,
  );
  return { ...w, people };
}

describe('<billing-users-table>', () => {
  it('shows the billed users of the current month with the tab counts and the rule', async () => {
    const el = await table();
    const page = await client.listUsers({ month: '2026-11', billed: true });
    expect(text(tab(el, 'billed'))).to.include(String(page.billedCount));
    expect(text(tab(el, 'not-billed'))).to.include(String(page.notBilledCount));
    expect(text(shadow(el).querySelector('.rule'))).to.include("day of the month's highest user count");
    expect(text(shadow(el).querySelector('.rule'))).to.include('Provisional');
    const first = rows(el)[0]!;
    expect(text(first)).to.include(page.items[0]!.name);
    expect(text(first)).to.include(page.items[0]!.email);
    expect(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')).to.equal(String(page.total + 1));
    await expect(el).to.be.accessible();
  });

  it('lists the not billed users with the reason and its date', async () => {
    const el = await table();
    await showTab(el, 'not-billed');
    const page = await client.listUsers({ month: '2026-11', billed: false });
    const first = page.items[0]!;
    const row = rows(el)[0]!;
    expect(text(row)).to.include(first.name);
    expect(all(el, 'th').map((th) => text(th))).to.include.members(['Why not billed↕']);
    expect(text(row.querySelector('.reason'))).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('follows the ARIA tabs pattern with the keyboard', async () => {
    const el = await table();
    tab(el, 'billed').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.tab === 'not-billed');
    expect(shadow(el).activeElement).to.equal(tab(el, 'not-billed'));
    expect(tab(el, 'not-billed').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'billed').tabIndex).to.equal(-1);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.tab === 'billed');
    expect(shadow(el).activeElement).to.equal(tab(el, 'billed'));
  });

  it('searches by name or e-mail, and says so when nothing matches', async () => {
    const el = await table();
    const someone = (await client.listUsers({ month: '2026-11', billed: true })).items[3]!;
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: someone.email });
    await waitUntil(() => rows(el).length === 1, 'search did not narrow to one row');
    expect(text(rows(el)[0])).to.include(someone.name);

    input.select();
    await sendKeys({ type: 'zzzz-nobody' });
    await waitForText(el, 'No matches');
    await expect(el).to.be.accessible();
  });

  it('sorts by a column, ascending then descending', async () => {
    const el = await table();
    const header = (col: string): HTMLElement => shadow(el).querySelector<HTMLElement>(`th.col-${col}`)!;
    expect(header('name').getAttribute('aria-sort')).to.equal('ascending');
    header('name').querySelector('button')!.click();
    await waitUntil(() => header('name')?.getAttribute('aria-sort') === 'descending');
    const expected = await client.listUsers({ month: '2026-11', billed: true, sort: '-name', limit: 3 });
    await waitUntil(() => text(rows(el)[0]).includes(expected.items[0]!.name), 'not re-sorted');
    header('email').querySelector('button')!.click();
    await waitUntil(() => header('email')?.getAttribute('aria-sort') === 'ascending');
    expect(header('name').getAttribute('aria-sort')).to.equal('none');
  });

  it('keeps the rows on screen, marked busy, while a new sort is on its way', async () => {
    const el = await table();
    const before = text(rows(el)[0]);
    store().setFaults([{ operation: 'listUsers', kind: 'latency', latencyMs: 800, times: 1 }]);
    shadow(el).querySelector<HTMLElement>('th.col-name button')!.click();
    await el.updateComplete;
    const tableEl = shadow(el).querySelector('table')!;
    expect(shadow(el).querySelector('.state.loading'), 'no loading state in place of the table').to.equal(null);
    expect(tableEl.classList.contains('stale'), 'the rows shown are marked stale').to.equal(true);
    expect(tableEl.getAttribute('aria-busy')).to.equal('true');
    expect(text(rows(el)[0]), 'the last rows stay').to.equal(before);
    expect(text(shadow(el).querySelector('.footer'))).to.include('Loading');
    const expected = await client.listUsers({ month: '2026-11', billed: true, sort: '-name', limit: 1 });
    await waitUntil(() => text(rows(el)[0]).includes(expected.items[0]!.name), 'not re-sorted', { timeout: 5000 });
    expect(shadow(el).querySelector('table')!.classList.contains('stale')).to.equal(false);
    expect(shadow(el).querySelector('table')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows a past month when picked', async () => {
    const el = await table();
    const select = shadow(el).querySelector<HTMLSelectElement>('select')!;
    await waitUntil(() => select.querySelector('option[value="2026-03"]'), 'March is not offered');
    select.value = '2026-03';
    select.dispatchEvent(new Event('change'));
    const march = await client.listUsers({ month: '2026-03', billed: true });
    await waitUntil(() => text(tab(el, 'billed')).includes(String(march.billedCount)) && el.month === '2026-03');
    await waitUntil(() => !text(shadow(el).querySelector('.rule')).includes('Provisional'));
  });

  describe('the months offered', () => {
    /** The values of the month picker once it offers more than the month shown. */
    async function offered(el: HTMLElement): Promise<string[]> {
      const select = shadow(el).querySelector<HTMLSelectElement>('select')!;
      await waitUntil(() => select.options.length > 1, 'the picker offers only the month shown');
      return [...select.options].map((o) => o.value);
    }

    it('starts at the month the subscription started, not before', async () => {
      const el = await table(); // injixo-advanced: subscribed on 1 November 2025, no trial
      const months = await offered(el);
      expect(months[0]).to.equal('2026-11');
      expect(months.at(-1)).to.equal('2025-11');
      expect(months).to.have.length(13);
      expect(months).not.to.include('2024-12');
      expect(text(shadow(el).querySelector('.rule'))).not.to.include('Not charged');
    });

    it('offers the trial months, and says a trial month is not charged', async () => {
      store().loadScenario('workplace-advanced'); // trial from 5 September 2025, first billed month November 2025
      const el = await table();
      const months = await offered(el);
      expect(months.at(-1)).to.equal('2025-09');
      expect(months).not.to.include('2025-08');
      const select = shadow(el).querySelector<HTMLSelectElement>('select')!;
      select.value = '2025-10';
      select.dispatchEvent(new Event('change'));
      await waitForText(el, 'Not charged: a trial month, or before the subscription.');
      await expect(el).to.be.accessible();
      select.value = '2025-11';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => el.month === '2025-11' && !text(shadow(el).querySelector('.rule')).includes('Not charged'));
    });

    it('offers the last two years when the start cannot be told', async () => {
      store().setFaults([{ operation: 'getSubscription', kind: 'error-500', times: 1 }]);
      const el = await table();
      const months = await offered(el);
      expect(months).to.have.length(24);
      expect(months[0]).to.equal('2026-11');
    });
  });

  it('keeps at most ~100 rows in the DOM and scrolls to the last of 100,000 people', async function () {
    this.timeout(60_000);
    store().loadScenario('generated-100k');
    const el = await table();
    const total = Number(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')) - 1;
    expect(total).to.be.greaterThan(50_000);
    expect(all(el, 'tbody tr').length).to.be.at.most(110);
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(
      () => rows(el).some((r) => r.getAttribute('aria-rowindex') === String(total + 1)),
      'the last row never arrived',
      { timeout: 20_000 },
    );
    expect(all(el, 'tbody tr').length).to.be.at.most(110);
  });

  describe('scrolling a large tenant', () => {
    /** 5,000 people: enough rows to scroll past many blocks of rows, quick to build. */
    beforeEach(() => store().loadWorld(generateWorld({ seed: 7, people: 5000, model: 'peak-daily' })));

    const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

    /** The indices of the rows in view, from the scroll position (rows start below the sticky header). */
    function inView(el: HTMLElement): number[] {
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const rowHeight = shadow(el).querySelector<HTMLElement>('tbody tr[data-index]')!.offsetHeight;
      const head = shadow(el).querySelector<HTMLElement>('thead')!.offsetHeight;
      const first = Math.floor(scroller.scrollTop / rowHeight);
      const last = Math.floor((scroller.scrollTop + scroller.clientHeight - head - 1) / rowHeight);
      return Array.from({ length: last - first + 1 }, (_, k) => first + k);
    }

    function rowAt(el: HTMLElement, index: number): HTMLTableRowElement | null {
      return shadow(el).querySelector<HTMLTableRowElement>(`tbody tr[data-index="${index}"]`);
    }

    const filled = (el: HTMLElement): boolean => inView(el).every((i) => rowAt(el, i)?.classList.contains('row'));

    /** Counts the table's requests for users (the client looks `fetch` up on every call). */
    function countUsersRequests(): { count: () => number; past: (row: number) => number; restore: () => void } {
      const original = window.fetch;
      const offsets: number[] = [];
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(input instanceof Request ? input.url : String(input), location.href);
        if (url.pathname.endsWith('/users')) offsets.push(Number(url.searchParams.get('offset') ?? 0));
        return original.call(window, input, init);
      };
      return {
        count: () => offsets.length,
        /** Requests for rows from `row` on. */
        past: (row) => offsets.filter((o) => o >= row).length,
        restore: () => (window.fetch = original),
      };
    }

    it('shows placeholder rows while a scroll is too fast to fetch for, then the rows where it stops', async () => {
      const el = await table();
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const tableEl = shadow(el).querySelector('table')!;
      const rowHeight = rows(el)[0]!.offsetHeight;
      const requests = countUsersRequests();
      let sawPlaceholders = false;
      let sawBusy = false;
      try {
        // A drag of the scroll bar: 40 rows a frame, far more than a screen.
        for (let frame = 0; frame < 12; frame++) {
          scroller.scrollTop += 40 * rowHeight;
          await nextFrame();
          if (inView(el).some((i) => rowAt(el, i)?.classList.contains('placeholder'))) sawPlaceholders = true;
          if (tableEl.getAttribute('aria-busy') === 'true') sawBusy = true;
        }
        expect(sawPlaceholders, 'placeholder rows in view while scrolling fast').to.equal(true);
        expect(sawBusy, 'the table is busy while rows in view have no data').to.equal(true);
        // (The block after the first may still be fetched: its prefetch can leave as the scroll starts.)
        expect(requests.past(100), 'no request for the rows scrolled past fast').to.equal(0);
        const before = requests.count();
        const placeholder = shadow(el).querySelector<HTMLElement>('tbody tr.placeholder');
        if (placeholder) {
          expect(placeholder.offsetHeight).to.equal(rowHeight);
          expect(placeholder.getAttribute('aria-rowindex')).to.equal(String(Number(placeholder.dataset['index']) + 2));
        }

        // It stops: the rows in view get their data, fetched in one request or two.
        await waitUntil(() => filled(el), 'the rows in view never showed data', { timeout: 5000 });
        await waitUntil(() => tableEl.getAttribute('aria-busy') === 'false', 'the table stayed busy');
        expect(requests.count() - before).to.be.within(1, 3);
      } finally {
        requests.restore();
      }
      const first = inView(el)[0]!;
      const month = shadow(el).querySelector('select')!.value;
      const expected = await client.listUsers({ month, billed: true, offset: first, limit: 1 });
      expect(text(rowAt(el, first))).to.include(expected.items[0]!.email);
      await expect(el).to.be.accessible();
    });

    it('hides what a placeholder row held: nobody scrolled past is shown or clicked', async () => {
      const el = await table();
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const rowHeight = rows(el)[0]!.offsetHeight;
      // The people shown first, whose <tr>s become the placeholders of a fast scroll.
      const names = rows(el).map((r) => text(r.querySelector('td')));
      // The rows where the scroll stops are held back, so their placeholders stay.
      const original = window.fetch;
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(input instanceof Request ? input.url : String(input), location.href);
        if (url.pathname.endsWith('/users')) await held;
        return original.call(window, input, init);
      };
      try {
        // Far past any block of rows already asked for (a block the table fetched ahead
        // before the hold would fill the rows where it stops).
        for (let frame = 0; frame < 3; frame++) {
          scroller.scrollTop += 300 * rowHeight;
          await nextFrame();
        }
        await nextFrame();
        const placeholders = all<HTMLElement>(el, 'tbody tr.placeholder');
        expect(placeholders.length, 'placeholder rows').to.be.greaterThan(3);
        // (They hold the cells of people shown before the scroll: what must not show.)
        const kept = placeholders.some((tr) => names.some((name) => tr.textContent!.includes(name)));
        expect(kept, 'a placeholder holds the cells of someone shown before').to.equal(true);
        for (const tr of placeholders) {
          // What the screen shows: nothing, not the person the <tr> showed before (content
          // skipped by rendering is skipped by assistive technology and find in page too).
          expect(tr.innerText.trim(), `placeholder row ${tr.dataset['index']}`).to.equal('');
        }
        // A click where a placeholder's reason (or action) would be reaches no cell: no dialog
        // opens about the person its <tr> showed before.
        const tr = rowAt(el, inView(el)[2]!)!;
        expect(tr.classList.contains('placeholder'), 'the third row in view is a placeholder').to.equal(true);
        for (const cell of [tr.querySelector('.reason')!, tr.lastElementChild!]) {
          const box = cell.getBoundingClientRect();
          const hit = shadow(el).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          expect(hit, 'what a click would reach').to.equal(tr);
        }
      } finally {
        release();
        window.fetch = original;
      }
      await waitUntil(() => filled(el), 'the rows in view never showed data', { timeout: 5000 });
      const first = inView(el)[0]!;
      const month = shadow(el).querySelector('select')!.value;
      const expected = await client.listUsers({ month, billed: true, offset: first, limit: 1 });
      expect(text(rowAt(el, first))).to.include(expected.items[0]!.email);
    });

    it('shows every first row in the same frame (none held back as if around the view)', async () => {
      // The number of rows with data, frame by frame, from before the first answer.
      const counts: number[] = [];
      let el: BillingUsersTable | undefined;
      let sampling = true;
      const sample = (): void => {
        counts.push(el?.shadowRoot ? shadow(el).querySelectorAll('tbody tr.row').length : 0);
        if (sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      try {
        el = await render<BillingUsersTable>(
          html`<billing-provider base-url=${BASE_URL} lang="en"
            ><billing-users-table></billing-users-table
          ></billing-provider>`,
          'billing-users-table',
        );
        await find(el, 'tbody tr.row');
        await waitUntil(() => !shadow(el!).querySelector('tbody tr.placeholder') && counts.length > 10);
      } finally {
        sampling = false;
      }
      // All the rows rendered before the view is measured, in one frame; the overscan the
      // measure adds comes after.
      const seen = [...new Set(counts.filter((n) => n > 0))];
      expect(seen[0], 'rows with data in the first frame with any').to.equal(INITIAL_ROWS);
    });

    it('where a fast scroll stops, fills the rows in view first and those around the view a frame later', async () => {
      const el = await table();
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const rowHeight = rows(el)[0]!.offsetHeight;
      // The frame in which each row (by index) took its data.
      let frame = 0;
      let counting = true;
      const count = (): void => {
        frame++;
        if (counting) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      const filledAt = new Map<number, number>();
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const tr = r.target as HTMLElement;
          if (tr.classList.contains('row')) filledAt.set(Number(tr.dataset['index']), frame);
        }
      });
      observer.observe(shadow(el).querySelector('tbody')!, { subtree: true, attributeFilter: ['class'] });
      try {
        for (let k = 0; k < 3; k++) {
          scroller.scrollTop += 40 * rowHeight;
          await nextFrame();
        }
        await waitUntil(() => filled(el), 'the rows in view never showed data', { timeout: 5000 });
        await waitUntil(
          () => !shadow(el).querySelector('tbody tr.placeholder'),
          'rows around the view stayed placeholders',
        );
      } finally {
        counting = false;
        observer.disconnect();
      }
      const view = inView(el);
      // (The table counts a row more on either side as in view: the one under the sticky
      // head and the one below the last.)
      const around = all<HTMLElement>(el, 'tbody tr.row')
        .map((tr) => Number(tr.dataset['index']))
        .filter((i) => i < view[0]! - 1 || i > view.at(-1)! + 1);
      expect(around.length, 'rows around the view').to.be.greaterThan(0);
      // (The rows in view may take two answers, one per block: the first fills some of them.)
      const firstInView = Math.min(...view.map((i) => filledAt.get(i) ?? Infinity));
      const firstAround = Math.min(...around.map((i) => filledAt.get(i) ?? Infinity));
      expect(firstInView, 'rows in view filled').to.be.lessThan(Infinity);
      expect(firstAround, 'the rows around the view fill after the first of those in view').to.be.greaterThan(
        firstInView,
      );
    });

    it('keeps the row at the top of the view when the rows change height (a window narrowed, then widened)', async () => {
      await setViewport({ width: 1280, height: 800 });
      try {
        const el = await table();
        const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
        /** The row whose box holds the first pixel below the sticky header. */
        const topRow = (): number => {
          const line = shadow(el).querySelector('thead')!.getBoundingClientRect().bottom + 1;
          const tr = all<HTMLElement>(el, 'tbody tr[data-index]').find((r) => {
            const box = r.getBoundingClientRect();
            return box.top <= line && box.bottom > line;
          });
          return Number(tr?.dataset['index']);
        };
        const wide = rows(el)[0]!.offsetHeight;
        scroller.scrollTop = 1200.5 * wide;
        await waitUntil(() => filled(el), 'the rows in view never showed data');
        const first = topRow();
        expect(first).to.be.within(1195, 1205);
        const shown = text(rowAt(el, first)!.querySelector('td'));

        await setViewport({ width: 360, height: 800 });
        await waitUntil(() => rows(el)[0]!.offsetHeight > wide, 'the rows never became cards');
        await waitUntil(() => topRow() === first && filled(el), 'the row at the top of the view changed');
        expect(text(rowAt(el, first)!.querySelector('td'))).to.equal(shown);
        // The card starts at the top of the view (half a row down at 1280 px is not carried over).
        const head = shadow(el).querySelector('thead')!.getBoundingClientRect().bottom;
        expect(Math.abs(rowAt(el, first)!.getBoundingClientRect().top - head)).to.be.below(2);

        await setViewport({ width: 1280, height: 800 });
        await waitUntil(() => rows(el)[0]!.offsetHeight === wide, 'the rows never became rows again');
        await waitUntil(() => topRow() === first, 'the row at the top of the view changed');
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('keeps its row elements: a jump refills them, a step of a row moves one', async () => {
      const el = await table();
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const rowHeight = rows(el)[0]!.offsetHeight;
      for (let i = 0; i < 3; i++) await nextFrame();
      await el.updateComplete;
      const before = new Set(all(el, 'tbody tr[data-index]'));
      scroller.scrollTop = 1500 * rowHeight;
      await waitUntil(() => filled(el), 'the rows in view never showed data');
      const after = all(el, 'tbody tr[data-index]');
      expect(
        after.filter((tr) => !before.has(tr)),
        'row elements created by the jump',
      ).to.have.length(0);

      const kept = inView(el)[3]!;
      const element = rowAt(el, kept);
      scroller.scrollTop += rowHeight;
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      expect(inView(el)[2]).to.equal(kept);
      expect(rowAt(el, kept), 'a row still in view keeps its element').to.equal(element);
    });

    it('moves no row element while scrolling slowly, shows each row at its place, and reads them in order at rest', async () => {
      const el = await table();
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const rowHeight = rows(el)[0]!.offsetHeight;
      const head = shadow(el).querySelector<HTMLElement>('thead')!.offsetHeight;
      for (let i = 0; i < 3; i++) await nextFrame();
      await el.updateComplete;
      const tbody = shadow(el).querySelector('tbody')!;
      let moves = 0;
      const watch = new MutationObserver((records) => {
        for (const r of records) moves += [...r.addedNodes].filter((n) => n.nodeName === 'TR').length;
      });
      watch.observe(tbody, { childList: true });
      // A wheel: 100 px a frame for 20 frames.
      for (let frame = 0; frame < 20; frame++) {
        scroller.scrollTop += 100;
        await nextFrame();
        await el.updateComplete;
        if (frame === 10) {
          expect(moves, 'row elements moved while the view moved slowly').to.equal(0);
          const rowsInDom = all<HTMLElement>(el, 'tbody tr[data-index]');
          const box = scroller.getBoundingClientRect();
          for (const tr of rowsInDom) {
            const top = tr.getBoundingClientRect().top - box.top - scroller.clientTop;
            expect(top, `row ${tr.dataset['index']} shown at its place`).to.be.closeTo(
              head + Number(tr.dataset['index']) * rowHeight - scroller.scrollTop,
              1,
            );
          }
        }
      }
      watch.disconnect();
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      await waitUntil(() => filled(el), 'the rows in view never showed data');
      const order = all<HTMLElement>(el, 'tbody tr[data-index]').map((tr) => Number(tr.dataset['index']));
      expect(order, 'the rows in the DOM in their order at rest').to.deep.equal([...order].sort((a, b) => a - b));
      const box = scroller.getBoundingClientRect();
      for (const i of inView(el)) {
        const top = rowAt(el, i)!.getBoundingClientRect().top - box.top - scroller.clientTop;
        expect(top, `row ${i} at rest`).to.be.closeTo(head + i * rowHeight - scroller.scrollTop, 1);
      }
      expect(scroller.scrollHeight, 'the table is as tall as its rows').to.be.closeTo(
        head + Number(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')!) * rowHeight - rowHeight,
        2,
      );
    });

    it('never lets a late answer for an older query overwrite the rows of a newer one', async () => {
      // A host fetch that ignores aborts and answers the first search late.
      let late: Promise<unknown> = Promise.resolve();
      const fetch = (request: Request): Promise<Response> => {
        const url = new URL(request.url);
        const plain = new Request(request.url, { method: request.method, headers: request.headers });
        if (request.method === 'GET' && url.searchParams.get('q') === 'ma') {
          const answer = new Promise<void>((resolve) => setTimeout(resolve, 600)).then(() => window.fetch(plain));
          late = answer;
          return answer;
        }
        return request.method === 'GET' ? window.fetch(plain) : window.fetch(request);
      };
      const el = await render<BillingUsersTable>(
        html`<billing-users-table
          .client=${new BillingClient({ baseUrl: BASE_URL, fetch })}
          lang="en"
        ></billing-users-table>`,
        'billing-users-table',
      );
      await find(el, 'tbody tr.row');
      const month = shadow(el).querySelector('select')!.value;
      const newer = await client.listUsers({ month, billed: true, q: 'van', limit: 500 });
      expect(newer.total).to.be.greaterThan(0);
      const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
      input.focus();
      await sendKeys({ type: 'ma' });
      await sendKeys({ press: 'Enter' });
      input.select();
      await sendKeys({ type: 'van' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => rows(el).length > 0 && text(rows(el)[0]).includes(newer.items[0]!.name));
      await late;
      await nextFrame();
      await nextFrame();
      expect(text(rows(el)[0])).to.include(newer.items[0]!.name);
      expect(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')).to.equal(String(newer.total + 1));
      for (const row of rows(el)) expect(text(row)).to.include(newer.items[Number(row.dataset['index'])]!.email);
    });
  });

  it('moves through rows with the arrow keys, Home and End', async () => {
    const el = await table();
    const total = Number(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')) - 1;
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement?.getAttribute('aria-rowindex')).to.equal('3');
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => shadow(el).activeElement?.getAttribute('aria-rowindex') === String(total + 1),
      'End did not reach the last row',
    );
    await sendKeys({ press: 'Home' });
    await waitUntil(() => shadow(el).activeElement?.getAttribute('aria-rowindex') === '2');
  });

  it('exports the billed users as CSV with hostile cells neutralised', async () => {
    store().loadWorld(hostileWorld());
    const el = await table();
    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    try {
      shadow(el).querySelector<HTMLButtonElement>('[part=export-button]')!.click();
      await waitUntil(() => blob, 'no download');
    } finally {
      URL.createObjectURL = original;
    }
    const csv = await blob!.text();
    const lines = csv.trim().split(/\r\n/);
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    expect(lines.length).to.equal(page.billedCount + 1);
    expect(csv).to.include(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.to.match(/(^|,)=HYPERLINK/m);
    await waitForText(el, 'billed-users-2026-11.csv');
  });

  it('renders names as text, never as HTML', async () => {
    store().loadWorld(hostileWorld());
    const el = await table();
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'onerror' });
    await waitUntil(() => rows(el).length === 1);
    expect(text(rows(el)[0])).to.include('<img src=x onerror="window.__xss=1">');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('deactivates a person after confirming, and tells the host', async () => {
    const el = await table();
    const person = (await client.listUsers({ month: '2026-11', billed: true })).items.find((u) => u.role === 'member')!;
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: person.email });
    await waitUntil(() => rows(el).length === 1);
    rows(el)[0]!.querySelector('button')!.click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    expect(text(dialog)).to.include(`Deactivate ${person.name}?`);
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'billing-change');
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Deactivate')!.click();
    const event = await changed;
    expect((event as unknown as { topic: string }).topic).to.equal('users');
    await waitForText(el, `${person.name} is deactivated`);
    const after = store().world.people.find((p) => p.id === person.id)!;
    expect(after.deactivatedOn).to.equal(store().world.today);
  });

  it("says what a change did in the toolbar, in view, and gives the focus back to the person's action", async () => {
    const el = await table();
    const person = (await client.listUsers({ month: '2026-11', billed: true })).items.find((u) => u.role === 'member')!;
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: person.email });
    await waitUntil(() => rows(el).length === 1);

    // Cancelled: the focus goes back to the action.
    rows(el)[0]!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    let dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!.click();
    await waitUntil(() => !shadow(el).querySelector('billing-user-dialog'));
    await waitUntil(
      () => shadow(el).activeElement === rows(el)[0]!.querySelector('button'),
      'focus not back on the action',
    );

    // Deactivated (after the month's peak day: still billed): said at the top, the person stays with "Reactivate".
    rows(el)[0]!.querySelector('button')!.click();
    dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Deactivate')!.click();
    await waitForText(el, `${person.name} is deactivated`);
    const status = shadow(el).querySelector<HTMLElement>('.status-message')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.closest('[part=toolbar]'), 'the status is in the toolbar').to.not.equal(null);
    const box = status.getBoundingClientRect();
    expect(box.top, 'the status is above the table').to.be.below(
      shadow(el).querySelector('table')!.getBoundingClientRect().top,
    );
    expect(box.bottom).to.be.at.most(window.innerHeight);
    await waitUntil(() => shadow(el).activeElement === status, 'focus not on the status after the change');
    await waitUntil(() => text(rows(el)[0]!.querySelector('.act')).includes('Reactivate'), 'the row was not refreshed');
    expect(text(rows(el)[0]!.querySelector('.reason'))).to.include('still billed this month');
    expect(shadow(el).activeElement).to.equal(status);
  });

  it('says when a deactivated person is still billed for the month', async () => {
    // injixo-advanced: James Jones was deactivated on 19 November 2026, after the peak of 16 November.
    const el = await table();
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    const still = page.items.find((u) => u.status === 'deactivated')!;
    expect(still.billable).to.equal(true);
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: still.email });
    await waitUntil(() => rows(el).length === 1);
    const row = rows(el)[0]!;
    expect(text(row.querySelector('.reason'))).to.equal('Deactivated on Nov 19, 2026, still billed this month');
    expect(text(row.querySelector('.act'))).to.include('Reactivate');
    expect(all(el, 'th').map((th) => text(th))).to.include.members(['Why billed↕']);
    await expect(el).to.be.accessible();
  });

  describe('at 360 px and at 1280 px', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** Every cell of the rows in view inside the element's box, sideways. */
    function cellsInside(el: HTMLElement): void {
      const host = el.getBoundingClientRect();
      for (const row of rows(el).slice(0, 5)) {
        for (const td of row.querySelectorAll('td')) {
          const box = td.getBoundingClientRect();
          expect(box.left, `${td.className} starts left of the element`).to.be.at.least(host.left - 0.5);
          expect(box.right, `${td.className} ends right of the element`).to.be.at.most(host.right + 0.5);
        }
      }
    }

    function tabsNotClipped(el: HTMLElement): void {
      const list = shadow(el).querySelector<HTMLElement>('[role=tablist]')!;
      expect(list.scrollWidth).to.be.at.most(list.clientWidth);
      for (const t of list.querySelectorAll<HTMLElement>('[role=tab]'))
        expect(t.scrollWidth).to.be.at.most(t.clientWidth);
    }

    it('shows each row as a card at 360 px: person, reason, action, at the height the rows are placed by', async () => {
      await setViewport({ width: 360, height: 800 });
      const el = await table();
      tabsNotClipped(el);
      await showTab(el, 'not-billed');
      tabsNotClipped(el);
      cellsInside(el);
      const [first, second] = rows(el);
      // Each cell inside its card (nothing cut at the bottom); the reason wraps whole.
      for (const row of rows(el).slice(0, 5)) {
        const card = row.getBoundingClientRect();
        for (const td of row.querySelectorAll('td')) {
          expect(td.getBoundingClientRect().bottom, `${td.className} below its card`).to.be.at.most(card.bottom + 0.5);
        }
        const reason = row.querySelector<HTMLElement>('.reason .clamp')!;
        expect(reason.scrollHeight, 'the reason is cut').to.be.at.most(reason.clientHeight + 1);
      }
      // The rows are placed at the card's height: the second right below the first.
      expect(first!.offsetHeight).to.be.greaterThan(100);
      expect(second!.getBoundingClientRect().top - first!.getBoundingClientRect().top).to.be.closeTo(
        first!.offsetHeight,
        1,
      );
      // The action: reached by keyboard, and in view.
      first!.focus();
      await sendKeys({ press: 'Tab' });
      const action = first!.querySelector<HTMLButtonElement>('.act button')!;
      expect(shadow(el).activeElement).to.equal(action);
      const box = action.getBoundingClientRect();
      const view = shadow(el).querySelector('.scroller')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(view.left);
      expect(box.right).to.be.at.most(view.right);
      expect(box.top).to.be.at.least(view.top);
      expect(box.bottom).to.be.at.most(view.bottom);
      // The last row is reached where the virtual rows place it.
      rows(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      const total = Number(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')) - 1;
      await waitUntil(() => shadow(el).activeElement?.getAttribute('aria-rowindex') === String(total + 1));
      const last = shadow(el).activeElement!.getBoundingClientRect();
      expect(last.bottom).to.be.at.most(view.bottom + 1);
      expect(last.top).to.be.at.least(view.top);
      await expect(el).to.be.accessible();
    });

    it('shows a table at 1280 px with every cell in view', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await table();
      tabsNotClipped(el);
      await showTab(el, 'not-billed');
      cellsInside(el);
      expect(rows(el)[0]!.offsetHeight).to.equal(44);
      // Rows are grids, not CSS table rows: each cell still sits under its column's header.
      const heads = all<HTMLElement>(el, 'thead th');
      const cells = [...rows(el)[0]!.children] as HTMLElement[];
      expect(cells.length).to.equal(heads.length);
      cells.forEach((cell, k) => {
        const c = cell.getBoundingClientRect();
        const h = heads[k]!.getBoundingClientRect();
        expect(Math.abs(c.left - h.left), `column ${k} left`).to.be.below(1);
        expect(Math.abs(c.width - h.width), `column ${k} width`).to.be.below(1);
      });
      await expect(el).to.be.accessible();
    });
  });

  it('says so when the confirmation cannot be loaded, and deactivates nobody; a second click opens it', async () => {
    const el = await table();
    const real = onFirstUse.dialog;
    onFirstUse.dialog = privateElement(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const deactivated = store().world.people.filter((p) => p.deactivatedOn).length;
    try {
      rows(el)[0]!.querySelector('button')!.click();
      await waitForText(el, 'The billing service could not be reached');
      expect(shadow(el).querySelector('billing-user-dialog')).to.equal(null);
    } finally {
      onFirstUse.dialog = real;
    }
    rows(el)[0]!.querySelector('button')!.click();
    await find(el, 'dialog[open]');
    expect(store().world.people.filter((p) => p.deactivatedOn).length).to.equal(deactivated);
  });

  describe('under prepaid licenses', () => {
    beforeEach(() => store().loadScenario('severa-prepaid'));

    it('asks whether to remove the freed license, and schedules the removal', async () => {
      const el = await table();
      const ordersBefore = store().world.orders.length;
      const person = (await client.listUsers({ month: '2026-11', billed: true })).items.find(
        (u) => u.role === 'member',
      )!;
      const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
      input.focus();
      await sendKeys({ type: person.email });
      await waitUntil(() => rows(el).length === 1);
      rows(el)[0]!.querySelector('button')!.click();
      const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
      expect(text(dialog)).to.include('Remove it from your next period');
      [...dialog.querySelectorAll('label')].find((l) => text(l) === 'Remove the license from the next period')!.click();
      [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Deactivate')!.click();
      await waitForText(el, `${person.name} is deactivated`);
      const orders = store().world.orders;
      expect(orders.length).to.equal(ordersBefore + 1);
      expect(orders.at(-1)).to.include({ kind: 'remove-licenses', quantity: 1 });
      expect(orders.at(-1)!.effectiveOn > store().world.today).to.equal(true);
    });

    it('offers to buy a license at the prorated price when none is free, and buys exactly one', async () => {
      // Use up every free license, today's and those of the scheduled periods (a removal is
      // scheduled: the next period has fewer), by reactivating people through the API until
      // it asks for a license.
      let licenses = await client.getLicenses();
      const deactivated = (await client.listUsers({ month: '2026-11', billed: false, limit: 500 })).items.filter(
        (u) => u.status === 'deactivated',
      );
      expect(deactivated.length).to.be.greaterThan(licenses.free);
      let refused: BillingApiError | undefined;
      for (const u of deactivated.slice(0, -1)) {
        refused = await client.reactivateUser(u.id).then(
          () => undefined,
          (e: BillingApiError) => e,
        );
        if (refused) break;
      }
      expect(refused?.code).to.equal('license-required');
      licenses = await client.getLicenses();
      const target = deactivated[deactivated.length - 1]!;
      const quote = await client.quoteLicenses(1);

      const el = await table();
      await showTab(el, 'not-billed');
      const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
      input.focus();
      await sendKeys({ type: target.email });
      await waitUntil(() => rows(el).length === 1 && text(rows(el)[0]).includes(target.name));
      rows(el)[0]!.querySelector('button')!.click();
      const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
      expect(text(dialog)).to.include('No free license');
      const price = new Intl.NumberFormat('en', { style: 'currency', currency: quote.currency }).format(
        quote.amount / 100,
      );
      expect(text(dialog).replace(/\u00a0/g, ' ')).to.include(price.replace(/\u00a0/g, ' '));
      const addsBefore = store().world.orders.filter((o) => o.kind === 'add-licenses').length;
      const confirm = [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Buy license and reactivate')!;
      confirm.click();
      confirm.click(); // a double click never orders twice
      await waitForText(el, `${target.name} is active again`);
      const after = await client.getLicenses();
      expect(after.licenses).to.equal(licenses.licenses + 1);
      expect(store().world.orders.filter((o) => o.kind === 'add-licenses').length).to.equal(addsBefore + 1);
    });
  });

  describe('states', () => {
    it('shows a loading state that reserves space and is announced', async () => {
      store().setFaults([{ operation: 'listUsers', kind: 'latency', latencyMs: 1500 }]);
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
        'billing-users-table',
      );
      const loading = await find(el, '.state.loading');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.offsetHeight).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
      await find(el, 'tbody tr.row', 10_000);
    });

    it('loads when moved to another place in the page while its first rows were on their way', async () => {
      store().setFaults([{ operation: 'listUsers', kind: 'latency', latencyMs: 300, times: 1 }]);
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><div><billing-users-table></billing-users-table></div
        ></billing-provider>`,
        'billing-users-table',
      );
      await find(el, '.state.loading');
      await new Promise((resolve) => setTimeout(resolve, 150)); // the first page is asked for
      const provider = el.closest('billing-provider')!;
      provider.append(el); // a move: disconnected, then connected again
      await find(el, 'tbody tr.row', 10_000);
      expect(text(shadow(el).querySelector('.footer'))).not.to.include('Loading');
    });

    it('shows an error in words with a retry that works', async () => {
      store().setFaults([{ operation: 'listUsers', kind: 'error-500', times: 1 }]);
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
        'billing-users-table',
      );
      const error = await find(el, '.state.error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.include('The billing service had a problem');
      await expect(el).to.be.accessible();
      error.querySelector<HTMLButtonElement>('button')!.click();
      await find(el, 'tbody tr.row');
    });

    it('says the service is unreachable on a network error', async () => {
      // Every time, not once: the error must show whichever of the table's requests
      // (the first page or a prefetch) meets the fault first.
      store().setFaults([{ operation: 'listUsers', kind: 'network-error' }]);
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
        'billing-users-table',
      );
      const error = await find(el, '.state.error');
      expect(text(error)).to.include('could not be reached');
    });

    it('shows "ask your administrator" and no data to other roles', async () => {
      store().setSession({ role: 'member' });
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
        'billing-users-table',
      );
      const forbidden = await find(el, '.state.forbidden');
      expect(text(forbidden)).to.include('Ask your administrator');
      expect(shadow(el).querySelector('table')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets the finance role act on users too', async () => {
      store().setSession({ role: 'finance' });
      const el = await table();
      expect(rows(el)[0]!.querySelector('button')).to.not.equal(null);
    });

    it('says why a tab is empty', async () => {
      const w = generateWorld({ seed: 5, people: 20, model: 'peak-daily' });
      store().loadWorld({ ...w, people: w.people.map(({ deactivatedOn: _d, deletedOn: _x, ...p }) => p) });
      const el = await table();
      tab(el, 'not-billed').click();
      await waitForText(el, 'Everyone is billed');
      await expect(el).to.be.accessible();
    });

    it('works on its own with a base-url, without a provider', async () => {
      const el = await table('standalone');
      expect(rows(el).length).to.be.greaterThan(0);
    });

    it('speaks Dutch when asked', async () => {
      const el = await render<BillingUsersTable>(
        html`<billing-provider base-url=${BASE_URL} lang="nl"
          ><billing-users-table></billing-users-table
        ></billing-provider>`,
        'billing-users-table',
      );
      await find(el, 'tbody tr.row');
      expect(text(tab(el, 'billed'))).to.include('Gefactureerde gebruikers');
      expect(text(shadow(el).querySelector('select option[selected]'))).to.equal('november 2026');
    });
  });
});
