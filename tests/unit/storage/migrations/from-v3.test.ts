import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 3', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v3-${Math.random()}`;
    await seedAt(name, 3);
    await expectUpgraded(name, 3);
  });
});
