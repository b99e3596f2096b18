import { css } from 'lit';

/**
 * A modal `<dialog>`'s frame: in the styles of the elements (and private elements) that
 * show one, right after the base styles (`BillingElement.styles`). A module of its own, so
 * that an element without a dialog does not carry it.
 */
export const dialogStyles = css`
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 2.5);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.1rem;
  }
  dialog p {
    margin: 0 0 var(--_space);
  }
`;
