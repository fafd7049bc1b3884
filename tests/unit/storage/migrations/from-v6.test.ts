import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 6', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v6-${Math.random()}`;
    await seedAt(name, 6);
    await expectUpgraded(name, 6);
  });
});
