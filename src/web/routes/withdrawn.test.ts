// What readers see of agency take-downs and corrections on the article page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, storyRow, type WebHarness } from '../testing/web-fixtures.ts';
import { testEngines } from '../../store/testing/test-stores.ts';

describe.each(testEngines())('withdrawn and corrected stories on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('a killed story answers 410 Gone at its canonical and short URLs, with a short notice', async () => {
    const [id] = await w.insert(storyRow(1, { status: 'killed' }));
    for (const url of [`/article/politics/${id}-headline-number-1`, `/article/${id}`]) {
      const res = await w.get(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('Story withdrawn');
      expect(res.body).toContain('withdrawn by the agency');
      expect(res.body).not.toContain('Body of story 1');
    }
  });

  it.each(['withheld', 'embargoed'])('a %s story is simply not there (404), never revealed', async (status) => {
    const [id] = await w.insert(storyRow(1, { status }));
    expect((await w.get(`/article/politics/${id}-headline-number-1`)).statusCode).toBe(404);
  });

  it('a corrected story says so, with the time in the site zone', async () => {
    const [id] = await w.insert(storyRow(1, { corrected_at: '2023-04-16T20:00:00.000Z' }));
    const res = await w.get(`/article/politics/${id}-headline-number-1`);
    expect(res.body).toMatch(/<strong>Corrected:<\/strong> this story was corrected by its agency at <time datetime="2023-04-16T20:00:00.000Z">17-04-2023 01:30 IST<\/time>/);
  });
});
