// Saved-format assessments for browser tests, built like the app's JSON export.
export const CATALOGUE_VERSION = '2026.12-1';

export const FR1_SL1 = ['sr-1.1', 'sr-1.3', 'sr-1.4', 'sr-1.5', 'sr-1.6', 'sr-1.7', 'sr-1.10', 'sr-1.11', 'sr-1.12', 'sr-1.13'];

export function knownAssessment(id = 'a-known-1') {
  const implemented = Object.fromEntries(FR1_SL1.map((i) => [i, { answer: 'implemented' }]));
  return {
    format: 'iec62443-assess/assessment',
    schema: 1,
    catalogue_version: CATALOGUE_VERSION,
    assessment: {
      id,
      name: 'Known answers',
      created: '2026-11-20T09:00:00.000Z',
      updated: '2026-11-21T10:30:00.000Z',
      catalogue_version: CATALOGUE_VERSION,
      profile: { organisation: 'Acme <script>alert(1)</script> Utilities', sector: 'Water and wastewater', roles: ['asset_owner'], mode: 'full', target_maturity: 2 },
      zones: [
        { id: 'z1', name: 'Cell A', description: '', asset_types: ['plc', 'hmi'], criticality: 'high', target: [2, 2, 2, 2, 2, 2, 2] },
        { id: 'z2', name: 'Boiler <b>house</b>', description: 'Steam', asset_types: [], criticality: 'medium', target: [1, 1, 1, 1, 1, 1, 1] },
      ],
      conduits: [{ id: 'c1', name: 'Historian link', from: 'z1', to: 'z2', protocols: 'OPC UA', crosses_it: true, crosses_internet: false }],
      answers: {
        assessment: {
          'zcr-1.1': { answer: 'implemented' },
          'zcr-3.5': { answer: 'not_applicable', justification: 'No wireless, "none" at all, checked 2026' },
          'org-1': { answer: 'ml2' },
        },
        all_zones: implemented,
        zones: { z2: { 'sr-1.1': { answer: 'not_implemented', notes: 'Shared <i>operator</i> login, =SUM(A1)' } } },
      },
      plan: { 'sr-1.1': { status: 'planned', owner: 'J. Doe', target_date: '2027-03-31', note: 'Budget approved' } },
      last_step: 'results',
    },
  };
}
