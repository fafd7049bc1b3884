import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 4', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v4-${Math.random()}`;
    await seedAt(name, 4);
    await expectUpgraded(name, 4);
  });
});
