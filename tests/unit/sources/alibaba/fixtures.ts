import { sourceFixtures } from '../../../support/fixtures';

/** Alibaba.com's saved answers and pages (tests/fixtures/alibaba/). */
export const { text: alibabaText, json: alibabaJson } = sourceFixtures('alibaba');
