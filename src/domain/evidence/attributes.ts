/**
 * R26: the attributes ISO/IEC 27002:2022 gives control 5.27 "Learning from information security
 * incidents", shown in the evidence pack's header so the auditor sees which control it evidences.
 */
export const CONTROL_ATTRIBUTES = {
  control: 'ISO/IEC 27001:2022 Annex A 5.27 — Learning from information security incidents',
  controlType: ['Preventive'],
  securityProperties: ['Confidentiality', 'Integrity', 'Availability'],
  cybersecurityConcepts: ['Identify', 'Protect'],
  operationalCapabilities: ['Information security event management'],
  securityDomains: ['Defence'],
} as const;

export type ControlAttributes = typeof CONTROL_ATTRIBUTES;

/** The attribute rows as label → values, in the standard's order. */
export const CONTROL_ATTRIBUTE_ROWS: readonly { label: string; values: readonly string[] }[] = [
  { label: 'Control type', values: CONTROL_ATTRIBUTES.controlType },
  { label: 'Information security properties', values: CONTROL_ATTRIBUTES.securityProperties },
  { label: 'Cybersecurity concepts', values: CONTROL_ATTRIBUTES.cybersecurityConcepts },
  { label: 'Operational capabilities', values: CONTROL_ATTRIBUTES.operationalCapabilities },
  { label: 'Security domains', values: CONTROL_ATTRIBUTES.securityDomains },
];
