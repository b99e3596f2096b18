/**
 * The plumbing of the overview's parts that load on demand (the confirmation dialog, the
 * order history): imported only by them, so it loads with them.
 */
import type { CSSResult } from 'lit';
import {
  loadLanguage,
  translate,
  type ElementMessages,
  type Message,
  type MessageKey,
  type MessageParams,
} from '../../i18n/index.js';
import { addStyles } from '../../internal/on-demand.js';
import type { OverviewHost } from './types.js';

/** A part's own messages: English bundled with it, Dutch loaded on first use. */
type PartMessages<K extends string> = ElementMessages & { en: { readonly [key in K]: Message } };

/** A part's styles and messages, wired to the overviews that show it. */
export function part<K extends string>(styles: CSSResult, messages: PartMessages<K>) {
  /** The language each overview has this part's messages in. */
  const languages = new WeakMap<OverviewHost, string>();
  const self = {
    /**
     * Adds the part's styles to the overview's shadow root and loads its messages in the
     * overview's language (English when they cannot be loaded); resolves when it can render.
     */
    async ready(host: OverviewHost): Promise<void> {
      addStyles(host.renderRoot as ShadowRoot, styles);
      await loadLanguage(host.locale, messages);
      languages.set(host, host.locale);
    },

    /**
     * Called on each render: when the overview's language changed since the part loaded,
     * loads the part's messages in it and renders again (English meanwhile; once per change,
     * so a catalogue that cannot be loaded is not asked for again and again).
     */
    follow(host: OverviewHost): void {
      const locale = host.locale;
      if (languages.get(host) === locale) return;
      languages.set(host, locale);
      void loadLanguage(locale, messages).then(() => host.requestUpdate());
    },

    /** A message of the part (or a shared one, e.g. `common.cancel`) in the overview's language. */
    t(host: OverviewHost, key: K | MessageKey, params?: MessageParams): string {
      return translate(host.locale, key as MessageKey, params, messages);
    },
  };
  return self;
}
