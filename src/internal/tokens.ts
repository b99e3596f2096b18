import { css } from 'lit';

/**
 * The kit's design tokens. A host themes every element at once by setting the public
 * `--billing-*` custom properties on any ancestor (e.g. `:root`); elements read them
 * through private `--_*` copies with defaults, so nothing set on `:host` can shadow the
 * host's values. Light and dark follow the page's `color-scheme` (or the provider's
 * `theme` attribute) through `light-dark()`.
 *
 * @cssproperty --billing-font-family - Font of every element. Default: inherited from the page.
 * @cssproperty --billing-color-text - Text colour.
 * @cssproperty --billing-color-text-muted - Secondary text.
 * @cssproperty --billing-color-surface - Background of panels and tables.
 * @cssproperty --billing-color-border - Lines and borders.
 * @cssproperty --billing-color-accent - Links, focus rings, primary buttons, chart lines.
 * @cssproperty --billing-color-on-accent - Text on the accent colour.
 * @cssproperty --billing-color-danger - Errors, past-due warnings.
 * @cssproperty --billing-color-warning - Provisional figures, recommendations.
 * @cssproperty --billing-color-success - Paid, saved.
 * @cssproperty --billing-radius - Corner radius.
 * @cssproperty --billing-space - The base spacing unit.
 */
export const tokens = css`
  :host {
    --_text: var(--billing-color-text, light-dark(#1f2328, #e6e8eb));
    --_muted: var(--billing-color-text-muted, light-dark(#59636e, #9aa4af));
    --_surface: var(--billing-color-surface, light-dark(#ffffff, #1b1f24));
    --_subtle: var(--billing-color-subtle, light-dark(#f6f8fa, #22272e));
    --_border: var(--billing-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--billing-color-accent, light-dark(#0b57d0, #8ab4f8));
    --_on-accent: var(--billing-color-on-accent, light-dark(#ffffff, #0b1d3a));
    --_danger: var(--billing-color-danger, light-dark(#b3261e, #ff8a80));
    --_warning: var(--billing-color-warning, light-dark(#8a5300, #f2c46d));
    --_success: var(--billing-color-success, light-dark(#1a7f37, #6fdd8b));
    --_radius: var(--billing-radius, 6px);
    --_space: var(--billing-space, 8px);

    font-family: var(--billing-font-family, inherit);
    color: var(--_text);
  }
`;

/** Pieces every element uses: visually hidden text, focus rings, buttons, state boxes. */
/** Hides an element from sight but not from assistive technology; the rules of `.visually-hidden`. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* Vendor data (plan names, invoice numbers, e-mails) has no breaks to offer: it wraps
       where it must rather than widening the page, and all of it stays readable. */
    overflow-wrap: anywhere;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .state {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    min-height: var(--billing-state-min-height, 12rem);
    align-content: center;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state h2 {
    margin: 0;
    font-size: 1.05rem;
  }
  .state p {
    margin: 0;
    color: var(--_muted);
    max-width: 60ch;
  }
  .state.error {
    border-color: var(--_danger);
  }
  .skeleton {
    display: block;
    height: 0.9rem;
    width: 100%;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_subtle), var(--_border), var(--_subtle));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .provisional {
    color: var(--_warning);
    font-size: 0.9em;
  }
  select,
  input:not([type='checkbox'], [type='radio']) {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.25rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
