/**
 * The HTTP layer's reading of `If-Match` (strong comparison, RFC 9110 §13.1.1) and the
 * details' version tags it maps to the versions a save may replace.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ifMatchAccepts, strongTags, versionsNamed } from '../../mocks/http/preconditions.js';
import { tagVersion, versionTag } from '../../mocks/store/views.js';

describe('If-Match in the HTTP layer', () => {
  it('lists the strong tags, * for any, nothing for a malformed value', () => {
    assert.equal(strongTags(' * '), '*');
    assert.deepEqual(strongTags('"v1", W/"v2" ,"v3"'), ['"v1"', '"v3"']);
    assert.equal(strongTags('"v1", v2'), undefined);
    assert.deepEqual(strongTags(''), []);
  });

  it('accepts by strong comparison only', () => {
    assert.equal(ifMatchAccepts('"v3"', '"v3"'), true);
    assert.equal(ifMatchAccepts('"v1", "v3"', '"v3"'), true);
    assert.equal(ifMatchAccepts('*', '"v3"'), true);
    assert.equal(ifMatchAccepts('W/"v3"', '"v3"'), false);
    assert.equal(ifMatchAccepts('"v3", junk', '"v3"'), false, 'a malformed list matches nothing');
  });

  it('names the versions of the details its strong tags stand for', () => {
    assert.equal(versionsNamed('*'), '*');
    assert.deepEqual(versionsNamed('"v0", W/"v1", "abc", "v03", "v12"'), [0, 12]);
    assert.deepEqual(versionsNamed('"v2", nonsense'), []);
  });

  it('a version tag and its version are each other’s inverse', () => {
    for (const v of [0, 1, 42, 1e21]) assert.equal(tagVersion(versionTag(v)), v);
    for (const t of ['"v"', '"v-"', '"v1.0"', '"v 1"', 'v1', '"V1"']) assert.equal(tagVersion(t), undefined, t);
  });
});
