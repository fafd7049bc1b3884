import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 1', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v1-${Math.random()}`;
    await seedAt(name, 1);
    await expectUpgraded(name, 1);
  });
});
