import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 7', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v7-${Math.random()}`;
    await seedAt(name, 7);
    await expectUpgraded(name, 7);
  });
});
