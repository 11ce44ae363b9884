// Named scenarios: every state the page promises to handle. The page tests, the accessibility
// audit and the reflow checks all go through all of them. `notice` marks a link the page must
// correct, with a notice saying what it changed.
export const SCENARIOS = [
  { name: 'Sandwell as published', query: '' },
  { name: 'Sandwell with changed assumptions', query: 'v=1&p=sandwell&allocation=30&council.months=18&duration=24' },
  {
    name: 'Sandwell with two scenarios pinned to compare',
    query: 'v=1&p=sandwell&allocation=30&a~name=As%20published&b~name=What%20the%20finance%20officer%20believes&b~cost_per_case=2000&draws=500',
  },
  { name: 'Trafford as published', query: 'v=1&p=trafford' },
  { name: 'Trafford run on for ten years with benefits still growing', query: 'v=1&p=trafford&horizon=120&after_plan_trend=100' },
  { name: 'Trafford keeping ten more children out of out-of-borough placements', query: 'v=1&p=trafford&placements.units=10&placements.unit_cost=5000' },
  { name: 'Your own proposal', query: 'v=1&p=own' },
  { name: "A council's own children's home (unit cost x volume x occupancy)", query: 'v=1&p=childrens_home&beds.occupancy=75' },
  { name: 'A proposal that never pays back', query: 'v=1&p=own&saving.per_year=0' },
  { name: 'A link with a value out of range', query: 'v=1&p=sandwell&allocation=250', notice: true },
  {
    name: 'A hostile link',
    query: 'v=9&proposal=sandwell&allocation=1e999&cost_per_case=-5&step=abc&cap=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
      + '&horizon=99999999999999999999999999999999&%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E=1&delivery_start=2022-13',
    hostile: true,
    notice: true,
  },
  { name: 'An unknown proposal', query: 'proposal=nowhere', hostile: true, notice: true },
  { name: 'A link written before proposals were named by p=', query: 'v=1&proposal=trafford&horizon=48' },
];

// The widths every scenario is checked at: a desktop, and 320 CSS pixels, which is also what a
// 1280-pixel-wide screen shows at 400% zoom (WCAG's reflow test).
export const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: '320px wide (400% zoom)', viewport: { width: 320, height: 640 } },
];

// Opens every closed section the way a reader would, by clicking its summary: "More
// assumptions", the month-by-month table, the chart's data, the report's figures.
export async function openEverything(page) {
  const closed = page.locator('details:not([open]) > summary');
  for (let tries = 0; tries < 20 && await closed.count() > 0; tries += 1) {
    await closed.first().click({ timeout: 5000 });
  }
  const left = await closed.count();
  if (left !== 0) throw new Error(`${left} sections would not open`);
  // Some sections draw their contents only once open (the month-by-month table, the
  // sensitivity table a moment later, the uncertainty run a second or two later): wait until
  // none says it is still working, then until the page stops growing.
  await page.waitForFunction(
    () => document.querySelector('.uncertainty__updating, .sensitivity__working, .comparison__updating, [aria-busy="true"]') === null,
    null, { timeout: 30000 });
  await page.waitForFunction(() => new Promise((resolve) => {
    const count = document.querySelectorAll('*').length;
    setTimeout(() => resolve(document.querySelectorAll('*').length === count), 400);
  }));
}

// Types a value into an assumption's box and presses Enter, as a reader would.
export async function typeInto(page, key, text) {
  const box = page.locator(`#lever-${key.replace('.', '-')}`);
  await box.fill(text);
  await box.press('Enter');
}
