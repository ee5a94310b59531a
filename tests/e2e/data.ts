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

/**
 * The walkthrough of issue 17: a water utility's asset owner, three zones, two conduits, sixty answers and
 * most questions still open. Notes hold a long unbroken address, which must wrap in print rather than run
 * past the page edge.
 */
export function halfFinishedAssessment(id = 'a-half-1') {
  const zones = { z1: {}, z2: {}, z3: {} } as Record<string, Record<string, object>>;
  const allZones: Record<string, object> = {};
  const set = (ids: string[], answer: string, extra: object = {}) => {
    for (const i of ids) allZones[i] = { answer, ...extra };
  };
  set(['sr-1.1', 'sr-1.3', 'sr-1.4', 'sr-1.5', 'sr-1.6', 'sr-1.7', 'sr-1.10', 'sr-1.11', 'sr-1.13'], 'implemented');
  set(['sr-1.2', 'sr-1.8', 'sr-1.9', 'sr-1.12'], 'partial');
  set(['sr-2.1', 'sr-2.2', 'sr-2.3', 'sr-2.4', 'sr-2.8', 'sr-2.9', 'sr-2.12'], 'implemented');
  set(['sr-2.5', 'sr-2.6', 'sr-2.7', 'sr-2.10', 'sr-2.11'], 'not_implemented');
  set(['sr-3.1', 'sr-3.2', 'sr-3.3', 'sr-3.4'], 'partial');
  set(['sr-3.5', 'sr-3.6', 'sr-3.7'], 'implemented');
  set(['sr-5.1', 'sr-5.2'], 'implemented', { notes: 'Firewall rules reviewed; see https://intranet.example.com/ot-security/network/firewall-rulebase-review-2026-11-export-final-v3.xlsx' });
  set(['sr-7.1', 'sr-7.2', 'sr-7.3', 'sr-7.4', 'sr-7.6'], 'partial');
  // The chlorination safety PLCs are not segmented: known missing, the walkthrough's SR 5.1.
  zones.z3['sr-5.1'] = { answer: 'not_implemented', notes: 'Safety PLCs share the control VLAN.' };
  zones.z3['sr-5.2'] = { answer: 'not_implemented' };
  zones.z3['sr-1.1'] = { answer: 'partial', justification: '', notes: 'Engineering workstation uses a shared account.' };
  zones.z2['sr-2.5'] = { answer: 'implemented' };
  zones.z2['sr-2.6'] = { answer: 'implemented' };
  const assessment: Record<string, object> = {
    'zcr-1.1': { answer: 'implemented' },
    'zcr-2.1': { answer: 'implemented' },
    'zcr-3.1': { answer: 'implemented' },
    'zcr-3.2': { answer: 'not_implemented' },
    'zcr-3.3': { answer: 'partial' },
    'zcr-3.5': { answer: 'not_applicable', justification: 'No wireless links in the plant.' },
    'org-1': { answer: 'ml2' },
    'org-2': { answer: 'ml1' },
    'org-3': { answer: 'ml1' },
    'cm-1': { answer: 'ml1' },
    'cm-2': { answer: 'not_performed' },
    'net-1': { answer: 'ml2' },
    'net-2': { answer: 'ml1' },
    'comp-1': { answer: 'not_performed' },
    'user-1': { answer: 'ml2' },
    'event-1': { answer: 'ml1' },
  };
  return {
    format: 'iec62443-assess/assessment',
    schema: 3,
    catalogue_version: CATALOGUE_VERSION,
    assessment: {
      id,
      name: 'Riverside water treatment: OT security review',
      created: '2026-11-20T09:00:00.000Z',
      updated: '2026-11-24T16:45:00.000Z',
      catalogue_version: CATALOGUE_VERSION,
      profile: { organisation: 'Riverside Water Utility', sector: 'Water and wastewater', roles: ['asset_owner'], mode: 'full', target_maturity: 2 },
      zones: [
        { id: 'z1', name: 'Treatment control', description: 'PLCs, HMIs and the SCADA servers of the treatment works.', asset_types: ['plc', 'hmi'], criticality: 'high', target: [2, 2, 2, 2, 2, 2, 2] },
        { id: 'z2', name: 'Plant DMZ', description: 'Historian mirror and remote access jump host.', asset_types: [], criticality: 'medium', target: [2, 2, 2, 2, 3, 1, 2] },
        { id: 'z3', name: 'Chlorination safety PLCs', description: 'Safety instrumented system of the chlorine dosing.', asset_types: ['plc'], criticality: 'high', target: [3, 3, 3, 2, 3, 2, 3] },
      ],
      conduits: [
        { id: 'c1', name: 'Historian link', from: 'z1', to: 'z2', protocols: 'OPC UA', crosses_it: true, crosses_internet: false },
        { id: 'c2', name: 'Safety network', from: 'z1', to: 'z3', protocols: 'PROFIsafe', crosses_it: false, crosses_internet: false },
      ],
      products: [],
      answers: { assessment, all_zones: allZones, zones, products: {} },
      plan: {
        'sr-5.1': { status: 'planned', owner: 'OT team', target_date: '2027-03-31', note: 'Separate VLAN and firewall for the safety PLCs' },
        'sr-2.5': { status: 'done', owner: '', target_date: '', note: '' },
      },
      last_step: 'report',
    },
  };
}
