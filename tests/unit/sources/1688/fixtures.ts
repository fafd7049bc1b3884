import { sourceFixtures } from '../../../support/fixtures';

/** 1688's saved answers and pages (tests/fixtures/1688/). */
export const { text: fixtureText, json: fixtureJson } = sourceFixtures('1688');
