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

/** Requirement ids of a foundational requirement at SL 1 and 2, for answering a realistic share of them. */
const SR = {
  fr1: ['sr-1.1', 'sr-1.2', 'sr-1.3', 'sr-1.4', 'sr-1.5', 'sr-1.6', 'sr-1.7', 'sr-1.8', 'sr-1.10', 'sr-1.11', 'sr-1.12', 'sr-1.13'],
  fr2: ['sr-2.1', 'sr-2.2', 'sr-2.3', 'sr-2.4', 'sr-2.5', 'sr-2.6', 'sr-2.8', 'sr-2.9', 'sr-2.10', 'sr-2.11', 'sr-2.12'],
  fr3: ['sr-3.1', 'sr-3.2', 'sr-3.3', 'sr-3.4', 'sr-3.5', 'sr-3.6', 'sr-3.7', 'sr-3.8', 'sr-3.9'],
  fr5: ['sr-5.1', 'sr-5.2', 'sr-5.3', 'sr-5.4'],
  fr7: ['sr-7.1', 'sr-7.2', 'sr-7.3', 'sr-7.4', 'sr-7.6', 'sr-7.7', 'sr-7.8'],
};

/**
 * The assessment of the issue-17 walkthrough, as a schema-3 file: a water utility's asset owner, three
 * zones with long names, two conduits, about sixty answers (some per zone, one needing its justification),
 * and roadmap decisions. For layout tests: long names in every table, and every step filled.
 */
export function walkthroughAssessment(id = 'a-walkthrough', name = 'Riverside water treatment works – 2026 review of the control network') {
  const answers = ['implemented', 'partial', 'not_implemented', 'dont_know', 'implemented', 'implemented'];
  const allZones: Record<string, object> = {};
  [...SR.fr1, ...SR.fr2, ...SR.fr3, ...SR.fr5, ...SR.fr7].forEach((item, i) => {
    allZones[item] = { answer: answers[i % answers.length] };
  });
  return {
    format: 'iec62443-assess/assessment',
    schema: 3,
    catalogue_version: CATALOGUE_VERSION,
    assessment: {
      id,
      name,
      created: '2026-11-02T08:00:00.000Z',
      updated: '2026-11-02T08:30:00.000Z',
      catalogue_version: CATALOGUE_VERSION,
      profile: { organisation: 'Riverside Water and Wastewater Authority', sector: 'Water and wastewater', roles: ['asset_owner'], mode: 'full', target_maturity: 2 },
      zones: [
        { id: 'z1', name: 'Safety instrumented systems of the chlorination building', description: 'SIS PLCs and their engineering station', asset_types: ['plc', 'safety_system', 'engineering_workstation'], criticality: 'critical', target: [3, 3, 3, 2, 3, 2, 3] },
        { id: 'z2', name: 'Treatment process control (PLCs, HMIs and historian)', description: '', asset_types: ['plc', 'hmi', 'historian'], criticality: 'high', target: [2, 2, 2, 2, 2, 2, 2] },
        { id: 'z3', name: 'Remote pumping stations over the telemetry network', description: 'Outstations reached over leased lines', asset_types: ['plc', 'network_equipment', 'remote_access'], criticality: 'medium', target: [2, 2, 1, 1, 2, 1, 1] },
      ],
      conduits: [
        { id: 'c1', name: 'Engineering access to the safety system', from: 'z2', to: 'z1', protocols: 'Vendor engineering protocol over TCP', crosses_it: false, crosses_internet: false },
        { id: 'c2', name: 'Telemetry from the remote pumping stations', from: 'z3', to: 'z2', protocols: 'DNP3, Modbus/TCP', crosses_it: true, crosses_internet: false, target: [2, 2, 2, 2, 3, 1, 2] },
      ],
      answers: {
        assessment: {
          'zcr-1.1': { answer: 'implemented' },
          'zcr-2.1': { answer: 'partial' },
          'zcr-3.1': { answer: 'implemented' },
          'zcr-3.2': { answer: 'not_implemented' },
          'zcr-3.5': { answer: 'not_applicable', justification: 'No wireless links in any zone; checked on the 2026 site survey.' },
          'org-1': { answer: 'ml2' },
          'org-2': { answer: 'ml1' },
          'org-3': { answer: 'not_performed' },
        },
        all_zones: allZones,
        zones: {
          z1: { 'sr-5.1': { answer: 'not_implemented', notes: 'The SIS shares a switch with the process control network.' }, 'sr-1.1': { answer: 'compensating', justification: 'Engineering station locked in the SIS cabinet room.' } },
          z3: { 'sr-1.1': { answer: 'not_implemented' }, 'sr-7.6': { notes: 'Ask the telemetry supplier' } },
        },
      },
      plan: { 'sr-5.1': { status: 'planned', owner: 'OT engineering lead', target_date: '2027-03-31', note: 'Budget requested' } },
      last_step: 'questionnaire',
    },
  };
}
