import { describe, it } from 'vitest';
import { expectUpgraded, seedAt } from './data';

describe('a database from schema version 8', () => {
  it('upgrades to the current version with every row kept and transformed', async () => {
    const name = `from-v8-${Math.random()}`;
    await seedAt(name, 8);
    await expectUpgraded(name, 8);
  });
});
