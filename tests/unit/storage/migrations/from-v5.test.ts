import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 5', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v5-${Math.random()}`;
    await seedAt(name, 5);
    await expectUpgraded(name, 5);
  });
});
