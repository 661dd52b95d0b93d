import { readRegistry } from '../../src/services/daily-job-registry';
import { createAppHarness } from '../support/app-harness';

/**
 * Forge serves many installations from one warm function instance, so the app's modules outlive
 * one site's storage. Two sandboxes one after the other in this process play two sites: the
 * second site's first review must register its own SEC, whatever the first site registered.
 */
test("each installation registers its own projects (no memory of another site's)", async () => {
  for (const site of ['first', 'second']) {
    const app = createAppHarness();
    try {
      const registry = () => app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, readRegistry);
      expect(await registry()).toBeUndefined();
      await app.data('rita', 'startReview', { issueKey: 'SEC-22' });
      expect({ site, projects: (await registry())?.document.projects }).toEqual({ site, projects: ['SEC'] });
    } finally {
      app.sandbox.close();
    }
  }
});
