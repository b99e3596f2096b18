/**
 * The request side of the contract: every operation's parameters and body, and the
 * schemas they use, as `openapi/billing-api.yaml` states them (descriptions left out).
 * The mock checks every request against these (see `request.ts`).
 *
 * Generated from the contract: do not edit. After changing the contract run
 * `npx tsx test/node/contract.ts --write` (test/node/contract.test.ts fails while this is stale).
 */
import type { RequestContract } from './schema.js';

export const CONTRACT: RequestContract = {
  limits: { maxUrlLength: 8192, maxBodyBytes: 65536, maxDepth: 32 },
  operations: {
    getMe: { method: 'get', path: '/me', parameters: [] },
    getSubscription: { method: 'get', path: '/subscription', parameters: [] },
    scheduleChange: {
      method: 'post',
      path: '/subscription/changes',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 8, maxLength: 200 } }],
      requestBody: { required: true, schema: { $ref: '#/components/schemas/ChangeRequest' } },
    },
    listPlans: { method: 'get', path: '/plans', parameters: [] },
    listUsers: {
      method: 'get',
      path: '/users',
      parameters: [
        {
          name: 'month',
          in: 'query',
          required: true,
          schema: {
            type: 'string',
            maxLength: 7,
            pattern: '^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$',
            'x-error-code': 'invalid-month',
            'x-error-message': 'Give the month as YYYY-MM, from 2000-01 to 2100-12 (e.g. 2026-03).',
          },
        },
        { name: 'billed', in: 'query', schema: { type: 'boolean', default: true } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        {
          name: 'sort',
          in: 'query',
          schema: {
            type: 'string',
            enum: [
              'name',
              '-name',
              'email',
              '-email',
              'role',
              '-role',
              'startDate',
              '-startDate',
              'reason',
              '-reason',
              'reasonDate',
              '-reasonDate',
              'directories',
              '-directories',
            ],
            default: 'name',
          },
        },
        {
          name: 'q',
          in: 'query',
          schema: {
            type: 'string',
            maxLength: 200,
            pattern: '^[^\\x00-\\x1F\\x7F]*$',
            'x-error-code': 'control-character',
            'x-error-message': 'Search text cannot contain line breaks, tabs or other control characters.',
          },
        },
      ],
    },
    exportUsers: {
      method: 'get',
      path: '/users/export',
      parameters: [
        {
          name: 'month',
          in: 'query',
          required: true,
          schema: {
            type: 'string',
            maxLength: 7,
            pattern: '^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$',
            'x-error-code': 'invalid-month',
            'x-error-message': 'Give the month as YYYY-MM, from 2000-01 to 2100-12 (e.g. 2026-03).',
          },
        },
        { name: 'billed', in: 'query', schema: { type: 'boolean', default: true } },
      ],
    },
    deactivateUser: {
      method: 'post',
      path: '/users/{userId}/deactivate',
      parameters: [
        { name: 'userId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
        { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 8, maxLength: 200 } },
      ],
      requestBody: {
        required: false,
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: { removeLicense: { type: 'boolean', default: false } },
        },
      },
    },
    reactivateUser: {
      method: 'post',
      path: '/users/{userId}/reactivate',
      parameters: [
        { name: 'userId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
        { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 8, maxLength: 200 } },
      ],
      requestBody: {
        required: false,
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: { buyLicense: { type: 'boolean', default: false } },
        },
      },
    },
    getDailyUsage: {
      method: 'get',
      path: '/usage/daily',
      parameters: [
        {
          name: 'month',
          in: 'query',
          required: true,
          schema: {
            type: 'string',
            maxLength: 7,
            pattern: '^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$',
            'x-error-code': 'invalid-month',
            'x-error-message': 'Give the month as YYYY-MM, from 2000-01 to 2100-12 (e.g. 2026-03).',
          },
        },
      ],
    },
    getMonthlyUsage: {
      method: 'get',
      path: '/usage/monthly',
      parameters: [
        { name: 'year', in: 'query', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
      ],
    },
    listInvoices: {
      method: 'get',
      path: '/invoices',
      parameters: [
        {
          name: 'status',
          in: 'query',
          style: 'form',
          explode: false,
          schema: { type: 'array', maxItems: 5, items: { $ref: '#/components/schemas/InvoiceStatus' } },
        },
        { name: 'year', in: 'query', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      ],
    },
    getUpcomingInvoice: { method: 'get', path: '/invoices/upcoming', parameters: [] },
    getInvoice: {
      method: 'get',
      path: '/invoices/{invoiceId}',
      parameters: [
        { name: 'invoiceId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
      ],
    },
    getInvoicePdf: {
      method: 'get',
      path: '/invoices/{invoiceId}/pdf',
      parameters: [
        { name: 'invoiceId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
      ],
    },
    settleBalance: {
      method: 'post',
      path: '/invoices/settle',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 8, maxLength: 200 } }],
    },
    getLicenses: { method: 'get', path: '/licenses', parameters: [] },
    quoteLicenses: {
      method: 'post',
      path: '/licenses/quote',
      parameters: [],
      requestBody: {
        required: true,
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['quantity'],
          properties: { quantity: { type: 'integer', minimum: 1, maximum: 100000 } },
        },
      },
    },
    listOrders: { method: 'get', path: '/licenses/orders', parameters: [] },
    orderLicenses: {
      method: 'post',
      path: '/licenses/orders',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          schema: { type: 'string', minLength: 8, maxLength: 200 },
        },
      ],
      requestBody: { required: true, schema: { $ref: '#/components/schemas/LicenseOrderRequest' } },
    },
    getBillingDetails: { method: 'get', path: '/billing-details', parameters: [] },
    putBillingDetails: {
      method: 'put',
      path: '/billing-details',
      parameters: [
        {
          name: 'If-Match',
          in: 'header',
          required: true,
          schema: {
            type: 'string',
            maxLength: 1000,
            pattern: '^(\\*|[ \\t]*(W/)?"[\\x21\\x23-\\x7E]*"[ \\t]*(,[ \\t]*(W/)?"[\\x21\\x23-\\x7E]*"[ \\t]*)*)$',
            'x-error-message': 'Send the ETag exactly as received, in double quotes (e.g. "v3"), or *.',
          },
        },
      ],
      requestBody: { required: true, schema: { $ref: '#/components/schemas/BillingDetailsInput' } },
    },
    searchPeople: {
      method: 'get',
      path: '/people',
      parameters: [
        {
          name: 'q',
          in: 'query',
          schema: {
            type: 'string',
            maxLength: 200,
            pattern: '^[^\\x00-\\x1F\\x7F]*$',
            'x-error-code': 'control-character',
            'x-error-message': 'Search text cannot contain line breaks, tabs or other control characters.',
          },
        },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      ],
    },
    getPaymentMethod: { method: 'get', path: '/payment-method', parameters: [] },
    mockGetWorld: { method: 'get', path: '/__mock/world', parameters: [] },
    mockPutWorld: {
      method: 'put',
      path: '/__mock/world',
      parameters: [],
      requestBody: { required: true, maxBytes: 67108864, schema: { type: 'object' } },
    },
    mockLoadScenario: {
      method: 'post',
      path: '/__mock/scenario/{name}',
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } }],
    },
    mockReset: { method: 'post', path: '/__mock/reset', parameters: [] },
    mockSetSession: {
      method: 'put',
      path: '/__mock/session',
      parameters: [],
      requestBody: {
        required: true,
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            role: { oneOf: [{ $ref: '#/components/schemas/Role' }, { type: 'null' }] },
            today: { $ref: '#/components/schemas/Date' },
          },
        },
      },
    },
    mockGetFaults: { method: 'get', path: '/__mock/faults', parameters: [] },
    mockPutFaults: {
      method: 'put',
      path: '/__mock/faults',
      parameters: [],
      requestBody: {
        required: true,
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['items'],
          properties: { items: { type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/Fault' } } },
        },
      },
    },
    mockSwapCard: { method: 'post', path: '/__mock/payment-method/test-swap', parameters: [] },
  },
  schemas: {
    Address: {
      type: 'object',
      additionalProperties: false,
      required: ['line1', 'postalCode', 'city', 'country'],
      properties: {
        line1: { type: 'string', minLength: 1, maxLength: 200 },
        line2: { type: 'string', maxLength: 200 },
        postalCode: { type: 'string', minLength: 1, maxLength: 20 },
        city: { type: 'string', minLength: 1, maxLength: 100 },
        country: { type: 'string', maxLength: 2, pattern: '^[A-Z]{2}$' },
      },
    },
    BillingContact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        personId: { type: 'string', maxLength: 200 },
        email: { type: 'string', format: 'email', maxLength: 254 },
        name: { type: 'string', maxLength: 200 },
      },
    },
    BillingDetailsInput: {
      type: 'object',
      additionalProperties: false,
      required: ['recipients', 'address', 'eInvoicing'],
      properties: {
        recipients: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: { type: 'string', format: 'email', maxLength: 254 },
        },
        contact: { $ref: '#/components/schemas/BillingContact' },
        address: { $ref: '#/components/schemas/Address' },
        eInvoicing: { $ref: '#/components/schemas/EInvoicing' },
        poNumber: { type: 'string', maxLength: 50 },
      },
    },
    ChangeRequest: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { type: 'string', enum: ['change-plan', 'change-period'] },
        planId: { type: 'string', minLength: 1, maxLength: 100 },
        periodMonths: { type: 'integer', enum: [1, 6, 12] },
      },
    },
    Date: { type: 'string', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    EInvoicing: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        address: { type: 'string', maxLength: 200 },
        operatorCode: { type: 'string', maxLength: 50 },
      },
    },
    Fault: {
      type: 'object',
      additionalProperties: false,
      required: ['operation', 'kind'],
      properties: {
        operation: { type: 'string', minLength: 1, maxLength: 100 },
        kind: { type: 'string', enum: ['latency', 'error-500', 'network-error', 'hang', 'rate-limit-429'] },
        latencyMs: { type: 'integer', minimum: 0, maximum: 60000 },
        retryAfter: { type: 'integer', minimum: 0, maximum: 3600 },
        times: { type: 'integer', minimum: 1, maximum: 1000000 },
      },
    },
    InvoiceStatus: { type: 'string', enum: ['upcoming', 'open', 'paid', 'past_due', 'payment_failed'] },
    LicenseOrderRequest: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'quantity'],
      properties: {
        kind: { type: 'string', enum: ['add', 'remove'] },
        quantity: { type: 'integer', minimum: 1, maximum: 100000 },
      },
    },
    Role: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z][A-Za-z0-9._-]*$',
      'x-error-message':
        'A role is a name of letters, digits, dots, dashes or underscores (at most 64), starting with a letter.',
    },
  },
};
