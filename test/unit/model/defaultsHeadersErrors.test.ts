// The small facts that have one home in src/core/model: the default naming template, header names,
// error text. Each is checked against the rule it stands for, not against its own code.
import * as assert from 'node:assert/strict';
import {
  DEFAULT_NAMING_TEMPLATE,
  DEFAULT_SHARED_NAMING_TEMPLATE,
  defaultNamingTemplate,
} from '../../../src/core/model/defaultNamingTemplate';
import { errorStack, errorText } from '../../../src/core/model/errorText';
import { lowerCaseHeaders } from '../../../src/core/model/lowerCaseHeaders';
import { checkNamingTemplate } from '../../../src/core/policy/namingTemplate';

describe('the default naming template', () => {
  it("per-user types get Graph's example CPC-%USERNAME:4%-%RAND:5%; a shared pool gets random characters only", () => {
    for (const type of [undefined, 'dedicated', 'sharedByUser', 'shared'])
      assert.equal(defaultNamingTemplate(type), 'CPC-%USERNAME:4%-%RAND:5%', String(type));
    assert.equal(defaultNamingTemplate('sharedByEntraGroup'), DEFAULT_SHARED_NAMING_TEMPLATE);
    assert.doesNotMatch(DEFAULT_SHARED_NAMING_TEMPLATE, /%USERNAME/);
  });

  it('passes the current naming rules for the types it is used for (Learn: "Create a provisioning policy")', () => {
    assert.deepEqual(
      checkNamingTemplate(DEFAULT_NAMING_TEMPLATE, 'dedicated').map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate(DEFAULT_NAMING_TEMPLATE, 'sharedByUser').map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate(DEFAULT_SHARED_NAMING_TEMPLATE, 'sharedByEntraGroup').map((p) => p.code),
      [],
    );
  });
});

describe('lowerCaseHeaders (header names are case-insensitive, RFC 9110 §5.1)', () => {
  it('lower-cases names from a record, pairs and a fetch Headers alike', () => {
    const want = { 'content-type': 'application/json', 'retry-after': '5' };
    assert.deepEqual(lowerCaseHeaders({ 'Content-Type': 'application/json', 'Retry-After': 5 }), want);
    assert.deepEqual(
      lowerCaseHeaders([
        ['Content-Type', 'application/json'],
        ['RETRY-AFTER', '5'],
      ]),
      want,
    );
    assert.deepEqual(lowerCaseHeaders(new Headers({ 'Content-Type': 'application/json', 'Retry-After': '5' })), want);
  });

  it('joins a repeated header\'s values with ", " (RFC 9110 §5.3) and skips absent ones', () => {
    assert.deepEqual(lowerCaseHeaders({ Accept: ['a', 'b'], 'X-None': undefined }), { accept: 'a, b' });
    assert.deepEqual(lowerCaseHeaders(undefined), {});
  });
});

describe('errorText', () => {
  it("is an Error's message, or any other thrown value as text", () => {
    assert.equal(errorText(new RangeError('out of range')), 'out of range');
    assert.equal(errorText('plain string'), 'plain string');
    assert.equal(errorText(42), '42');
    assert.equal(errorText(undefined), 'undefined');
  });

  it('errorStack gives the stack for a log when there is one', () => {
    const err = new Error('boom');
    assert.equal(errorStack(err), err.stack);
    assert.equal(errorStack({ toString: () => 'odd' }), 'odd');
  });
});
