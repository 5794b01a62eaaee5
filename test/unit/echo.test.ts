import * as assert from 'node:assert/strict';
import { ECHO_LIMIT, echo, echoPath } from '../../src/shared/echo';

describe('echo: how much of a value a message repeats', () => {
  it('keeps short values whole and cuts long ones to 80 characters with an ellipsis and the length', () => {
    assert.equal(echo('relu'), 'relu');
    assert.equal(echo('x'.repeat(ECHO_LIMIT)), 'x'.repeat(80));
    assert.equal(echo('x'.repeat(50_000_000)), `${'x'.repeat(79)}… (50,000,000 characters)`);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(78)}😀${'b'.repeat(100)}`; // the emoji straddles the cut
    const shown = echo(text);
    assert.ok(!/[\uD800-\uDBFF]…/.test(shown), shown);
    assert.ok(shown.startsWith('a'.repeat(78)));
    assert.ok(!/^…[\uDC00-\uDFFF]/.test(echoPath(`${'c'.repeat(100)}😀${'d'.repeat(78)}`)));
  });

  it('keeps the end of a long path, where the file name is', () => {
    assert.equal(echoPath('/data/train.csv'), '/data/train.csv');
    const long = `/${'deep/'.repeat(40)}train.csv`;
    const shown = echoPath(long);
    assert.ok(shown.startsWith('…') && shown.includes('/deep/train.csv ('), shown);
    assert.match(shown, /\(210 characters\)$/);
  });
});
