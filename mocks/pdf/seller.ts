/**
 * The seller on an invoice PDF: the product the tenant buys, as a fictional legal entity
 * (name, address, VAT number, IBAN) with its brand colour.
 */
import type { RGB } from 'pdf-lib';
import type { Invoice, World } from '../engine/types.js';
import { rgb } from './pdf-lib.js';

/** Who sends the invoice. */
export interface Seller {
  brand: string;
  legalName: string;
  address: string[];
  vatNumber: string;
  iban: string;
  accent: RGB;
}

const SELLERS: { match: RegExp; seller: Seller }[] = [
  {
    match: /^injixo/i,
    seller: {
      brand: 'injixo',
      legalName: 'Example WFM Software B.V.',
      address: ['Keizersgracht 100', '1015 CZ Amsterdam', 'Netherlands'],
      vatNumber: 'NL000099998B01',
      iban: 'NL91 EXMP 0417 1643 00',
      accent: rgb(0.82, 0.33, 0.1),
    },
  },
  {
    match: /^workplace/i,
    seller: {
      brand: 'Workplace',
      legalName: 'Example Workplace Platforms Ltd',
      address: ['1 Example Quay', 'Dublin 2, D02 X285', 'Ireland'],
      vatNumber: 'IE0000000XA',
      iban: 'IE29 EXMP 9311 5212 3456 78',
      accent: rgb(0.09, 0.4, 0.85),
    },
  },
  {
    match: /severa/i,
    seller: {
      brand: 'Visma Severa',
      legalName: 'Example PSA Software Oy',
      address: ['Esimerkkikatu 1', '00100 Helsinki', 'Finland'],
      vatNumber: 'FI00000000',
      iban: 'FI21 1234 5600 0007 85',
      accent: rgb(0.0, 0.5, 0.52),
    },
  },
  {
    match: /365/,
    seller: {
      brand: 'Microsoft 365',
      legalName: 'Example Cloud Services Ireland Ltd',
      address: ['70 Example Road', 'Dublin 18, D18 P521', 'Ireland'],
      vatNumber: 'IE0000001XB',
      iban: 'IE64 EXMP 9311 5200 0000 01',
      accent: rgb(0.36, 0.25, 0.68),
    },
  },
];

const DEFAULT_SELLER: Seller = {
  brand: 'billing-elements',
  legalName: 'Example Software B.V.',
  address: ['Example Street 1', '1000 AA Amsterdam', 'Netherlands'],
  vatNumber: 'NL000000000B01',
  iban: 'NL02 EXMP 0123 4567 89',
  accent: rgb(0.2, 0.3, 0.55),
};

/** The seller of the product the invoice bills (by plan name or id), else a generic one. */
export function sellerFor(world: World, invoice: Invoice): Seller {
  const plan = world.subscription.plans.find((p) => p.id === invoice.planId);
  const key = `${plan?.name ?? ''} ${invoice.planId}`.trim();
  return SELLERS.find((s) => s.match.test(key))?.seller ?? DEFAULT_SELLER;
}
