/**
 * Right to left: each element inside `<div dir="rtl">`, at 1280 and at 360 px wide, lays
 * out mirrored (read from the boxes the browser draws, not from the CSS): what comes first
 * is on the right, numbers keep to the end of their cells, nothing sticks out of the
 * element's box but what scrolls inside it, the dialog's close button is on the left, the
 * pager's arrows point the other way, and the chart's time runs from right to left with
 * its counts' axis on the right. The same chart left to right stays as it was.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import type { BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import { all, BASE_URL, find, render, shadow, text, useMockBackend } from './support.js';

useMockBackend('injixo-advanced');

const frame = (): Promise<unknown> => new Promise((resolve) => requestAnimationFrame(resolve));

/** The element `tag` in a provider inside `<div dir=…>`, once `ready` shows. */
async function mount<T extends HTMLElement>(tag: string, ready: string, dir = 'rtl'): Promise<T> {
  const el = await render<T>(
    html`<div dir=${dir}>
      <billing-provider base-url=${BASE_URL} lang="en">${document.createElement(tag)}</billing-provider>
    </div>`,
    tag,
  );
  await find(el, ready, 10_000);
  await frame();
  return el;
}

const box = (node: Element): DOMRect => node.getBoundingClientRect();

/** The box of the text inside `node` (a block's own box spans its container). */
function textBox(node: Node): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/** Each box lies wholly to the right of the next one (1 px for shared borders). */
function expectRightToLeft(nodes: Element[], what: string, boxOf: (n: Element) => DOMRect = box): void {
  expect(nodes.length, `${what}: fewer than two`).to.be.at.least(2);
  for (let i = 1; i < nodes.length; i++) {
    expect(boxOf(nodes[i - 1]!).left, `${what}: #${i - 1} is not right of #${i}`).to.be.at.least(
      boxOf(nodes[i]!).right - 1,
    );
  }
}

const visible = (node: Element): boolean => getComputedStyle(node).display !== 'none' && box(node).width > 1;

/** The composed-tree parent (a shadow root's host). */
function parentOf(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
}

/** `node` sits inside an element of `el` that clips or scrolls sideways. */
function clipped(node: Element, el: HTMLElement): boolean {
  for (let p = parentOf(node); p && p !== el; p = parentOf(p)) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}

/**
 * Nothing visible sticks out of the element's box on either side (what sits in a scroll
 * container of its own may; the container may not), and the page does not scroll sideways.
 */
function expectFits(el: HTMLElement, width: number): void {
  const host = box(el);
  expect(host.left, 'the element starts off screen').to.be.at.least(-0.5);
  expect(host.right, 'the element is wider than the screen').to.be.at.most(width + 0.5);
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(width);
  const nodes = all(
    el,
    'h2, h3, p, dt, dd, label, legend, button, input, select, th, td, canvas, ul, [role=tablist], .scroller, .table-wrap, .chart-box',
  );
  let checked = 0;
  for (const node of nodes) {
    if (!visible(node) || node.closest('dialog') || clipped(node, el)) continue;
    const b = box(node);
    const name = `${node.localName}.${String(node.className)} "${text(node).slice(0, 30)}"`;
    expect(b.left, `${name} sticks out on the left`).to.be.at.least(host.left - 0.5);
    expect(b.right, `${name} sticks out on the right`).to.be.at.most(host.right + 0.5);
    checked++;
  }
  expect(checked, 'nothing was checked').to.be.greaterThan(5);
}

async function drawn(el: BillingUserCountChart): Promise<Chart> {
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 10_000 });
  return el.chart!;
}

/** The lines of the chart's readout. */
const readout = (el: HTMLElement): string[] => all(el, '[part=readout] > *').map((line) => text(line));

for (const width of [1280, 360]) {
  describe(`right to left at ${width} px`, () => {
    before(() => setViewport({ width, height: 900 }));
    after(() => setViewport({ width: 800, height: 600 }));

    // At 360 px each row is a card (its own test below).
    if (width === 1280)
      it('<billing-users-table>: columns and tabs from the right, scrolls sideways, the head sticks', async () => {
        const el = await mount('billing-users-table', 'tbody tr.row');
        expect(el.matches(':dir(rtl)')).to.equal(true);
        expectRightToLeft(all(el, '[role=tab]'), 'tabs');
        const heads = all(el, 'thead th').filter(visible);
        expectRightToLeft(heads, 'column heads');
        const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
        // The table begins at the scroller's right edge (inside its 1 px border).
        expect(box(heads[0]!).right).to.be.closeTo(box(scroller).right - 1, 1);
        expect(textBox(heads[0]!).right, 'the name head is not aligned to the right').to.be.greaterThan(
          box(heads[0]!).left + box(heads[0]!).width / 2,
        );
        expectFits(el, width);

        // Sideways: from the start (right) to the end (left), where the last column shows.
        const last = heads.at(-1)!;
        const overflow = scroller.scrollWidth - scroller.clientWidth;
        scroller.scrollLeft = -overflow;
        await frame();
        expect(scroller.scrollLeft).to.be.closeTo(-overflow, 1);
        expect(box(last).left, 'the last column is not in view').to.be.at.least(box(scroller).left);
        expect(box(last).right).to.be.at.most(box(scroller).right);
        // Down: the head stays at the top, and the rows further on are rendered.
        scroller.scrollTop = 1500;
        await waitUntil(
          () => all(el, 'tbody tr.row').some((r) => Number(r.dataset['index']) > 30),
          'no rows further down were rendered',
        );
        expect(box(last).top).to.be.closeTo(box(scroller).top + 1, 1);
        expect(box(last).left).to.be.at.least(box(scroller).left);
      });

    if (width === 360) {
      it('<billing-users-table>: each row a card read from the right, nothing sideways', async () => {
        const el = await mount('billing-users-table', 'tbody tr.row');
        expectRightToLeft(all(el, '[role=tab]'), 'tabs');
        const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
        expect(scroller.scrollWidth, 'the cards scroll sideways').to.be.at.most(scroller.clientWidth + 1);
        const row = all(el, 'tbody tr.row')[0]!;
        const name = row.querySelector('td')!;
        const action = row.querySelector('td.act button')!;
        // The name starts at the card's right; its action sits to its left, on the same line.
        expect(box(row).right - textBox(name).right, 'the name does not start at the right').to.be.lessThan(24);
        expect(box(action).right, 'the action is not left of the name').to.be.at.most(box(name).left + 1);
        expect(box(action).left).to.be.at.least(box(row).left);
        expectFits(el, width);
        scroller.scrollTop = 1500;
        await waitUntil(
          () => all(el, 'tbody tr.row').some((r) => Number(r.dataset['index']) > 8),
          'no rows further down were rendered',
        );
      });
    }

    it('<billing-invoice-list>: columns from the right, amounts at the end, pager and dialog mirrored', async () => {
      const el = await mount('billing-invoice-list', 'tbody tr');
      await waitUntil(() => !shadow(el).querySelector('table[aria-busy="true"]'), 'the list kept loading');
      expectRightToLeft(all(el, 'thead th').filter(visible), 'column heads');
      // Numbers keep to the end of their cells: on the left.
      const cell = all(el, 'tbody td.col-amount')[0]!;
      const money = cell.querySelector('.money')!;
      expect(getComputedStyle(cell).textAlign).to.equal('end');
      expect(box(money).left - box(cell).left, 'the amount is not at the left of its cell').to.be.lessThan(
        box(cell).right - box(money).right,
      );
      expectFits(el, width);

      // The pager: Previous on the right, Next on the left, their arrows pointing outwards.
      const [previous, next] = all<HTMLButtonElement>(el, '.pager button');
      expect(text(previous)).to.match(/Previous/);
      expectRightToLeft([previous!, next!], 'pager buttons');
      for (const arrow of all(el, '.pager [aria-hidden]')) {
        expect(getComputedStyle(arrow).scale, 'an arrow is not mirrored').to.equal('-1 1');
      }

      // The detail dialog: its close button on the left of its title.
      all<HTMLButtonElement>(el, 'tbody button.link').at(-1)!.click();
      const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
      await waitUntil(() => dialog.querySelector('h2') && dialog.querySelector('button.close'), 'no dialog head');
      await frame();
      const title = textBox(dialog.querySelector('h2')!);
      const close = box(dialog.querySelector('button.close')!);
      expect(close.right, 'the close button is not left of the title').to.be.at.most(title.left);
      expect(close.left).to.be.closeTo(box(dialog).left, 40);
      expect(box(dialog).left).to.be.at.least(0);
      expect(box(dialog).right).to.be.at.most(width);
      dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    });

    it('<billing-subscription-overview>: title and cards from the right', async () => {
      const el = await mount('billing-subscription-overview', '.cards');
      const title = shadow(el).querySelector('h2')!;
      expect(textBox(title).right, 'the title is not on the right').to.be.closeTo(box(el).right, 1);
      const cards = all(el, '.card');
      if (width === 1280) expectRightToLeft(cards.slice(0, 3), 'cards');
      else expect(box(cards[0]!).bottom).to.be.at.most(box(cards[1]!).top);
      for (const card of cards) {
        const heading = textBox(card.querySelector('h3')!);
        expect(heading.right, 'a card title is not at its right').to.be.greaterThan(box(card).right - 30);
      }
      expectFits(el, width);
    });

    it('<billing-user-count-chart>: time runs right to left, counts on the right, arrow keys follow', async () => {
      const el = await mount<BillingUserCountChart>('billing-user-count-chart', 'canvas');
      const chart = await drawn(el);
      const [x, y] = [chart.scales['x']!, chart.scales['y']!];
      expect(x.options.reverse, 'the x axis is not reversed').to.equal(true);
      expect(x.getPixelForValue(x.min), 'the first day is not on the right').to.be.greaterThan(
        x.getPixelForValue(x.max),
      );
      expect(y.position).to.equal('right');
      expect(y.left, 'the counts are not right of the plot').to.be.at.least(chart.chartArea.right - 1);
      expectRightToLeft(all(el, '.segmented button'), 'Month and Year');
      const [first] = all(el, '.segmented button');
      expect(getComputedStyle(first!).borderTopLeftRadius, 'the joined corner is not on the left').to.equal('0px');
      expect(getComputedStyle(first!).borderTopRightRadius).not.to.equal('0px');
      if (width === 1280) expectRightToLeft(all(el, '.legend li'), 'legend');
      expectFits(el, width);

      // The last day is on the left: the left arrow goes no further, the right one goes back.
      const canvas = shadow(el).querySelector('canvas')!;
      canvas.focus();
      await waitUntil(() => readout(el).length, 'focus shows no readout');
      const lastDay = readout(el)[0];
      const cursor = (): number => box(shadow(el).querySelector('.cursor')!).left;
      const onLastDay = cursor();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(readout(el)[0]).to.equal(lastDay);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => readout(el)[0] !== lastDay, 'the right arrow did not go to the day before');
      await el.updateComplete;
      expect(cursor(), 'the day before is not right of the last day').to.be.greaterThan(onLastDay);
      canvas.blur();
    });

    it('<billing-contacts-editor>: sections, legends and fields from the right', async () => {
      const el = await mount('billing-contacts-editor', 'form');
      const columns = all(el, '.column');
      if (width === 1280) expectRightToLeft(columns, 'columns');
      for (const legend of all(el, 'legend')) {
        const section = box(legend.parentElement!);
        expect(textBox(legend).right, `legend "${text(legend)}" is not on the right`).to.be.greaterThan(
          section.right - 30,
        );
      }
      const input = shadow(el).querySelector<HTMLInputElement>('#po-number')!;
      const label = shadow(el).querySelector(`label[for="po-number"]`)!;
      expect(textBox(label).right, 'a label is not over the right of its field').to.be.closeTo(box(input).right, 2);
      // A recipient's remove button is left of the address, the address reads from its start.
      const row = shadow(el).querySelector('.recipient-row')!;
      expect(box(row.querySelector('.remove')!).right).to.be.at.most(box(row.querySelector('input')!).left);
      expect(getComputedStyle(row.querySelector('input')!).unicodeBidi).to.equal('plaintext');
      expectFits(el, width);
    });
  });
}

describe('left to right, unchanged', () => {
  it('<billing-user-count-chart>: time runs left to right, counts on the left', async () => {
    const el = await mount<BillingUserCountChart>('billing-user-count-chart', 'canvas', 'ltr');
    const chart = await drawn(el);
    const [x, y] = [chart.scales['x']!, chart.scales['y']!];
    expect(x.options.reverse).to.equal(false);
    expect(x.getPixelForValue(x.min)).to.be.lessThan(x.getPixelForValue(x.max));
    expect(y.position).to.equal('left');
  });

  it('<billing-user-count-chart>: a switch to right to left redraws the chart mirrored', async () => {
    const el = await mount<BillingUserCountChart>('billing-user-count-chart', 'canvas', 'ltr');
    const chart = await drawn(el);
    el.closest('div')!.dir = 'rtl';
    await waitUntil(() => chart.scales['x']!.options.reverse, 'not redrawn right to left');
    expect(chart.scales['y']!.position).to.equal('right');
  });

  it("<billing-invoice-list>: the pager's arrows are not mirrored", async () => {
    const el = await mount('billing-invoice-list', 'tbody tr', 'ltr');
    const arrows = all(el, '.pager [aria-hidden]');
    expect(arrows.length).to.equal(2);
    for (const arrow of arrows) expect(getComputedStyle(arrow).scale).to.equal('none');
  });
});
