/**
 * The first-run greeting's policy (src/host/welcome/firstRunPolicy.ts): once, on the first activation
 * without HyperLab state; never again once given; never in a test host unless the test asks.
 */
import * as assert from 'node:assert/strict';
import { type FirstRunFacts, firstRunChoice } from '../../src/host/welcome/firstRunPolicy';

const fresh: FirstRunFacts = { welcomed: undefined, workspaceUsed: false, testHost: false, override: undefined };

describe('the first-run greeting', () => {
  it('greets on the first activation without HyperLab state', () => {
    assert.equal(firstRunChoice(fresh), 'welcome');
  });

  it('never greets again once the flag is stored, whatever the user did with the greeting', () => {
    assert.equal(firstRunChoice({ ...fresh, welcomed: true }), 'nothing');
  });

  it('does not greet where HyperLab was already used, but remembers not to ask', () => {
    assert.equal(firstRunChoice({ ...fresh, workspaceUsed: true }), 'mark-only');
  });

  it('stays quiet in a test host unless the test asks, and anywhere when told to skip', () => {
    assert.equal(firstRunChoice({ ...fresh, testHost: true }), 'nothing');
    assert.equal(firstRunChoice({ ...fresh, testHost: true, override: 'show' }), 'welcome');
    assert.equal(firstRunChoice({ ...fresh, override: 'skip' }), 'nothing');
    assert.equal(firstRunChoice({ ...fresh, testHost: true, override: 'show', welcomed: true }), 'nothing');
  });
});
