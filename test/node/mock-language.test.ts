/**
 * The mock speaks in codes, and its documents in the reader's language (issue 14):
 *
 * - the users CSV and the invoice PDF in the language of `lang`, else `Accept-Language`
 *   (by q), else the tenant's locale, the nearest of en, nl, de (`de-AT` → de, `fr` → en),
 *   said in `Content-Language`; the CSV with a UTF-8 byte-order mark, its dates ISO;
 * - `companyManagedAt` in the words of `Accept-Language`;
 * - refusals with the `params` their codes are worded with, beside the English message.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { World } from '../../mocks/engine/types.js';
import { acceptedLanguages, negotiateLanguage } from '../../mocks/http/language.js';
import { send } from '../mocks/fixtures.js';
import { BASE, useMockServer, world } from './mock-setup.js';

const { store } = useMockServer();
const MONTH = '2026-10';

/** A peak-daily world of a Dutch tenant with a German name and a formula-looking name among the billed. */
function dutchWorld(): World {
  const w = world();
  const billed = w.people.filter((p) => !p.deactivatedOn && !p.deletedOn && p.billingStart < '2026-01-01');
  const names = new Map([
    [billed[0]!.id, 'Schäfer, Jürgen'],
    [billed[1]!.id, '=HYPERLINK("http://x","y")'],
  ]);
  return {
    ...w,
    tenant: { ...w.tenant, locale: 'nl-NL' },
    people: w.people.map((p) => (names.has(p.id) ? { ...p, name: names.get(p.id)! } : p)),
  };
}

async function csv(query: string, headers: Record<string, string> = {}) {
  const r = await send(BASE, 'GET', `/users/export?month=${MONTH}${query}`, undefined, headers);
  assert.equal(r.status, 200);
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    r,
    bytes,
    text,
    lines: text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n'),
  };
}

describe('language negotiation', () => {
  it('reads Accept-Language by q, ties in order, q=0 and malformed entries left out', () => {
    assert.deepEqual(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5'), [
      'fr-CH',
      'fr',
      'en',
      'de',
      '*',
    ]);
    assert.deepEqual(acceptedLanguages('de;q=0.5, nl, en;q=0'), ['nl', 'de']);
    assert.deepEqual(acceptedLanguages('nl;q=abc, 12, de'), ['de']);
    assert.deepEqual(acceptedLanguages(''), []);
  });

  it('answers the nearest language of the first source present', () => {
    const langs = ['en', 'nl', 'de'] as const;
    const pick = (s: Parameters<typeof negotiateLanguage>[1]) => negotiateLanguage(langs, s, 'en').language;
    assert.equal(pick({ lang: 'de-AT', acceptLanguage: 'nl', locale: 'nl-NL' }), 'de');
    assert.equal(pick({ lang: 'fr', acceptLanguage: 'nl', locale: 'nl-NL' }), 'en');
    assert.equal(pick({ acceptLanguage: 'fr-BE, nl-BE;q=0.8, de;q=0.5', locale: 'de-DE' }), 'nl');
    assert.equal(pick({ acceptLanguage: 'fr', locale: 'nl-NL' }), 'en');
    assert.equal(pick({ acceptLanguage: '*', locale: 'de-CH' }), 'de');
    assert.equal(pick({ locale: 'nl-BE' }), 'nl');
    assert.equal(pick({ locale: 'fi-FI' }), 'en');
  });
});

describe('mock users CSV in a language', () => {
  beforeEach(() => store.loadWorld(dutchWorld()));

  it('starts with a UTF-8 byte-order mark and writes Schäfer in UTF-8', async () => {
    const { bytes, text } = await csv('&lang=de');
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(text.includes('"Schäfer, Jürgen"'), 'the name, quoted for its comma');
    assert.ok(new TextDecoder().decode(bytes).includes('Schäfer'));
  });

  it('writes German for lang=de-AT: header, role, status, reason; dates stay ISO', async () => {
    const { r, lines } = await csv('&lang=de-AT');
    assert.equal(r.headers.get('Content-Language'), 'de');
    assert.equal(
      lines[0],
      'Name,E-Mail,Rolle,Aufgeführt in,Startdatum,Status,Deaktiviert am,Abgerechnet,Grund,Datum des Grundes',
    );
    const row = lines.find((l) => l.startsWith('"Schäfer, Jürgen"'))!;
    assert.match(row, /,Aktiv,,Ja,Am Tag mit dem Spitzenwert aktiv,\d{4}-\d{2}-\d{2}$/);
    assert.match(row, /,(Administrator|Finanzen|Mitglied|Gast),/);
    assert.match(row, /,\d{4}-\d{2}-\d{2},Aktiv,/);
  });

  it('neutralises a formula-looking name in every language', async () => {
    for (const lang of ['en', 'nl', 'de']) {
      const { lines } = await csv(`&lang=${lang}`);
      const row = lines.find((l) => l.includes('HYPERLINK'))!;
      assert.ok(row.startsWith(`"'=HYPERLINK(""http://x"",""y"")"`), row);
    }
  });

  it('takes Accept-Language (by q) without lang, the tenant’s locale without either', async () => {
    const nl = await csv('', { 'Accept-Language': 'fr-FR, nl-BE;q=0.8, en;q=0.5' });
    assert.equal(nl.r.headers.get('Content-Language'), 'nl');
    assert.match(
      nl.lines[0]!,
      /^Naam,E-mailadres,Rol,Vermeld in,Startdatum,Status,Gedeactiveerd op,Gefactureerd,Reden/,
    );
    assert.ok(nl.lines.some((l) => l.includes(',Ja,Actief op de dag met het hoogste aantal,')));
    const en = await csv('&lang=fr', { 'Accept-Language': 'nl' });
    assert.equal(en.r.headers.get('Content-Language'), 'en');
    assert.match(en.lines[0]!, /^Name,E-mail,Role,Directories,Start date,Status,Deactivated on,Billed,Reason/);
    assert.ok(en.lines.some((l) => l.includes(',Yes,Active on the peak day,')));
    const tenant = await csv('');
    assert.equal(tenant.r.headers.get('Content-Language'), 'nl');
  });

  it('refuses a lang that is not a language tag', async () => {
    const r = await send(BASE, 'GET', `/users/export?month=${MONTH}&lang=${encodeURIComponent('nl_NL!')}`);
    assert.equal(r.status, 400);
    const body = (await r.json()) as { errors: { field: string; code: string }[] };
    assert.deepEqual(
      body.errors.map((e) => [e.field, e.code]),
      [['lang', 'invalid-lang']],
    );
  });
});

describe('mock invoice PDF language', () => {
  beforeEach(() => store.loadWorld(dutchWorld()));

  it('answers Content-Language: lang, else Accept-Language, else the tenant’s', async () => {
    const id = store.world.invoices[0]!.id;
    const lang = async (query: string, headers: Record<string, string> = {}) => {
      const r = await send(BASE, 'GET', `/invoices/${id}/pdf${query}`, undefined, headers);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('Content-Type'), 'application/pdf');
      return r.headers.get('Content-Language');
    };
    assert.equal(await lang('?lang=de-AT', { 'Accept-Language': 'en' }), 'de');
    assert.equal(await lang('?lang=fr'), 'en');
    assert.equal(await lang('', { 'Accept-Language': 'en-US,en;q=0.9,nl;q=0.8' }), 'en');
    assert.equal(await lang('', { 'Accept-Language': 'de-CH' }), 'de');
    assert.equal(await lang(''), 'nl');
  });
});

describe('mock companyManagedAt in the words of Accept-Language', () => {
  const place = { en: 'Account › Company profile', nl: 'Account › Bedrijfsprofiel', de: 'Konto › Unternehmensprofil' };
  const withPlace = (companyManagedAt: NonNullable<World['billingDetails']>['companyManagedAt']): World => {
    const w = dutchWorld();
    return {
      ...w,
      billingDetails: {
        recipients: ['finance@example.com'],
        address: { line1: 'Keizersgracht 1', postalCode: '1015 CZ', city: 'Amsterdam', country: 'NL' },
        eInvoicing: { enabled: false },
        version: 1,
        ...(companyManagedAt === undefined ? {} : { companyManagedAt }),
      },
    };
  };
  const get = async (headers: Record<string, string> = {}) => {
    const r = await send(BASE, 'GET', '/billing-details', undefined, headers);
    assert.equal(r.status, 200);
    return ((await r.json()) as { companyManagedAt?: string }).companyManagedAt;
  };

  it('picks the language of Accept-Language, else the tenant’s, else English', async () => {
    store.loadWorld(withPlace(place));
    assert.equal(await get({ 'Accept-Language': 'de-DE,de;q=0.9' }), 'Konto › Unternehmensprofil');
    assert.equal(await get({ 'Accept-Language': 'en-GB' }), 'Account › Company profile');
    assert.equal(await get({ 'Accept-Language': 'fr' }), 'Account › Company profile');
    assert.equal(await get(), 'Account › Bedrijfsprofiel');
    store.loadWorld(withPlace({ de: 'Konto › Firmenprofil' }));
    assert.equal(await get({ 'Accept-Language': 'nl' }), 'Konto › Firmenprofil');
    store.loadWorld(withPlace('Account › Company profile'));
    assert.equal(await get({ 'Accept-Language': 'de' }), 'Account › Company profile');
    store.loadWorld(withPlace(undefined));
    assert.equal(await get({ 'Accept-Language': 'de' }), undefined);
  });

  it('answers a save, and the current details of a stale save, in that language too', async () => {
    store.loadWorld(withPlace(place));
    const input = {
      recipients: ['finance@example.com', 'ap@example.com'],
      address: { line1: 'Keizersgracht 1', postalCode: '1015 CZ', city: 'Amsterdam', country: 'NL' },
      eInvoicing: { enabled: false },
    };
    const saved = await send(BASE, 'PUT', '/billing-details', input, { 'If-Match': '"v1"', 'Accept-Language': 'de' });
    assert.equal(saved.status, 200);
    assert.equal(((await saved.json()) as { companyManagedAt: string }).companyManagedAt, place.de);
    const stale = await send(BASE, 'PUT', '/billing-details', input, { 'If-Match': '"v1"', 'Accept-Language': 'nl' });
    assert.equal(stale.status, 412);
    assert.equal(
      ((await stale.json()) as { current: { companyManagedAt: string } }).current.companyManagedAt,
      place.nl,
    );
  });
});

describe('mock refusals carry params', () => {
  it('below-active-users: count, licenses, date, max (on the field and the problem)', async () => {
    store.loadWorld(world('prepaid-licenses'));
    const s = (await (await send(BASE, 'GET', '/licenses')).json()) as {
      free: number;
      assigned: number;
      licenses: number;
      nextPeriod: { start: string };
    };
    const r = await send(
      BASE,
      'POST',
      '/licenses/orders',
      { kind: 'remove', quantity: s.free + 1 },
      {
        'Idempotency-Key': 'remove-too-many',
      },
    );
    assert.equal(r.status, 422);
    const body = (await r.json()) as {
      code: string;
      params: Record<string, unknown>;
      errors: { field: string; code: string; params: Record<string, unknown>; message: string }[];
    };
    assert.equal(body.code, 'below-active-users');
    const { date, ...counts } = body.params as { date: string };
    assert.deepEqual(counts, { count: s.assigned, licenses: s.licenses - s.free - 1, max: s.free });
    assert.ok(date >= s.nextPeriod.start, date);
    assert.deepEqual(body.errors[0]?.params, body.params);
    assert.match(body.errors[0]!.message, /active users/);
  });

  it('the details rules: invalid-email and duplicate with value, too-long with max', async () => {
    store.loadWorld(world());
    const r = await send(
      BASE,
      'PUT',
      '/billing-details',
      {
        recipients: ['a@example.com', 'not-an-address', 'A@Example.com'],
        address: { line1: 'x', postalCode: '1', city: 'y', country: 'NL' },
        eInvoicing: { enabled: false },
      },
      { 'If-Match': '*' },
    );
    assert.equal(r.status, 422);
    const body = (await r.json()) as { errors: { field: string; code: string; params?: object }[] };
    assert.deepEqual(
      body.errors.map((e) => [e.field, e.code, e.params]),
      [
        ['recipients[1]', 'invalid-email', { value: 'not-an-address' }],
        ['recipients[2]', 'duplicate', { value: 'A@Example.com' }],
      ],
    );
    const long = await send(
      BASE,
      'PUT',
      '/billing-details',
      {
        recipients: ['a@example.com'],
        address: { line1: 'x', postalCode: '1', city: 'y', country: 'NL' },
        eInvoicing: { enabled: false },
        poNumber: 'P'.repeat(500),
      },
      { 'If-Match': '*' },
    );
    const tooLong = (await long.json()) as { errors: { field: string; code: string; params?: { max: number } }[] };
    const po = tooLong.errors.find((e) => e.field === 'poNumber');
    assert.equal(po?.code, 'too-long');
    assert.ok(typeof po?.params?.max === 'number' && po.params.max < 500, JSON.stringify(po));
  });

  it('rate-limited: seconds', async () => {
    store.loadWorld(world());
    store.setFaults([{ operation: 'listUsers', kind: 'rate-limit-429', retryAfter: 7 }]);
    try {
      const r = await send(BASE, 'GET', `/users?month=${MONTH}`);
      assert.equal(r.status, 429);
      assert.deepEqual(((await r.json()) as { params: object }).params, { seconds: 7 });
    } finally {
      store.setFaults([]);
    }
  });
});
