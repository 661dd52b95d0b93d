/**
 * R26: the attributes ISO/IEC 27002:2022 gives control 5.27, shown wherever the control is
 * described (the report header, the evidence pack header).
 */
export interface ControlAttribute {
  label: string;
  values: readonly string[];
}

export const A527_CONTROL = {
  reference: 'ISO/IEC 27001:2022 Annex A 5.27',
  title: 'Learning from information security incidents',
  attributes: [
    { label: 'Control type', values: ['Preventive'] },
    { label: 'Information security properties', values: ['Confidentiality', 'Integrity', 'Availability'] },
    { label: 'Cybersecurity concepts', values: ['Identify', 'Protect'] },
    { label: 'Operational capabilities', values: ['Information security event management'] },
    { label: 'Security domains', values: ['Defence'] },
  ] satisfies readonly ControlAttribute[],
} as const;
