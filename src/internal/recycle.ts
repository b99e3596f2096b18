import { noChange } from 'lit';
import { directive, Directive, type ChildPart } from 'lit/directive.js';
import {
  getCommittedValue,
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue,
} from 'lit/directive-helpers.js';

/**
 * Flags the positions of the longest run of `seq` whose values go up by one (old parts in
 * their old order, side by side). For rows that scroll, that run is every row still in
 * view, so only the others move.
 */
function longestRun(seq: readonly number[]): Uint8Array {
  let best = 0;
  let bestLength = 0;
  for (let i = 0, start = 0; i < seq.length; i++) {
    if (i > 0 && seq[i] !== (seq[i - 1] as number) + 1) start = i;
    if ((seq[i] as number) >= 0 && i - start + 1 > bestLength) {
      best = start;
      bestLength = i - start + 1;
    }
  }
  return new Uint8Array(seq.length).fill(1, best, best + bestLength);
}

/**
 * `recycle(items, key, template)`: like Lit's `repeat`, with fewer DOM moves for rows that
 * scroll. The longest run of parts still side by side in their old order stays where it
 * is; only the others move. With rows keyed by index modulo the row count, scrolling by k
 * rows moves k `<tr>`s from one end to the other (`repeat` moves all the others when
 * k > 1). A part whose key is new is created, one whose key is gone removed.
 */
class RecycleDirective extends Directive {
  #keys: unknown[] = [];

  render(items: readonly number[], _key: (item: number) => unknown, template: (item: number) => unknown): unknown[] {
    return items.map(template);
  }

  override update(
    container: ChildPart,
    [items, key, template]: [readonly number[], (item: number) => unknown, (item: number) => unknown],
  ): unknown {
    const oldParts = getCommittedValue(container) as ChildPart[] | undefined;
    const newKeys = items.map(key);
    const newValues = items.map(template);
    if (!Array.isArray(oldParts)) {
      // First render: Lit makes a part per value.
      this.#keys = newKeys;
      return newValues;
    }
    const oldIndex = new Map<unknown, number>();
    this.#keys.forEach((k, i) => oldIndex.set(k, i));
    const kept = new Uint8Array(oldParts.length);
    const sources = newKeys.map((k) => {
      const i = oldIndex.get(k);
      if (i === undefined || kept[i]) return -1; // a new key (or a repeated one: a new part)
      kept[i] = 1;
      return i;
    });
    for (let i = 0; i < oldParts.length; i++) if (!kept[i]) removePart(oldParts[i] as ChildPart);
    const stay = longestRun(sources);
    const newParts = new Array<ChildPart>(items.length);
    let next: ChildPart | undefined;
    for (let j = items.length - 1; j >= 0; j--) {
      const source = sources[j] as number;
      const old = source < 0 ? undefined : (oldParts[source] as ChildPart);
      const part = old && stay[j] ? old : insertPart(container, next, old);
      setChildPartValue(part, newValues[j]);
      newParts[j] = part;
      next = part;
    }
    this.#keys = newKeys;
    setCommittedValue(container, newParts);
    return noChange;
  }
}

export const recycle = directive(RecycleDirective);
