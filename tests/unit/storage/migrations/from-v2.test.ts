import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 2', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v2-${Math.random()}`;
    await seedAt(name, 2);
    await expectUpgraded(name, 2);
  });
});
