// axe-core in the page under test: serious and critical violations fail the test that asks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The serious and critical violations on the page as it is now, one line each ("rule: target"). The
 * script goes in through the DevTools protocol (page.evaluate), which the pages' CSP does not govern.
 * `selector` limits the check to one part of the page.
 */
export async function accessibilityViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
  return violations
    .filter((v) => BLOCKING.has(v.impact))
    .flatMap((v) => v.targets.map((t) => `${v.id} (${v.impact}): ${v.help} — ${t}`));
}

/**
 * The violations in the dialog a ConfirmButton opens (checked while it is open), closed again with Esc
 * so the test goes on where it was.
 */
export async function dialogViolations(page, button) {
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const found = await accessibilityViolations(page);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return found;
}
