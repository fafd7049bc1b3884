import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 9', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v9-${Math.random()}`;
    await seedAt(name, 9);
    await expectUpgraded(name, 9);
  });
});
