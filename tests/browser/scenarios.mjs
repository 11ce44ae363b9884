// Named scenarios: every state the page promises to handle. The page tests and the
// accessibility audit both go through all of them.
export const SCENARIOS = [
  { name: 'Sandwell as published', query: '' },
  { name: 'Sandwell with changed assumptions', query: 'v=1&proposal=sandwell&allocation=30&council.months=18&duration=24' },
  { name: 'Trafford as published', query: 'v=1&proposal=trafford' },
  { name: 'Trafford run on for ten years with benefits still growing', query: 'v=1&proposal=trafford&horizon=120&after_plan_trend=100' },
  { name: 'Trafford keeping ten more children out of out-of-borough placements', query: 'v=1&proposal=trafford&placements.units=10&placements.unit_cost=5000' },
  { name: 'Your own proposal', query: 'v=1&proposal=own' },
  { name: 'A proposal that never pays back', query: 'v=1&proposal=own&saving.per_year=0' },
  {
    name: 'A hostile link',
    query: 'v=9&proposal=sandwell&allocation=1e999&cost_per_case=-5&step=abc&cap=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
      + '&horizon=99999999999999999999999999999999&%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E=1&delivery_start=2022-13',
    hostile: true,
  },
  { name: 'An unknown proposal', query: 'proposal=nowhere', hostile: true },
];
