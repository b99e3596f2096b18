import { css } from 'lit';

/**
 * A row of labelled filters and actions above a list (`.toolbar`): in the styles of the
 * elements that have one, right after the base styles (`BillingElement.styles`). A module
 * of its own, so that an element without a toolbar does not carry it.
 */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
  }
  .toolbar label {
    display: grid;
    gap: 2px;
    font-size: 0.85rem;
    color: var(--_muted);
  }
`;
